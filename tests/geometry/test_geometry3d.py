"""3D geometry without a GPU: lattice, parallelepiped, plane patches, camera and face order."""

import numpy as np
import pytest

from viz.geometry3d import (
    CAMERA_PRESETS,
    Camera,
    faces_back_to_front,
    lattice_segments,
    line_through_origin,
    parallelepiped,
    plane_patch,
    project,
    signed_volume,
)


def test_lattice_covers_the_cube_with_3_times_49_lines():
    segments = lattice_segments(np.eye(3))
    assert segments.shape == (2 * 3 * 49, 3)
    assert segments.min() == -3 and segments.max() == 3
    directions = segments[1::2] - segments[0::2]
    # every line runs along exactly one axis, for its full length 6
    assert np.all(np.sort(np.abs(directions), axis=1) == [0, 0, 6])


def test_rank_2_matrix_puts_every_lattice_point_on_one_plane():
    matrix = np.array([[1.0, 0, 1], [0, 1, 1], [1, 1, 2]])  # column 3 = column 1 + column 2
    points = lattice_segments(matrix)
    normal = np.cross(matrix[:, 0], matrix[:, 1])
    assert np.abs(points @ normal).max() < 1e-9


def test_parallelepiped_volume_and_shape():
    matrix = np.array([[1.0, 1, 0], [0, 1, 0], [0, 0, 2]])
    corners, faces, edges = parallelepiped(matrix)
    assert corners.shape == (8, 3) and faces.shape == (6, 4) and edges.shape == (12, 2)
    assert signed_volume(matrix) == pytest.approx(2.0)
    # every edge of the image is the image of a unit edge: one of the three columns
    vectors = corners[edges[:, 1]] - corners[edges[:, 0]]
    columns = matrix.T
    assert all(any(np.allclose(v, c) for c in columns) for v in vectors)


def test_faces_are_quadrilaterals_of_the_cube():
    corners, faces, _ = parallelepiped(np.eye(3))
    for face in faces:
        quad = corners[face]
        assert len({tuple(p) for p in quad}) == 4
        # a face of the unit cube: one coordinate is the same for its 4 corners
        assert any(np.all(quad[:, k] == quad[0, k]) for k in range(3))


def test_plane_patch_lies_in_the_plane():
    normal = np.array([1.0, 1.0, 1.0])
    patch = plane_patch(normal, half_size=2)
    assert np.abs(patch @ normal).max() < 1e-12
    sides = np.linalg.norm(np.diff(np.vstack([patch, patch[:1]]), axis=0), axis=1)
    assert np.allclose(sides, 4.0)


def test_line_through_origin_is_centred():
    segment = line_through_origin([0, 0, 2], half_length=3)
    assert segment.tolist() == [[0, 0, -3], [0, 0, 3]]


def test_camera_presets_look_along_the_axes():
    size = (800, 600)
    along_x, depth = project([[5, 0, 0], [0, 0, 0]], CAMERA_PRESETS["x"], size)
    assert np.allclose(along_x[0], along_x[1])      # looking down the x-axis: x collapses
    assert depth[0] < depth[1]                      # +x is nearer the camera
    from_above, _ = project([[0, 0, 5], [0, 0, 0], [1, 0, 0], [0, 1, 0]], CAMERA_PRESETS["z"], size)
    assert np.allclose(from_above[0], from_above[1])
    assert from_above[2][0] > from_above[1][0]       # x points right
    assert from_above[3][1] < from_above[1][1]       # y points up (screen y grows down)


def test_back_to_front_order_puts_the_far_face_first():
    corners, faces, _ = parallelepiped(np.eye(3))
    camera = Camera(azimuth=0.0, elevation=0.0)     # camera on +x
    order = faces_back_to_front(corners, faces, camera)
    first, last = corners[faces[order[0]]], corners[faces[order[-1]]]
    assert np.all(first[:, 0] == 0) and np.all(last[:, 0] == 1)  # x = 0 face far, x = 1 near
