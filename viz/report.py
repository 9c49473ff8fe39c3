"""The info panel's facts as text, JSON or LaTeX, for ``linear-lens info`` and for notes.

Exact values are written as exact strings (``"-1/2"``), floats with six significant digits.
"""

from kernels import format_scalar, is_exact

from .facts import MatrixFacts


def _exact(value) -> str:
    return format_scalar(value)


def _matrix_strings(matrix) -> list[list[str]]:
    return [[_exact(x) for x in row] for row in matrix.rows]


def as_dict(facts: MatrixFacts) -> dict:
    """JSON-ready facts; every number a string, exact when the kernel's value is exact."""
    return {
        "matrix": _matrix_strings(facts.matrix),
        "description": facts.description,
        "det": _exact(facts.det),
        "det_float": float(facts.det),
        "trace": _exact(facts.trace),
        "rank": facts.rank,
        "inverse": _matrix_strings(facts.inverse) if facts.inverse is not None else None,
        "inverse_reason": facts.no_inverse_reason,
        "eigenvalues": [{"value": _exact(ev.value), "multiplicity": ev.multiplicity}
                        for ev in facts.eigenvalues],
        "eigenvectors": [{"value": _exact(space.value),
                          "vectors": [[_exact(x) for x in v] for v in space.vectors]}
                         for space in facts.eigenspaces],
        "eigen_summary": facts.eigen_summary,
        "collapses_onto": facts.collapse,
    }


def as_text(facts: MatrixFacts) -> str:
    """The facts as a learner reads them in a terminal."""
    lines = [str(facts.matrix), "", facts.description, ""]
    det_line = f"det         {_exact(facts.det)}"
    if is_exact(facts.det) and facts.det.denominator != 1:
        det_line += f"  (≈ {format_scalar(float(facts.det))})"
    lines += [det_line, f"trace       {_exact(facts.trace)}", f"rank        {facts.rank}"]
    if facts.inverse is not None:
        lines += ["inverse"] + ["  " + line for line in str(facts.inverse).splitlines()]
    else:
        lines.append(f"inverse     none — {facts.no_inverse_reason}")
    values = ", ".join(_exact(ev.value) + (f" (×{ev.multiplicity})" if ev.multiplicity > 1 else "")
                       for ev in facts.eigenvalues)
    lines += [f"eigenvalues {values}", f"eigen       {facts.eigen_summary}"]
    return "\n".join(lines)


def latex_scalar(value) -> str:
    """A scalar in LaTeX: ``\\frac{1}{2}``, ``-\\frac{3}{4}``, ``1 + 2i``, ``0.707107``."""
    if is_exact(value) and value.denominator != 1:
        sign = "-" if value < 0 else ""
        return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    return format_scalar(value)


def latex_matrix(matrix) -> str:
    body = r" \\ ".join(" & ".join(latex_scalar(x) for x in row) for row in matrix.rows)
    return r"\begin{bmatrix} " + body + r" \end{bmatrix}"


def as_latex(facts: MatrixFacts) -> str:
    """The facts as LaTeX lines for notes: M, det, trace, rank, inverse, eigenvalues."""
    lines = [f"M = {latex_matrix(facts.matrix)}",
             f"\\det M = {latex_scalar(facts.det)}",
             f"\\operatorname{{tr}} M = {latex_scalar(facts.trace)}",
             f"\\operatorname{{rank}} M = {facts.rank}"]
    if facts.inverse is not None:
        lines.append(f"M^{{-1}} = {latex_matrix(facts.inverse)}")
    else:
        lines.append(r"M^{-1} \text{ does not exist: } \det M = 0")
    values = ", ".join(latex_scalar(ev.value) for ev in facts.eigenvalues)
    lines.append(f"\\lambda = {values}")
    return "\n".join(f"$${line}$$" for line in lines)



def _markdown_cell(text: str) -> str:
    """Text safe inside a Markdown table cell (pipes escaped, one line)."""
    return " ".join(str(text).split()).replace("|", "\\|")


def _with_decimal(value) -> str:
    text = _exact(value)
    if is_exact(value) and value.denominator != 1:
        text += f" ≈ {format_scalar(float(value))}"
    return text


def as_markdown(facts: MatrixFacts) -> str:
    """The facts as Markdown for notes (GitHub, Obsidian, Jupyter): the matrix as display
    maths, then a table whose cells pair LaTeX with plain text, and the sentence in words.

    >>> from kernels import parse_matrix
    >>> from viz.facts import analyse
    >>> print(as_markdown(analyse(parse_matrix("1 1; 0 1"))))
    $$M = \\begin{bmatrix} 1 & 1 \\\\ 0 & 1 \\end{bmatrix}$$
    <BLANKLINE>
    **What M does:** shear along x by 1.
    <BLANKLINE>
    | | |
    |---|---|
    | $\\det M$ | 1 |
    | $\\operatorname{tr} M$ | 2 |
    | rank | 2 |
    | $M^{-1}$ | $\\begin{bmatrix} 1 & -1 \\\\ 0 & 1 \\end{bmatrix}$ |
    | eigenvalues | 1 (×2) |
    | eigenvectors | λ = 1 along (1, 0) (repeated 2× but only 1 eigen-direction: not diagonalizable) |
    """
    rows = [("$\\det M$", _with_decimal(facts.det)),
            ("$\\operatorname{tr} M$", _with_decimal(facts.trace)),
            ("rank", str(facts.rank))]
    if facts.inverse is not None:
        rows.append(("$M^{-1}$", f"${latex_matrix(facts.inverse)}$"))
    else:
        rows.append(("$M^{-1}$", f"none — {facts.no_inverse_reason}"))
    values = ", ".join(_exact(ev.value) + (f" (×{ev.multiplicity})" if ev.multiplicity > 1 else "")
                       for ev in facts.eigenvalues)
    rows.append(("eigenvalues", values))
    rows.append(("eigenvectors", facts.eigen_summary))
    if facts.collapse:
        rows.append(("collapses onto", facts.collapse))
    lines = [f"$$M = {latex_matrix(facts.matrix)}$$", "",
             f"**What M does:** {facts.description.rstrip('.')}.", "", "| | |", "|---|---|"]
    lines += [f"| {_markdown_cell(name)} | {_markdown_cell(value)} |" for name, value in rows]
    return "\n".join(lines)

