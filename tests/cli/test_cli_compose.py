"""``export --compose`` and ``export --sequence`` run as a user runs them: pictures whose
captions carry the exact products, an animation of every step, and one-line refusals."""

import os
import subprocess
import sys

import pytest
from PIL import Image


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viz", *args], capture_output=True, text=True,
                          env=env, timeout=120)


PAIR = ("--define", "A=1 1; 0 1", "--define", "B=0 -1; 1 0")


def test_compose_draws_ab_beside_ba_with_the_exact_products(tmp_path):
    svg = tmp_path / "ab.svg"
    result = run("export", *PAIR, "--compose", "--out", str(svg))
    assert result.returncode == 0, result.stderr
    text = svg.read_text()
    for caption in ("AB: first B, then A", "BA: first A, then B", "A(Bx) = (AB)x = (−1, 1)",
                    "B(Ax) = (BA)x = (−2, 3)", "AB ≠ BA", "AB − BA = [[1, 0], [0, −1]]"):
        assert caption in text
    png = tmp_path / "ab.png"
    result = run("export", *PAIR, "--compose", "--out", str(png), "--size", "1500x700", "--theme", "light")
    assert result.returncode == 0, result.stderr
    image = Image.open(png).convert("RGB")
    assert image.size == (1500, 700) and image.getpixel((3, 3)) == (255, 255, 255)


def test_compose_of_a_commuting_pair_says_why(tmp_path):
    svg = tmp_path / "turns.svg"
    result = run("export", "--define", "A=0 -1; 1 0", "--define", "B=-2 0; 0 -2", "--compose",
                 "--vector", "2 1", "--out", str(svg))
    assert result.returncode == 0, result.stderr
    text = svg.read_text()
    assert "AB = BA" in text and "B = −2I" in text and "x = (2, 1)" in text


def test_the_moment_t_picks_a_point_of_the_sequence(tmp_path):
    svg = tmp_path / "half.svg"
    result = run("export", "--sequence", "[2 0; 0 1], [1 1; 0 1]", "--t", "0.5", "--out", str(svg))
    assert result.returncode == 0, result.stderr
    assert "after 1 of 2 steps: M₁ = [[2, 0], [0, 1]]" in svg.read_text()
    end = tmp_path / "end.svg"
    assert run("export", "--sequence", "[2 0; 0 1], [1 1; 0 1]", "--out", str(end)).returncode == 0
    assert "after 2 of 2 steps: M₂ M₁ = [[2, 1], [0, 1]]" in end.read_text()


def test_a_sequence_animates_every_step_and_rests_between(tmp_path):
    gif = tmp_path / "seq.gif"
    result = run("export", "--sequence", "rot(90), [1 1; 0 1]", "--animate", "--fps", "10",
                 "--size", "480x270", "--out", str(gif), "--quiet")
    assert result.returncode == 0, result.stderr
    with Image.open(gif) as image:
        # two steps of 1.2 s and one pause of 0.4 s at 10 frames a second, both ends included
        assert image.n_frames == 29 and image.size == (480, 270)
        image.seek(12)
        still = image.convert("RGB").tobytes()
        image.seek(15)  # the pause after the first step: the picture holds still
        assert image.convert("RGB").tobytes() == still


@pytest.mark.parametrize("args, message", [
    (("--compose", "--define", "A=1 2; 3 4"), "needs both matrices"),
    (("--compose", "--define", "A=1 2; 3 4", "--define", "B=1 2 3; 4 5 6; 7 8 9"), "must both be 2×2 or both 3×3"),
    (("--sequence", "C"), "C is not defined"),
    (("--sequence", " "), "the sequence is empty"),
    (("--sequence", "[1 2; 3 4], [1 0 0; 0 1 0; 0 0 1]"), "every step must be 2×2"),
    (("--compose", *PAIR, "--animate"), "--compose writes a still picture"),
    (("--sequence", "rot(45)", "--define", "Q=1 0; 0 1"), "not Q"),
    (("--matrix", "1 0; 0 1", "--define", "A=1 0; 0 1"), "--define names matrices for --compose"),
])
def test_bad_input_gets_one_line_and_exit_2(tmp_path, args, message):
    result = run("export", *args, "--out", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.png").exists()
