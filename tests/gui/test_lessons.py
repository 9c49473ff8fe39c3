"""The Lesson panel in the real window: every lesson walked from its first step to its last,
each step's scene and ring on screen; Undo out of a step; leave and come back; sessions keep
the step; progress is kept in the data folder."""

import numpy as np
from PyQt6 import QtCore

from viz.highlights import target_point
from viz.labs.compose.state import state_from_section
from viz.labs.ml.sections import read_section as read_ml_section
from viz.labs.ml.targets import target_point as ml_target_point
from viz.lessons.format import find_lesson, load_lessons, step_session
from viz.lessons.progress import load_progress

from .conftest import wait_settled


def _settle(qtbot, window):
    if window.current_lab_name == "studio":
        wait_settled(qtbot, window)


def _assert_ring_on_target(lab, step, ring):
    """The ring sits on the thing the step names: in the ML lab where :mod:`viz.labs.ml.targets`
    says; in the compose lab on the tip of that arrow on one of the mode's canvases."""
    if step.lab == "ml":
        assert np.allclose(ring.position, ml_target_point(lab.model.state, step.highlight))
        return
    points = [target_point(canvas.scene, canvas.display, step.highlight) for canvas in lab.mode.stage_canvases()]
    assert any(point is not None and np.allclose(ring.position, point) for point in points)


def test_every_lesson_walks_from_first_step_to_last(qtbot, window):
    lessons, problems = load_lessons()
    assert problems == []
    dock = window.lessons
    for lesson in lessons:
        dock.start(lesson.name)
        for number in range(1, len(lesson.steps) + 1):
            if number > 1:
                qtbot.keyClick(window, QtCore.Qt.Key.Key_Right, QtCore.Qt.KeyboardModifier.AltModifier)
            step = lesson.steps[number - 1]
            assert dock.position() == (lesson.name, number)
            assert window.current_lab_name == step.lab
            expected = step_session(lesson, number, window.documents.current_session())
            if step.lab == "studio":
                _settle(qtbot, window)
                studio = window.studio
                assert studio.model.matrix == expected.matrix
                assert np.allclose(studio.view.display, expected.state.matrix.to_floats())
                if step.highlight is not None:
                    point = target_point(studio.model.scene, studio.view.display, step.highlight)
                    assert studio.ring.visible and np.allclose(studio.ring.position, point)
                else:
                    assert not studio.ring.visible
            else:
                lab = window.lab(step.lab)
                read = read_ml_section if step.lab == "ml" else state_from_section
                shown, view = read(lab.save_into(expected).sections[step.lab])
                assert (shown, view) == read(expected.sections[step.lab])
                assert lab.mode_name == view
                assert not window.studio.ring.visible
                rings = [ring for ring in lab.rings.values() if ring.visible]
                if step.highlight is None:
                    assert rings == []
                else:
                    assert len(rings) == 1 and rings[0].view_box.isVisible()
                    _assert_ring_on_target(lab, step, rings[0])
            assert (dock.exercise_widget is not None) == (step.exercise is not None)
        assert not dock.next_button.isEnabled()
    progress, _ = load_progress(window.data_folder)
    assert all(len(progress.seen[lesson.name]) == len(lesson.steps) for lesson in lessons)


def test_undo_leaves_a_step_and_back_to_the_lesson_returns(qtbot, window):
    dock = window.lessons
    dock.start("05-determinant", 2)
    _settle(qtbot, window)
    lesson = find_lesson(dock.lessons, "05-determinant")
    assert window.studio.model.matrix == step_session(lesson, 2, window.documents.current_session()).matrix
    window.menus.undo_action.trigger()
    _settle(qtbot, window)
    assert window.studio.model.matrix != step_session(lesson, 2, window.documents.current_session()).matrix
    dock.leave_button.click()
    assert dock.position() is None and dock.leave_button.text() == "Back to the lesson"
    assert not window.studio.ring.visible
    dock.leave_button.click()
    _settle(qtbot, window)
    assert dock.position() == ("05-determinant", 2) and window.studio.ring.visible


def test_a_saved_session_takes_the_learner_back_to_the_step(qtbot, window, tmp_path):
    window.lessons.start("08-eigenvectors", 3)
    _settle(qtbot, window)
    path = tmp_path / "eigen.lens.json"
    assert window.documents.save_to(path)
    window.lessons.leave()
    window.lessons.start("01-vectors", 1)
    assert window.documents.open_file(path)
    assert window.lessons.position() == ("08-eigenvectors", 3)
    assert "Step 3 of 7" in window.lessons.heading.text()


def test_the_panel_and_the_welcome_look_right(qtbot, window, tmp_path):
    window.welcome.popup()
    window.lessons.start("01-vectors", 3)
    _settle(qtbot, window)
    image = window.grab()
    assert image.save(str(tmp_path / "lesson.png"))
    assert window.lessons.isVisible() and window.welcome.isVisible()


def test_the_ml_sections_codecs_agree_with_the_labs_views(window):
    from viz.labs.ml.lab import _mode_classes
    from viz.labs.ml.sections import VIEW_CODECS

    classes = dict(_mode_classes())
    assert tuple(VIEW_CODECS) == tuple(classes)
    for name, codec in VIEW_CODECS.items():
        for n in (2, 3):
            settings = classes[name].default_settings(n)
            assert codec.default_settings(n) == settings
            assert codec.settings_section(settings) == classes[name].settings_section(settings)
            assert codec.settings_from_section(codec.settings_section(settings)) == settings


def test_a_ring_is_only_drawn_in_the_view_that_shows_its_target(qtbot, window):
    window.lessons.start("12-gradient-descent", 4)
    ml = window.lab("ml")
    assert ml.mode_name == "descent" and any(ring.visible for ring in ml.rings.values())
    ml.switch_mode("svd")
    assert not any(ring.visible for ring in ml.rings.values())
    ml.switch_mode("descent")
    assert any(ring.visible for ring in ml.rings.values())
    assert not ml.highlight("sigma1") and ml.highlight(None)
    window.lessons.start("11-neural-layers", 4)
    compose = window.lab("compose")
    assert compose.highlight("arrow:B(Ax)") and not compose.highlight("arrow:y")
