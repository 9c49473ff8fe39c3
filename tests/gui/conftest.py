"""Fixtures that drive the real main window: type into cells, drag tips, wait for animations."""

import sys

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui, QtWidgets

import viz.window.dialogs
from viz.app import MainWindow
from viz.window.crash_report import CrashReport


class Dialogs:
    """Stands in for the window's modal questions (a modal loop would hang an offscreen test).

    ``answers`` is a queue of StandardButtons for ``ask_user``; when it is empty the answer is
    Discard (save prompts) or No (yes/no prompts). Every question and warning is recorded.
    """

    def __init__(self):
        self.answers: list = []
        self.asked: list[str] = []
        self.told: list[str] = []
        self.open_paths: list = []
        self.save_paths: list = []

    def ask(self, parent, title, text, buttons, default):
        self.asked.append(text)
        if self.answers:
            return self.answers.pop(0)
        button = QtWidgets.QMessageBox.StandardButton
        return button.Discard if buttons & button.Discard else button.No

    def tell(self, parent, title, text):
        self.told.append(text)

    def choose_open(self, parent, start):
        return self.open_paths.pop(0) if self.open_paths else None

    def choose_save(self, parent, start):
        return self.save_paths.pop(0) if self.save_paths else None


@pytest.fixture(autouse=True)
def private_settings(tmp_path_factory, monkeypatch):
    """Every GUI test gets its own settings and data folders and answers no modal dialog."""
    root = tmp_path_factory.mktemp("lens-home")
    monkeypatch.setenv("LINEAR_LENS_CONFIG_DIR", str(root / "config"))
    monkeypatch.setenv("LINEAR_LENS_DATA_DIR", str(root / "data"))
    dialogs = Dialogs()
    monkeypatch.setattr(viz.window.dialogs, "ask_user", dialogs.ask)
    monkeypatch.setattr(viz.window.dialogs, "tell_user", dialogs.tell)
    monkeypatch.setattr(viz.window.dialogs, "choose_open_path", dialogs.choose_open)
    monkeypatch.setattr(viz.window.dialogs, "choose_save_path", dialogs.choose_save)
    return dialogs


@pytest.fixture(autouse=True)
def no_crash_report_left_behind():
    """Fail a test that leaves the app's crash report installed as ``sys.excepthook``.

    pytest-qt puts its own hook there for every test and fails the test when an exception from
    a slot reaches it. The crash report passes every exception on to the hook it replaced, so
    it hides none from pytest-qt while it is installed inside the test and taken out again
    (``with crash_report.install(…)``); left behind, it would outlive pytest-qt's hook."""
    yield
    left = sys.excepthook
    while isinstance(sys.excepthook, CrashReport):
        sys.excepthook.uninstall()
    assert not isinstance(left, CrashReport), "the test left the crash report installed"


@pytest.fixture
def dialogs(private_settings):
    return private_settings


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    win.studio.animator.duration = 0.25  # real animations, just shorter
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()  # on a real (or virtual) display, keyboard focus needs an active window
    qtbot.waitUntil(win.isActiveWindow, timeout=2000)
    return win


def wait_settled(qtbot, window, timeout=3000):
    """Wait until the animation has ended and the view shows the committed matrix."""
    qtbot.waitUntil(lambda: not window.studio.animator.playing and window.studio.view.settled, timeout=timeout)


def type_into(qtbot, cell, text, key=QtCore.Qt.Key.Key_Return):
    """Select a cell, replace its text as a user would, and commit with Enter (or Tab)."""
    cell.setFocus()
    cell.selectAll()
    qtbot.keyClicks(cell, text)
    qtbot.keyClick(cell, key)


def viewport_point(view, x, y) -> QtCore.QPoint:
    """Where the plane point (x, y) appears in the view's viewport, in pixels."""
    scene = view.view_box.mapViewToScene(QtCore.QPointF(x, y))
    return view.mapFromScene(scene)


def _send_mouse(view, kind, point, button, buttons, modifiers):
    event = QtGui.QMouseEvent(kind, QtCore.QPointF(point), QtCore.QPointF(view.viewport().mapToGlobal(point)),
                              button, buttons, modifiers)
    QtWidgets.QApplication.sendEvent(view.viewport(), event)


def drag(qtbot, view, start, end, modifiers=QtCore.Qt.KeyboardModifier.NoModifier, steps=8):
    """Press the left button at plane point ``start``, move in steps to ``end``, release."""
    left = QtCore.Qt.MouseButton.LeftButton
    none = QtCore.Qt.MouseButton.NoButton
    a, b = np.array(start, dtype=float), np.array(end, dtype=float)
    _send_mouse(view, QtCore.QEvent.Type.MouseMove, viewport_point(view, *a), none, none, modifiers)
    _send_mouse(view, QtCore.QEvent.Type.MouseButtonPress, viewport_point(view, *a), left, left, modifiers)
    for s in np.linspace(0, 1, steps + 1)[1:]:
        p = viewport_point(view, *(a + s * (b - a)))
        _send_mouse(view, QtCore.QEvent.Type.MouseMove, p, none, left, modifiers)
        qtbot.wait(5)
    _send_mouse(view, QtCore.QEvent.Type.MouseButtonRelease, viewport_point(view, *b), left, none, modifiers)
