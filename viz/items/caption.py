"""A caption in the top-left corner of exported pictures: the matrix and what it does.

A picture pasted into notes should say what it shows without the window around it.
It lives in the scene (pixel coordinates), not in the plane, so it stays put under pan/zoom.
"""

import html

from PyQt6 import QtCore, QtGui, QtWidgets

from kernels.notation import scalar_text

MARGIN_PX = 12


def _bracket(row: int, rows: int, left: bool) -> str:
    """The piece of a tall square bracket for one row: ⎡ ⎢ ⎣ (or [ for a single row)."""
    if rows == 1:
        return "[" if left else "]"
    if row == 0:
        return "⎡" if left else "⎤"
    return ("⎣" if left else "⎦") if row == rows - 1 else ("⎢" if left else "⎥")


def caption_html(matrix, description: str, color: str) -> str:
    """``M =`` the matrix in tall brackets, then the description, as Qt rich text."""
    rows = matrix.rows
    cells = "".join(
        "<tr>" + f"<td>{_bracket(i, len(rows), True)}</td>"
        + "".join(f"<td align='right' style='padding: 0 5px'>{html.escape(scalar_text(x))}</td>"
                  for x in row)
        + f"<td>{_bracket(i, len(rows), False)}</td></tr>" for i, row in enumerate(rows))
    return (f"<div style='color:{color}'><table cellspacing='0' cellpadding='0'><tr>"
            f"<td valign='middle' style='font-size:15pt'><i>M</i> =&nbsp;</td>"
            f"<td><table cellspacing='0' cellpadding='0' style='font-size:13pt'>{cells}</table></td>"
            f"</tr></table><p style='font-size:12pt; margin-top:4px'>{html.escape(description)}</p></div>")


class Caption:
    """A text block over the view's top-left corner with a translucent backing."""

    def __init__(self, scene: QtWidgets.QGraphicsScene, z: float = 1000):
        self._text = QtWidgets.QGraphicsTextItem()
        self._backing = QtWidgets.QGraphicsRectItem()
        self._backing.setPen(QtGui.QPen(QtGui.QColor(0, 0, 0, 0)))
        for item, dz in ((self._backing, 0.0), (self._text, 0.1)):
            item.setZValue(z + dz)
            item.setVisible(False)
            scene.addItem(item)

    def show(self, matrix, description: str, text_color: str, background: str) -> None:
        self._text.setHtml(caption_html(matrix, description, text_color))
        self._text.setTextWidth(min(self._text.document().idealWidth() + 4, 420))
        self._text.setPos(MARGIN_PX, MARGIN_PX)
        rect = self._text.mapRectToScene(self._text.boundingRect())
        rect.setWidth(min(rect.width(), self._widest_line() + 8))
        rect = rect.adjusted(-6, -4, 6, 4)
        fill = QtGui.QColor(background)
        fill.setAlphaF(0.8)
        self._backing.setBrush(QtGui.QBrush(fill))
        self._backing.setRect(rect)
        self._text.setVisible(True)
        self._backing.setVisible(True)

    def _widest_line(self) -> float:
        """The width of the longest line once the text is wrapped (the backing fits the text)."""
        document = self._text.document()
        widest, block = 0.0, document.begin()
        while block.isValid():
            layout = block.layout()
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                widest = max(widest, line.x() + line.naturalTextWidth())
            block = block.next()
        return widest + 2 * document.documentMargin()

    def hide(self) -> None:
        self._text.setVisible(False)
        self._backing.setVisible(False)

    @property
    def visible(self) -> bool:
        return self._text.isVisible()

    def scene_rect(self) -> QtCore.QRectF:
        """The area the caption covers, backing included, in scene pixels."""
        return self._backing.rect()

    def text(self) -> str:
        return self._text.toPlainText()
