"""Can this machine draw OpenGL? The 3D studio needs it; everything else does not.

Qt's ``offscreen`` platform, a remote desktop without GL, or a missing PyOpenGL all mean
no 3D view: the app then shows a message where the 3D view would be, and the headless
3D PNG export explains what is missing (the 3D SVG export needs no OpenGL at all).
"""

from functools import lru_cache

from PyQt6 import QtCore, QtGui, QtWidgets


def share_gl_contexts() -> None:
    """Let every OpenGL view share one context group (call before the QApplication exists).

    pyqtgraph compiles its shaders once and reuses them; without sharing, a second 3D view
    (after a 2D ↔ 3D switch, or an export) would use programs that belong to another context.
    """
    QtCore.QCoreApplication.setAttribute(QtCore.Qt.ApplicationAttribute.AA_ShareOpenGLContexts)


def opengl_problem() -> str | None:
    """None when an OpenGL context can be made here; otherwise why not, in one sentence."""
    app = QtWidgets.QApplication.instance()
    if app is None:
        return "Qt is not running yet (OpenGL is checked once the application has started)"
    return _probe(app.platformName())


@lru_cache(maxsize=4)
def _probe(platform: str) -> str | None:
    """Try once per platform: make a context and make it current on an off-screen surface."""
    if platform in ("offscreen", "minimal"):
        return (f"the Qt platform '{platform}' has no OpenGL; run on a desktop or under a "
                "virtual display (e.g. xvfb-run)")
    try:
        import OpenGL.GL  # noqa: F401  (PyOpenGL, which pyqtgraph.opengl draws with)
    except ImportError as error:
        return f"PyOpenGL is not installed ({error}); pip install PyOpenGL"
    context = QtGui.QOpenGLContext()
    if not context.create():
        return "no OpenGL context could be created (no GPU driver or software renderer found)"
    surface = QtGui.QOffscreenSurface()
    surface.create()
    if not context.makeCurrent(surface):
        return "an OpenGL context was created but could not be made current"
    context.doneCurrent()
    return None
