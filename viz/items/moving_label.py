"""The bold label that rides on something the animation moves every frame: an arrow's tip,
the centre of the determinant's parallelogram."""

import pyqtgraph as pg
from PyQt6 import QtGui, QtWidgets


def moving_label(text: str = "") -> pg.TextItem:
    """A bold 13 pt label centred on its position (until its item sets another anchor).

    pyqtgraph has Qt report every move of its items back to Python, for the view box's
    automatic range. These labels never set the range (they are added with ignoreBounds),
    so they skip the report: a move then costs well under a microsecond instead of some ten.
    """
    label = pg.TextItem(text, anchor=(0.5, 0.5))
    font = QtGui.QFont()
    font.setPointSizeF(13)
    font.setBold(True)
    label.setFont(font)
    label.setFlag(QtWidgets.QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges, False)
    return label
