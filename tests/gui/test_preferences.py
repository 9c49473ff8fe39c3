"""Preferences (QSettings in a private folder) and the user's own presets."""

import json
from fractions import Fraction

import pytest
from PyQt6 import QtWidgets

from kernels import Matrix
from viz.animation import linear, smooth
from viz.app import MainWindow
from viz.palette import THEMES
from viz.preferences import (
    Preferences,
    load_preferences,
    open_settings,
    save_preferences,
)
from viz.preferences_dialog import PreferencesDialog, SavePresetDialog
from viz.presets import USER_PRESETS_NAME, Preset, load_user_presets, save_user_preset
from viz.session import SessionError

from .conftest import wait_settled


def make_window(qtbot, **kwargs) -> MainWindow:
    win = MainWindow(**kwargs)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def menu_tree(menu: QtWidgets.QMenu) -> dict:
    """{submenu title: {…}} and {action text: action} for the actions of ``menu``."""
    tree = {}
    for action in menu.actions():
        if action.menu() is not None:
            tree[action.text()] = menu_tree(action.menu())
        elif action.text():
            tree[action.text()] = action
    return tree


# -- preferences ---------------------------------------------------------------------------------
def test_settings_live_in_the_private_test_folder(tmp_path_factory):
    settings = open_settings()
    assert "lens-home" in settings.fileName() and settings.fileName().endswith("linear-lens.ini")


def test_preferences_persist_and_apply_at_start(qtbot):
    save_preferences(Preferences(theme="light", palette="classic", animation_seconds=0.5,
                                 easing="linear", export_width=1200, export_height=800,
                                 export_theme="light"))
    win = make_window(qtbot)
    assert (win.studio.model.theme, win.studio.model.palette) == ("light", "classic")
    assert win.studio.animator.duration == 0.5 and win.studio.animator.easing is linear
    assert win.picture_size() == (1200, 800)
    dialog = win.menus.make_export_dialog()
    assert (dialog.width_box.value(), dialog.height_box.value()) == (1200, 800)
    assert dialog.theme.currentData() == "light"
    dialog.deleteLater()
    assert win.undo_stack.count() == 0 and win.windowTitle() == "Linear Lens"  # not an edit


def test_a_new_theme_redraws_the_labs_that_are_open(qtbot, window):
    """The Compose and ML labs draw in the preferred look: a new theme reaches their canvases at
    once, not at their next edit, and takes no undo step of theirs."""
    window.switch_lab("ml")
    window.lab("ml").switch_mode("descent")
    window.switch_lab("compose")
    plane = window.lab("ml").modes["descent"].descent_canvas.plane
    compose_view = window.lab("compose").modes["compose"].pair_canvases[0].view
    dark, light = THEMES["dark"].background, THEMES["light"].background
    assert plane.backgroundBrush().color().name().upper() == dark
    assert compose_view.backgroundBrush().color().name().upper() == dark
    steps = window.undo_stack.count()
    window.set_preferences(Preferences(theme="light"))
    assert plane.backgroundBrush().color().name().upper() == light
    assert compose_view.backgroundBrush().color().name().upper() == light
    assert window.undo_stack.count() == steps + 1  # the studio's restyle, as before; none from the labs


def test_changing_preferences_applies_now_and_next_time(qtbot, window):
    window.studio.apply_matrix(Matrix([[1, 1], [0, 1]]))
    window.set_preferences(Preferences(theme="light", animation_seconds=2.0, easing="linear"))
    assert window.studio.model.theme == "light" and window.studio.animator.duration == 2.0
    window.undo_stack.undo()  # restyling the open scene is one undoable step
    assert window.studio.model.theme == "dark"
    window.set_preferences(Preferences(theme="light", animation_seconds=0.25, easing="smooth"))
    assert window.studio.model.theme == "dark"  # the theme preference did not change: the scene keeps its look
    assert window.studio.animator.easing is smooth
    assert load_preferences() == Preferences(theme="light", animation_seconds=0.25)
    window.documents.new_scene()  # conftest answers Discard; a new scene takes the preferred look
    assert window.studio.model.theme == "light" and window.studio.model.matrix == Matrix.identity(2)
    wait_settled(qtbot, window)


def test_hand_edited_nonsense_in_the_settings_falls_back_to_defaults():
    settings = open_settings()
    for key, value in [("theme", "neon"), ("animation_seconds", "fast"), ("easing", "bounce"),
                       ("export_width", "-5"), ("export_height", "700"), ("palette", "classic")]:
        settings.setValue(f"preferences/{key}", value)
    settings.sync()
    assert load_preferences() == Preferences(palette="classic")


def test_preferences_dialog_round_trip(qtbot, tmp_path):
    chosen = Preferences(theme="light", palette="classic", animation_seconds=1.5, easing="linear",
                         export_width=2000, export_height=1200, export_theme="dark")
    dialog = PreferencesDialog(chosen)
    qtbot.addWidget(dialog)
    assert dialog.preferences() == chosen
    dialog.fixed_size.setChecked(False)
    assert not dialog.export_width.isEnabled()
    assert dialog.preferences().export_size is None
    restore = dialog.findChild(QtWidgets.QDialogButtonBox).button(
        QtWidgets.QDialogButtonBox.StandardButton.RestoreDefaults)
    restore.click()
    assert dialog.preferences() == Preferences()
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "preferences.png"))


# -- user presets --------------------------------------------------------------------------------
def test_saved_preset_appears_under_my_presets_and_survives_a_restart(qtbot, tmp_path, window, dialogs):
    window.studio.apply_matrix(Matrix([[Fraction(1, 2), 2 ** 0.5], [0, 1]]))
    assert window.studio.menus_.save_preset("Shears", "Half shear")
    assert window.studio.menus_.save_preset("Shears", "Half shear")  # same name again: replaced, not doubled
    tree = menu_tree(window.studio.menus_.presets_menu)
    assert list(tree["My presets"]) == ["Shears"]
    assert list(tree["My presets"]["Shears"]) == ["Half shear"]
    assert "Basics" in tree and "Save Current as Preset…" in tree

    other = make_window(qtbot)
    assert [(p.group, p.name) for p in other.studio.menus_.user_presets] == [("Shears", "Half shear")]
    other.studio.apply_matrix(Matrix.identity(2))
    menu_tree(other.studio.menus_.presets_menu)["My presets"]["Shears"]["Half shear"].trigger()
    m = other.studio.model.matrix
    assert m[0, 0] == Fraction(1, 2) and type(m[0, 0]) is Fraction and m[0, 1] == 2 ** 0.5
    assert other.undo_stack.undoText() == "Preset: Half shear"
    assert dialogs.told == []
    other.studio.animator.finish()


def test_a_corrupt_user_presets_file_is_skipped_with_a_message(qtbot, window):
    path = window.studio.menus_.user_presets_file
    path.write_text('{"format": 1, "dimension": 2, "presets": [', encoding="utf-8")
    other = make_window(qtbot)
    assert other.studio.menus_.user_presets == []
    assert any("user-presets.json is not valid JSON" in p for p in other.studio.menus_.startup_problems)
    assert "My presets" in other.statusBar().currentMessage()
    assert "Basics" in menu_tree(other.studio.menus_.presets_menu)  # the built-in presets are all there


def test_one_bad_preset_is_skipped_alone(qtbot, window):
    path = window.studio.menus_.user_presets_file
    path.write_text(json.dumps({"format": 1, "dimension": 2, "presets": [
        {"group": "Mine", "name": "Good", "matrix": [["2", "0"], ["0", "1/2"]]},
        {"group": "Mine", "name": "Bad", "matrix": [["2", "0"], ["0"]]},
        {"group": "", "name": "No group", "matrix": [["1", "0"], ["0", "1"]]},
    ]}), encoding="utf-8")
    presets, problems = load_user_presets(path)
    assert [p.name for p in presets] == ["Good"]
    assert problems[0] == "user-presets.json: preset 2 (Bad) matrix row 2: expected 2 entries, found 1"
    assert "preset 3: 'group' must be text" in problems[1]
    other = make_window(qtbot)
    assert [p.name for p in other.studio.menus_.user_presets] == ["Good"] and len(other.studio.menus_.startup_problems) == 2


def test_saving_a_preset_never_overwrites_a_file_it_cannot_read(window, dialogs):
    path = window.studio.menus_.user_presets_file
    path.write_text("{broken", encoding="utf-8")
    assert not window.studio.menus_.save_preset("Mine", "New")
    assert "not valid JSON" in dialogs.told[-1] and "fix or delete" in dialogs.told[-1]
    assert path.read_text(encoding="utf-8") == "{broken"
    with pytest.raises(SessionError):
        save_user_preset(path, Preset("Mine", "New", Matrix.identity(2)))


def test_save_preset_dialog(qtbot, tmp_path, window):
    dialog = SavePresetDialog(str(window.studio.model.matrix), ["Shears", "Rotations"], window)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QtWidgets.QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()
    qtbot.keyClicks(dialog.name, "  Quarter turn ")
    dialog.group.setCurrentText("Rotations")
    assert save.isEnabled() and dialog.values() == ("Rotations", "Quarter turn")
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.grab().save(str(tmp_path / "save-preset.png"))
    assert window.studio.menus_.user_presets_file.name == USER_PRESETS_NAME
