"""Test setup shared by the tests and the doctests.

Qt needs a platform before the first QApplication exists. With a display (a desktop, or
the Xvfb that pytest-xvfb starts) tests use it — the 3D view needs OpenGL, which only a
real or virtual display has. Without one, Qt draws off-screen: the 2D studio still works
and the 3D tests skip, unless ``LINEAR_LENS_REQUIRE_GL=1`` says they must run (CI sets it).
``python -m viz`` starts the app and is not a module to import while collecting doctests.
"""

import contextlib
import importlib.util
import os
import signal

import pytest

collect_ignore = ["viz/__main__.py", "bench"]


def pytest_addoption(parser):
    """Without PyQt6 (``pytest tests/kernels`` on a machine with no Qt), pytest-qt and
    pytest-xvfb are usually absent too: declare the ini options of theirs that pyproject.toml
    sets, so that pytest does not warn about unknown options (filterwarnings turns that into
    an error). With the plugins installed, they declare the options themselves."""
    if importlib.util.find_spec("pytestqt") is None:
        parser.addini("qt_api", "pytest-qt is not installed: ignored")
    if importlib.util.find_spec("pytest_xvfb") is None:
        for option in ("xvfb_width", "xvfb_height", "xvfb_colordepth"):
            parser.addini(option, "pytest-xvfb is not installed: ignored")


@pytest.hookimpl(trylast=True)  # after pytest-xvfb has started Xvfb and set DISPLAY
def pytest_configure(config):
    if "QT_QPA_PLATFORM" not in os.environ:
        os.environ["QT_QPA_PLATFORM"] = "xcb" if os.environ.get("DISPLAY") else "offscreen"
    if importlib.util.find_spec("PyQt6") is None:
        return  # no Qt here: only the tests that need none can run (pytest tests/kernels)
    from viz.gl_support import share_gl_contexts

    share_gl_contexts()  # before the QApplication exists, as the app's main() does


def require_opengl() -> None:
    """Skip the calling test where there is no OpenGL — or fail it where
    ``LINEAR_LENS_REQUIRE_GL=1`` says the 3D tests must run (CI)."""
    from viz.gl_support import opengl_problem

    problem = opengl_problem()
    if problem:
        if os.environ.get("LINEAR_LENS_REQUIRE_GL") == "1":
            pytest.fail(f"OpenGL is required here (LINEAR_LENS_REQUIRE_GL=1) but {problem}")
        pytest.skip(f"no OpenGL: {problem}")


class TookTooLong(Exception):
    """A call did not return in time: in the app, that would be a frozen window."""


@contextlib.contextmanager
def deadline(seconds: float):
    """Interrupt the block with :class:`TookTooLong` after ``seconds`` (pure-Python loops too).

    Used by the hostile-input suites (``from conftest import deadline``) to turn a hang into
    a test failure instead of a stuck test run.
    """
    def interrupt(signum, frame):
        raise TookTooLong(f"still running after {seconds} s")
    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    except TookTooLong as interrupted:
        # re-raise without the interrupted frames: a frame stopped mid-instruction can have no
        # line number, which breaks pytest's traceback formatting (INTERNALERROR)
        raise TookTooLong(str(interrupted)) from None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
