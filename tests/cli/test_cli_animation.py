"""``linear-lens export --animate`` and ``--session``, run as a user runs them: a separate
process, a progress bar only on a terminal, exit status 2 and one line for bad input."""

import json
import os
import pty
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHEAR = ("export", "--matrix", "1 1; 0 1")
SMALL = ("--size", "320x200", "--fps", "10", "--duration", "0.5")


def run(*args, env=None, **kwargs):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ROOT, **(env or {})}
    return subprocess.run([sys.executable, "-m", "viz", *args], capture_output=True, text=True,
                          env=env, timeout=60, check=False, **kwargs)


def test_animate_writes_a_gif_and_says_so(tmp_path):
    out = tmp_path / "shear.gif"
    result = run(*SHEAR, "--animate", "--out", str(out), *SMALL)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""  # not a terminal: no progress bar
    assert result.stdout.startswith(f"wrote {out} (320×200, 6 frames")
    with Image.open(out) as gif:
        assert gif.n_frames == 6 and gif.size == (320, 200) and gif.info["loop"] == 0
    assert os.listdir(tmp_path) == ["shear.gif"]


def test_quiet_and_no_loop(tmp_path):
    out = tmp_path / "once.gif"
    result = run(*SHEAR, "--animate", "--out", str(out), *SMALL, "--no-loop", "--quiet",
                 "--from", "0 -1; 1 0", "--theme", "light")
    assert result.returncode == 0, result.stderr
    assert (result.stdout, result.stderr) == ("", "")
    with Image.open(out) as gif:
        assert gif.n_frames == 6 and "loop" not in gif.info


def test_progress_bar_is_drawn_in_place_on_a_terminal(tmp_path):
    main, terminal = pty.openpty()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": ROOT}
    process = subprocess.Popen([sys.executable, "-m", "viz", *SHEAR, "--animate", "--out",
                                str(tmp_path / "a.gif"), *SMALL],
                               stdout=subprocess.PIPE, stderr=terminal, env=env)
    os.close(terminal)
    drawn = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:  # the terminal closed: the process ended
            break
        if not chunk:
            break
        drawn += chunk
    os.close(main)
    stdout, _ = process.communicate(timeout=60)
    assert process.returncode == 0
    text = drawn.decode()
    assert "\ra.gif [" in text and "6/6" in text and text.endswith("\r\x1b[K")  # then erased
    assert stdout.decode().startswith("wrote ")


def test_mp4_without_imageio_ffmpeg_says_how_to_get_it(tmp_path):
    (tmp_path / "imageio_ffmpeg.py").write_text("raise ImportError('not installed')\n")
    out = tmp_path / "a.mp4"
    result = run(*SHEAR, "--animate", "--out", str(out), *SMALL,
                 env={"PYTHONPATH": os.pathsep.join([str(tmp_path), ROOT])})
    assert result.returncode == 2
    assert result.stderr.strip() == ("linear-lens export: MP4 needs imageio-ffmpeg: "
                                     "pip install 'linear-lens[video]'")
    assert not out.exists()


def test_mp4_when_imageio_ffmpeg_is_installed(tmp_path):
    pytest.importorskip("imageio_ffmpeg")
    out = tmp_path / "a.mp4"
    result = run(*SHEAR, "--animate", "--out", str(out), *SMALL)
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[4:8] == b"ftyp"


@pytest.mark.parametrize("args, fragment", [
    (("--animate", "--out", "a.gif", "--fps", "0"), "from 1 to 60"),
    (("--animate", "--out", "a.gif", "--fps", "fast"), "whole number"),
    (("--animate", "--out", "a.gif", "--duration", "40"), "0.1 to 30 seconds"),
    (("--animate", "--out", "a.gif", "--size", "5000x100"), "16 to 4096"),
    (("--animate", "--out", "a.gif", "--t", "0.5"), "--t"),
    (("--animate", "--out", "a.png"), ".gif or .mp4"),
    (("--animate", "--out", "a.gif", "--from", "1 2 3"), "2×2"),
    (("--out", "a.gif"), "add --animate"),
    (("--out", "a.png", "--fps", "10"), "--fps is for animations"),
    (("--out", "a.png", "--no-loop"), "--loop/--no-loop is for animations"),
])
def test_bad_animation_input_is_one_line_and_status_2(tmp_path, args, fragment):
    result = run(*SHEAR, *args, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert fragment.lower() in lines[0].lower()
    assert os.listdir(tmp_path) == []


# -- --session ----------------------------------------------------------------------------
def write_session(folder, **changes):
    data = {"format": 1, "app": "linear-lens", "dimension": 2, "matrix": [["2", "0"], ["0", "1"]],
            "vectors": [{"name": "v", "entries": ["1", "1"]}], "theme": "light",
            "palette": "classic", **changes}
    path = folder / "scene.lens.json"
    path.write_text(json.dumps(data))
    return path


def test_session_renders_a_still_and_an_animation_in_its_theme(tmp_path):
    session = write_session(tmp_path)
    still = tmp_path / "scene.png"
    result = run("export", "--session", str(session), "--out", str(still), "--size", "320x200")
    assert result.returncode == 0, result.stderr
    with Image.open(still) as image:  # the session's light theme: the background is white
        corner = image.convert("RGB").crop((290, 170, 320, 200))
        assert max(corner.getcolors(), key=lambda pair: pair[0])[1] == (255, 255, 255)
    gif = tmp_path / "scene.gif"
    result = run("export", "--session", str(session), "--animate", "--out", str(gif), *SMALL,
                 "--theme", "dark")
    assert result.returncode == 0, result.stderr
    with Image.open(gif) as image:
        assert image.n_frames == 6
        assert image.convert("RGB").getpixel((318, 198)) != (255, 255, 255)  # --theme wins


@pytest.mark.parametrize("changes, fragment", [
    ({"matrix": [["1", "2"]]}, "scene.lens.json"),
    ({"theme": "purple"}, "theme"),
])
def test_bad_session_is_one_line_and_status_2(tmp_path, changes, fragment):
    result = run("export", "--session", str(write_session(tmp_path, **changes)), "--out",
                 str(tmp_path / "a.png"))
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0]
    assert not (tmp_path / "a.png").exists()


def test_session_and_matrix_are_exclusive(tmp_path):
    result = run(*SHEAR, "--session", str(write_session(tmp_path)), "--out", "a.png")
    assert result.returncode == 2 and "not allowed with" in result.stderr


def test_a_3x3_matrix_animates_in_space_with_an_orbiting_camera(tmp_path):
    """3×3 animations are painted without OpenGL (like 3D SVGs); --orbit turns the camera."""
    still, turning = tmp_path / "still.gif", tmp_path / "turning.gif"
    common = ("export", "--matrix", "0 -1 0; 1 0 0; 0 0 2", "--animate", "--size", "320x200",
              "--fps", "5", "--duration", "1", "--no-caption")
    assert run(*common, "--out", str(still)).returncode == 0
    result = run(*common, "--out", str(turning), "--orbit", "90")
    assert result.returncode == 0, result.stderr
    with Image.open(still) as a, Image.open(turning) as b:
        assert a.n_frames == b.n_frames == 6
        a.seek(0)
        b.seek(0)
        first_a, first_b = np.asarray(a.convert("RGB"), float), np.asarray(b.convert("RGB"), float)
        assert np.abs(first_a - first_b).mean() < 1  # the orbit starts where the camera is…
        a.seek(5)
        b.seek(5)
        last_a, last_b = np.asarray(a.convert("RGB"), float), np.asarray(b.convert("RGB"), float)
        assert np.abs(last_a - last_b).mean() > 1  # …and ends a quarter turn around
        assert np.abs(last_a - first_a).mean() > 1  # the matrix moved space
