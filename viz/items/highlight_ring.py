"""A ring that points at one thing on the plane: the tip of an arrow, the middle of the
determinant's parallelogram, a point on an eigen-line. A lesson step uses it to say "look here".

It is a soft halo with a crisp ring inside, a fixed size in pixels at any zoom, drawn above
everything else so it is never hidden; it hides nothing, since its middle is empty.
"""

import pyqtgraph as pg
from PyQt6 import QtGui

RING_PX = 38  # the crisp ring's diameter
HALO_PX = 52  # the soft halo around it


class HighlightRing:
    """One ring (shown at a point, or hidden); :attr:`position` is None while hidden."""

    def __init__(self, view_box: pg.ViewBox, z: float = 90):
        self.view_box = view_box
        self._halo = pg.ScatterPlotItem(size=HALO_PX, pxMode=True, symbol="o")
        self._ring = pg.ScatterPlotItem(size=RING_PX, pxMode=True, symbol="o")
        for item, dz in ((self._halo, 0.0), (self._ring, 0.1)):
            item.setZValue(z + dz)
            item.setVisible(False)
            view_box.addItem(item, ignoreBounds=True)
        self.position: tuple[float, float] | None = None

    def set_style(self, color: str) -> None:
        """``color`` is the theme's text colour: white on the dark canvas, ink on the light one."""
        halo = QtGui.QColor(color)
        halo.setAlphaF(0.28)
        self._halo.setPen(pg.mkPen(halo, width=7))
        self._halo.setBrush(pg.mkBrush(None))
        self._ring.setPen(pg.mkPen(color, width=2.5))
        self._ring.setBrush(pg.mkBrush(None))

    def show_at(self, x: float, y: float) -> None:
        self.position = (float(x), float(y))
        for item in (self._halo, self._ring):
            item.setData([x], [y])
            item.setVisible(True)

    def hide(self) -> None:
        self.position = None
        for item in (self._halo, self._ring):
            item.setVisible(False)

    @property
    def visible(self) -> bool:
        return self.position is not None
