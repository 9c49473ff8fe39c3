"""What every lab made of modes shares: a mode bar over stacked canvases and panels, one undo
step per state, the Lab menu of mode actions, the plane/space switch, the lab's section in a
session, and pictures and notes handed to the mode on screen.

A lab built on :class:`ModalLab` (Compose & Eliminate, ML) says only what is its own: its state
(:meth:`fresh_state`, :meth:`state_from_section`, :meth:`section_of`), the editor above the
mode's panel, its presets, how a state change reaches its modes, and what a lesson's ring
points at.
"""

from __future__ import annotations

from abc import abstractmethod
from dataclasses import replace
from pathlib import Path

from PyQt6 import QtGui, QtWidgets

from ..commands import ReplaceLabState
from ..controls.lab_menus import dimension_actions, fill_lab_menu, mode_actions
from ..session import Session
from .contract import Lab


class ModalLab(Lab):
    """A lab of several modes over one state (see the module docstring). A subclass sets
    ``self.model``, ``self.modes`` (name → mode, in the bar's order) and ``menu_title``, then
    calls :meth:`_build` with the modes' titles and its editor."""

    menu_title = "&Lab"

    def _build(self, titles, editor: QtWidgets.QWidget) -> None:
        """The mode bar, the editor and the stacked panels in the side panel; the stacked
        canvases; the menus. Shows the state and the first mode."""
        self.undo_stack = self.context.undo_stack
        self.mode_names = tuple(self.modes)
        self.mode_name = self.mode_names[0]
        self.highlighted: str | None = None  # what a lesson step points at
        self._canvas = QtWidgets.QStackedWidget()
        self._mode_panels = QtWidgets.QStackedWidget()
        for mode in self.modes.values():
            self._canvas.addWidget(mode.canvas())
            self._mode_panels.addWidget(mode.panel())
        self.mode_bar = QtWidgets.QTabBar()
        for title in titles:
            self.mode_bar.addTab(title)
        self._panel = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(self._panel)
        layout.addWidget(self.mode_bar)
        layout.addWidget(editor)
        layout.addWidget(self._mode_panels, stretch=1)
        parent = self.context.parent
        self.lab_menu = QtWidgets.QMenu(self.menu_title, parent)
        self.mode_actions = mode_actions(parent, zip(self.mode_names, titles), self.switch_mode)
        self.presets_menu = QtWidgets.QMenu("&Presets", parent)
        self.dimension_actions = dimension_actions(parent, self.model.state.dimension, self.switch_dimension)
        self._fill_presets_menu()
        self.mode_bar.currentChanged.connect(lambda index: self.switch_mode(self.mode_names[index]))
        self.model.changed.connect(self._on_changed)

    def _start(self) -> None:
        """Every mode shows the state, and the first mode is on screen."""
        self._show_afresh()
        self.switch_mode(self.mode_names[0])

    def _show_afresh(self) -> None:
        """Every mode draws the state from nothing (as when the lab opens), in the look preferred now."""
        for mode in self.modes.values():
            mode.show_state(None, self.model.state)

    def look_changed(self) -> None:
        self._show_afresh()
        self._show_highlight()

    # -- what each lab says of its own ---------------------------------------------------------------
    @abstractmethod
    def fresh_state(self, n: int):
        """The opening state in the plane (2) or in space (3)."""

    @abstractmethod
    def state_from_section(self, raw) -> tuple:
        """(state, mode name) from the lab's section of a session; ValueError if it is bad."""

    @abstractmethod
    def section_of(self, state, mode_name: str) -> dict:
        """The lab's section of a session for ``state`` with ``mode_name`` on screen."""

    @abstractmethod
    def _fill_presets_menu(self) -> None:
        """Fill ``self.presets_menu`` for the state's dimension."""

    @abstractmethod
    def _on_changed(self, old, new) -> None:
        """The state changed (``self.model.changed``): show it."""

    @abstractmethod
    def _show_highlight(self) -> bool:
        """Show the ring on ``self.highlighted`` (None: no ring); False where it is not drawn."""

    # -- what the modes are lent (ModeHost) ----------------------------------------------------------
    def push(self, state, text: str, drag_id: int | None = None) -> None:
        """Commit ``state`` as one undoable step; a state that breaks a rule is said, not pushed."""
        try:
            command = ReplaceLabState(self.model, state, text, drag_id)
        except (ValueError, ArithmeticError) as error:
            self.status(f"Not committed — {error}. The last valid state is kept.")
            return
        if command.changes_anything:
            self.undo_stack.push(command)

    def status(self, message: str, milliseconds: int = 0) -> None:
        self.context.status(message, milliseconds)

    def preferences(self):
        return self.context.preferences()

    # -- modes ---------------------------------------------------------------------------------------
    @property
    def mode(self):
        return self.modes[self.mode_name]

    def switch_mode(self, name: str) -> None:
        """Show the mode called ``name``."""
        if name not in self.modes:
            raise KeyError(f"no mode called {name!r} (modes: {', '.join(self.mode_names)})")
        if name != self.mode_name:
            self.modes[self.mode_name].activated(False)
        self.mode_name = name
        mode = self.modes[name]
        self._canvas.setCurrentWidget(mode.canvas())
        self._mode_panels.setCurrentWidget(mode.panel())
        blocked = self.mode_bar.blockSignals(True)
        self.mode_bar.setCurrentIndex(self.mode_names.index(name))
        self.mode_bar.blockSignals(blocked)
        self.mode_actions[name].setChecked(True)
        fill_lab_menu(self.lab_menu, self.mode_actions, mode.actions())
        mode.activated(True)
        self._show_highlight()

    def switch_dimension(self, n: int) -> None:
        """The opening state in the plane (2) or in space (3), as one undoable step."""
        if n != self.model.state.dimension:
            self.push(self.fresh_state(n), f"Switch to {n}D")

    def _follow_dimension(self, old, new) -> None:
        """After a switch between the plane and space: the presets and View actions follow."""
        if old.dimension != new.dimension:
            self._fill_presets_menu()
            for n, action in self.dimension_actions.items():
                action.setChecked(n == new.dimension)

    def highlight(self, target: str | None) -> bool:
        """Ring ``target`` on the mode on screen, following it; None takes the ring away. False,
        and no ring, when the mode on screen does not draw it."""
        self.highlighted = target
        return self._show_highlight()

    # -- the contract: what the window shows ---------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self._canvas

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def menus(self) -> list[QtWidgets.QMenu]:
        return [self.lab_menu, self.presets_menu]

    def fill_view_menu(self, menu: QtWidgets.QMenu) -> None:
        menu.addActions(list(self.dimension_actions.values()))

    def activated(self, active: bool) -> None:
        self.mode.activated(active)

    def picture_size(self) -> tuple[int, int]:
        canvas = self.mode.canvas()
        return (2 * max(canvas.width(), 320), 2 * max(canvas.height(), 200))

    # -- the contract: the document ------------------------------------------------------------------
    def new_document(self, text: str) -> None:
        self.push(self.fresh_state(self.model.state.dimension), text)

    def check_session(self, session: Session) -> None:
        if self.name in session.sections:
            self.state_from_section(session.sections[self.name])

    def open_session(self, session: Session, text: str) -> None:
        raw = session.sections.get(self.name)
        if raw is None:
            return  # a file saved before this lab existed: keep what is on screen
        state, mode = self.state_from_section(raw)
        self.push(state, text)
        if mode in self.modes:
            self.switch_mode(mode)

    def save_into(self, session: Session) -> Session:
        sections = dict(session.sections)
        sections[self.name] = self.section_of(self.model.state, self.mode_name)
        return replace(session, sections=sections)

    # -- the contract: pictures and notes, from the mode on screen -----------------------------------
    def export_picture(self, path, size, theme) -> Path:
        return self.mode.export_picture(Path(path), size, theme)

    def picture(self, size, theme) -> QtGui.QImage:
        return self.mode.render(size, theme)

    def animation_problem(self) -> str | None:
        return self.mode.animation_problem()

    def export_animation(self) -> Path | None:
        return self.mode.export_animation(self.context.parent)

    def notes(self, kind: str) -> str:
        return self.mode.notes(kind)
