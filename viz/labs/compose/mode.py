"""What each of the lab's three rooms (Compose, Eliminate, Multiply) provides to the lab.

The lab shows one mode at a time: its canvas in the middle and its panel at the side. A mode
reads the shared :class:`~.model.ComposeModel` and changes it only through
:meth:`ModeHost.push`, one undoable step per edit.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from pathlib import Path
from typing import Protocol

from PyQt6 import QtGui, QtWidgets

from .model import ComposeModel
from .state import ComposeState


class ModeHost(Protocol):
    """What the lab lends its modes."""
    model: ComposeModel

    def push(self, state: ComposeState, text: str, drag_id: int | None = None) -> None:
        """Commit ``state`` as one undoable step named ``text`` (refused states say why)."""

    def status(self, message: str, milliseconds: int = 0) -> None:
        """A message in the window's status bar."""

    def preferences(self):
        """The preferences now (animation seconds and easing)."""


class Mode(ABC):
    """One room of the lab."""

    name = ""  # one of state.MODES
    title = ""

    def __init__(self, host: ModeHost):
        self.host = host

    @abstractmethod
    def canvas(self) -> QtWidgets.QWidget:
        """The picture (one widget, however many views it holds)."""

    @abstractmethod
    def panel(self) -> QtWidgets.QWidget:
        """Editors and explanations for the side."""

    @abstractmethod
    def show_state(self, old: ComposeState | None, new: ComposeState) -> None:
        """Follow a committed change (``old`` is None the first time)."""

    def activated(self, active: bool) -> None:  # noqa: B027 (optional)
        """The mode came on screen (True) or left it: start or stop its animations and threads."""

    def actions(self) -> list[QtGui.QAction]:
        """Actions for the lab's menu while this mode is shown (play, step, …)."""
        return []

    @abstractmethod
    def render(self, size: tuple[int, int], theme: str | None) -> QtGui.QImage:
        """The picture on screen as an image of ``size`` (Copy Picture, PNG export)."""

    @abstractmethod
    def export_picture(self, path: Path, size: tuple[int, int], theme: str | None) -> Path:
        """Write the picture on screen as PNG or SVG (atomically)."""

    @abstractmethod
    def notes(self, kind: str) -> str:
        """What the mode shows, as ``"latex"`` or ``"markdown"`` for the learner's notes."""

    def animation_problem(self) -> str | None:
        return "this mode has no animation to export"

    def export_animation(self, parent: QtWidgets.QWidget) -> Path | None:
        return None
