"""Menu actions every lab builds the same way: plane or space (Alt+2 / Alt+3) and, for a lab
made of modes, one checkable action per mode (Ctrl+Alt+1…) above the open mode's own actions.

The actions belong to the window (``parent``), so they outlive a menu being refilled.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PyQt6 import QtGui, QtWidgets

DIMENSIONS = (("&2D Plane (2×2)", 2, "Alt+2"), ("&3D Space (3×3)", 3, "Alt+3"))


def dimension_actions(parent: QtWidgets.QWidget, current: int,
                      switch: Callable[[int], None]) -> dict[int, QtGui.QAction]:
    """One checkable action per dimension (2, 3), exclusive, ``current`` ticked."""
    group = QtGui.QActionGroup(parent)
    actions = {}
    for text, n, key in DIMENSIONS:
        action = QtGui.QAction(text, parent)
        action.setCheckable(True)
        action.setChecked(n == current)
        action.setShortcut(QtGui.QKeySequence(key))
        action.triggered.connect(lambda _=False, n=n: switch(n))
        group.addAction(action)
        actions[n] = action
    return actions


def mode_actions(parent: QtWidgets.QWidget, modes: Iterable[tuple[str, str]],
                 switch: Callable[[str], None]) -> dict[str, QtGui.QAction]:
    """One checkable action per ``(name, title)`` mode, exclusive, with Ctrl+Alt+1, 2, …"""
    group = QtGui.QActionGroup(parent)
    actions = {}
    for index, (name, title) in enumerate(modes, start=1):
        action = QtGui.QAction(f"&{title}", parent)
        action.setCheckable(True)
        action.setShortcut(QtGui.QKeySequence(f"Ctrl+Alt+{index}"))
        action.triggered.connect(lambda _=False, name=name: switch(name))
        group.addAction(action)
        actions[name] = action
    return actions


def fill_lab_menu(menu: QtWidgets.QMenu, modes: dict[str, QtGui.QAction], extra: list[QtGui.QAction]) -> None:
    """The lab's menu: its modes, then the open mode's own actions (play, step, …)."""
    menu.clear()
    menu.addActions(list(modes.values()))
    if extra:
        menu.addSeparator()
        menu.addActions(extra)
