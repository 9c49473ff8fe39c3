"""Labels never collide: measured on the pictures exports draw, for the scenes where a learner
saw them pile up (issue 16) and for random scenes, in 2D and in 3D.

A label's box is measured in the picture's pixels; two boxes may not share any area, no label
may cover an arrow head, and every label stays inside the picture.
"""

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kernels import Matrix, Vector, parse_matrix
from viz.export import build_view
from viz.geometry3d import CAMERA_PRESETS
from viz.labels import Box, head_box, overlaps
from viz.model import SceneModel
from viz.scene import SceneState
from viz.views.space_painter import SpacePainter

SIZE = (1200, 800)

SCENES_2D = {
    "projection preset: det = 0 beside î": ("1 0; 0 0", [("v", [1, 2])], ()),
    "[[1,2],[2,4]]: λ = 5 beside Mv": ("1 2; 2 4", [("v", [1, 2])], ()),
    "two ticked: det = 1 beside θ": ("1 0; 0 1", [("v", [1, 2]), ("v1", [1, 0])], (0, 1)),
    "identity: v and Mv": ("1 0; 0 1", [("v", [1, 2])], ()),
    "after Add vector: î, Mv1, proj of v": ("1 0; 0 1", [("v", [1, 2]), ("v1", [1, 0])], (0, 1)),
    "shear": ("1 1; 0 1", [("v", [1, 2]), ("w", [-2, 1])], ()),
}


def model_of(matrix: str, vectors, selection=()) -> SceneModel:
    state = SceneState(parse_matrix(matrix), tuple((n, Vector(v)) for n, v in vectors), selection=selection)
    return SceneModel(state=state)


def assert_apart(boxes: list[Box], heads: list[Box], frame) -> None:
    assert [pair for pair in overlaps(boxes) if pair[2] > 0.5] == [], "labels overlap"
    for box in boxes:
        assert all(box.overlap(head) <= 0.5 for head in heads), f"a label covers an arrow head: {box}"
        assert box.outside(*frame) <= 0.5, f"a label leaves the picture: {box}"


def check_plane(qtbot, model: SceneModel) -> int:
    view = build_view(model.scene, SIZE)
    qtbot.addWidget(view)
    boxes = [view.label_box(item) for item in view.label_items()]
    heads = [head_box(*view._scene_point(_point(item.tip))) for item in view.arrows
             if item.visible and item.tip != (0.0, 0.0)]
    corner = view.caption.scene_rect()
    boxes.append(Box(corner.left(), corner.top(), corner.width(), corner.height()))
    frame = (view.viewport().width(), view.viewport().height())
    assert_apart(boxes, [], frame)  # labels and the caption apart…
    assert_apart(boxes[:-1], heads, frame)  # …and no label on an arrow head
    return len(boxes)


def _point(xy):
    from PyQt6 import QtCore

    return QtCore.QPointF(*xy)


@pytest.mark.parametrize("name", list(SCENES_2D))
def test_labels_of_the_reported_scenes_are_apart(qtbot, name):
    matrix, vectors, selection = SCENES_2D[name]
    assert check_plane(qtbot, model_of(matrix, vectors, selection)) >= 4


def test_v_and_mv_on_one_point_read_as_one_label(qtbot):
    view = build_view(model_of("1 0; 0 1", [("v", [1, 2])]).scene, SIZE)
    qtbot.addWidget(view)
    texts = [item.toPlainText() for item in view.label_items()]
    assert "v = Mv" in texts and "v" not in texts and "Mv" not in texts


small = st.integers(-3, 3)


@settings(max_examples=25, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(small, min_size=4, max_size=4),
       vectors=st.lists(st.tuples(small, small), min_size=1, max_size=3), tick=st.booleans())
def test_labels_of_random_plane_scenes_are_apart(qtbot, entries, vectors, tick):
    a, b, c, d = entries
    named = [("v" if k == 0 else f"v{k}", list(v)) for k, v in enumerate(vectors)]
    selection = tuple(range(min(2, len(named)))) if tick else ()
    model = SceneModel(state=SceneState(Matrix([[a, b], [c, d]]),
                                        tuple((n, Vector(v)) for n, v in named), selection=selection))
    check_plane(qtbot, model)


@pytest.mark.parametrize("matrix", ["1 1 0; 0 1 0; 0 0 2", "1 0 0; 0 1 0; 0 0 1", "0 -1 0; 1 0 0; 0 0 1",
                                    "1 0 1; 0 1 1; 1 1 2", "2 0 0; 0 1 0; 0 0 0"])
def test_labels_of_3d_pictures_are_apart(qtbot, matrix):
    """3D: the isometric default v = (1, 2, 1) printed "ĵ", "v" and "Mv" on one spot."""
    scene = SceneModel(parse_matrix(matrix), Vector([1, 2, 1])).scene
    painter = SpacePainter(scene, scene.matrix_floats, scene.camera(), SIZE)
    placed = painter.placed_labels()
    boxes = [box for box, _, _ in placed]
    heads = [head_box(*painter._xy([arrow.tip(scene.matrix_floats)])[0], radius=9 * painter.scale)
             for arrow in scene.arrows]
    assert len(boxes) >= 5
    assert_apart(boxes, heads, SIZE)


def test_the_3d_default_camera_keeps_the_arrows_apart():
    from viz.geometry3d import separation

    scene = SceneModel(Matrix.identity(3), Vector([1, 2, 1])).scene
    tips = [arrow.tip(scene.matrix_floats) for arrow in scene.arrows]
    assert separation(tips, CAMERA_PRESETS["iso"]) < 15  # from iso, v lies along ĵ…
    assert separation(tips, scene.camera()) >= 15  # …the default camera keeps them apart
    assert np.isfinite(scene.camera().azimuth)
