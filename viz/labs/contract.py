"""The contract between the window and a lab.

The window owns what every lab shares: the menu bar's File, Edit and Help menus, the undo
stack, the document (open, save, autosave), the look (theme and palette) and the lab
switcher. A lab owns one room: a canvas, a side panel, its own menus (with its presets), its
section of the session file, and how its picture is exported or copied. A lab changes its
state only through commands on the shared undo stack, so Undo works across labs and the
autosave follows every change.

A lab is constructed with a :class:`LabContext` and must provide what :class:`Lab` lists.
A lab with several rooms of its own (the Compose & Eliminate lab's Compose, Eliminate and
Multiply) builds each as a :class:`Mode`, lent what it needs through a :class:`ModeHost`.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

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

    def look_changed(self) -> None:  # noqa: B027 (optional: a lab whose scene carries its look needs nothing)
        """The preferred theme or palette changed: draw again in the new one."""

    def highlight(self, target: str | None) -> bool:
        """Point at one thing on the canvas (a lesson step's "look here"), or at nothing when
        ``target`` is None. True when it is shown; False when this lab cannot point at
        ``target`` (the default: a lab that points at nothing). The studio's targets are
        listed in :mod:`viz.highlights`."""
        return target is None

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


# -- labs made of modes ---------------------------------------------------------------------
class ModeHost(Protocol):
    """What the lab lends its modes."""
    model: Any  # the lab's model: ``model.state`` is the committed state

    def push(self, state: Any, text: str, drag_id: int | None = None) -> None:
        """Commit ``state`` as one undoable step named ``text`` (refused states say why)."""

    def status(self, message: str, milliseconds: int = 0) -> None:
        """A message in the window's status bar."""

    def preferences(self):
        """The preferences now (animation seconds and easing)."""


class Mode(ABC):
    """One room of a lab that has several (Compose, Eliminate, Multiply; SVD, PCA, …)."""

    name = ""  # its key in the lab (and in the lab's session section)
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
    def show_state(self, old: Any, new: Any) -> None:
        """Follow a committed change (``old`` is None the first time)."""

    def activated(self, active: bool) -> None:  # noqa: B027 (optional)
        """The mode came on screen (True) or left it: start or stop its animations and threads."""

    def actions(self) -> list[QtGui.QAction]:
        """Actions for the lab's menu while this mode is shown (play, step, …)."""
        return []

    def stage_canvases(self) -> list:
        """The canvases on screen whose scenes a lesson's ring can point at (studio targets,
        :mod:`viz.highlights`); none by default."""
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
