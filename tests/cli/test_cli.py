"""The command line, run as a user runs it: a separate process, exit codes, one-line errors."""

import json
import os
import subprocess
import sys

import pytest
from PyQt6 import QtGui


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viz", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_info_json_has_exact_values():
    result = run("info", "--matrix", "2 1; 1 2", "--format", "json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    assert {"det", "trace", "rank", "eigenvalues", "inverse", "description"} <= set(facts)
    assert facts["det"] == "3" and facts["trace"] == "4" and facts["rank"] == 2
    assert facts["inverse"] == [["2/3", "-1/3"], ["-1/3", "2/3"]]
    assert sorted(ev["value"] for ev in facts["eigenvalues"]) == ["1", "3"]


def test_info_text_and_latex():
    text = run("info", "--matrix", "1 2; 2 4")
    assert text.returncode == 0
    assert "det         0" in text.stdout and "y = 2x" in text.stdout
    latex = run("info", "--matrix", "1/2 0; 0 2", "--format", "latex")
    assert r"\frac{1}{2}" in latex.stdout and r"\begin{bmatrix}" in latex.stdout


def test_export_png_headless(tmp_path):
    out = tmp_path / "shear.png"
    result = run("export", "--matrix", "1 1; 0 1", "--out", str(out), "--size", "800x500",
                 "--theme", "light", "--t", "0.5")
    assert result.returncode == 0, result.stderr
    image = QtGui.QImage(str(out))
    assert (image.width(), image.height()) == (800, 500)


@pytest.mark.parametrize("args, fragment", [
    (("info", "--matrix", "1 2; 3"), "row 2"),
    (("info", "--matrix", "1 x; 3 4"), "unknown name"),
    (("info", "--matrix", "1 2 3; 4 5 6"), "2×3"),
    (("export", "--matrix", "1 0; 0 1", "--out", "a.gif"), ".png or .svg"),
    (("export", "--matrix", "1 0; 0 1", "--out", "a.png", "--size", "big"), "1600x1000"),
    (("export", "--matrix", "1 0; 0 1", "--out", "a.png", "--t", "2"), "from 0 to 1"),
    (("info",), "--matrix"),
])
def test_bad_input_is_one_line_and_status_2(args, fragment):
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert fragment.lower() in lines[0].lower()


def test_info_steps_and_expressions():
    result = run("info", "--matrix", "2 1; 1 2", "--steps")
    assert result.returncode == 0
    assert "R2 ← R2 − R1" in result.stdout and "Inverse by Gauss–Jordan" in result.stdout
    data = json.loads(run("info", "--matrix", "2 1; 1 2", "--steps", "--format", "json").stdout)
    assert [s["title"] for s in data["steps"]][0] == "Determinant by cofactor expansion"
    expr = run("info", "--define", "A=1 2; 3 4", "--define", "B=0 1; 1 0", "--expr", "(AB)^{-1}", "--format", "json")
    assert expr.returncode == 0, expr.stderr
    assert json.loads(expr.stdout)["matrix"] == [["3/2", "-1/2"], ["-2", "1"]]  # (AB)⁻¹ with AB = [[2, 1], [4, 3]]
    scalar = run("info", "--expr", "2^-1 + 1/3")
    assert scalar.stdout.strip() == "5/6"


def test_info_accepts_3x3():
    facts = json.loads(run("info", "--matrix", "1 0 0; 0 0 -1; 0 1 0", "--format", "json").stdout)
    assert facts["description"] == \
        "rotation by 90° about the x-axis, counter-clockwise seen from +x (right-hand rule)"


@pytest.mark.parametrize("args, fragment", [
    (("info", "--expr", "A B", "--define", "A=1 2; 3 4"), "B is not defined"),
    (("info", "--expr", "A", "--define", "a=1"), "capital letter"),
    (("info", "--expr", "A^{-1}", "--define", "A=1 2; 2 4"), "singular"),
    (("info", "--matrix", "1 0; 0 1", "--expr", "I"), "not allowed with"),
])
def test_bad_expressions_are_one_line_and_status_2(args, fragment):
    result = run(*args)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert fragment.lower() in result.stderr.lower()


def test_export_3d_svg_needs_no_opengl(tmp_path):
    out = tmp_path / "cube.svg"
    result = run("export", "--matrix", "1 0 0; 0 1 0; 0 0 2", "--out", str(out), "--camera", "z")
    assert result.returncode == 0, result.stderr
    text = out.read_text()
    assert "volume = 2" in text and "scales x by 1, y by 1 and z by 2" in text


def test_export_3d_png_without_opengl_says_what_is_missing(tmp_path):
    out = tmp_path / "cube.png"
    env_run = subprocess.run([sys.executable, "-m", "viz", "export", "--matrix", "1 0 0; 0 1 0; 0 0 2",
                              "--out", str(out)], capture_output=True, text=True, timeout=60,
                             env={k: v for k, v in os.environ.items()
                                  if k not in ("DISPLAY", "QT_QPA_PLATFORM")})
    assert env_run.returncode == 2 and not out.exists()
    assert "needs OpenGL" in env_run.stderr and len(env_run.stderr.strip().splitlines()) == 1


def test_export_3d_png_with_a_display(qapp, tmp_path):
    from viz.gl_support import opengl_problem

    if not os.environ.get("DISPLAY") or opengl_problem():
        if os.environ.get("LINEAR_LENS_REQUIRE_GL") == "1":
            pytest.fail("OpenGL is required here (LINEAR_LENS_REQUIRE_GL=1)")
        pytest.skip("no display with OpenGL")
    out = tmp_path / "cube.png"
    result = subprocess.run([sys.executable, "-m", "viz", "export", "--matrix", "1 0 0; 0 1 0; 0 0 2",
                             "--out", str(out), "--size", "800x500", "--azimuth", "30",
                             "--elevation", "20"], capture_output=True, text=True, timeout=60,
                            env={k: v for k, v in os.environ.items() if k != "QT_QPA_PLATFORM"})
    assert result.returncode == 0, result.stderr
    image = QtGui.QImage(str(out))
    assert (image.width(), image.height()) == (800, 500)


@pytest.mark.parametrize("args, fragment", [
    (("export", "--matrix", "1 0; 0 1", "--out", "a.png", "--camera", "x"), "for 3×3 matrices"),
    (("export", "--matrix", "1 0; 0 1", "--out", "a.gif", "--animate", "--orbit", "30"), "for 3×3 matrices"),
    (("export", "--matrix", "1 0 0; 0 1 0; 0 0 1", "--out", "a.svg", "--elevation", "120"), "between -90 and 90"),
    (("export", "--matrix", "1 0 0; 0 1 0; 0 0 1", "--out", "a.svg", "--vector", "1 2"), "3 components"),
])
def test_bad_3d_export_requests(args, fragment):
    result = run(*args)
    assert result.returncode == 2 and fragment in result.stderr


def test_info_markdown():
    result = run("info", "--matrix", "1/2 1; 0 2", "--format", "markdown")
    assert result.returncode == 0, result.stderr
    assert r"\frac{1}{2}" in result.stdout and "|" in result.stdout
    refused = run("info", "--vectors", "1 2; 3 4", "--format", "markdown")
    assert refused.returncode == 2 and "markdown" in refused.stderr


def test_export_session_keeps_every_named_vector_and_its_colour(tmp_path):
    """Regression: ``export --session`` built its own scene and dropped the session's extra
    vectors and their colours; it now reads the session the way File → Open does."""
    from kernels import Matrix, Vector
    from viz.scene import SceneState, VectorStyle
    from viz.session import Session, save_session

    state = SceneState(Matrix([[1, 1], [0, 1]]), (("v", Vector([1, 2])), ("w", Vector([-2, 1]))),
                       styles={"w": VectorStyle("#ff00ff", "both")})
    session_path = tmp_path / "w.lens.json"
    save_session(Session(state), session_path)
    out = tmp_path / "w.svg"
    result = run("export", "--session", str(session_path), "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert "#ff00ff" in out.read_text().lower()  # w, in its own colour
