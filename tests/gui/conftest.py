"""Fixtures that drive the real main window: type into cells, drag tips, wait for animations."""

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui, QtWidgets

from viz.app import MainWindow


@pytest.fixture
def window(qtbot):
    win = MainWindow()
    win.animator.duration = 0.25  # real animations, just shorter
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    return win


def wait_settled(qtbot, window, timeout=3000):
    """Wait until the animation has ended and the view shows the committed matrix."""
    qtbot.waitUntil(lambda: not window.animator.playing and window.view.settled, timeout=timeout)


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
