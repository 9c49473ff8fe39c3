"""Sessions, the File menu, autosave and copying for notes, driven through the real window."""

import json
import os
import subprocess
import sys
import textwrap
from fractions import Fraction
from pathlib import Path

import pytest
from PyQt6 import QtCore, QtGui, QtWidgets

import viz.commands
import viz.files
import viz.model
import viz.palette
import viz.preferences
import viz.session
from kernels import Matrix, Vector
from viz import report
from viz.app import MainWindow
from viz.autosave import AUTOSAVE_NAME, DECLINED_NAME
from viz.scene import SceneState
from viz.session import (
    MAX_BYTES,
    Session,
    SessionError,
    load_session,
    save_session,
    session_from_model,
)

from .conftest import type_into, wait_settled

Button = QtWidgets.QMessageBox.StandardButton
ROOT = Path(__file__).resolve().parents[2]


def exact(values):
    """Entries with their types and, for floats, their exact bits."""
    return [(type(x).__name__, x.hex() if isinstance(x, float) else x) for x in values]


def entries(matrix):
    return exact([x for row in matrix.rows for x in row])


def make_window(qtbot, **kwargs) -> MainWindow:
    win = MainWindow(**kwargs)
    win.studio.animator.duration = 0.05
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


MIXED = Matrix([[Fraction(1, 3), 2 ** 0.5 / 2], [0.1, Fraction(-7, 2)]])


def edit_scene(window):
    window.studio.apply_matrix(MIXED)
    window.undo_stack.push(viz.commands.SetVectors(window.studio.model,
                                                   [("v", Vector([0.30000000000000004, 2]))]))
    window.undo_stack.push(viz.commands.SetAppearance(window.studio.model, theme="light", palette="classic"))


# -- round trip --------------------------------------------------------------------------------
def test_save_then_open_gives_the_identical_scene(qtbot, tmp_path, window):
    edit_scene(window)
    wait_settled(qtbot, window)
    window.studio.view.set_range((-3.25, 4.5, -2.0, 2.75))
    shown = window.studio.view.visible_rect()  # the 1:1 aspect lock widens one range to fit the view
    path = tmp_path / "scene.lens.json"
    assert window.documents.save_to(path)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == 2 and data["app"] == "linear-lens" and data["lab"] == "studio"
    studio = data["studio"]
    assert studio["dimension"] == 2
    assert studio["matrix"] == [["1/3", 2 ** 0.5 / 2], [0.1, "-7/2"]]  # exact as text, floats as numbers
    assert studio["vectors"] == [{"name": "v", "entries": [0.30000000000000004, "2"]}]
    assert (data["theme"], data["palette"]) == ("light", "classic")

    other = make_window(qtbot)
    assert other.documents.open_file(path)
    assert entries(other.studio.model.matrix) == entries(MIXED)
    assert exact(other.studio.model.vector) == exact(Vector([0.30000000000000004, 2]))
    assert (other.studio.model.theme, other.studio.model.palette) == ("light", "classic")
    assert other.studio.view.visible_rect() == pytest.approx(shown)
    assert other.windowTitle() == "scene.lens.json — Linear Lens"
    assert other.documents.current_path == path.resolve()


def test_session_api_round_trips_without_a_window(tmp_path):
    session = Session(SceneState(MIXED, (("v", Vector([Fraction(1, 7), -0.0])),)),
                      view_rect=(-1.0, 1.0, -2.0, 2.0))
    path = tmp_path / "a.lens.json"
    save_session(session, path)
    loaded = load_session(path)
    assert loaded == session and loaded.vectors == (("v", session.vector),)
    assert entries(loaded.matrix) == entries(MIXED)
    assert exact(loaded.vector) == exact(session.vector)  # -0.0 keeps its sign bit


def test_hand_written_minimal_session_uses_defaults_and_expressions(tmp_path):
    path = tmp_path / "hand.lens.json"
    path.write_text('{"format": 1, "dimension": 2, "matrix": [["cos(30deg)", 1], ["0", "1/2"]]}')
    session = load_session(path)
    assert session.matrix[0, 0] == pytest.approx(3 ** 0.5 / 2) and session.matrix[1, 1] == Fraction(1, 2)
    assert (session.vector, session.theme, session.palette, session.view_rect) == \
        (Vector([1, 2]), "dark", "okabe-ito", None)


# -- every kind of bad file is refused, the scene untouched --------------------------------------
GOOD = {"format": 1, "app": "linear-lens", "dimension": 2, "matrix": [["1", "2"], ["3", "4"]],
        "vectors": [{"name": "v", "entries": ["1", "2"]}], "view": {"x": [-2, 2], "y": [-1, 1]},
        "theme": "dark", "palette": "classic"}


def changed(**changes) -> bytes:
    data = {**GOOD, **changes}
    return json.dumps({k: v for k, v in data.items() if v is not ...}).encode()


BAD_FILES = {
    "too big": (b"{" + b" " * MAX_BYTES + b"}", "at most 1.0 MiB"),
    "not UTF-8": (b'{"format": 1, "theme": "\xff\xfe"}', "is not UTF-8 text"),
    "not JSON": (b'{"format": 1,', "is not valid JSON"),
    "empty": (b"", "is not valid JSON"),
    "deep nesting": (b"[" * 200_000 + b"]" * 200_000, "nested too deeply"),
    "not an object": (b"[1, 2]", "a session is a JSON object, found a list"),
    "future format": (changed(format=3), "format 3 was written by a newer Linear Lens"),
    "format as text": (changed(format="1"), "'format' must be a whole number, found text"),
    "no format": (changed(format=...), "the key 'format' is missing"),
    "another app": (changed(app="other"), "not a Linear Lens session"),
    "unknown key": (changed(matirx=[]), "unknown key 'matirx'"),
    "duplicate key": (b'{"format": 1, "format": 1}', "the key 'format' appears twice"),
    "4D": (changed(dimension=4), "dimension 4 is not supported"),
    "3D but 2×2": (changed(dimension=3), "expected 3 rows (dimension 3), found 2"),
    "no matrix": (changed(matrix=...), "the key 'matrix' is missing"),
    "long row": (changed(matrix=[["1", "2"], ["3", "4", "5"]]), "matrix row 2: expected 2 entries, found 3"),
    "three rows": (changed(matrix=[["1", "2"], ["3", "4"], ["5", "6"]]), "expected 2 rows (dimension 2), found 3"),
    "row not a list": (changed(matrix=[["1", "2"], "3 4"]), "matrix row 2: expected a list of 2 entries"),
    "not a number": (changed(matrix=[["1", "abc"], ["3", "4"]]), "matrix row 1, column 2: 'abc' is not a number"),
    "division by zero": (changed(matrix=[["1", "2"], ["1/0", "4"]]), "matrix row 2, column 1: '1/0'"),
    "NaN": (b'{"format": 1, "dimension": 2, "matrix": [[NaN, 1], [0, 1]]}', "NaN is not a number"),
    "infinite number": (b'{"format": 1, "dimension": 2, "matrix": [[1e999, 1], [0, 1]]}',
                        "matrix row 1, column 1: inf is not a finite number"),
    "boolean entry": (changed(matrix=[[True, "2"], ["3", "4"]]), "matrix row 1, column 1: expected a number"),
    "null entry": (changed(matrix=[[None, "2"], ["3", "4"]]), "found null"),
    "complex entry": (changed(matrix=[["1", "2"], ["3", "sqrt(-4)"]]), "matrix row 2, column 2: 'sqrt(-4)'"),
    "huge integer": (b'{"format": 1, "dimension": 2, "matrix": [[1' + b"0" * 5000 + b', 1], [0, 1]]}',
                     "is not valid JSON"),
    "entry too long": (changed(matrix=[["1" * 6025, "2"], ["3", "4"]]), "the text is 6025 characters long (at most 6024)"),
    "long expression": (changed(matrix=[["1+" * 600 + "1", "2"], ["3", "4"]]), "not an exact fraction like"),
    "long exact too large": (changed(matrix=[["1" + "0" * 1500, "2"], ["3", "4"]]), "the number is too large"),
    "long exact over zero": (changed(matrix=[["1" * 1500 + "/0", "2"], ["3", "4"]]), "the fraction divides by zero"),
    "short vector": (changed(vectors=[{"name": "v", "entries": ["1"]}]), "vector v: expected 2 entries, found 1"),
    "vector entry": (changed(vectors=[{"name": "v", "entries": ["1", "x"]}]), "vector v entry 2: 'x'"),
    "unknown theme": (changed(theme="neon"), "unknown theme 'neon'"),
    "unknown palette": (changed(palette="rainbow"), "unknown palette 'rainbow'"),
    "backwards view": (changed(view={"x": [2, -2], "y": [-1, 1]}), "view: each range must go from a smaller"),
    "view not numbers": (changed(view={"x": ["a", 2], "y": [-1, 1]}), "view: expected finite numbers"),
}


@pytest.mark.parametrize("content, message", BAD_FILES.values(), ids=BAD_FILES.keys())
def test_bad_files_are_refused_with_a_clear_message_and_nothing_changes(
        qtbot, tmp_path, window, dialogs, content, message):
    window.studio.apply_matrix(Matrix([[2, 1], [1, 2]]))
    window.undo_stack.push(viz.commands.SetAppearance(window.studio.model, theme="light"))
    before = (window.studio.model.matrix, window.studio.model.vector, window.studio.model.theme, window.studio.model.palette,
              window.undo_stack.count(), window.windowTitle())
    path = tmp_path / "bad.lens.json"
    path.write_bytes(content)
    with pytest.raises(SessionError) as caught:
        load_session(path)
    text = str(caught.value)
    assert message in text and text.startswith("bad.lens.json") and "\n" not in text
    assert len(text) < 300
    assert not window.documents.open_file(path)
    assert message in dialogs.told[-1]
    after = (window.studio.model.matrix, window.studio.model.vector, window.studio.model.theme, window.studio.model.palette,
             window.undo_stack.count(), window.windowTitle())
    assert after == before


def test_missing_file_and_folder_are_refused(tmp_path, window, dialogs):
    with pytest.raises(SessionError, match="nope.lens.json: no such file"):
        load_session(tmp_path / "nope.lens.json")
    with pytest.raises(SessionError, match="is a folder"):
        load_session(tmp_path)
    assert not window.documents.open_file(tmp_path / "nope.lens.json") and "no such file" in dialogs.told[-1]


# -- atomic save ---------------------------------------------------------------------------
@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failed_save_leaves_the_old_file_and_no_litter(qtbot, tmp_path, window, dialogs,
                                                         monkeypatch, failing):
    path = tmp_path / "keep.lens.json"
    window.studio.apply_matrix(Matrix([[2, 0], [0, 2]]))
    assert window.documents.save_to(path)
    old = path.read_bytes()
    window.studio.apply_matrix(Matrix([[0, -1], [1, 0]]))

    def broken(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(viz.files.os, failing, broken)
    assert not window.documents.save()
    assert "could not save keep.lens.json: No space left on device" in dialogs.told[-1]
    assert path.read_bytes() == old
    assert sorted(p.name for p in tmp_path.iterdir()) == ["keep.lens.json"]  # temp file removed
    assert window.windowTitle() == "keep.lens.json* — Linear Lens"  # still unsaved
    monkeypatch.undo()
    assert window.documents.save() and load_session(path).matrix == Matrix([[0, -1], [1, 0]])


def test_save_keeps_the_old_files_permissions(tmp_path):
    path = tmp_path / "shared.lens.json"
    session = session_from_model(viz.model.SceneModel())
    save_session(session, path)
    os.chmod(path, 0o640)
    save_session(session, path)
    assert path.stat().st_mode & 0o777 == 0o640


# -- title, prompts, New / Open undo ---------------------------------------------------------
def test_title_shows_the_file_name_and_a_star_when_modified(qtbot, tmp_path, window, dialogs):
    assert window.windowTitle() == "Linear Lens"
    window.studio.apply_matrix(Matrix([[1, 1], [0, 1]]))
    assert window.windowTitle() == "Untitled* — Linear Lens"
    dialogs.save_paths.append(str(tmp_path / "shear"))  # the suffix is added
    window.menus.save_as_action.trigger()
    assert (tmp_path / "shear.lens.json").is_file()
    assert window.windowTitle() == "shear.lens.json — Linear Lens"
    window.studio.apply_matrix(Matrix([[1, 2], [0, 1]]))
    assert window.windowTitle() == "shear.lens.json* — Linear Lens"
    window.undo_stack.undo()  # back to what is saved: no star
    assert window.windowTitle() == "shear.lens.json — Linear Lens"


def test_undo_and_redo_work_across_open(qtbot, tmp_path, window):
    path = tmp_path / "rotation.lens.json"
    save_session(Session(SceneState(Matrix([[0, -1], [1, 0]]), (("v", Vector([3, 1])),), theme="light", palette="classic")), path)
    window.studio.apply_matrix(Matrix([[2, 0], [0, 3]]))
    window.undo_stack.setClean()
    assert window.documents.open_file(path)
    assert window.studio.model.matrix == Matrix([[0, -1], [1, 0]]) and window.studio.model.vector == Vector([3, 1])
    assert window.undo_stack.undoText() == "Open rotation.lens.json"
    window.undo_stack.undo()
    assert window.studio.model.matrix == Matrix([[2, 0], [0, 3]]) and window.studio.model.theme == "dark"
    assert window.windowTitle() == "rotation.lens.json* — Linear Lens"
    window.undo_stack.redo()
    assert window.studio.model.vector == Vector([3, 1]) and window.studio.model.palette == "classic"
    assert window.windowTitle() == "rotation.lens.json — Linear Lens"
    window.studio.apply_matrix(Matrix([[1, 0], [0, 1]]))  # ordinary editing goes on
    window.undo_stack.undo()
    assert window.studio.model.matrix == Matrix([[0, -1], [1, 0]])
    wait_settled(qtbot, window)


def test_new_asks_about_unsaved_changes_and_is_undoable(qtbot, tmp_path, window, dialogs):
    window.studio.apply_matrix(Matrix([[1, 2], [3, 4]]))
    dialogs.answers.append(Button.Cancel)
    assert not window.documents.new_scene()
    assert window.studio.model.matrix == Matrix([[1, 2], [3, 4]]) and "Save the changes" in dialogs.asked[-1]
    dialogs.answers.append(Button.Discard)
    window.menus.new_action.trigger()
    assert window.studio.model.matrix == Matrix.identity(2)
    assert window.windowTitle() == "Linear Lens"
    window.undo_stack.undo()
    assert window.studio.model.matrix == Matrix([[1, 2], [3, 4]])
    dialogs.answers.append(Button.Save)  # Save on an untitled scene asks for a file name
    dialogs.save_paths.append(str(tmp_path / "kept.lens.json"))
    assert window.documents.new_scene()
    assert load_session(tmp_path / "kept.lens.json").matrix == Matrix([[1, 2], [3, 4]])
    wait_settled(qtbot, window)


def test_open_asks_first_and_cancel_keeps_everything(tmp_path, window, dialogs):
    path = tmp_path / "x.lens.json"
    save_session(Session(SceneState(Matrix([[5, 0], [0, 5]]), (("v", Vector([1, 2])),))), path)
    window.studio.apply_matrix(Matrix([[1, 2], [3, 4]]))
    dialogs.answers.append(Button.Cancel)
    dialogs.open_paths.append(str(path))
    window.menus.open_action.trigger()
    assert window.studio.model.matrix == Matrix([[1, 2], [3, 4]])
    assert dialogs.open_paths == [str(path)]  # the file dialog was never shown
    dialogs.answers.append(Button.Discard)
    window.menus.open_action.trigger()  # through the menu: ask, choose the file, open
    assert window.studio.model.matrix == Matrix([[5, 0], [0, 5]]) and window.documents.current_path == path.resolve()


def test_close_with_unsaved_changes_can_be_cancelled(qtbot, window, dialogs):
    window.studio.apply_matrix(Matrix([[1, 2], [3, 4]]))
    dialogs.answers.append(Button.Cancel)
    assert not window.close()
    assert window.isVisible()
    dialogs.answers.append(Button.Discard)
    assert window.close()


# -- recent files ----------------------------------------------------------------------------
def test_recent_files_newest_first_at_most_eight_missing_ones_removed(qtbot, tmp_path, window, dialogs):
    paths = []
    for k in range(10):
        window.studio.apply_matrix(Matrix([[k + 1, 0], [0, 1]]))
        path = tmp_path / f"s{k}.lens.json"
        assert window.documents.save_to(path)
        paths.append(str(path.resolve()))
    window.menus.fill_recent_menu()
    texts = [a.text() for a in window.menus.recent_menu.actions() if a.data()]
    assert len(texts) == 8 and texts[0].startswith("&1 s9.lens.json") and "s2.lens.json" in texts[-1]
    assert window.documents.open_recent(paths[4])  # re-opened: moves to the top
    assert viz.preferences.recent_files(window.settings)[0] == paths[4]
    os.unlink(paths[9])
    assert not window.documents.open_recent(paths[9])
    assert "s9.lens.json is no longer at" in dialogs.told[-1]
    assert paths[9] not in viz.preferences.recent_files(window.settings)
    assert window.studio.model.matrix == Matrix([[5, 0], [0, 1]])
    other = make_window(qtbot)  # the list is kept in the settings
    assert viz.preferences.recent_files(other.settings)[0] == paths[4]


# -- maths for notes -------------------------------------------------------------------------
def test_copy_as_latex_and_markdown(window):
    window.studio.apply_matrix(Matrix([[1, Fraction(1, 2)], [0, 1]]))
    window.menus.copy_latex_action.trigger()
    clipboard = QtWidgets.QApplication.clipboard().text()
    assert clipboard == report.as_latex(window.studio.model.facts)
    assert r"M = \begin{bmatrix} 1 & \frac{1}{2} \\ 0 & 1 \end{bmatrix}" in clipboard
    window.menus.copy_markdown_action.trigger()
    clipboard = QtWidgets.QApplication.clipboard().text()
    assert clipboard == report.as_markdown(window.studio.model.facts)
    assert "| $\\det M$ | 1 |" in clipboard and "shear" in clipboard


def test_copy_picture_puts_the_view_on_the_clipboard(qtbot, window):
    window.studio.apply_matrix(Matrix([[1, 1], [0, 1]]))
    wait_settled(qtbot, window)
    window.menus.copy_picture_action.trigger()
    image = QtWidgets.QApplication.clipboard().image()
    assert not image.isNull()
    assert (image.width(), image.height()) == window.picture_size()
    background = QtGui.QColor(viz.palette.THEMES["dark"].background)
    assert image.pixelColor(3, 3) == background


# -- autosave --------------------------------------------------------------------------------
def test_autosave_follows_changes_and_goes_away_when_saved_or_closed(qtbot, tmp_path):
    folder = tmp_path / "data"
    win = make_window(qtbot, data_folder=folder, autosave=True)
    autosave = folder / AUTOSAVE_NAME
    win.studio.apply_matrix(Matrix([[3, 1], [0, 1]]))
    assert win.documents.autosaver.scheduled and not autosave.exists()  # throttled, not immediate
    qtbot.waitUntil(autosave.exists, timeout=3000)
    assert load_session(autosave).matrix == Matrix([[3, 1], [0, 1]])
    win.undo_stack.undo()  # back to the clean state: nothing to lose, nothing kept
    assert not autosave.exists()
    win.studio.apply_matrix(Matrix([[4, 1], [0, 1]]))
    win.documents.autosaver.save_now()
    assert autosave.exists()
    assert win.documents.save_to(tmp_path / "done.lens.json")
    assert not autosave.exists()
    win.studio.apply_matrix(Matrix([[5, 1], [0, 1]]))
    win.documents.autosaver.save_now()
    assert win.close()  # the conftest answers Discard
    assert not autosave.exists()


def test_every_kind_of_undoable_change_is_autosaved(qtbot, tmp_path):
    """Issue 11, defect C: the autosave listened to the matrix, v and the look only, so adding,
    renaming, typing or styling a named vector was lost at kill -9. It now follows the undo
    stack: each of these edits, and nothing else, schedules a save that holds it."""
    folder = tmp_path / "data"
    win = make_window(qtbot, data_folder=folder, autosave=True)
    autosave = folder / AUTOSAVE_NAME
    panel = win.studio.vector_panel

    def saved():
        win.documents.autosaver.save_now()
        return load_session(autosave)

    edits = [
        (panel.add_vector, lambda s: [n for n, _ in s.vectors] == ["v", "v1"]),
        (lambda: type_into(qtbot, panel.rows[1].name, "w"), lambda s: [n for n, _ in s.vectors] == ["v", "w"]),
        (lambda: type_into(qtbot, panel.rows[1].cells[1], "7"), lambda s: s.vectors[1][1] == Vector([2, 7])),
        (lambda: panel.rows[1].show_mode.setCurrentIndex(panel.rows[1].show_mode.findData("image")),
         lambda s: s.styles["w"].show == "image"),
        (lambda: panel.rows[1].colour.menu().actions()[2].trigger(), lambda s: s.styles["w"].color is not None),
    ]
    for edit, holds in edits:
        before = win.undo_stack.index()
        edit()
        assert win.undo_stack.index() == before + 1  # one undoable step…
        assert win.documents.autosaver.scheduled  # …which schedules a save…
        assert holds(saved())  # …that holds it


CHILD = textwrap.dedent("""
    import os, sys
    from PyQt6 import QtWidgets
    from kernels import Matrix
    from fractions import Fraction
    from viz.app import MainWindow
    app = QtWidgets.QApplication([])
    window = MainWindow(data_folder=sys.argv[1], autosave=True)
    window.show()
    window.studio.apply_matrix(Matrix([[Fraction(1, 3), 2 ** 0.5], [0, -1]]))
    window.documents.autosaver.written.connect(lambda path: os.kill(os.getpid(), 9))  # killed, no clean-up
    app.exec()
    sys.exit(3)  # never reached
""")


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_autosave_is_offered_back_after_the_process_is_killed(qtbot, tmp_path, dialogs):
    folder = tmp_path / "data"
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    result = subprocess.run([sys.executable, "-c", CHILD, str(folder)], env=env, cwd=ROOT,
                            capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == -9, result.stderr
    assert (folder / AUTOSAVE_NAME).is_file()

    win = make_window(qtbot, data_folder=folder, autosave=True)  # the dead child's lock is stale
    assert win.documents.autosaver.pending() == folder / AUTOSAVE_NAME
    dialogs.answers.append(Button.Yes)
    assert win.documents.offer_autosave_restore()
    assert "did not close properly" in dialogs.asked[-1]
    assert entries(win.studio.model.matrix) == entries(Matrix([[Fraction(1, 3), 2 ** 0.5], [0, -1]]))
    assert win.windowTitle() == "Untitled* — Linear Lens"  # unsaved work, not a file
    win.undo_stack.undo()
    assert win.studio.model.matrix == Matrix.identity(2)
    win.undo_stack.redo()
    assert win.close() and not (folder / AUTOSAVE_NAME).exists()


def test_declined_autosave_is_set_aside_not_lost(qtbot, tmp_path, dialogs):
    folder = tmp_path / "data"
    folder.mkdir()
    save_session(Session(SceneState(Matrix([[2, 0], [0, 2]]), (("v", Vector([1, 2])),))),
                 folder / AUTOSAVE_NAME)
    win = make_window(qtbot, data_folder=folder, autosave=True)
    assert not win.documents.offer_autosave_restore()  # the conftest answers No
    assert win.studio.model.matrix == Matrix.identity(2)
    assert not (folder / AUTOSAVE_NAME).exists() and (folder / DECLINED_NAME).is_file()


def test_a_second_running_copy_does_not_take_the_first_ones_autosave(qtbot, tmp_path):
    folder = tmp_path / "data"
    first = make_window(qtbot, data_folder=folder, autosave=True)
    first.studio.apply_matrix(Matrix([[2, 0], [0, 2]]))
    first.documents.autosaver.save_now()
    second = make_window(qtbot, data_folder=folder, autosave=True)
    assert first.documents.autosaver.enabled and not second.documents.autosaver.enabled
    assert second.documents.autosaver.pending() is None


def test_edit_menu_has_working_undo_and_redo(qtbot, window):
    """Regression: the Undo/Redo actions were garbage-collected and Edit showed neither."""
    edit = window.menuBar().actions()[1].menu()
    texts = [a.text() for a in edit.actions()]
    assert texts[:2] == ["&Undo", "&Redo"]
    window.studio.apply_matrix(Matrix([[2, 0], [0, 2]]))
    assert edit.actions()[0].text() == "&Undo Edit matrix"
    window.activateWindow()
    qtbot.waitUntil(lambda: QtWidgets.QApplication.activeWindow() is window, timeout=2000)
    window.studio.view.setFocus()
    qtbot.keyClick(window.studio.view, QtCore.Qt.Key.Key_Z, QtCore.Qt.KeyboardModifier.ControlModifier)
    assert window.studio.model.matrix == Matrix.identity(2)
    qtbot.keyClick(window.studio.view, QtCore.Qt.Key.Key_Z,
                   QtCore.Qt.KeyboardModifier.ControlModifier | QtCore.Qt.KeyboardModifier.ShiftModifier)
    assert window.studio.model.matrix == Matrix([[2, 0], [0, 2]])
    wait_settled(qtbot, window)


def test_leaving_a_cell_without_changing_it_is_not_an_edit(qtbot, window):
    """Regression: focus-out re-committed the same value as an empty undo step (and a star)."""
    cell = window.studio.matrix_editor.cell(0, 0)
    cell.setFocus()
    window.studio.vector_panel.rows[0].cells[0].setFocus()
    window.studio.view.setFocus()
    qtbot.wait(10)
    assert window.undo_stack.count() == 0 and window.windowTitle() == "Linear Lens"


def test_offscreen_questions_never_block(qtbot, monkeypatch):
    """Windows made outside these fixtures (benchmarks, other test folders) must not hang in a
    modal dialog on the offscreen platform: the real question functions answer by themselves."""
    monkeypatch.undo()  # the real ask_user / tell_user / choose_*_path
    from viz.window import dialogs as app
    # under pytest-xvfb the platform is xcb (a display nobody watches): pretend offscreen
    monkeypatch.setattr(QtGui.QGuiApplication, "platformName", staticmethod(lambda: "offscreen"))
    assert app.ask_user(None, "t", "Save?", Button.Save | Button.Discard | Button.Cancel, Button.Save) \
        == Button.Discard
    assert app.ask_user(None, "t", "Restore?", Button.Yes | Button.No, Button.Yes) == Button.No
    assert app.choose_save_path(None, "") is None and app.choose_open_path(None, "") is None
    app.tell_user(None, "t", "a warning")
