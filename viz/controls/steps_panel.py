"""The Steps tab: the row operations and the cofactor expansion behind the numbers."""

import html

from PyQt6 import QtCore, QtWidgets

from ..steps import working


def _pre(text: str) -> str:
    return f"<pre style='margin: 2px 0 6px 16px'>{html.escape(text)}</pre>"


class StepsPanel(QtWidgets.QTextBrowser):
    """Shows :func:`viz.steps.working` for the committed matrix, refreshed on every change."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        model.matrix_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_) -> None:
        parts = []
        for section in working(self.model.matrix):
            parts.append(f"<h3>{html.escape(section.title)}</h3>")
            parts.append(f"<p><i>{html.escape(section.explanation)}</i></p>")
            if section.lines:
                parts.append(_pre("\n".join(section.lines)))
            if section.start is not None:
                parts.append("<p>start</p>" + _pre(str(section.start)))
                for step in section.steps:
                    parts.append(f"<p><b>{html.escape(step.label)}</b></p>" + _pre(str(step.result)))
            if section.conclusion:
                parts.append(f"<p>{html.escape(section.conclusion)}</p>")
        self.setHtml("".join(parts))
