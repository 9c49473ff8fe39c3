"""An arrow from the origin to a tip, with a labelled head: î, ĵ, v and Mv are all drawn so."""

import math

import pyqtgraph as pg
from PyQt6 import QtGui, QtWidgets

from ..palette import seen_over
from .moving_label import MovingLabel
from .segments import Segments


class VectorArrow:
    """A shaft from (0, 0) to the tip, a head of fixed pixel size, and a label past the tip."""

    def __init__(self, view_box: pg.ViewBox, label: str, z: float, head_length: float = 16):
        self._shaft = Segments()
        self._head = _arrow_head(head_length)
        self._label = MovingLabel(label)
        for item, dz in ((self._shaft, 0.0), (self._head, 0.1), (self._label, 0.2)):
            item.setZValue(z + dz)
            view_box.addItem(item, ignoreBounds=True)
        self._anchor = (self._label.anchor.x(), self._label.anchor.y())  # where the label is anchored
        self.tip = (1.0, 0.0)
        self._draw_tip()

    def set_style(self, color, width: float = 3.0, opacity: float = 1.0, background=None) -> None:
        """Draw in ``color`` at ``opacity``. Over a known ``background``, a faded arrow's shaft
        and head are drawn opaque, in the colour that shows there (``color`` mixed into the
        background): Qt strokes a smooth see-through line wider than a pixel some fifteen times
        slower than an opaque one (a shaft's paint took 185–206 µs, now 11–13 µs), and the two differ only
        where the arrow crosses something drawn under it (a grid line, the parallelogram), which
        then shows a little less. Its label keeps the see-through colour."""
        colour = QtGui.QColor(color)
        colour.setAlphaF(opacity)
        solid = colour if background is None else QtGui.QColor(
            seen_over(QtGui.QColor(color).name(), opacity, QtGui.QColor(background).name()))
        self._shaft.set_pen(pg.mkPen(solid, width=width))
        self._head.setPen(pg.mkPen(solid, width=1))
        self._head.setBrush(pg.mkBrush(solid))
        self._label.setColor(colour)

    def set_label(self, text: str) -> None:
        self._label.setText(text)

    def set_tip(self, x: float, y: float) -> None:
        """Point the arrow at (x, y); a zero vector shows only as a dot-sized head."""
        tip = (float(x), float(y))
        if tip != self.tip:
            self.tip = tip
            self._draw_tip()
        else:  # an arrow that stays (v itself, where x was): only its label goes back where
            self._label.setPos(*tip)  # the arrow puts it, in case the label placer moved it

    def _draw_tip(self) -> None:
        x, y = self.tip
        self._shaft.set_points([(0.0, 0.0), (x, y)])
        if x == 0 and y == 0:
            self._head.setVisible(False)
            self._set_anchor((0.5, 1.3))
        else:
            self._head.setVisible(self._shaft.isVisible())
            angle = math.atan2(y, x)
            # pyqtgraph's arrow points left at 0°; turning the item about its tip (clockwise on
            # screen) costs far less per frame than rebuilding its path with setStyle(angle=…)
            self._head.setRotation(180.0 - math.degrees(angle))
            # put the label just beyond the tip, on the side the arrow points to
            self._set_anchor((0.5 - 0.85 * math.cos(angle), 0.5 + 0.85 * math.sin(angle)))
        self._head.setPos(x, y)
        self._label.setPos(x, y)

    def _set_anchor(self, anchor: tuple) -> None:
        """Anchor the label at ``anchor`` (fractions of its size); pyqtgraph re-lays the label out
        on every call, so only when the anchor changes (an arrow that only stretches keeps it)."""
        if anchor != self._anchor:
            self._anchor = anchor
            self._label.setAnchor(anchor)

    @property
    def visible(self) -> bool:
        return self._shaft.isVisible()

    def set_visible(self, visible: bool) -> None:
        for item in (self._shaft, self._head, self._label):
            item.setVisible(visible)
        if visible and self.tip == (0.0, 0.0):
            self._head.setVisible(False)

    def labels(self) -> list:
        """The text items this draws (for the view's label placer)."""
        return [self._label]


def _arrow_head(head_length: float) -> QtWidgets.QGraphicsPathItem:
    """The head: pyqtgraph's arrow shape, pointing left (set_tip turns the item, not its path),
    the same size in pixels at any zoom. A plain Qt item, so painting it never calls back into
    Python (pyqtgraph's ArrowItem does, for every head in every frame)."""
    head = QtWidgets.QGraphicsPathItem(pg.functions.makeArrowPath(headLen=head_length, tipAngle=36,
                                                                  tailLen=None))
    head.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
    return head

