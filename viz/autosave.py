"""Autosave: the scene is written to ``autosave.lens.json`` shortly after every change, so a crash
or a kill loses at most the last half second of edits.

- After a change the write is *throttled*, not debounced: the first change starts a
  ``delay_ms`` timer and the file is written when it fires, however many changes follow (a long
  drag is still saved every ``delay_ms``). Writes are atomic (:func:`viz.session.save_session`).
- When the scene has nothing unsaved (``should_save()`` is False: just saved, just opened, or
  undone back to the saved state) the autosave is deleted instead.
- A clean exit deletes it (:meth:`AutoSaver.close`). So a file found at start-up means the last
  run crashed or was killed: :meth:`AutoSaver.pending` returns it and the window offers it back.
- ``autosave.lock`` (a :class:`QLockFile` holding the owner's process id) keeps a second running
  copy of the app from taking the first one's autosave for a crash leftover: a lock whose
  process is gone is stale and taken over; a live one disables autosave in the second copy.
"""

from __future__ import annotations

import os
from pathlib import Path

from PyQt6 import QtCore

from .session import SessionError, save_session

AUTOSAVE_NAME = "autosave.lens.json"
DECLINED_NAME = "autosave.declined.lens.json"
LOCK_NAME = "autosave.lock"
DELAY_MS = 500


class AutoSaver(QtCore.QObject):
    """Writes the document to ``folder/autosave.lens.json`` after changes.

    The owner calls :meth:`schedule` after every change; the window does so for every step of
    its undo stack, so every undoable change of any kind is saved.

    Args:
        session: a callable giving the :class:`~viz.session.Session` to write (the document now).
        folder: where to write (default :func:`viz.preferences.data_dir`).
        should_save: a callable, False when there is nothing unsaved (then the file is deleted).

    Signals:
        written(path): the autosave was written.
        failed(message): the autosave could not be written (the app keeps running).
    """

    written = QtCore.pyqtSignal(object)
    failed = QtCore.pyqtSignal(str)

    def __init__(self, session, folder=None, delay_ms: int = DELAY_MS, should_save=None, parent=None):
        super().__init__(parent)
        if folder is None:
            from .preferences import data_dir
            folder = data_dir()
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)
        self.path = self.folder / AUTOSAVE_NAME
        self._session = session
        self._should_save = should_save or (lambda: True)
        self._lock = QtCore.QLockFile(str(self.folder / LOCK_NAME))
        self._lock.setStaleLockTime(0)  # stale only when its process is gone, never by age
        self.enabled = self._lock.tryLock(0)
        self.last_error: str | None = None
        self._timer = QtCore.QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.save_now)

    @property
    def scheduled(self) -> bool:
        return self._timer.isActive()

    def pending(self) -> Path | None:
        """The autosave left by a run that did not exit cleanly (None if none, or not ours)."""
        return self.path if self.enabled and self.path.is_file() else None

    def schedule(self, *_) -> None:
        """Write within ``delay_ms`` (a change that arrives while waiting rides along)."""
        if self.enabled and not self._timer.isActive():
            self._timer.start()

    def save_now(self) -> None:
        """Write the scene now (or delete the autosave when there is nothing unsaved)."""
        self._timer.stop()
        if not self.enabled:
            return
        if not self._should_save():
            self.discard()
            return
        try:
            save_session(self._session(), self.path)
        except SessionError as error:
            self.last_error = str(error)
            self.failed.emit(self.last_error)
            return
        self.last_error = None
        self.written.emit(self.path)

    def discard(self) -> None:
        """Forget any pending write and delete the autosave."""
        self._timer.stop()
        if self.enabled:
            try:
                os.unlink(self.path)
            except FileNotFoundError:
                pass
            except OSError as error:
                self.last_error = f"could not delete {self.path}: {error.strerror or error}"

    def set_aside(self) -> Path | None:
        """Keep a declined autosave as ``autosave.declined.lens.json`` (the previous one goes)."""
        if not self.enabled or not self.path.is_file():
            return None
        target = self.folder / DECLINED_NAME
        os.replace(self.path, target)
        return target

    def close(self) -> None:
        """A clean exit: delete the autosave and release the lock."""
        self.discard()
        if self.enabled:
            self._lock.unlock()
            self.enabled = False
