"""The bold label that rides on something the animation moves every frame: an arrow's tip,
the centre of the determinant's parallelogram."""

from PyQt6 import QtCore, QtGui, QtWidgets

from .translucent_fill import TranslucentPolygon


class MovingLabel(QtWidgets.QGraphicsTextItem):
    """A bold 13 pt label, the same size at any zoom, whose ``anchor`` — a point of its box in
    fractions of its width and height — sits on its position: (0.5, 0.5) centres it there,
    (0, 1) puts its lower left corner there.

    It is Qt's own text item, held upright and unscaled by Qt itself: painting and moving it
    never call back into Python, which pyqtgraph's TextItem does for every label in every frame
    (17–24 µs a paint against about 8 µs here). It answers to the names the view's
    label placer reads from a TextItem: ``anchor``, ``textItem`` (its text box), ``setText``,
    ``setColor`` and ``setAnchor``.
    """

    def __init__(self, text: str = "", anchor=(0.5, 0.5)):
        super().__init__()
        self.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemIgnoresTransformations)
        font = QtGui.QFont()
        font.setPointSizeF(13)
        font.setBold(True)
        self.setFont(font)
        self.anchor = QtCore.QPointF(*anchor)
        self._fill = TranslucentPolygon(self)  # a box behind the words, when filled
        self._fill.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemStacksBehindParent)
        self._fill.setPen(QtGui.QPen(QtCore.Qt.PenStyle.NoPen))
        self._fill.setVisible(False)
        self.setText(text)
        self._place()

    @property
    def textItem(self) -> QtWidgets.QGraphicsTextItem:
        """The item whose box the words fill: the label itself."""
        return self

    def setText(self, text: str) -> None:
        if text != self.toPlainText():
            self.setPlainText(text)
            self._place()

    def setColor(self, colour) -> None:
        self.setDefaultTextColor(QtGui.QColor(colour))

    def setAnchor(self, anchor) -> None:
        self.anchor = QtCore.QPointF(*anchor)
        self._place()

    def set_fill(self, colour: QtGui.QColor | None) -> None:
        """Fill the label's box with ``colour`` (a translucent background keeps the words
        readable over grid lines), or nothing."""
        self._fill.setVisible(colour is not None)
        if colour is not None:
            self._fill.setBrush(QtGui.QBrush(colour))

    def _place(self) -> None:
        """Shift the words so that the anchor point of their box is at the label's position."""
        box = self.boundingRect()
        self.setTransform(QtGui.QTransform.fromTranslate(-self.anchor.x() * box.width(),
                                                         -self.anchor.y() * box.height()))
        self._fill.setPolygon(QtGui.QPolygonF(box))
