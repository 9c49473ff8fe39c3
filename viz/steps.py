"""The working behind the numbers: row operations and the cofactor expansion, as sections.

Used by the Steps tab of the window and by ``linear-lens info --steps``. No Qt here.
Each section has a title, a sentence on what it shows, and its lines or steps; a step is a
row operation's label and the matrix after it (for the inverse, the augmented [M | I]).
"""

import re
from dataclasses import dataclass

from kernels import (
    LinearAlgebraError,
    Matrix,
    SingularMatrixError,
    cofactor_expansion_steps,
    inverse_steps,
    rref,
)


@dataclass(frozen=True)
class Step:
    label: str
    result: Matrix


@dataclass(frozen=True)
class Section:
    title: str
    explanation: str
    lines: tuple = ()  # plain lines of working (the cofactor expansion)
    steps: tuple = ()  # row operations with the matrix after each
    start: Matrix | None = None  # what the row operations start from
    conclusion: str = ""


def _augmented(matrix: Matrix) -> Matrix:
    """[M | I]: the matrix with the identity beside it, where Gauss–Jordan builds M⁻¹."""
    n = matrix.shape[0]
    identity = Matrix.identity(n)
    return Matrix([list(row) + list(identity.rows[i]) for i, row in enumerate(matrix.rows)])


def working(matrix: Matrix) -> list[Section]:
    """The sections of working for a square ``matrix``: determinant, RREF, inverse."""
    sections = []
    try:
        lines = cofactor_expansion_steps(matrix)
        sections.append(Section(
            "Determinant by cofactor expansion",
            "Expand along the first row: each entry times the determinant of what is left "
            "when its row and column are crossed out, with alternating signs.", lines=lines))
    except LinearAlgebraError as error:  # too large to expand by hand
        sections.append(Section("Determinant by cofactor expansion", str(error)))
    reduced = rref(matrix)
    pivots = ", ".join(str(p + 1) for p in reduced.pivots) or "none"
    sections.append(Section(
        "Row reduction to reduced row echelon form",
        "Swap rows, scale a row, or add a multiple of one row to another — none of these "
        "changes which vectors the matrix sends to zero.",
        steps=tuple(Step(s.label, s.result) for s in reduced.steps), start=matrix,
        conclusion=f"pivot columns: {pivots}; rank {len(reduced.pivots)}"))
    try:
        result = inverse_steps(matrix)
        sections.append(Section(
            "Inverse by Gauss–Jordan on [M | I]",
            "Row-reduce M while doing the same to I beside it; when the left half becomes I, "
            "the right half is M⁻¹.",
            steps=tuple(Step(s.label, s.result) for s in result.steps), start=_augmented(matrix),
            conclusion="the right half is M⁻¹"))
    except SingularMatrixError as error:
        sections.append(Section("Inverse by Gauss–Jordan on [M | I]", str(error)))
    return sections


def as_text(sections: list[Section]) -> str:
    """The working as plain text, one block per section."""
    blocks = []
    for section in sections:
        lines = [section.title, "-" * len(section.title), section.explanation]
        lines += list(section.lines)
        if section.steps:
            lines.append("start:")
            lines += ["    " + row for row in str(section.start).splitlines()]
            for step in section.steps:
                lines.append(step.label)
                lines += ["    " + row for row in str(step.result).splitlines()]
        elif section.start is not None:
            lines.append("no row operations needed: it is already reduced")
        if section.conclusion:
            lines.append(section.conclusion)
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)


def latex_operation(label: str) -> str:
    r"""A row operation label in LaTeX: ``R2 ← R2 − 3·R1`` becomes ``R_2 \gets R_2 - 3 \cdot R_1``."""
    text = re.sub(r"R(\d+)", r"R_{\1}", label)
    for plain, latex in (("←", r" \gets "), ("↔", r" \leftrightarrow "), ("−", "-"), ("·", r" \cdot ")):
        text = text.replace(plain, latex)
    return " ".join(text.split())


def as_latex(sections: list[Section]) -> str:
    """The row reductions as chains of matrices joined by labelled arrows, for notes."""
    from .report import latex_matrix

    blocks = []
    for section in sections:
        if not section.steps:
            continue
        chain = [latex_matrix(section.start)]
        for step in section.steps:
            chain.append(f"\\xrightarrow{{{latex_operation(step.label)}}} {latex_matrix(step.result)}")
        blocks.append(f"% {section.title}\n$$" + " ".join(chain) + "$$")
    return "\n".join(blocks)


def as_dict(sections: list[Section]) -> list[dict]:
    """JSON-ready working: exact entries as strings."""
    from kernels import format_scalar

    def grid(matrix):
        return [[format_scalar(x) for x in row] for row in matrix.rows]

    return [{"title": s.title, "explanation": s.explanation, "lines": list(s.lines),
             "steps": [{"operation": step.label, "result": grid(step.result)} for step in s.steps],
             "conclusion": s.conclusion} for s in sections]
