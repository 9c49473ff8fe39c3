"""``linear-lens lesson``: the list (text and JSON), a handout with a picture per step, bad input."""

import json
import os
import subprocess
import sys

from PIL import Image

from viz.lessons.format import load_lessons


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viz.cli", "lesson", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def test_list_as_text_and_json():
    lessons, _ = load_lessons()
    text = run("--list")
    assert text.returncode == 0 and len(text.stdout.splitlines()) == len(lessons)
    rows = json.loads(run("--list", "--format", "json").stdout)
    assert [row["name"] for row in rows] == [lesson.name for lesson in lessons]
    assert all(4 <= row["steps"] <= 10 for row in rows)


def test_export_writes_markdown_and_one_png_per_step(tmp_path):
    result = run("export", "6", "--out", str(tmp_path / "handout"), "--theme", "light")
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "handout" / "06-inverse.md").read_text()
    assert r"\begin{bmatrix}" in markdown
    pictures = sorted((tmp_path / "handout").glob("step-*.png"))
    assert len(pictures) == 6
    with Image.open(pictures[0]) as picture:
        assert picture.size == (1200, 800)
    assert all(f"]({picture.name})" in markdown for picture in pictures)


def test_bad_input_is_one_line_and_status_2(tmp_path):
    for args in (("export", "no-such-lesson", "--out", str(tmp_path)), ("export", "05-determinant"), ()):
        result = run(*args)
        assert result.returncode == 2 and len(result.stderr.strip().splitlines()) == 1, result.stderr
