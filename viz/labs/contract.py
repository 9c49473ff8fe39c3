"""The contract between the window and a lab.

The window owns what every lab shares: the menu bar's File, Edit and Help menus, the undo
stack, the document (open, save, autosave), the look (theme and palette) and the lab
switcher. A lab owns one room: a canvas, a side panel, its own menus (with its presets), its
section of the session file, and how its picture is exported or copied. A lab changes its
state only through commands on the shared undo stack, so Undo works across labs and the
autosave follows every change.

A lab is constructed with a :class:`LabContext` and must provide what :class:`Lab` lists.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from PyQt6 import QtGui, QtWidgets

    from ..preferences import Preferences
    from ..session import Session


@dataclass
class LabContext:
    """What the window lends a lab."""
    undo_stack: QtGui.QUndoStack
    preferences: Callable[[], Preferences]  # the preferences now (they change in the dialog)
    data_folder: Path
    status: Callable[..., None]  # status(message, milliseconds=0) in the status bar
    tell: Callable[[str, str], None]  # tell(title, text): a warning the user must read
    parent: QtWidgets.QWidget  # the window, for the lab's dialogs


class Lab(ABC):
    """One room of the window. A lab implements every abstract method below."""

    name = ""  # the registry key, and the name of the session section
    title = ""  # shown in the lab switcher

    def __init__(self, context: LabContext):
        self.context = context

    # -- what the window shows ----------------------------------------------------------
    @abstractmethod
    def canvas(self) -> QtWidgets.QWidget:
        """The big picture in the middle of the window."""

    @abstractmethod
    def panel(self) -> QtWidgets.QWidget:
        """The side panel: editors and explanations."""

    @abstractmethod
    def menus(self) -> list[QtWidgets.QMenu]:
        """The lab's own menus (Presets, …), shown in the menu bar while it is open."""

    @abstractmethod
    def fill_view_menu(self, menu: QtWidgets.QMenu) -> None:
        """Add the lab's actions to the top of View (the window adds labs and the look below)."""

    def activated(self, active: bool) -> None:  # noqa: B027 (optional: most labs need nothing)
        """The lab was opened (True) or left (False): start or stop what runs in the background."""

    # -- the document -------------------------------------------------------------------
    @abstractmethod
    def new_document(self, text: str) -> None:
        """File → New: push one undoable step that puts a fresh state in place."""

    @abstractmethod
    def check_session(self, session: Session) -> None:
        """SessionError unless this lab can show its part of ``session`` (nothing changes)."""

    @abstractmethod
    def open_session(self, session: Session, text: str) -> None:
        """Push one undoable step that puts this lab's part of ``session`` in place (checked)."""

    @abstractmethod
    def save_into(self, session: Session) -> Session:
        """``session`` with this lab's part filled in from what is on screen."""

    # -- pictures and notes -------------------------------------------------------------
    @abstractmethod
    def export_picture(self, path, size: tuple[int, int], theme: str | None) -> Path:
        """Write the picture on screen (same view, same moment) as PNG or SVG."""

    @abstractmethod
    def picture(self, size: tuple[int, int], theme: str | None) -> QtGui.QImage:
        """The picture on screen as an image (Copy Picture)."""

    def picture_size(self) -> tuple[int, int]:
        """The default picture size: twice the canvas on screen."""
        canvas = self.canvas()
        return (2 * max(canvas.width(), 200), 2 * max(canvas.height(), 200))

    def animation_problem(self) -> str | None:
        """Why File → Export Animation is not offered now, or None when it is."""
        return "this lab has no animation to export"

    def export_animation(self) -> Path | None:
        """File → Export Animation: ask how, write it; the path written, or None if cancelled."""
        return None

    @abstractmethod
    def notes(self, kind: str) -> str:
        """The lab's facts as ``"latex"`` or ``"markdown"`` text for the learner's notes."""
