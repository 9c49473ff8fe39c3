"""Render the app icon's PNGs from its SVG: ``python docs/make_icons.py``.

``assets/icons/linear-lens.svg`` is the drawing; this writes ``assets/icons/linear-lens-<size>.png``
for every size in :data:`viz.window.icon.ICON_SIZES` with Qt's own SVG renderer, the same one
that draws the icon when no PNG fits. Run it after changing the SVG, look at the PNGs, and
commit them with it.
"""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # the checkout, not an installed copy
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # no window: works on a server too

from PyQt6 import QtCore, QtGui, QtSvg  # noqa: E402

from viz.window.icon import ICON_SIZES, icon_paths  # noqa: E402


def render(svg: Path, size: int) -> QtGui.QImage:
    renderer = QtSvg.QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: not an SVG Qt can draw")
    image = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
    image.fill(QtCore.Qt.GlobalColor.transparent)
    painter = QtGui.QPainter(image)
    painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QtGui.QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QtCore.QRectF(0, 0, size, size))
    painter.end()
    return image


def main() -> int:
    _app = QtGui.QGuiApplication.instance() or QtGui.QGuiApplication(sys.argv[:1])  # for QImage and QPainter
    paths = icon_paths()
    for size in ICON_SIZES:
        if not render(paths[None], size).save(str(paths[size]), "PNG"):
            raise SystemExit(f"could not write {paths[size]}")
        print(f"wrote {paths[size]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
