"""The info panel: every number about the matrix, with a sentence that says what it means."""

import html

from PyQt6 import QtCore, QtWidgets

from kernels.notation import scalar_text

from ..vector_facts import exact_with_decimal


def _number(value) -> str:
    """An exact value beside its decimal, ``−1/2 ≈ −0.5``, escaped for the panel's HTML."""
    return html.escape(exact_with_decimal(value))


def matrix_html(matrix) -> str:
    rows = "".join(
        "<tr>" + "".join(f"<td align='right'>&nbsp;{html.escape(scalar_text(x))}&nbsp;</td>"
                         for x in row) + "</tr>"
        for row in matrix.rows)
    return f"<table style='border-left:1px solid; border-right:1px solid;'>{rows}</table>"


class InfoPanel(QtWidgets.QTextBrowser):
    """Live facts of the committed matrix: description, det, trace, rank, inverse, eigen."""

    def __init__(self, model, parent=None):
        super().__init__(parent)
        self.model = model
        self.setOpenLinks(False)
        self.setMinimumWidth(300)
        self.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        model.matrix_changed.connect(self.refresh)
        self.refresh()

    def refresh(self, *_) -> None:
        facts = self.model.facts
        parts = [f"<p style='font-size:13pt'><b>{html.escape(facts.description)}</b></p>", "<table>"]
        det_text = _number(facts.det)
        measure = "area" if facts.matrix.shape[0] == 2 else "volume"
        if facts.det == 0:
            det_note = f"{measure} collapses to nothing"
        elif facts.det < 0:
            det_note = f"{measure}s scale by {scalar_text(abs(facts.det))}; orientation flips"
        else:
            det_note = f"{measure}s scale by {scalar_text(facts.det)}"
        rows = [("det", f"{det_text} &nbsp;<i>({html.escape(det_note)})</i>"),
                ("trace", _number(facts.trace)),
                ("rank", f"{facts.rank} &nbsp;<i>(the image is "
                         f"{['a point', 'a line', 'the whole plane', 'all of space'][facts.rank]})</i>")]
        parts += [f"<tr><td><b>{name}</b>&nbsp;&nbsp;</td><td>{value}</td></tr>" for name, value in rows]
        parts.append("</table>")
        if facts.inverse is not None:
            parts.append("<p><b>inverse</b></p>" + matrix_html(facts.inverse))
        else:
            parts.append(f"<p><b>inverse</b>: none — {html.escape(facts.no_inverse_reason)}</p>")
        values = ", ".join(
            _number(ev.value) + (f" (×{ev.multiplicity})" if ev.multiplicity > 1 else "")
            for ev in facts.eigenvalues)
        parts.append(f"<p><b>eigenvalues</b>: {values}</p>")
        parts.append(f"<p>{html.escape(facts.eigen_summary)}</p>")
        self.setHtml("".join(parts))
