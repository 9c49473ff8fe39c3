"""Tests that fail when the picture is wrong (issue 16): what is drawn is compared with the maths.

Planted bugs that the whole suite once missed, each caught here now:
- the determinant area drawn as a triangle (``corners[:3]``): pixels inside and just outside
  every edge of the parallelogram are checked, in PNG and through the command line;
- the caption showing Mᵀ instead of M: its entries are read row by row;
- the command line ignoring ``--t``: the picture at t = 0.5 is not the one at t = 1, and its
  î is where the path puts it;
- sessions writing a long fraction with the display formatter ("≈1e-20"): the file keeps the
  exact value.
"""

import os
import subprocess
import sys
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from kernels import Matrix, Vector
from viz.export import export_picture
from viz.interpolation import TransformPath
from viz.model import SceneModel
from viz.session import Session, session_to_json

ROOT = Path(__file__).resolve().parents[2]
RECT = (-1.0, 5.0, -1.0, 3.0)
SIZE = (600, 400)  # 100 pixels per unit: (x, y) is pixel ((x + 1)·100, (3 − y)·100)
AREA_FILL = np.array([178, 226, 213])  # Okabe–Ito green at 30 % over the light theme's white

# big enough that the "det = …" label in the middle stays clear of the sampled edges
MATRICES = {"shear": [[1.6, 1.6], [0, 1.6]], "tilted": [[2.4, -0.8], [0.8, 1.9]], "stretch": [[3, 0], [0, 2.2]]}
AWAY = Vector([-Fraction(4, 5), -Fraction(1, 2)])  # v, out of the area's way


def pixel(image: np.ndarray, x: float, y: float) -> np.ndarray:
    column, row = round((x - RECT[0]) * 100), round((RECT[3] - y) * 100)
    return image[row, column, :3].astype(float)


def edges_with_normals(matrix):
    """Each edge of the unit square's image, as (midpoint, outward unit normal)."""
    m = np.asarray(matrix, dtype=float)
    corners = [np.zeros(2), m[:, 0], m[:, 0] + m[:, 1], m[:, 1]]
    centre = sum(corners) / 4
    for a, b in zip(corners, corners[1:] + corners[:1]):
        middle = (a + b) / 2
        normal = np.array([-(b - a)[1], (b - a)[0]])
        normal /= np.linalg.norm(normal)
        if normal @ (middle - centre) < 0:
            normal = -normal
        yield middle, normal


def assert_area_drawn(image: np.ndarray, matrix) -> None:
    """Filled just inside each edge, not filled just outside — except where the "det = …"
    label sits, on its own backing, around the middle of the area (±0.7 × ±0.3 units)."""
    m = np.asarray(matrix, dtype=float)
    centre = (m[:, 0] + m[:, 1]) / 2
    checked = []
    for middle, normal in edges_with_normals(matrix):
        checked.append(0)
        for along in (-0.25, 0.0, 0.25):  # three points along each edge, away from the corners
            edge_point = middle + along * np.array([-normal[1], normal[0]])
            near_label = np.abs(edge_point - centre) < (0.7, 0.3)
            if near_label.all():
                continue
            checked[-1] += 1
            inside = pixel(image, *(edge_point - 0.08 * normal))
            outside = pixel(image, *(edge_point + 0.08 * normal))
            assert np.abs(inside - AREA_FILL).max() < 30, f"not filled just inside {edge_point}: {inside}"
            assert np.abs(outside - AREA_FILL).max() > 30, f"filled just outside {edge_point}: {outside}"
    assert min(checked) >= 1 and sum(checked) >= 8  # every edge, most of its points


@pytest.mark.parametrize("name", list(MATRICES))
def test_the_area_fills_the_parallelogram_and_nothing_else(qtbot, tmp_path, name):
    matrix = MATRICES[name]
    model = SceneModel(Matrix(matrix), AWAY)
    path = export_picture(model.scene, tmp_path / "area.png", size=SIZE, rect=RECT, theme="light",
                          caption=False)
    assert_area_drawn(np.asarray(Image.open(path).convert("RGB")), matrix)


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "viz", *args], capture_output=True, text=True,
                          env=env, timeout=60, cwd=ROOT)


def test_the_command_line_draws_the_same_area_and_honours_t(tmp_path):
    session = tmp_path / "s.lens.json"
    shear = [[Fraction(8, 5), Fraction(8, 5)], [0, Fraction(8, 5)]]
    state = SceneModel(Matrix(shear), AWAY).state
    session.write_text(session_to_json(Session(state, view_rect=RECT)))
    images = {}
    for t in ("1", "0.5"):
        out = tmp_path / f"t{t}.png"
        result = run("export", "--session", str(session), "--out", str(out), "--size", "600x400",
                     "--theme", "light", "--no-caption", "--t", t)
        assert result.returncode == 0, result.stderr
        images[t] = np.asarray(Image.open(out).convert("RGB"))
    assert_area_drawn(images["1"], np.array(shear, dtype=float))
    assert np.abs(images["1"].astype(float) - images["0.5"]).mean() > 1  # --t visibly takes effect
    halfway = TransformPath(np.eye(2), np.array(shear, dtype=float)).at(0.5)
    assert_area_drawn(images["0.5"], halfway)  # and the picture is the path's, at t = 0.5


def test_the_caption_shows_m_row_by_row(qtbot):
    from viz.export import build_view

    view = build_view(SceneModel(Matrix([[1, 2], [3, 4]])).scene, SIZE)
    qtbot.addWidget(view)
    lines = [line for line in view.caption.text().splitlines() if line.strip()]
    entries = [line for line in lines if line.strip().lstrip("−-").isdigit()]
    assert entries == ["1", "2", "3", "4"]  # row 1 is (1, 2): M, not its transpose


def test_sessions_keep_long_fractions_exact_not_as_displayed():
    tiny = Fraction(1, 10 ** 20)
    state = SceneModel(Matrix([[tiny, 0], [0, 1]])).state
    text = session_to_json(Session(state))
    assert '"1/100000000000000000000"' in text and "≈" not in text
