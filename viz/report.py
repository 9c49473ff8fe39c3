"""The info panel's facts as text, JSON, LaTeX or Markdown, for ``linear-lens info`` and for notes.

JSON is read by programs, so it keeps every value exact: ``"-1/2"``, and all 309 digits of
``1e308``. Text, Markdown and LaTeX are read by people, so they shorten a number the way the
panels do (:func:`kernels.notation.scalar_text`): an exact value too long to read is shown by
its decimal, ``≈2e308`` (``\\approx 2 \\times 10^{308}`` in LaTeX). They write a minus sign as
the plain ``-``, which LaTeX needs and every terminal shows.
"""

from kernels import format_scalar, is_exact
from kernels.notation import scalar_text

from .facts import MatrixFacts
from .vector_facts import exact_with_decimal

TRUE_MINUS = "−"  # what kernels.notation writes for people; this report writes "-"


def _exact(value) -> str:
    return format_scalar(value)


def _matrix_strings(matrix) -> list[list[str]]:
    return [[_exact(x) for x in row] for row in matrix.rows]


def _readable(value) -> str:
    """A scalar for people: exact when short, ``≈`` its decimal when too long to read.

    >>> from fractions import Fraction
    >>> _readable(Fraction(-1, 3)), _readable(Fraction(10**308)), _readable(Fraction(1, 2**1074))
    ('-1/3', '≈1e308', '≈4.94066e-324')
    """
    return scalar_text(value).replace(TRUE_MINUS, "-")


def _with_decimal(value) -> str:
    """An exact value beside its decimal, as the info panel shows it: ``-1/3 ≈ -0.333333``.

    >>> from fractions import Fraction
    >>> _with_decimal(Fraction(-1, 3)), _with_decimal(Fraction(2)), _with_decimal(Fraction(10**400, 3))
    ('-1/3 ≈ -0.333333', '2', '≈3.33333e399')
    """
    return exact_with_decimal(value).replace(TRUE_MINUS, "-")


def _float_or_none(value) -> float | None:
    """``value`` as a float, or ``None`` when it is beyond the float range (about ±1.8e308).

    >>> from fractions import Fraction
    >>> _float_or_none(Fraction(-3, 2)), _float_or_none(Fraction(10**400))
    (-1.5, None)
    """
    try:
        return float(value)
    except OverflowError:
        return None


def _matrix_text(matrix) -> str:
    """The matrix in aligned rows, as ``str(matrix)`` writes it, with long numbers shortened.

    >>> from kernels import parse_matrix
    >>> print(_matrix_text(parse_matrix("1e308 -1/2; 0 1")))
    [ ≈1e308  -1/2 ]
    [      0     1 ]
    """
    cells = [[_readable(x) for x in row] for row in matrix.rows]
    widths = [max(len(row[j]) for row in cells) for j in range(len(cells[0]))]
    return "\n".join("[ " + "  ".join(cell.rjust(width) for cell, width in zip(row, widths)) + " ]"
                     for row in cells)


def as_dict(facts: MatrixFacts) -> dict:
    """JSON-ready facts; every number a string, exact when the kernel's value is exact.

    ``det_float`` is the determinant as a JSON number, or ``null`` when it is too large for
    a float (``"det"`` still has it exactly)."""
    return {
        "matrix": _matrix_strings(facts.matrix),
        "description": facts.description,
        "det": _exact(facts.det),
        "det_float": _float_or_none(facts.det),
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


def _eigenvalues_text(facts: MatrixFacts) -> str:
    """``3, 1`` or ``1 (×2)``: each eigenvalue once, with its multiplicity when it repeats."""
    return ", ".join(_readable(ev.value) + (f" (×{ev.multiplicity})" if ev.multiplicity > 1 else "")
                     for ev in facts.eigenvalues)


def as_text(facts: MatrixFacts) -> str:
    """The facts as a learner reads them in a terminal."""
    lines = [_matrix_text(facts.matrix), "", facts.description, "",
             f"det         {_with_decimal(facts.det)}",
             f"trace       {_with_decimal(facts.trace)}",
             f"rank        {facts.rank}"]
    if facts.inverse is not None:
        lines += ["inverse"] + ["  " + line for line in _matrix_text(facts.inverse).splitlines()]
    else:
        lines.append(f"inverse     none — {facts.no_inverse_reason}")
    lines += [f"eigenvalues {_eigenvalues_text(facts)}", f"eigen       {facts.eigen_summary}"]
    return "\n".join(lines)


def latex_scalar(value) -> str:
    r"""A scalar in LaTeX: ``\frac{1}{2}``, ``-\frac{3}{4}``, ``1 + 2i``, ``0.707107``, and an exact
    value too long to read by its decimal.

    >>> from fractions import Fraction
    >>> print(latex_scalar(Fraction(-3, 4)), latex_scalar(Fraction(10**20 + 1, 10**20)), sep="    ")
    -\frac{3}{4}    \approx 1
    >>> print(latex_scalar(Fraction(-2 * 10**308)))
    \approx -2 \times 10^{308}
    """
    readable = _readable(value)
    if readable.startswith("≈"):
        mantissa, _, exponent = readable.removeprefix("≈").partition("e")
        return rf"\approx {mantissa}" + (rf" \times 10^{{{exponent}}}" if exponent else "")
    if is_exact(value) and value.denominator != 1:
        sign = "-" if value < 0 else ""
        return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"
    return readable


def _latex_equals(left: str, value) -> str:
    """``left = value``, or ``left \\approx value`` when the value is shortened."""
    right = latex_scalar(value)
    return f"{left} {right}" if right.startswith(r"\approx") else f"{left} = {right}"


def latex_matrix(matrix) -> str:
    body = r" \\ ".join(" & ".join(latex_scalar(x) for x in row) for row in matrix.rows)
    return r"\begin{bmatrix} " + body + r" \end{bmatrix}"


def as_latex(facts: MatrixFacts) -> str:
    """The facts as LaTeX lines for notes: M, det, trace, rank, inverse, eigenvalues."""
    lines = [f"M = {latex_matrix(facts.matrix)}",
             _latex_equals(r"\det M", facts.det),
             _latex_equals(r"\operatorname{tr} M", facts.trace),
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
    rows.append(("eigenvalues", _eigenvalues_text(facts)))
    rows.append(("eigenvectors", facts.eigen_summary))
    if facts.collapse:
        rows.append(("collapses onto", facts.collapse))
    lines = [f"$$M = {latex_matrix(facts.matrix)}$$", "",
             f"**What M does:** {facts.description.rstrip('.')}.", "", "| | |", "|---|---|"]
    lines += [f"| {_markdown_cell(name)} | {_markdown_cell(value)} |" for name, value in rows]
    return "\n".join(lines)

