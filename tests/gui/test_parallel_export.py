"""Many exports writing the same picture at once, while someone keeps opening it.

Each process runs ``linear-lens export`` several times to the same .png and .svg. Whoever wins,
the file must always be one whole picture: a reader polling during the overwrites finds a
complete PNG (or SVG) every time, and no temporary file is left at the end.
"""

import io
import os
import subprocess
import sys
import threading
import xml.etree.ElementTree as ET

from PIL import Image
from PyQt6 import QtGui

PROCESSES = 8
ROUNDS = 3  # each process writes the .png and the .svg this many times
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
PNG_END = b"IEND\xaeB`\x82"  # the last chunk of every complete PNG

# one process: the command line's own entry point, run ROUNDS times for each picture
WORKER = """
import sys
from viz.cli import main
png, svg, rounds = sys.argv[1], sys.argv[2], int(sys.argv[3])
for _ in range(rounds):
    for out in (png, svg):
        if main(["export", "--matrix", "2 1; 1 3", "--out", out, "--size", "400x250"]) != 0:
            sys.exit(1)
"""


def png_problem(data: bytes) -> str | None:
    """Why ``data`` is not a whole PNG file, or None."""
    if not data.startswith(PNG_SIGNATURE) or not data.endswith(PNG_END):
        return f"not a whole PNG ({len(data)} bytes)"
    try:
        with Image.open(io.BytesIO(data)) as image:
            image.load()
    except Exception as error:  # any decoding failure is the answer
        return f"Pillow cannot read it: {error}"
    if QtGui.QImage.fromData(data, "PNG").isNull():
        return "Qt cannot read it"
    return None


def svg_problem(data: bytes) -> str | None:
    """Why ``data`` is not a whole SVG file, or None."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError as error:
        return f"not valid XML ({len(data)} bytes): {error}"
    return None if root.tag.endswith("svg") else f"the root is {root.tag}, not svg"


def test_parallel_exports_of_one_name_always_leave_a_whole_picture(tmp_path):
    png, svg = tmp_path / "same.png", tmp_path / "same.svg"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    workers = [subprocess.Popen([sys.executable, "-c", WORKER, str(png), str(svg), str(ROUNDS)], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
               for _ in range(PROCESSES)]
    reads, problems = [], []
    done = threading.Event()

    def poll():  # a reader opening the files while they are overwritten
        while not done.is_set():
            for path, problem in ((png, png_problem), (svg, svg_problem)):
                try:
                    data = path.read_bytes()
                except FileNotFoundError:
                    continue  # not written yet
                reads.append(path.name)
                if problem(data):
                    problems.append(f"{path.name} while writing: {problem(data)}")

    reader = threading.Thread(target=poll)
    reader.start()
    try:
        results = [(worker.wait(timeout=120), *worker.communicate()) for worker in workers]
    finally:
        done.set()
        reader.join()
    for code, out, err in results:
        assert code == 0, err
        assert out.count("wrote") == 2 * ROUNDS
    assert problems == []
    assert reads  # the reader did see the files while they were written
    assert png_problem(png.read_bytes()) is None and svg_problem(svg.read_bytes()) is None
    assert sorted(os.listdir(tmp_path)) == ["same.png", "same.svg"]  # no temporary file left
