"""The command line at its edges: a reader that leaves early, no display, numbers too long to
read, empty input, and matrices at the ends of the float range, in every output format."""

import json
import os
import re
import subprocess
import sys

import pytest

from viz.cli import EXIT_OUTPUT_CLOSED

LONG_NUMBER = re.compile(r"\d{30}")  # thirty digits in a row: nobody reads that


def run(*args, env=None):
    env = env if env is not None else {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viz", *args], capture_output=True, text=True,
                          env=env, timeout=60, check=False)


def test_a_reader_that_leaves_early_ends_the_command_quietly():
    """``linear-lens info … | head -2``: no "Broken pipe" message, and exit status 141."""
    process = subprocess.Popen([sys.executable, "-m", "viz", "info", "--matrix", "2 1; 1 2", "--steps"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                               env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    process.stdout.close()  # the reader leaves before the command has written a line
    try:
        _, errors = process.communicate(timeout=60)
    finally:
        process.kill()
    assert errors.decode() == ""
    assert process.returncode == EXIT_OUTPUT_CLOSED == 141


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and Wayland displays are Linux's")
def test_starting_the_app_without_a_display_says_so_in_one_line():
    env = {name: value for name, value in os.environ.items()
           if name not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    result = run(env=env)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "no display" in lines[0] and "xvfb-run" in lines[0], result.stderr


@pytest.mark.parametrize("rows, shortened", [("1e308 1e308; 1e308 1e308", "2e308"),
                                             ("1e-300 0; 0 1", "1e300")])
def test_numbers_too_long_to_read_are_shortened_for_people(rows, shortened):
    text = run("info", "--matrix", rows)
    assert text.returncode == 0, text.stderr
    assert not LONG_NUMBER.search(text.stdout), text.stdout
    assert f"≈{shortened}" in text.stdout
    markdown = run("info", "--matrix", rows, "--format", "markdown")
    assert markdown.returncode == 0, markdown.stderr
    assert not LONG_NUMBER.search(markdown.stdout), markdown.stdout
    latex = run("info", "--matrix", rows, "--format", "latex")
    assert latex.returncode == 0, latex.stderr
    assert not LONG_NUMBER.search(latex.stdout), latex.stdout
    assert r"\approx 1 \times 10^{" in latex.stdout and "≈" not in latex.stdout


def test_json_keeps_every_digit():
    result = run("info", "--matrix", "1e308 1e308; 1e308 1e308", "--format", "json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert facts["matrix"] == [[str(10**308)] * 2] * 2
    assert facts["trace"] == str(2 * 10**308) and facts["det"] == "0" and facts["det_float"] == 0.0


def test_json_det_float_is_null_beyond_the_float_range():
    facts = json.loads(run("info", "--matrix", "2 1/3; 0 1e308", "--format", "json").stdout)
    assert facts["det"] == str(2 * 10**308) and facts["det_float"] is None


def test_a_determinant_too_long_to_read_gets_no_second_decimal():
    text = run("info", "--matrix", "2 1/3; 0 1e308").stdout
    assert "det         ≈2e308\n" in text
    assert "det         -1/3 ≈ -0.333333\n" in run("info", "--matrix", "2 1; 1 1/3").stdout


@pytest.mark.parametrize("args, message", [
    (("info", "--vectors", ""), 'linear-lens info: --vectors needs at least one vector, e.g. "1 2; 3 4"'),
    (("info", "--vectors", "1 2", "--target", " "), "linear-lens info: --target needs the components of a vector"),
    (("export", "--matrix", "1 0; 0 1", "--vector", "", "--out", "v.png"),
     "linear-lens export: --vector needs the components of a vector"),
])
def test_empty_vectors_are_named_as_vectors(args, message):
    result = run(*args)
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(message) and len(result.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("steps", [(), ("--steps",)], ids=["facts", "steps"])
@pytest.mark.parametrize("output", ["text", "json", "latex", "markdown"])
@pytest.mark.parametrize("rows", ["2 1/3; 0 1e308", "2^-1074 0; 1/3 -1"])
def test_a_matrix_at_the_ends_of_the_float_range_never_shows_a_traceback(rows, output, steps):
    result = run("info", "--matrix", rows, "--format", output, *steps)
    assert "Traceback" not in result.stderr, result.stderr
    if result.returncode == 0:
        assert result.stderr == "" and result.stdout.strip()
        if output == "json":
            json.loads(result.stdout)
    else:
        assert result.returncode == 2 and result.stdout == ""
        assert len(result.stderr.strip().splitlines()) == 1, result.stderr
