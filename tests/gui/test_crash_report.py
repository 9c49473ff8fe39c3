"""Rule 5: an exception in a slot is logged and shown, and the app keeps running.

Each test installs the crash report inside ``qtbot.captureExceptions()``: the report passes the
exception on to the hook it replaced, here pytest-qt's capture, which would otherwise (rightly)
fail the test."""

import os
import subprocess
import sys
import textwrap

from PyQt6 import QtCore, QtWidgets

from kernels import Matrix
from viz.window import crash_report, main

from .conftest import type_into, wait_settled


def broken_slot(*_):
    raise RuntimeError("a slot that fails")


def test_an_exception_in_a_slot_is_logged_shown_and_the_window_keeps_working(qtbot, window, tmp_path):
    window.studio.model.matrix_changed.connect(broken_slot)
    with (qtbot.captureExceptions() as caught,
          crash_report.install(tmp_path / crash_report.LOG_NAME, window) as report):
        type_into(qtbot, window.studio.matrix_editor.cell(0, 1), "1")
    assert [kind for kind, *_ in caught] == [RuntimeError]  # passed on to pytest-qt
    log = report.log_path.read_text(encoding="utf-8")
    assert log.startswith("--- 20") and "in broken_slot" in log
    assert log.rstrip().endswith("RuntimeError: a slot that fails")
    dialog = report.dialog
    assert dialog.isVisible() and not dialog.isModal() and dialog.parent() is window
    assert "RuntimeError: a slot that fails" in dialog.text() and str(report.log_path) in dialog.text()
    assert "in broken_slot" in dialog.detailedText()

    window.studio.model.matrix_changed.disconnect(broken_slot)
    wait_settled(qtbot, window)
    assert window.isVisible() and window.studio.model.matrix == Matrix([[1, 1], [0, 1]])
    type_into(qtbot, window.studio.matrix_editor.cell(1, 0), "2")  # the window still works
    assert window.studio.model.matrix == Matrix([[1, 1], [2, 1]])


def test_a_burst_of_errors_is_one_dialog_and_every_error_in_the_log(qtbot, window, tmp_path):
    with (qtbot.captureExceptions() as caught,
          crash_report.install(tmp_path / crash_report.LOG_NAME, window) as report):
        for _ in range(3):
            QtCore.QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(caught) == 3)
    assert report.log_path.read_text(encoding="utf-8").count("RuntimeError: a slot that fails") == 3
    assert window.findChildren(QtWidgets.QMessageBox) == [report.dialog]


def test_a_log_that_cannot_be_written_is_said_in_the_dialog(qtbot, window, tmp_path):
    (tmp_path / "a file").write_text("")
    with (qtbot.captureExceptions() as caught,
          crash_report.install(tmp_path / "a file" / crash_report.LOG_NAME, window) as report):
        QtCore.QTimer.singleShot(0, broken_slot)
        qtbot.waitUntil(lambda: len(caught) == 1)
    assert "could not be written to" in report.dialog.text()
    assert "RuntimeError: a slot that fails" in report.dialog.detailedText()


def test_main_logs_into_the_data_folder_while_the_app_runs(qtbot, monkeypatch):
    """``main()``: the report is the excepthook while the event loop runs, and only then."""
    app = QtWidgets.QApplication.instance()
    monkeypatch.setattr(app, "exec", lambda: run_briefly(qtbot))  # the test drives the loop
    name, organisation = app.applicationName(), app.organizationName()
    hook = sys.excepthook
    try:
        with qtbot.captureExceptions() as caught:
            assert main() == 0
    finally:
        app.setApplicationName(name)
        app.setOrganizationName(organisation)
    assert sys.excepthook is hook and [kind for kind, *_ in caught] == [RuntimeError]
    log = os.path.join(os.environ["LINEAR_LENS_DATA_DIR"], crash_report.LOG_NAME)
    with open(log, encoding="utf-8") as text:
        assert "RuntimeError: a slot that fails" in text.read()


def run_briefly(qtbot) -> int:
    """Stands in for ``app.exec()``: raise in a slot, check the window survives, close it."""
    report = sys.excepthook
    assert isinstance(report, crash_report.CrashReport)
    window = report.window
    qtbot.addWidget(window)
    qtbot.waitExposed(window)
    QtCore.QTimer.singleShot(0, broken_slot)
    qtbot.waitUntil(lambda: report.dialog is not None and report.dialog.isVisible())
    assert window.isVisible() and report.dialog.parent() is window
    window.close()
    return 0


def test_an_exception_that_reaches_the_report_still_fails_the_test(tmp_path):
    """The report hands each exception on, so pytest-qt still fails a test that raised in a slot."""
    test_file = tmp_path / "test_inner.py"
    test_file.write_text(textwrap.dedent(f"""
        from PyQt6 import QtCore
        from viz.window.crash_report import install

        def test_raises_in_a_slot(qtbot):
            with install({str(tmp_path / "errors.log")!r}):
                QtCore.QTimer.singleShot(0, lambda: 1 / 0)
                qtbot.wait(100)
    """))
    result = subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "-p", "no:xvfb",
                             "-q", str(test_file)], capture_output=True, text=True, timeout=120, cwd=tmp_path,
                            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 1, result.stdout + result.stderr
    assert "CALL ERROR" in result.stdout and "ZeroDivisionError" in result.stdout
    assert "ZeroDivisionError" in (tmp_path / "errors.log").read_text(encoding="utf-8")
