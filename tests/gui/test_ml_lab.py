"""The ML lab's skeleton through the real window: the third tab, one matrix A for every view,
undo on the window's stack, 2D/3D, and its session section (round trip; a bad one refused whole)."""

import json
from fractions import Fraction

import pytest

from kernels import Matrix
from viz.labs import LABS
from viz.labs.ml.state import section_of, state_from_section
from viz.session import SessionError

from .conftest import type_into


@pytest.fixture
def lab(window):
    window.switch_lab("ml")
    return window.lab("ml")


def test_the_lab_is_the_third_tab_and_opens_on_the_svd(window, lab):
    assert [entry.name for entry in LABS][2] == "ml" and window.lab_bar.tabText(2) == "ML"
    assert window.current_lab_name == "ml" and {"svd", "descent"} <= set(lab.mode_names)
    assert lab.mode_names[0] == lab.mode.name == "svd" and lab.model.state.matrix == Matrix([[3, 1], [1, 2]])


def test_one_matrix_is_typed_once_and_every_view_follows_and_undo_brings_it_back(qtbot, window, lab):
    type_into(qtbot, lab.editor.cell(0, 1), "1/2")
    assert lab.model.state.matrix == Matrix([[3, Fraction(1, 2)], [1, 2]])
    for mode in lab.modes.values():
        assert mode.host.model.state.matrix[0, 1] == Fraction(1, 2)
    assert lab.modes["svd"].show.facts.matrix == lab.model.state.matrix
    assert lab.modes["descent"].picture.q.A == Matrix([[3, Fraction(3, 4)], [Fraction(3, 4), 2]])
    window.menus.undo_action.trigger()
    assert lab.model.state.matrix[0, 1] == 1 and lab.editor.cell(0, 1).text() == "1"
    window.menus.redo_action.trigger()
    assert lab.model.state.matrix[0, 1] == Fraction(1, 2)


def test_a_bad_cell_keeps_the_last_valid_matrix_and_says_why(qtbot, lab):
    before = lab.model.state
    type_into(qtbot, lab.editor.cell(1, 0), "2 +")
    assert lab.model.state == before and "Row 2, column 1" in lab.matrix_message.text()
    type_into(qtbot, lab.editor.cell(1, 0), "1e400")
    assert lab.model.state == before and "too large" in lab.matrix_message.text()


def test_the_3d_switch_is_one_undo_step_and_resets_every_view(qtbot, window, lab):
    lab.dimension_actions[3].trigger()
    state = lab.model.state
    assert state.dimension == 3 and lab.editor.shape == (3, 3)
    assert len(state.settings["descent"].start) == 3
    assert lab.modes["svd"].show.dimension == 3
    window.menus.undo_action.trigger()
    assert lab.model.state.dimension == 2 and lab.editor.shape == (2, 2)


def test_a_session_keeps_the_matrix_the_view_and_each_views_settings(qtbot, window, lab, tmp_path):
    type_into(qtbot, lab.editor.cell(1, 1), "5")
    lab.switch_mode("descent")
    lab.modes["descent"].steps_box.setValue(25)
    path = tmp_path / "ml.lens.json"
    window.documents.save_to(path)
    data = json.loads(path.read_text())
    assert data["lab"] == "ml" and data["ml"]["matrix"] == [["3", "1"], ["1", "5"]]
    assert data["ml"]["mode"] == "descent" and data["ml"]["descent"]["steps"] == 25
    assert data["ml"]["svd"] == {"rank_one": False, "probe_degrees": 30.0}
    window.documents.new_scene()
    assert lab.model.state.matrix[1, 1] == 2
    lab.switch_mode("svd")
    assert window.documents.open_file(path)
    assert lab.model.state.matrix == Matrix([[3, 1], [1, 5]]) and lab.mode.name == "descent"
    assert lab.model.state.settings["descent"].steps == 25


@pytest.mark.parametrize("change, reason", [
    (lambda s: s.update(matrix=[["1", "2", "3"], ["1", "2"]]), "row 1: expected 2 entries"),
    (lambda s: s.update(mode="nowhere"), "mode"),
    (lambda s: s.update(extra=1), "unknown keys"),
    (lambda s: s["descent"].update(learning_rate="-1"), "learning rate"),
    (lambda s: s["descent"].update(start=["1", "2", "3"]), "start needs 2"),
    (lambda s: s["svd"].update(probe_degrees=400), "probe_degrees"),
])
def test_a_bad_section_is_refused_whole(qtbot, lab, change, reason):
    section = section_of(lab.model.state, "svd", lab.codecs)
    section = json.loads(json.dumps(section))
    change(section)
    with pytest.raises(SessionError, match=reason):
        state_from_section(section, lab.codecs)


def test_opening_a_file_with_a_bad_section_changes_nothing(qtbot, window, lab, tmp_path, dialogs):
    path = tmp_path / "bad.lens.json"
    window.documents.save_to(path)
    data = json.loads(path.read_text())
    data["ml"]["descent"]["momentum"] = "1"  # β = 1: the heavy ball never settles
    path.write_text(json.dumps(data))
    before = lab.model.state
    assert not window.documents.open_file(path)
    assert lab.model.state == before and any("momentum" in text for text in dialogs.told)
