"""The animation path tells the truth (issue 16, "Motion that tells the truth").

Required of every path from P to M, tested as properties over random 2×2 and 3×3 matrices and
over a named table: det(t) moves monotonically from det P to det M; nothing flattens
(det(t) ≠ 0 for 0 < t < 1) unless an end is singular, or the orientation flips, when det(t)
passes through 0 once; a shear stays a shear; rotations rotate; scalings scale along their own
axes; exact ends. Plus the matrix exponential and logarithm against known values.

numpy only: no Qt here.
"""

import math

import numpy as np
import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from viz.interpolation import (
    SINGULAR,
    TransformPath,
    _expm_series,
    _principal_log,
    collapse_factor,
    expm,
    fold_factor,
    logm,
    rotation,
    rotation_about,
)

TS = np.linspace(0, 1, 41)
I2, I3 = np.eye(2), np.eye(3)
AXIS_111 = np.ones(3) / math.sqrt(3)


def cross(axis) -> np.ndarray:
    """[a]×: the matrix of v ↦ a × v (a rotation's logarithm is angle·[axis]×)."""
    x, y, z = axis
    return np.array([[0.0, -z, y], [z, 0.0, -x], [-y, x, 0.0]])


def singular(matrix) -> bool:
    sigma = np.linalg.svd(matrix, compute_uv=False)
    return bool(sigma[0] == 0 or sigma[-1] <= SINGULAR * sigma[0])


def frames(path, count=101):
    return np.array([path.at(t) for t in np.linspace(0, 1, count)])


def assert_tells_the_truth(P, M, count=101):
    """Every property a path from P to M must have; returns the path and its determinants."""
    P, M = np.asarray(P, dtype=float), np.asarray(M, dtype=float)
    path = TransformPath(P, M)
    assert np.array_equal(path.at(0), P) and np.array_equal(path.at(1), M)  # exact ends
    shown = frames(path, count)
    assert np.all(np.isfinite(shown))
    size = max(np.linalg.norm(P), np.linalg.norm(M))
    # continuous: no jumps between frames beyond what the change of scale itself needs (a path
    # from 10⁻² to 10⁶ grows by 10^(8/100) ≈ 1.2 a frame), and no jump onto either end
    small = min(np.linalg.norm(P), np.linalg.norm(M))
    growth = 10.0 ** (np.log10(size / small) / (count - 1)) - 1.0 if small > 0 else 0.0
    assert np.abs(np.diff(shown, axis=0)).max() <= (0.3 + growth) * size, path.kind
    assert np.abs(path.at(1e-9) - P).max() <= 1e-6 * size
    assert np.abs(path.at(1 - 1e-9) - M).max() <= 1e-6 * size

    dets = np.linalg.det(shown)
    largest = np.abs(dets).max()
    noise = 1e-12 * size ** len(P)  # below this a float matrix's det cannot be told from 0
    tolerance = 1e-9 * largest + noise
    # det(t) monotonic, from det P to det M
    rising = np.sign(dets[-1] - dets[0])
    if rising == 0:
        assert np.abs(dets - dets[0]).max() <= tolerance, (path.kind, dets)
    else:
        assert np.all(rising * np.diff(dets) >= -tolerance), (path.kind, dets)
    # nothing flattens unless it must, and then only once
    inside = dets[1:-1]
    clear = np.abs(inside) > noise
    start_flat, end_flat = singular(P), singular(M)
    if start_flat and end_flat:
        assert np.abs(dets).max() <= tolerance, (path.kind, dets)
    elif start_flat:
        assert np.all(np.sign(dets[1:][np.abs(dets[1:]) > noise]) == np.sign(dets[-1])), (path.kind, dets)
    elif end_flat:
        assert np.all(np.sign(dets[:-1][np.abs(dets[:-1]) > noise]) == np.sign(dets[0])), (path.kind, dets)
    elif dets[0] * dets[-1] > 0:
        assert np.all(np.sign(inside[clear]) == np.sign(dets[0])), (path.kind, dets)
    else:
        signs = np.concatenate([[np.sign(dets[0])], np.sign(inside[clear]), [np.sign(dets[-1])]])
        assert np.sum(np.diff(signs) != 0) == 1, (path.kind, dets)  # one fold
    return path, dets


# -- the example ------------------------------------------------------------------------

def test_halfway_to_a_shear_is_half_the_shear():
    path = TransformPath(I2, [[1, 1], [0, 1]])
    assert np.allclose(path.at(0.5), [[1, 0.5], [0, 1]], atol=1e-15)  # was [[0.973, 0.487], [0, 1.088]]
    assert path.kind == "log"
    for t in TS:
        shown = path.at(t)
        assert np.array_equal(shown[:, 0], [1, 0])               # î never leaves the x-axis
        assert shown[1, 1] == pytest.approx(1, abs=1e-15)         # horizontal lines stay put
        assert np.linalg.det(shown) == pytest.approx(1, abs=1e-14)


# -- random matrices -----------------------------------------------------------------------------

ENTRIES = st.one_of(
    st.integers(-3, 3).map(float),  # small integers: repeated eigenvalues, shears, singular ends
    st.floats(-3, 3, allow_nan=False, allow_infinity=False).map(lambda x: round(x, 2)),
)


def square(n: int):
    return st.lists(ENTRIES, min_size=n * n, max_size=n * n).map(lambda v: np.array(v).reshape(n, n))


PAIRS = st.integers(2, 3).flatmap(lambda n: st.tuples(square(n), square(n)))


def singular_matrices(n: int):
    """Rank n − 1 or lower, exactly: columns that are combinations of fewer columns."""
    rank = st.integers(0, n - 1)
    return rank.flatmap(lambda r: st.tuples(
        st.lists(ENTRIES, min_size=n * r, max_size=n * r),
        st.lists(ENTRIES, min_size=r * n, max_size=r * n),
    ).map(lambda ab: np.array(ab[0]).reshape(n, r) @ np.array(ab[1]).reshape(r, n) if r else np.zeros((n, n))))


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 3).flatmap(square))
@example(np.array([[0.0, 1.0], [1.0, 0.0]]))
@example(np.array([[-1.0, 1.0], [0.0, -1.0]]))        # a negative Jordan block: no real log
@example(np.array([[-1.0, 0.0], [0.0, -2.0]]))        # two negative eigenvalues
@example(np.array([[-1.0, 1.0], [-0.001, -1.0]]))     # a log that swings wide: polar instead
@example(-np.eye(3))
@example(np.diag([-1.0, -2.0, -3.0]))
def test_every_path_from_the_identity_tells_the_truth(target):
    assert_tells_the_truth(np.eye(len(target)), target)


@settings(max_examples=150, deadline=None)
@given(PAIRS)
def test_every_path_between_two_matrices_tells_the_truth(pair):
    assert_tells_the_truth(*pair)


@settings(max_examples=100, deadline=None)
@given(st.integers(2, 3).flatmap(lambda n: st.tuples(square(n), singular_matrices(n))))
def test_singular_ends_are_reached_only_at_the_end(pair):
    start, flat = pair
    assert_tells_the_truth(start, flat)  # collapse at t = 1
    assert_tells_the_truth(flat, start)  # unfold from t = 0


@settings(max_examples=60, deadline=None)
@given(st.integers(2, 3).flatmap(lambda n: st.tuples(singular_matrices(n), singular_matrices(n))))
def test_two_singular_ends_stay_flat(pair):
    assert_tells_the_truth(*pair)


@settings(max_examples=100, deadline=None)
@given(PAIRS, st.integers(-6, 6), st.integers(-6, 6))
@example(pair=(np.array([[0.0, 0.0], [1.0, 3.0]]), np.array([[0.0, 1.0], [1.0, 0.0]])), shift0=-2, shift1=6)
def test_the_path_does_not_depend_on_units(pair, shift0, shift1):
    """Scaling an end by 10^k scales the picture, not the kind of motion."""
    P, M = pair
    assert_tells_the_truth(P * 10.0 ** shift0, M * 10.0 ** shift1)


# -- shears stay shears ---------------------------------------------------------------------------

SHEARS = {
    "along x by 1": ([[1, 1], [0, 1]], [1, 0]),
    "along y by 1": ([[1, 0], [1, 1]], [0, 1]),
    "along x by −2.5": ([[1, -2.5], [0, 1]], [1, 0]),
    "along y = x": ([[0.5, 0.5], [-0.5, 1.5]], [1, 1]),
    "3D, x by y": ([[1, 1, 0], [0, 1, 0], [0, 0, 1]], [1, 0, 0]),
    "3D, z by x and y": ([[1, 0, 0], [0, 1, 0], [2, -1, 1]], [0, 0, 1]),
}


@pytest.mark.parametrize("shear, fixed", SHEARS.values(), ids=SHEARS.keys())
def test_a_shear_stays_a_shear(shear, fixed):
    shear = np.array(shear, dtype=float)
    n = len(shear)
    path, dets = assert_tells_the_truth(np.eye(n), shear)
    assert path.kind == "log"
    assert np.allclose(dets, 1, atol=1e-12)                         # area (volume) never changes
    moved = shear - np.eye(n)                                       # N: every point slides by N·v
    for t in TS:
        shown = path.at(t)
        assert np.allclose(shown @ fixed, fixed, atol=1e-12)        # the fixed line stays fixed
        assert np.allclose(shown, np.eye(n) + t * moved, atol=1e-12)  # sliding at a steady rate


def test_a_shear_of_a_picture_keeps_the_pictures_fixed_line():
    """From M to S·M, S a shear along ℓ: the points M sends onto ℓ stay put, det stays det M."""
    start = np.array([[2.0, 1.0], [-1.0, 3.0]])
    line = np.array([1.0, 2.0]) / math.sqrt(5)
    shear = np.eye(2) + 1.5 * np.outer(line, [-line[1], line[0]])  # slides along ℓ
    path, dets = assert_tells_the_truth(start, shear @ start)
    assert np.allclose(dets, np.linalg.det(start))
    preimage = np.linalg.solve(start, line)
    for t in TS:
        assert np.allclose(path.at(t) @ preimage, line)


# -- rotations rotate ---------------------------------------------------------------------------

ROTATIONS = {
    "90°": (rotation(math.pi / 2), rotation(math.pi / 4)),
    "180°": (-I2, rotation(math.pi / 2)),                           # counter-clockwise
    "270°": (rotation(3 * math.pi / 2), rotation(-math.pi / 4)),     # the short way: −90°
    "−30°": (rotation(-math.pi / 6), rotation(-math.pi / 12)),
    "120° about (1, 1, 1)": (rotation_about(AXIS_111, 2 * math.pi / 3), rotation_about(AXIS_111, math.pi / 3)),
    "90° about z": ([[0, -1, 0], [1, 0, 0], [0, 0, 1]], rotation_about((0, 0, 1), math.pi / 4)),
    "180° about x": (np.diag([1.0, -1.0, -1.0]), rotation_about((1, 0, 0), math.pi / 2)),
    "180° about (1, 1, 1)": (rotation_about(AXIS_111, math.pi), rotation_about(AXIS_111, math.pi / 2)),
}


@pytest.mark.parametrize("target, halfway", ROTATIONS.values(), ids=ROTATIONS.keys())
def test_rotations_rotate(target, halfway):
    target = np.array(target, dtype=float)
    n = len(target)
    path, dets = assert_tells_the_truth(np.eye(n), target)
    assert path.kind == "log"
    for t in TS:
        shown = path.at(t)
        assert np.allclose(shown.T @ shown, np.eye(n), atol=1e-12)  # orthogonal all the way
        assert np.linalg.det(shown) == pytest.approx(1, abs=1e-12)  # never through 0
    assert np.allclose(path.at(0.5), halfway, atol=1e-12)          # half the angle, same axis


def test_the_half_turn_never_passes_through_zero():
    for target in (-I2, np.diag([1.0, -1.0, -1.0]), rotation_about(AXIS_111, math.pi)):
        shown = frames(TransformPath(np.eye(len(target)), target))
        assert np.linalg.svd(shown, compute_uv=False).min() == pytest.approx(1)


@settings(max_examples=60, deadline=None)
@given(st.floats(-3.1, 3.1), st.floats(-1, 1), st.floats(-1, 1), st.floats(-1, 1))
def test_every_rotation_in_space_turns_about_its_own_axis(angle, x, y, z):
    axis = np.array([x, y, z])
    if np.linalg.norm(axis) < 0.1:
        axis = np.array([0.0, 0.0, 1.0])
    axis = axis / np.linalg.norm(axis)
    path = TransformPath(I3, rotation_about(axis, angle))
    for t in TS:
        shown = path.at(t)
        assert np.allclose(shown.T @ shown, I3, atol=1e-10)
        assert np.allclose(shown @ axis, axis, atol=1e-10)
    assert np.allclose(path.at(0.5), rotation_about(axis, angle / 2), atol=1e-10)


def test_a_rotated_picture_turns_rigidly():
    """From P to R·P (R a rotation): every frame is a rotation of P itself."""
    start = np.array([[2.0, 1.0], [0.0, 0.5]])
    path, _ = assert_tells_the_truth(start, rotation(2.0) @ start)
    for t in TS:
        assert np.allclose(path.at(t), rotation(2.0 * t) @ start)


def test_rotation_to_rotation_turns_the_short_way():
    path = TransformPath(rotation(math.radians(170)), rotation(math.radians(-170)))
    assert np.allclose(path.at(0.5), rotation(math.pi))  # through 180°, not back through 0°


# -- scalings scale along their own axes ----------------------------------------------------------

SCALINGS = {
    "2 and 3": [2, 3],
    "½ and 4": [0.5, 4],
    "3 and 3": [3, 3],
    "a thousandth and a thousand": [1e-3, 1e3],
    "2, flipping y": [2, -1],
    "2, 3 and ½": [2, 3, 0.5],
    "2, 3, flipping z": [2, 3, -1],
}


@pytest.mark.parametrize("scales", SCALINGS.values(), ids=SCALINGS.keys())
def test_scalings_scale_along_their_own_axes(scales):
    target = np.diag(np.array(scales, dtype=float))
    n = len(target)
    path, dets = assert_tells_the_truth(np.eye(n), target)
    shown = frames(path)
    diagonals = np.diagonal(shown, axis1=1, axis2=2)
    assert np.allclose(shown, np.array([np.diag(d) for d in diagonals]), atol=1e-12)  # diagonal
    steps = np.diff(diagonals, axis=0) * np.sign(np.array(scales) - 1)
    assert np.all(steps >= -1e-12)                                    # each axis moves one way
    if min(scales) > 0:  # geometric: σ^t
        assert np.allclose(path.at(0.5), np.diag(np.sqrt(scales)))


def test_a_stretch_along_tilted_axes_keeps_those_axes():
    axes = rotation(0.4)
    target = axes @ np.diag([3.0, 0.5]) @ axes.T
    path, _ = assert_tells_the_truth(I2, target)
    for t in TS:
        assert np.allclose(path.at(t), axes @ np.diag([3.0 ** t, 0.5 ** t]) @ axes.T)


def test_diagonal_to_diagonal_stays_diagonal():
    path, _ = assert_tells_the_truth(np.diag([2.0, 3.0]), np.diag([4.0, 1.0]))
    assert np.allclose(path.at(0.5), np.diag([2 * math.sqrt(2), math.sqrt(3)]))


# -- reflections fold across their mirror --------------------------------------------------------

MIRRORS = {
    "across the x-axis": (np.diag([1.0, -1.0]), [1, 0]),
    "across y = x": (np.array([[0.0, 1.0], [1.0, 0.0]]), [1, 1]),
    "across the line at 30°": (np.array([[0.5, math.sqrt(3) / 2], [math.sqrt(3) / 2, -0.5]]),
                               [math.cos(math.pi / 6), math.sin(math.pi / 6)]),
    "across z = 0": (np.diag([1.0, 1.0, -1.0]), [1, 0, 0]),
    "across x + y + z = 0": (I3 - 2 * np.outer(AXIS_111, AXIS_111), [1, -1, 0]),
}


@pytest.mark.parametrize("mirror, fixed", MIRRORS.values(), ids=MIRRORS.keys())
def test_a_reflection_folds_across_its_mirror(mirror, fixed):
    n = len(mirror)
    path, dets = assert_tells_the_truth(np.eye(n), mirror)
    assert path.kind == "fold"
    assert np.allclose(dets, 1 - 2 * np.linspace(0, 1, len(dets)))  # det = 1 − 2t: flat at ½ only
    for t in TS:
        assert np.allclose(path.at(t) @ fixed, fixed)                # the mirror stays put


def test_reflection_flattens_exactly_once():
    path = TransformPath(np.eye(2), np.array([[0.0, 1.0], [1.0, 0.0]]))
    dets = np.array([np.linalg.det(path.at(t)) for t in TS])
    signs = np.sign(dets[np.abs(dets) > 1e-9])
    assert np.sum(np.diff(signs) != 0) == 1  # positive, then negative: one flip


# -- projections and other singular targets ------------------------------------------------------

SINGULAR_TARGETS = {
    "onto the x-axis": [[1, 0], [0, 0]],
    "onto y = x": [[0.5, 0.5], [0.5, 0.5]],
    "columns on y = 2x": [[1, 2], [2, 4]],
    "nilpotent": [[0, 1], [0, 0]],
    "zero": [[0, 0], [0, 0]],
    "flip x, flatten y": [[-1, 0], [0, 0]],
    "onto the plane z = 0": [[1, 0, 0], [0, 1, 0], [0, 0, 0]],
    "onto the z-axis": [[0, 0, 0], [0, 0, 0], [0, 0, 1]],
    "along z onto a tilted plane": [[1, 0, 0], [0, 1, 0], [1, 1, 0]],
    "rank 1 in space": [[1, 2, 3], [2, 4, 6], [1, 2, 3]],
    "3D nilpotent": [[0, 1, 0], [0, 0, 1], [0, 0, 0]],
}


@pytest.mark.parametrize("target", SINGULAR_TARGETS.values(), ids=SINGULAR_TARGETS.keys())
def test_singular_targets_flatten_only_at_the_end(target):
    target = np.array(target, dtype=float)
    n = len(target)
    path, dets = assert_tells_the_truth(np.eye(n), target)
    assert np.all(dets[:-1] > 0) and dets[-1] == 0
    if np.allclose(target @ target, target):  # a projection: its image stays put all the way
        image = np.linalg.svd(target)[0][:, : np.linalg.matrix_rank(target)]
        for t in TS:
            assert np.allclose(path.at(t) @ image, image)


# -- from a matrix that is not the identity ----------------------------------------------------------

PAIRS_TABLE = {
    "shear → shear·shear": ([[1, 1], [0, 1]], [[1, 2], [0, 1]]),
    "scaled → rotated": ([[2, 0], [0, 1]], [[0, -1], [2, 0]]),
    "rotation → reflection": ([[0, -1], [1, 0]], [[1, 0], [0, -1]]),
    "reflection → reflection": ([[1, 0], [0, -1]], [[0, 1], [1, 0]]),
    "singular → invertible": ([[1, 2], [2, 4]], [[2, 1], [1, 3]]),
    "singular → singular": ([[1, 0], [0, 0]], [[0, 0], [0, 1]]),
    "3D shear → rotation": ([[1, 1, 0], [0, 1, 0], [0, 0, 1]], [[0, -1, 0], [1, 0, 0], [0, 0, 1]]),
    "3D scale → projection": ([[2, 0, 0], [0, 3, 0], [0, 0, 0.5]], [[1, 0, 0], [0, 1, 0], [0, 0, 0]]),
    "3D point reflection → I": (-I3, I3),
}


@pytest.mark.parametrize("start, end", PAIRS_TABLE.values(), ids=PAIRS_TABLE.keys())
def test_paths_between_matrices_tell_the_truth(start, end):
    assert_tells_the_truth(start, end)


# -- the float limits ---------------------------------------------------------------------------

LIMITS = {
    "1e300 diagonal": (I2, [[1e300, 0], [0, 1e300]]),
    "1e-300 to 1e300": ([[1e-300, 0], [0, 1e-300]], [[1e300, 0], [0, 1e300]]),
    "huge and tiny mixed": (I2, [[1e300, 1e-300], [1e-300, 1e300]]),
    "huge next to tiny": (I2, [[1e300, 0], [0, 1e-300]]),
    "1e308 next to 1": (I2, [[1e308, 0], [0, 1]]),
    "1.7e308 rotation": (I2, [[0, -1.7e308], [1.7e308, 0]]),
    "subnormal": (I2, [[1e-320, 0], [0, 1e-320]]),
    "shear by 1e20": (I2, [[1, 1e20], [0, 1]]),
    "reflection 1e150": (I2, [[-1e150, 0], [0, 1e150]]),
    "3D 1e300": (I3, np.diag([1e300, 1e300, 1e-300])),
}


@pytest.mark.parametrize("start, end", LIMITS.values(), ids=LIMITS.keys())
def test_entries_near_the_float_limits_warn_of_nothing(start, end):
    path = TransformPath(start, end)  # warnings are errors in this suite
    assert np.array_equal(path.at(1), end)
    for t in TS:
        shown = path.at(t)
        assert not np.any(np.isnan(shown))  # finite, or ±inf (the views refuse to draw it)


def test_a_huge_change_of_scale_is_geometric():
    path = TransformPath(1e-300 * I2, 1e300 * I2)
    assert np.allclose(path.at(0.5), I2)
    assert np.allclose(path.at(0.25), 1e-150 * I2, rtol=1e-9, atol=0)


def test_matrices_that_are_not_finite_are_refused():
    with pytest.raises(ValueError, match="finite"):
        TransformPath(I2, [[np.inf, 0], [0, 1]])


# -- the exponential and the logarithm -------------------------------------------------------------

@pytest.mark.parametrize("angle", [0.0, 0.3, -1.2, math.pi / 2, 3.0, math.pi])
def test_exp_of_a_turn_is_a_rotation(angle):
    assert np.allclose(expm(angle * np.array([[0.0, -1.0], [1.0, 0.0]])), rotation(angle), atol=1e-15)
    assert np.allclose(expm(angle * cross(AXIS_111)), rotation_about(AXIS_111, angle), atol=1e-14)


def test_exp_of_known_matrices():
    assert np.array_equal(expm([[0.0, 2.0], [0.0, 0.0]]), [[1.0, 2.0], [0.0, 1.0]])
    nilpotent = np.array([[0.0, 1.0, 3.0], [0.0, 0.0, 2.0], [0.0, 0.0, 0.0]])
    assert np.allclose(expm(nilpotent), np.eye(3) + nilpotent + nilpotent @ nilpotent / 2, atol=1e-15)
    assert np.allclose(expm(np.diag([1.0, -2.0])), np.diag([math.e, math.exp(-2)]), rtol=1e-15)
    assert np.allclose(expm(np.diag([5.0, -3.0, 0.5])), np.diag(np.exp([5.0, -3.0, 0.5])), rtol=1e-13)
    assert np.allclose(expm([[1.0, 1.0], [1.0, 1.0]]), [[(math.exp(2) + 1) / 2, (math.exp(2) - 1) / 2],
                                                        [(math.exp(2) - 1) / 2, (math.exp(2) + 1) / 2]])
    assert np.array_equal(expm(np.zeros((3, 3))), np.eye(3))


@settings(max_examples=100, deadline=None)
@given(square(2))
def test_the_closed_form_exp_agrees_with_the_series(L):
    assert np.allclose(expm(L), _expm_series(L), rtol=1e-12, atol=1e-12)


def test_log_of_known_matrices():
    assert np.allclose(logm(rotation(2.5)), 2.5 * np.array([[0, -1], [1, 0]]))
    assert np.allclose(logm([[1.0, 3.0], [0.0, 1.0]]), [[0.0, 3.0], [0.0, 0.0]])
    assert np.allclose(logm(np.diag([2.0, 0.5])), np.diag([math.log(2), math.log(0.5)]))
    assert np.allclose(logm(-2 * I2), [[math.log(2), -math.pi], [math.pi, math.log(2)]])  # half a turn
    assert np.allclose(logm(rotation_about(AXIS_111, 2.0)), 2.0 * cross(AXIS_111))
    assert np.allclose(logm([[1.0, 1.0, 0.0], [0.0, 1.0, 1.0], [0.0, 0.0, 1.0]]),
                       [[0.0, 1.0, -0.5], [0.0, 0.0, 1.0], [0.0, 0.0, 0.0]])  # N − N²/2
    assert np.allclose(logm(np.diag([2.0, 3.0, 0.25])), np.diag(np.log([2.0, 3.0, 0.25])))
    half_turn_and_scale = np.diag([2.0, -3.0, -3.0])  # 180° about x, y and z stretched by 3
    assert np.allclose(logm(half_turn_and_scale),
                       np.diag([math.log(2), math.log(3), math.log(3)]) + math.pi * cross([1, 0, 0]))


@pytest.mark.parametrize("matrix", [
    [[-1, 0], [0, -2]],                   # two different negative eigenvalues
    [[-1, 1], [0, -1]],                   # a negative Jordan block
    [[0, 1], [1, 0]],                     # det < 0
    [[1, 2], [2, 4]],                     # singular
    [[-1, 0, 0], [0, -2, 0], [0, 0, 1]],  # two different negative eigenvalues in space
    [[-1, 1, 0], [0, -1, 0], [0, 0, 1]],  # a negative Jordan block in space
    -np.eye(3),                           # det < 0
])
def test_no_real_log(matrix):
    assert logm(np.array(matrix, dtype=float)) is None


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 3).flatmap(square))
def test_exp_undoes_log(A):
    L = logm(A)
    if L is not None:
        assert np.allclose(expm(L), A, rtol=1e-8, atol=1e-9 * max(1.0, np.abs(A).max()))
        if len(A) == 2 and min(abs(np.linalg.eigvals(A))) > 0 and np.linalg.det(A) > 0:
            principal = _principal_log(A) if min(np.linalg.eigvals(A).real) > 0 else None
            if principal is not None:  # the closed form and inverse scaling and squaring agree
                assert np.allclose(principal, L, atol=1e-8)


# -- timing a fold or a collapse ----------------------------------------------------------------------

@settings(max_examples=200, deadline=None)
@given(st.floats(-5, -0.01), st.floats(-8, 8))
def test_a_fold_keeps_det_monotonic(end, log_rho):
    ts = np.linspace(0, 1, 401)
    scale = np.array([fold_factor(t, end, log_rho) for t in ts])
    det = scale * np.exp(ts * log_rho)
    assert scale[0] == 1 and scale[-1] == pytest.approx(end)
    assert np.all(np.diff(scale) <= 1e-12) and np.all(np.diff(det) <= 1e-12)
    assert np.sum(np.diff(np.sign(scale[scale != 0])) != 0) == 1


@settings(max_examples=200, deadline=None)
@given(st.floats(-8, 8), st.integers(1, 3))
def test_a_collapse_keeps_det_monotonic(log_rho, flattened):
    ts = np.linspace(0, 1, 401)
    scale = np.array([collapse_factor(t, log_rho, flattened) for t in ts])
    det = scale ** flattened * np.exp(ts * log_rho)
    assert scale[0] == 1 and scale[-1] == 0 and np.all(scale[:-1] > 0)
    assert np.all(np.diff(scale) <= 0) and np.all(np.diff(det) <= 1e-12)


# -- the rest ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("target", [
    [[1, 1], [0, 1]], [[2, 0], [0, 3]], [[0, 1], [1, 0]], [[1, 2], [2, 4]],
    [[0, 0], [0, 0]], [[1, -1], [1, 1]], [[-2, 0.5], [0.3, -1]],
])
def test_path_starts_and_ends_exactly(target):
    target = np.array(target, dtype=float)
    path = TransformPath(np.eye(2), target)
    assert np.array_equal(path.at(0), np.eye(2))
    assert np.array_equal(path.at(1), target)
    assert np.allclose(path.at(1 - 1e-9), target, atol=1e-6)  # continuous at the end


@pytest.mark.parametrize("target", [
    [[1, 1, 0], [0, 1, 0], [0, 0, 1]],          # shear
    [[2, 0, 0], [0, 3, 0], [0, 0, 0.5]],        # scale
    [[1, 0, 0], [0, 1, 0], [0, 0, -1]],         # reflection across z = 0
    [[1, 0, 0], [0, 1, 0], [0, 0, 0]],          # projection onto z = 0
    [[0, -1, 0], [1, 0, 0], [0, 0, 1]],         # rotation about z
])
def test_3d_path_is_exact_at_both_ends_and_continuous(target):
    target = np.array(target, dtype=float)
    path = TransformPath(np.eye(3), target)
    assert np.array_equal(path.at(0), np.eye(3)) and np.array_equal(path.at(1), target)
    samples = np.array([path.at(t) for t in np.linspace(0, 1, 201)])
    assert np.abs(np.diff(samples, axis=0)).max() < 0.1  # no jumps between frames


def test_a_path_that_stays_put_stays_put():
    path = TransformPath([[2.0, 1.0], [0.0, 3.0]], [[2.0, 1.0], [0.0, 3.0]])
    assert path.kind == "constant" and np.array_equal(path.at(0.5), [[2.0, 1.0], [0.0, 3.0]])


def test_mismatched_shapes_are_refused():
    with pytest.raises(ValueError, match="2×2 or two 3×3"):
        TransformPath(np.eye(2), np.eye(3))


def test_smooth_easing_is_monotone_and_pinned():
    pytest.importorskip("PyQt6")
    from viz.animation import smooth  # the easing lives beside the Qt animator

    values = [smooth(t) for t in TS]
    assert values[0] == 0 and values[-1] == 1
    assert all(b >= a for a, b in zip(values, values[1:]))
