"""The animation path keeps rotations rotations and never fakes a collapse."""

import math

import numpy as np
import pytest

from viz.animation import smooth
from viz.interpolation import TransformPath, rotation

TS = np.linspace(0, 1, 41)


def test_half_turn_rotates_instead_of_passing_through_zero():
    path = TransformPath(np.eye(2), -np.eye(2))
    for t in TS:
        m = path.at(t)
        assert np.allclose(m.T @ m, np.eye(2))          # a rotation all the way
        assert np.linalg.det(m) == pytest.approx(1.0)
    assert np.allclose(path.at(0.5), rotation(math.pi / 2))  # counter-clockwise


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


@pytest.mark.parametrize("target", [[[1, 1], [0, 1]], [[2, 0], [0, 3]], [[1, -1], [1, 1]]])
def test_orientation_preserving_targets_never_flatten(target):
    path = TransformPath(np.eye(2), np.array(target, dtype=float))
    assert min(np.linalg.det(path.at(t)) for t in TS) > 0.5


def test_reflection_flattens_exactly_once():
    path = TransformPath(np.eye(2), np.array([[0.0, 1.0], [1.0, 0.0]]))
    dets = np.array([np.linalg.det(path.at(t)) for t in TS])
    signs = np.sign(dets[np.abs(dets) > 1e-9])
    assert np.sum(np.diff(signs) != 0) == 1  # positive, then negative: one flip


def test_rotation_to_rotation_turns_the_short_way():
    path = TransformPath(rotation(math.radians(170)), rotation(math.radians(-170)))
    middle = path.at(0.5)
    assert np.allclose(middle, rotation(math.pi))  # through 180°, not back through 0°


def test_smooth_easing_is_monotone_and_pinned():
    values = [smooth(t) for t in TS]
    assert values[0] == 0 and values[-1] == 1
    assert all(b >= a for a, b in zip(values, values[1:]))


# -- 3D -------------------------------------------------------------------------------------

from viz.interpolation import rotation_about  # noqa: E402


def test_rotation_about_an_axis_animates_as_that_rotation():
    axis = np.array([1.0, 1.0, 1.0]) / np.sqrt(3)
    target = rotation_about(axis, np.radians(120))  # cycles x → y → z
    assert np.allclose(target, [[0, 0, 1], [1, 0, 0], [0, 1, 0]])
    path = TransformPath(np.eye(3), target)
    for t in TS:
        m = path.at(t)
        assert np.allclose(m.T @ m, np.eye(3)) and np.linalg.det(m) == pytest.approx(1.0)
        assert np.allclose(m @ axis, axis)  # the axis never moves
    assert np.allclose(path.at(0.5), rotation_about(axis, np.radians(60)))


def test_half_turn_in_space_stays_a_rotation():
    path = TransformPath(np.eye(3), np.diag([1.0, -1.0, -1.0]))  # 180° about x
    assert min(np.linalg.det(path.at(t)) for t in TS) == pytest.approx(1.0)


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


def test_mismatched_shapes_are_refused():
    with pytest.raises(ValueError, match="2×2 or two 3×3"):
        TransformPath(np.eye(2), np.eye(3))
