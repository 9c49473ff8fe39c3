"""Each vector can be shown as it is, as its image under M, or both, in a colour of its own."""

import json

import pytest
from PyQt6 import QtGui

from kernels import Matrix, Vector
from viz.model import SceneModel
from viz.scene import VectorStyle
from viz.session import SessionError, load_session, save_session, session_from_model


def _model():
    model = SceneModel(Matrix([[2, 0], [0, 1]]))
    model.set_vectors((("v", Vector([1, 2])), ("v1", Vector([1, 0]))))
    return model


def test_a_style_follows_its_vector_through_a_rename_and_is_dropped_with_it(qtbot):
    model = _model()
    model.set_style("v1", VectorStyle("#E69F00", "image"))
    model.set_vectors((("v", Vector([1, 2])), ("w", Vector([1, 0]))))
    assert model.style("w") == VectorStyle("#E69F00", "image")
    model.set_vectors((("v", Vector([1, 2])),))
    assert model.styles == {}
    with pytest.raises(ValueError, match="show must be one of"):
        VectorStyle(None, "sideways")


def test_show_mode_and_colour_in_the_window(qtbot, window):
    window.studio.model.set_vectors((("v", Vector([1, 2])), ("v1", Vector([1, 0]))))
    panel = window.studio.vector_panel
    row = panel.rows[1]
    row.show_mode.setCurrentIndex(row.show_mode.findData("image"))   # as a user picks it
    assert window.studio.model.style("v1").show == "image"
    view = window.studio.view
    names = [arrow.name for arrow in view.picture.arrows]
    assert "Mv1" in names and "v1" not in names                       # only the image is drawn
    image = view.arrow("Mv1")
    assert image._shaft.isVisible()
    row.colour.menu().actions()[2].trigger()                          # the second Okabe–Ito colour
    colour = window.studio.model.style("v1").color
    assert colour is not None
    assert image._shaft._pen.color().name().lower() == QtGui.QColor(colour).name().lower()
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert window.studio.model.style("v1") == VectorStyle()
    assert view.arrow("v1")._shaft.isVisible() and view.arrow("Mv1")._shaft.isVisible()
    row0 = panel.rows[0]
    row0.show_mode.setCurrentIndex(row0.show_mode.findData("vector"))  # v itself: hide Mv
    names = [arrow.name for arrow in view.picture.arrows]
    assert "Mv" not in names and view.arrow("v")._shaft.isVisible()


def test_styles_are_saved_and_checked(tmp_path, qtbot):
    model = _model()
    model.set_style("v1", VectorStyle("#56B4E9", "vector"))
    path = tmp_path / "styled.lens.json"
    save_session(session_from_model(model), path)
    data = json.loads(path.read_text())
    assert data["studio"]["vectors"][1] == {"name": "v1", "entries": ["1", "0"], "color": "#56B4E9", "show": "vector"}
    assert "color" not in data["studio"]["vectors"][0]
    assert load_session(path).styles == {"v1": VectorStyle("#56B4E9", "vector")}
    data["studio"]["vectors"][1]["color"] = "blue"
    path.write_text(json.dumps(data))
    with pytest.raises(SessionError, match="'color' must look like"):
        load_session(path)
    data["studio"]["vectors"][1]["color"], data["studio"]["vectors"][1]["show"] = "#56B4E9", "sideways"
    path.write_text(json.dumps(data))
    with pytest.raises(SessionError, match="'show' must be one of"):
        load_session(path)
