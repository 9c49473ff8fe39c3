"""Geometry is pure numpy: lattice lines, clipping and the parallelogram, tested without Qt."""

import numpy as np
import pytest

from viz.geometry import clip_lines, fit_rect, lattice_segments, parallelogram, signed_area

RECT = (-5.0, 5.0, -3.0, 3.0)


def _inside(points, rect, slack=1e-9):
    x_min, x_max, y_min, y_max = rect
    return np.all((points[:, 0] >= x_min - slack) & (points[:, 0] <= x_max + slack)
                  & (points[:, 1] >= y_min - slack) & (points[:, 1] <= y_max + slack))


def test_identity_grid_has_one_line_per_integer_in_view():
    grid, axes = lattice_segments(np.eye(2), RECT)
    # x = -5..5 without 0 (10 lines) and y = -3..3 without 0 (6 lines)
    assert len(grid) // 2 == 16
    assert len(axes) // 2 == 2
    assert _inside(grid, RECT) and _inside(axes, RECT)


@pytest.mark.parametrize("matrix", [
    [[1, 1], [0, 1]],            # shear
    [[0, -1], [1, 0]],           # rotation by 90°
    [[2, 1], [1, 2]],
    [[0.3, -2.0], [1.7, 0.4]],
])
def test_every_segment_lies_on_an_image_of_a_grid_line(matrix):
    matrix = np.array(matrix, dtype=float)
    grid, _ = lattice_segments(matrix, RECT)
    assert len(grid) > 0 and _inside(grid, RECT)
    # pull each endpoint back: one of its coordinates must be an integer (it lies on x = k or y = k)
    pre = np.linalg.solve(matrix, grid.T).T
    starts, ends = pre[0::2], pre[1::2]
    on_vertical = np.isclose(starts[:, 0], np.round(starts[:, 0])) & np.isclose(starts[:, 0], ends[:, 0])
    on_horizontal = np.isclose(starts[:, 1], np.round(starts[:, 1])) & np.isclose(starts[:, 1], ends[:, 1])
    assert np.all(on_vertical | on_horizontal)


def test_grid_fills_the_view_at_any_zoom():
    far = (100.0, 140.0, -300.0, -280.0)
    grid, _ = lattice_segments(np.array([[1.0, 1.0], [0.0, 1.0]]), far)
    assert len(grid) // 2 >= 20
    assert _inside(grid, far)


def test_singular_matrix_collapses_every_line_onto_one():
    grid, axes = lattice_segments(np.array([[1.0, 2.0], [2.0, 4.0]]), RECT)
    assert len(grid) == 0
    assert len(axes) >= 2
    direction = axes[1] - axes[0]
    assert abs(direction[1] - 2 * direction[0]) < 1e-9  # the line y = 2x


def test_zero_matrix_draws_no_lines():
    grid, axes = lattice_segments(np.zeros((2, 2)), RECT)
    assert len(grid) == 0 and len(axes) == 0


def test_near_singular_matrix_thins_lines_instead_of_exploding():
    grid, _ = lattice_segments(np.array([[1.0, 1.0], [1.0, 1.0 + 1e-9]]), RECT)
    assert len(grid) // 2 <= 2 * 160 + 2
    assert np.all(np.isfinite(grid))


def test_clip_drops_lines_that_miss_the_rectangle():
    segments = clip_lines(np.array([[0.0, 10.0], [0.0, 0.0]]), np.array([[1.0, 0.0], [1.0, 0.0]]), RECT)
    assert segments.tolist() == [[-5.0, 0.0], [5.0, 0.0]]


def test_parallelogram_and_signed_area():
    assert parallelogram([[1, 1], [0, 1]]).tolist() == [[0, 0], [1, 0], [2, 1], [1, 1], [0, 0]]
    assert signed_area([[0, 1], [1, 0]]) == -1.0
    assert signed_area([[1, 2], [2, 4]]) == 0.0


def test_fit_rect_keeps_aspect_and_contains_points():
    x_min, x_max, y_min, y_max = fit_rect([[4, 1], [-1, 3]], aspect=1.6)
    assert x_max / y_max == pytest.approx(1.6)
    assert x_max > 4 and y_max > 3 and x_min == -x_max
