"""Rule 5: no exception in a slot aborts the app or goes unseen.

When Python code that Qt called (a slot, a paint event, a timer) raises an exception, PyQt
hands it to ``sys.excepthook``, and if that is still Python's default, PyQt aborts the whole
app, unsaved work and all. :func:`install` puts a :class:`CrashReport` there instead. It

* appends the full traceback, with the time, to ``errors.log`` in the app's data folder,
* tells the learner what happened and where the details are, in a dialog that does not block
  the window (a burst of errors updates the one dialog rather than piling up new ones),
* passes the exception on to the hook it replaced: Python's default prints it on stderr, and
  under pytest-qt the test's capture hook records it, so the test still fails.

The app keeps running. ``main()`` installs the report for as long as the event loop runs
(``with install(…) as crash_report:``); the window's constructor never does, so tests build
windows without it and install it themselves.
"""

import sys
import textwrap
import traceback
from datetime import datetime
from pathlib import Path

from PyQt6 import QtCore, QtWidgets

LOG_NAME = "errors.log"


class CrashReport:
    """A ``sys.excepthook`` for the running app: log the exception, tell the learner, carry on."""

    def __init__(self, log_path: Path, window: QtWidgets.QWidget | None = None):
        self.log_path = Path(log_path)
        self.window = window  # the dialog's parent; None until the main window exists
        self.dialog: QtWidgets.QMessageBox | None = None
        self._replaced_hook = sys.excepthook

    def __call__(self, kind, error, trace) -> None:
        details = "".join(traceback.format_exception(kind, error, trace))
        where = self._log(details)
        self._replaced_hook(kind, error, trace)
        self._tell(textwrap.shorten(f"{kind.__name__}: {error}", 300, placeholder=" …"), where, details)

    def uninstall(self) -> None:
        """Put back the hook this report replaced."""
        sys.excepthook = self._replaced_hook

    def __enter__(self) -> "CrashReport":
        return self

    def __exit__(self, *exception) -> None:
        self.uninstall()

    def _log(self, details: str) -> str:
        """Append the traceback to the log; return a sentence saying where it went (or why not)."""
        try:
            self.log_path.parent.mkdir(parents=True, exist_ok=True)
            with self.log_path.open("a", encoding="utf-8") as log:
                log.write(f"--- {datetime.now().isoformat(sep=' ', timespec='seconds')} ---\n{details}\n")
        except OSError as problem:
            return f"The details could not be written to {self.log_path} ({problem.strerror or problem})."
        return f"The details were added to {self.log_path}."

    def _tell(self, summary: str, where: str, details: str) -> None:
        """Show the one non-modal dialog (made the first time), with this error in it."""
        if self.dialog is None:
            self.dialog = QtWidgets.QMessageBox(
                QtWidgets.QMessageBox.Icon.Warning, "Linear Lens: something went wrong", "",
                QtWidgets.QMessageBox.StandardButton.Close, self.window)
            self.dialog.setWindowModality(QtCore.Qt.WindowModality.NonModal)
        self.dialog.setText(f"Something went wrong inside Linear Lens: {summary}\n\n"
                            "The app is still running, but what you just did may not have "
                            "finished. Saving your work now is a good idea.\n\n" + where)
        self.dialog.setDetailedText(details)
        self.dialog.show()
        self.dialog.raise_()


def install(log_path: Path, window: QtWidgets.QWidget | None = None) -> CrashReport:
    """Make a :class:`CrashReport` writing to ``log_path`` the ``sys.excepthook``, and return it.
    ``uninstall()``, or the end of a ``with install(…)`` block, puts the previous hook back.
    Needs a QApplication, for the dialog."""
    report = CrashReport(log_path, window)
    sys.excepthook = report
    return report
