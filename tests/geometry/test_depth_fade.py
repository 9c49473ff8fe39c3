"""Depth cues without a GPU: farther line work fainter, by one rule (viz.geometry3d.depth_alphas)
that the GL view and the painted exports share."""

import numpy as np
import pytest

from viz.geometry3d import (
    CAMERA_PRESETS,
    DEPTH_FLOOR,
    Camera,
    depth_alphas,
    depth_fade,
    faded_lattice,
    picture_depth_range,
    project,
    view_direction,
)

CAMERAS = [CAMERA_PRESETS["iso"], Camera(azimuth=-120, elevation=-40, distance=20, center=(1, 2, 0)),
           Camera(azimuth=200, elevation=10, fov=45)]
MATRICES = [np.eye(3), np.array([[1.0, 1, 0], [0, 1, 0], [0, 0, 2]]),
            np.array([[1.0, 0, 1], [0, 1, 1], [1, 1, 2]]),  # rank 2
            np.zeros((3, 3))]


def test_the_floor_reads_as_receding_but_visible():
    assert 0.35 <= DEPTH_FLOOR <= 0.45


def test_fade_is_full_at_the_nearest_and_the_floor_at_the_farthest():
    depths = np.random.default_rng(1).uniform(-7.0, 11.0, 200)
    alphas = depth_fade(depths)
    assert alphas[np.argmin(depths)] == 1.0
    assert alphas[np.argmax(depths)] == pytest.approx(DEPTH_FLOOR)
    order = np.argsort(depths)
    assert np.all(np.diff(alphas[order]) <= 0)                 # monotone: farther is never brighter
    assert np.all(np.diff(alphas[order]) < 0) or len(set(depths)) < len(depths)


def test_fade_holds_its_ends_outside_the_range_and_fades_nothing_in_a_flat_picture():
    assert depth_fade([-5.0, 0.0, 1.0, 2.0, 9.0], near=0.0, far=2.0).tolist() == \
        pytest.approx([1.0, 1.0, (1 + DEPTH_FLOOR) / 2, DEPTH_FLOOR, DEPTH_FLOOR])
    assert depth_fade([3.0, 3.0, 3.0]).tolist() == [1.0, 1.0, 1.0]
    assert depth_fade([]).shape == (0,)
    assert depth_fade([0.0, 1.0], floor=0.5).tolist() == [1.0, 0.5]


@pytest.mark.parametrize("camera", CAMERAS)
def test_depth_is_measured_along_the_view_direction(camera):
    points = np.random.default_rng(2).uniform(-4, 4, (50, 3))
    _, depth = project(points, camera, (800, 600))
    along = points @ view_direction(camera)
    assert np.allclose(depth - along, (depth - along)[0])        # the same up to one constant
    assert np.linalg.norm(view_direction(camera)) == pytest.approx(1.0)


@pytest.mark.parametrize("camera", CAMERAS)
@pytest.mark.parametrize("matrix", MATRICES, ids=["identity", "shear", "rank2", "zero"])
def test_nearer_lattice_points_are_never_fainter(camera, matrix):
    points, _ = faded_lattice(matrix)
    alphas = depth_alphas(points, camera, matrix)
    _, depth = project(points, camera, (800, 600))
    order = np.argsort(depth, kind="stable")
    assert np.all(np.diff(alphas[order]) <= 1e-12)
    if np.any(matrix):  # the lattice reaches past the cube's neighbourhood on both sides
        assert alphas.max() == pytest.approx(1.0) and alphas.min() == pytest.approx(DEPTH_FLOOR)
    else:               # everything at the origin: one depth, one opacity
        assert np.ptp(alphas) == 0


@pytest.mark.parametrize("matrix", MATRICES[:3], ids=["identity", "shear", "rank2"])
def test_turning_the_camera_round_reverses_the_fade(matrix):
    camera = CAMERA_PRESETS["iso"]
    behind = Camera(azimuth=camera.azimuth + 180.0, elevation=-camera.elevation)
    assert np.allclose(view_direction(behind), -view_direction(camera))
    points, _ = faded_lattice(matrix)
    front, back = depth_alphas(points, camera, matrix), depth_alphas(points, behind, matrix)
    assert np.allclose(front + back, 1.0 + DEPTH_FLOOR)          # the nearest becomes the farthest
    assert front.std() > 0.1                                      # and there was a fade to reverse


def test_the_fade_spans_the_bright_neighbourhood_of_the_cube():
    """The unit cube's corners (the parallelepiped, where the lattice is brightest) spread over
    a good part of the fade: its near corner clearly brighter than its far one."""
    camera = CAMERA_PRESETS["iso"]
    corners = np.array([[0.0, 0, 0], [1, 1, 1]])  # the far and the near corner seen from iso
    far, near = depth_alphas(corners, camera, np.eye(3))
    assert near - far > 0.2
    near_end, far_end = picture_depth_range(np.eye(3), camera)
    assert far_end - near_end == pytest.approx(4.0)                # the ball of radius 2 about the cube


def test_huge_and_non_finite_pictures_fade_to_numbers():
    for matrix in (np.diag([1e300, 1e300, 1e300]), np.full((3, 3), 1e200)):
        points, _ = faded_lattice(matrix)
        with np.errstate(all="ignore"):
            alphas = depth_alphas(points, CAMERA_PRESETS["iso"], matrix)
        assert np.all(np.isfinite(alphas)) and np.all((alphas >= DEPTH_FLOOR) & (alphas <= 1.0))
