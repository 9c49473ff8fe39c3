"""The Steps tab: the row operations and the cofactor expansion behind the numbers.

The working is laid out for the width of the tab, so it never scrolls sideways: a cofactor
expansion too long for a line breaks before a "+" or "−" between its terms, its next lines
indented under the first term, and the augmented matrix [M | I] of the inverse shows its two
halves one above the other when side by side they would not fit. Whatever still does not fit
(a single huge number) wraps. The tab lays the working out again when its width changes.
"""

import html
import re

from PyQt6 import QtCore, QtGui, QtWidgets

from kernels import Matrix

from ..steps import working

PRE_INDENT = 16  # px: the working sits this far in from the text
_PRE_STYLE = f"margin: 2px 0 6px {PRE_INDENT}px; white-space: pre-wrap"
_TERM = re.compile(r" [+−] ")  # between the terms of an expansion: " + ", " − "


def _pre(text: str) -> str:
    return f"<pre style='{_PRE_STYLE}'>{html.escape(text)}</pre>"


def _top_level_breaks(line: str, start: int) -> list[int]:
    """Where ``line`` may break: before each " + " or " − " from ``start`` on that is outside
    every bracket (so "det[[1, −2], …]" and "(−1)" stay whole)."""
    depth, breaks = 0, []
    for i, char in enumerate(line):
        if char in "([":
            depth += 1
        elif char in ")]":
            depth -= 1
        elif i >= start and depth == 0 and _TERM.match(line, i):
            breaks.append(i)
    return breaks


def wrap_expansion_line(line: str, columns: int) -> list[str]:
    """One line of working as lines at most ``columns`` wide where it can: it breaks before a
    "+" or "−" between terms, and the next lines start under the first term.

    >>> for line in wrap_expansion_line("det = 2·det[[5, 7], [1, −2]] − (−1)·det[[1, 7], [4, −2]] "
    ...                                 "+ 3·det[[1, 5], [4, 1]]", 40):
    ...     print(line)
    det = 2·det[[5, 7], [1, −2]]
          − (−1)·det[[1, 7], [4, −2]]
          + 3·det[[1, 5], [4, 1]]
    >>> wrap_expansion_line("    = −121", 8)
    ['    = −121']
    """
    if len(line) <= columns:
        return [line]
    equals = line.find("= ")
    indent = equals + 2 if equals >= 0 else 0
    breaks = _top_level_breaks(line, indent)
    if not breaks:
        return [line]
    pieces = [line[a:b] for a, b in zip([0, *breaks], [*breaks, len(line)])]
    lines = [pieces[0]]
    for piece in pieces[1:]:
        if len(lines[-1]) + len(piece) <= columns:
            lines[-1] += piece
        else:
            lines.append(" " * indent + piece.lstrip())
    return lines


def matrix_text(matrix: Matrix, columns: int, augmented: bool = False) -> str:
    """A matrix as the working shows it. An augmented [M | I] has a bar between its halves, and
    when it is wider than ``columns`` its left half comes above its right half."""
    if not augmented:
        return str(matrix)
    n = matrix.shape[0]
    left = str(Matrix([row[:n] for row in matrix.rows])).splitlines()
    right = str(Matrix([row[n:] for row in matrix.rows])).splitlines()
    joined = [f"{a[:-2]} | {b[2:]}" for a, b in zip(left, right)]
    if max(len(line) for line in joined) <= columns:
        return "\n".join(joined)
    return "\n".join(["left half", *left, "right half", *right])


class StepsPanel(QtWidgets.QTextBrowser):
    """Shows :func:`viz.steps.working` for the committed matrix, refreshed on every change."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setLineWrapMode(QtWidgets.QTextEdit.LineWrapMode.WidgetWidth)
        self.setWordWrapMode(QtGui.QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setHorizontalScrollBarPolicy(QtCore.Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._columns = self.columns()
        model.matrix_changed.connect(self.refresh)
        self.refresh()

    def columns(self) -> int:
        """How many characters of working fit on a line of the tab as it is now."""
        font = QtGui.QFont(self.document().defaultFont())
        font.setFamilies(["monospace"])  # what Qt's rich text gives <pre>
        font.setStyleHint(QtGui.QFont.StyleHint.Monospace)
        font.setFixedPitch(True)
        advance = QtGui.QFontMetricsF(font).horizontalAdvance("0" * 10) / 10
        scroll_bar = self.verticalScrollBar().sizeHint().width()  # it may yet appear
        margins = 2 * self.document().documentMargin() + PRE_INDENT + scroll_bar
        return max(20, int((self.viewport().width() - margins) / max(advance, 1.0)))

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        columns = self.columns()
        if columns != self._columns:
            self._columns = columns
            self.refresh()

    def refresh(self, *_) -> None:
        columns = self._columns
        parts = []
        for section in working(self.model.matrix):
            parts.append(f"<h3>{html.escape(section.title)}</h3>")
            parts.append(f"<p><i>{html.escape(section.explanation)}</i></p>")
            if section.lines:
                lines = [wrapped for line in section.lines for wrapped in wrap_expansion_line(line, columns)]
                parts.append(_pre("\n".join(lines)))
            if section.start is not None:
                augmented = section.start.shape[1] == 2 * section.start.shape[0]
                parts.append("<p>start</p>" + _pre(matrix_text(section.start, columns, augmented)))
                for step in section.steps:
                    parts.append(f"<p><b>{html.escape(step.label)}</b></p>"
                                 + _pre(matrix_text(step.result, columns, augmented)))
            if section.conclusion:
                parts.append(f"<p>{html.escape(section.conclusion)}</p>")
        scroll = self.verticalScrollBar().value()
        self.setHtml("".join(parts))
        self.verticalScrollBar().setValue(scroll)
