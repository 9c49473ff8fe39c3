"""Properties of lattice_segments for any matrix and view: every segment is a piece of the image
of a grid line x = k or y = k, inside the view; no line that crosses the view is missing (unless
the grid is thinned, and then k = 0 stays); the images of the axes come apart from the rest."""

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from viz.geometry import lattice_segments

# quarters make lines that pass exactly through corners or lie along edges
entries = st.one_of(st.floats(-3, 3), st.integers(-8, 8).map(lambda n: n / 4))
matrices = st.lists(entries, min_size=4, max_size=4).map(lambda e: np.array([e[:2], e[2:]]))
centres = st.one_of(st.floats(-20, 20), st.integers(-6, 6).map(float))
half_sizes = st.one_of(st.floats(0.05, 15), st.integers(1, 6).map(float))
rects = st.tuples(centres, centres, half_sizes, half_sizes).map(
    lambda r: (r[0] - r[2], r[0] + r[2], r[1] - r[3], r[1] + r[3]))  # often without the origin


def _families(matrix):
    """(step, direction) of the lines x = k (k·î' + s·ĵ') and of the lines y = k (k·ĵ' + s·î')."""
    return ((matrix[:, 0], matrix[:, 1]), (matrix[:, 1], matrix[:, 0]))


def _crossing(matrix, rect, slack):
    """Brute force: for each family, the k whose line comes within ``slack`` of the rect's
    interior (``slack`` < 0: crosses it by more than −slack), from every corner's offset."""
    x_min, x_max, y_min, y_max = rect
    corners = np.array([[x, y] for x in (x_min, x_max) for y in (y_min, y_max)])
    crossing = []
    for step, direction in _families(matrix):
        normal = np.array([-direction[1], direction[0]]) / np.hypot(*direction)
        spacing = normal @ step  # line k lies at offset k·spacing along the normal
        reach = corners @ normal
        widest = math.ceil(np.abs(reach).max() / abs(spacing)) + 2
        ks = np.arange(-widest, widest + 1)
        near = (reach.min() - slack < ks * spacing) & (ks * spacing < reach.max() + slack)
        crossing.append(set(ks[near].tolist()))
    return crossing


def _longer_than(segments, length):
    """The segments (pairs layout) longer than ``length``."""
    keep = np.hypot(*(segments[1::2] - segments[0::2]).T) > length
    return segments.reshape(-1, 2, 2)[keep].reshape(-1, 2)


def _line_numbers(matrix, segments):
    """Which grid line each segment lies on, pulled back through the matrix: (family, k),
    family 0 for x = k and 1 for y = k; None where neither."""
    pre = np.linalg.solve(matrix, segments.T).T
    found = []
    for start, end in zip(pre[0::2], pre[1::2]):
        numbers = [(family, round(start[family])) for family in (0, 1)
                   if abs(start[family] - round(start[family])) < 1e-7
                   and abs(end[family] - round(start[family])) < 1e-7]
        found.append(numbers[0] if len(numbers) == 1 else None)
    return found


@settings(max_examples=200, deadline=None)
@given(matrices, rects, st.integers(1, 120))
def test_every_grid_line_that_crosses_the_view_is_drawn_inside_it_once(matrix, rect, max_lines):
    (a, b), (c, d) = matrix.tolist()
    assume(abs(a * d - b * c) > 0.05)  # well away from singular: a segment pulls back to one line
    grid, axes = lattice_segments(matrix, rect, max_lines)
    size = max(map(abs, rect)) + 1.0
    for segments in (grid, axes):
        assert segments.dtype == np.float64 and segments.ndim == 2 and segments.shape[1] == 2
        assert len(segments) % 2 == 0
        x, y, slack = segments[:, 0], segments[:, 1], 1e-9 * size
        assert np.all((x >= rect[0] - slack) & (x <= rect[1] + slack))
        assert np.all((y >= rect[2] - slack) & (y <= rect[3] + slack))
    # a line that only touches a corner of the view is drawn as a point, which lies on a line of
    # each family: such a point says nothing about which line it belongs to
    grid, axes = (_longer_than(segments, 1e-9 * size) for segments in (grid, axes))
    grid_lines, axis_lines = _line_numbers(matrix, grid), _line_numbers(matrix, axes)
    assert None not in grid_lines and None not in axis_lines
    assert all(k != 0 for _, k in grid_lines) and all(k == 0 for _, k in axis_lines)
    assert len(set(grid_lines)) == len(grid_lines) and len(set(axis_lines)) == len(axis_lines)
    assert grid_lines == sorted(grid_lines)  # x = k before y = k, each in order of k
    surely, maybe = _crossing(matrix, rect, -1e-7 * size), _crossing(matrix, rect, 1e-7 * size)
    for family in (0, 1):
        drawn = {k for f, k in grid_lines + axis_lines if f == family}
        assert drawn <= maybe[family]  # nothing drawn that does not reach the view
        if 0 in surely[family]:
            assert (family, 0) in axis_lines  # the image of an axis is never thinned out
        if len(maybe[family]) <= max_lines:
            assert surely[family] <= drawn  # not thinned: every line across the view is there
        else:
            assert len(drawn) <= max_lines


@pytest.mark.parametrize("matrix, lines", [
    ([[1e300, 1e300], [1e300, -1e300]], "axes"),   # lines far apart: only the axes' images
    ([[1e308, 0.0], [0.0, 1e308]], "axes"),
    ([[1e-6, 0.0], [0.0, 1e-6]], "thinned"),       # lines far too dense: thinned to a ruler's
    ([[1e-300, 0.0], [0.0, 1e-300]], "none"),        # î', ĵ' too short to draw: only points
    ([[1.0, 1.0], [1.0, 1.0 + 1e-9]], "thinned"),
    ([[1.0, 1.0], [1.0, 1.0 + 1e-13]], "axes"),       # as good as singular: its one line
    ([[1.0, 2.0], [2.0, 4.0]], "axes"),             # rank 1: every line on y = 2x
    ([[0.0, 0.0], [0.0, 0.0]], "none"),              # every line goes to the origin
    ([[1.0, 0.0], [0.0, 0.0]], "axes"),             # lines y = k stay, x = k are points
])
def test_extreme_matrices_give_finite_segments_without_warnings(matrix, lines):
    rect = (-6.25, 6.25, -9.2, 9.2)
    grid, axes = lattice_segments(np.array(matrix), rect)  # pytest turns a numpy warning into an error
    assert grid.shape[1:] == axes.shape[1:] == (2,) and np.all(np.isfinite(grid)) and np.all(np.isfinite(axes))
    assert (len(grid) > 0) == (lines == "thinned") and (len(axes) > 0) == (lines != "none")
    assert len(grid) // 2 <= 2 * 48
