"""The document: File → New, Open, Save, Save As, Open Recent, and the autosave.

A document is a session file (:mod:`viz.session`). Opening reads and checks the whole file
before anything changes — the session's own checks, then each lab's — and is one undoable step;
the undo stack's clean state is the saved state, so the title's ``*`` and the autosave both
follow it.
"""

import time
from pathlib import Path

from PyQt6 import QtCore

from ..autosave import AutoSaver
from ..labs import LAB_NAMES
from ..preferences import add_recent_file, recent_files, remove_recent_file, set_recent_files
from ..scene import SceneState
from ..session import SUFFIX, Session, SessionError, load_session, save_session
from . import dialogs
from .dialogs import Button

APP_NAME = "Linear Lens"


def with_session_suffix(path) -> Path:
    """``notes`` → ``notes.lens.json``; a name that already ends in ``.json`` is kept."""
    path = Path(path)
    return path if path.name.lower().endswith(".json") else path.with_name(path.name + SUFFIX)


class Documents(QtCore.QObject):
    """New, open, save and autosave for ``window`` (its labs, undo stack, settings, status bar).

    Signals:
        title_changed(): the file or its saved state changed; the window updates its title.
    """

    title_changed = QtCore.pyqtSignal()

    def __init__(self, window, autosave: bool):
        super().__init__(window)
        self.window = window
        self.undo_stack = window.undo_stack
        self.settings = window.settings
        self.current_path: Path | None = None
        self.autosaver: AutoSaver | None = None
        if autosave:
            self.autosaver = AutoSaver(self.current_session, window.data_folder,
                                       should_save=lambda: not self.undo_stack.isClean(), parent=self)
            self.undo_stack.indexChanged.connect(lambda _: self.autosaver.schedule())
            self.autosaver.failed.connect(lambda message: window.status(f"Autosave failed: {message}", 8000))
        self.undo_stack.cleanChanged.connect(self._on_clean_changed)

    # -- what is saved ---------------------------------------------------------------------
    def current_session(self) -> Session:
        """Every lab's part of the window now, and which lab is open."""
        session = Session(SceneState.fresh(), lab=self.window.current_lab_name,
                          lesson=self.window.lessons.position())
        for lab in self.window.open_labs():
            session = lab.save_into(session)
        return session

    @property
    def modified(self) -> bool:
        return not self.undo_stack.isClean()

    def _on_clean_changed(self, clean: bool) -> None:
        self.title_changed.emit()
        if clean and self.autosaver is not None:
            self.autosaver.discard()  # nothing unsaved: a crash now would lose nothing

    def _mark_saved(self, path: Path | None, message: str) -> None:
        self.current_path = path.resolve() if path is not None else None
        self.undo_stack.setClean()
        self.title_changed.emit()
        if path is not None:
            add_recent_file(path, self.settings)
        self.window.status(message, 5000)

    def maybe_save(self) -> bool:
        """Before New, Open or Quit: offer to save changes. False means the user cancelled."""
        if not self.modified:
            return True
        name = self.current_path.name if self.current_path else "this scene"
        answer = dialogs.ask_user(self.window, APP_NAME, f"Save the changes to {name} before closing it?",
                                  Button.Save | Button.Discard | Button.Cancel, Button.Save)
        if answer == Button.Save:
            return self.save()
        return answer == Button.Discard

    # -- New, Open ---------------------------------------------------------------------------
    def new_scene(self) -> bool:
        """File → New: the open lab starts afresh (the identity, v = (1, 2), the preferred
        look), as one undoable step."""
        if not self.maybe_save():
            return False
        self.window.current_lab().new_document("New scene")
        self._mark_saved(None, "New scene (Undo brings the previous one back)")
        return True

    def _read(self, path) -> Session:
        """Load and check ``path`` whole — the file, then every lab's part — changing nothing."""
        session = load_session(path)
        self._check(session)
        return session

    def _check(self, session: Session) -> None:
        """Every lab's check of its part of ``session`` (SessionError; nothing changes)."""
        for name in LAB_NAMES:  # a lab with a part in the file is built, so its part is shown
            if name in session.sections or name == session.lab:
                self.window.lab(name)
        for lab in self.window.open_labs():
            lab.check_session(session)

    def _show(self, session: Session, text: str) -> None:
        """Put a checked session on screen: each lab's part, then the lab that was open."""
        self.undo_stack.beginMacro(text)
        for lab in self.window.open_labs():
            lab.open_session(session, text)
        self.undo_stack.endMacro()
        self.window.switch_lab(session.lab)

    def show_step(self, session: Session, text: str) -> None:
        """A lesson step (:func:`viz.lessons.format.step_session`): checked by every lab like
        a file, then put on screen as one undoable step. The file on disk is not touched."""
        self._check(session)
        self._show(session, text)

    def open_file(self, path=None) -> bool:
        """File → Open: read and check the whole file first; a bad file changes nothing.

        Opening is one undoable step ("Open name"); the stack is marked clean there, so undoing
        it brings the previous scene back and shows the title's star (it differs from the file).
        """
        if not self.maybe_save():
            return False
        if path is None:
            start = str(self.current_path.parent if self.current_path else Path.home())
            path = dialogs.choose_open_path(self.window, start)
            if path is None:
                return False
        path = Path(path)
        try:
            session = self._read(path)
        except SessionError as error:
            dialogs.tell_user(self.window, "Open Session",
                              f"{error}\n\nNothing was opened: the scene on screen is unchanged.")
            return False
        self._show(session, f"Open {path.name}")
        self.window.lessons.restore(session.lesson)
        self._mark_saved(path, f"Opened {path.name}")
        return True

    # -- Save --------------------------------------------------------------------------------
    def save(self) -> bool:
        """File → Save (Save As… for a scene that has no file yet). True when written."""
        if self.current_path is None:
            return self.save_as()
        return self.save_to(self.current_path)

    def save_as(self) -> bool:
        start = self.current_path or Path.home() / f"untitled{SUFFIX}"
        chosen = dialogs.choose_save_path(self.window, str(start))
        if chosen is None:
            return False
        return self.save_to(with_session_suffix(chosen))

    def save_to(self, path) -> bool:
        """Write every lab's part (and the visible rectangle) to ``path`` atomically."""
        path = Path(path)
        try:
            save_session(self.current_session(), path)
        except SessionError as error:
            dialogs.tell_user(self.window, "Save Session", str(error))
            return False
        self._mark_saved(path, f"Saved {path.name}")
        return True

    # -- Open Recent -------------------------------------------------------------------------
    def recent(self) -> list[str]:
        return recent_files(self.settings)

    def open_recent(self, text: str) -> bool:
        """Open a recent file; one that no longer exists is dropped from the list, with a note."""
        if not Path(text).exists():  # anything else there is refused, with its reason, by Open
            remove_recent_file(text, self.settings)
            dialogs.tell_user(self.window, "Open Recent",
                              f"{Path(text).name} is no longer at {Path(text).parent}; "
                              "it has been removed from Open Recent.")
            return False
        return self.open_file(text)

    def clear_recent(self) -> None:
        set_recent_files([], self.settings)

    # -- autosave ----------------------------------------------------------------------------
    def close(self) -> bool:
        """Before the window closes: offer to save; a clean exit leaves no autosave behind."""
        if not self.maybe_save():
            return False
        if self.autosaver is not None:
            self.autosaver.close()
        return True

    def offer_autosave_restore(self) -> bool:
        """At start: if the last run left an autosave (it crashed or was killed), offer it back.
        Yes restores it (as an unsaved, undoable change); No sets it aside as
        ``autosave.declined.lens.json``."""
        pending = self.autosaver.pending() if self.autosaver is not None else None
        if pending is None:
            return False
        when = time.strftime("%H:%M on %d %b", time.localtime(pending.stat().st_mtime))
        answer = dialogs.ask_user(self.window, APP_NAME,
                                  "Linear Lens did not close properly last time.\n\n"
                                  f"Restore the scene it autosaved at {when}?", Button.Yes | Button.No,
                                  Button.Yes)
        if answer != Button.Yes:
            self.autosaver.set_aside()
            return False
        return self.restore_autosave(pending)

    def restore_autosave(self, path=None) -> bool:
        """Put the autosaved scene back (no question asked). It is unsaved work: the title shows
        ``Untitled*`` and closing asks where to save it. A broken autosave is reported and set aside."""
        if path is None:
            path = self.autosaver.pending() if self.autosaver is not None else None
            if path is None:
                return False
        try:
            session = self._read(path)
        except SessionError as error:
            dialogs.tell_user(self.window, APP_NAME, f"The autosave could not be restored.\n\n{error}")
            if self.autosaver is not None:
                self.autosaver.set_aside()
            return False
        self._show(session, "Restore autosave")
        self.window.lessons.restore(session.lesson)
        self.current_path = None
        self.title_changed.emit()
        self.window.status("Restored the autosaved scene — save it to keep it", 8000)
        return True
