"""Questions to the user, as module functions so tests can answer them without a modal loop."""

import sys

from PyQt6 import QtGui, QtWidgets

SESSION_FILTER = "Linear Lens sessions (*.lens.json);;JSON files (*.json);;All files (*)"
Button = QtWidgets.QMessageBox.StandardButton


def nobody_to_ask() -> bool:
    """Qt's offscreen platform (tests, benchmarks) has no screen and no user: a modal dialog there
    would wait forever, so questions get the harmless answer and warnings go to stderr."""
    return QtGui.QGuiApplication.platformName() == "offscreen"


def ask_user(parent, title: str, text: str, buttons, default) -> "Button":
    """A modal question; returns the StandardButton pressed (offscreen: Discard, or No)."""
    if nobody_to_ask():
        return Button.Discard if buttons & Button.Discard else Button.No
    box = QtWidgets.QMessageBox(QtWidgets.QMessageBox.Icon.Question, title, text, buttons, parent)
    box.setDefaultButton(default)
    return Button(box.exec())


def tell_user(parent, title: str, text: str) -> None:
    """A modal warning with one OK button."""
    if nobody_to_ask():
        print(f"{title}: {' '.join(text.split())}", file=sys.stderr)
        return
    QtWidgets.QMessageBox.warning(parent, title, text)


def choose_open_path(parent, start: str) -> str | None:
    if nobody_to_ask():
        return None
    name, _ = QtWidgets.QFileDialog.getOpenFileName(parent, "Open Session", start, SESSION_FILTER)
    return name or None


def choose_save_path(parent, start: str) -> str | None:
    if nobody_to_ask():
        return None
    name, _ = QtWidgets.QFileDialog.getSaveFileName(parent, "Save Session", start, SESSION_FILTER)
    return name or None
