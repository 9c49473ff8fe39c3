"""What the kernel says about a matrix, gathered once per committed change.

The info panel, the view (eigen-directions, the collapse line) and ``linear-lens info`` all
read the same :class:`MatrixFacts`, so the window and the command line never disagree.
No Qt here: the command line imports this without starting a GUI.
"""

import cmath
import math
from dataclasses import dataclass

from kernels import (
    Matrix,
    SingularMatrixError,
    column_space,
    describe,
    describe_collapse,
    det,
    eigenvalues,
    eigenvectors,
    inverse,
    line_equation,
    rank,
    trace,
)
from kernels.notation import scalar_text, vector_text


def direction_floats(vector) -> tuple[float, ...]:
    """A direction to draw, as floats: ``vector`` scaled (exactly, when it is exact) so that its
    largest entry is ±1 — an eigenvector like (10^400, 1) becomes (1.0, 1e-400 → 0.0) instead of
    overflowing, and the line it spans is the same.

    >>> from fractions import Fraction
    >>> direction_floats([Fraction(10) ** 400, 1])
    (1.0, 0.0)
    >>> direction_floats([0, -4, 2])
    (0.0, -1.0, 0.5)
    """
    largest = max(abs(x) for x in vector)
    if largest == 0:
        return tuple(0.0 for _ in vector)
    return tuple(float(x / largest) for x in vector)


@dataclass(frozen=True)
class MatrixFacts:
    """Everything the info panel shows about one committed matrix."""
    matrix: Matrix
    det: object
    trace: object
    rank: int
    inverse: Matrix | None
    no_inverse_reason: str | None
    eigenvalues: tuple
    eigenspaces: tuple
    eigen_summary: str
    description: str
    collapse: str | None  # what the plane collapses onto: "the line y = 2x", "the origin"
    column_basis: tuple = ()  # directions spanning the column space when singular, for drawing

    @property
    def is_singular(self) -> bool:
        return self.rank < self.matrix.shape[0]


def eigenvalue_text(value, exact=None) -> str:
    """λ as a learner reads it: the kernel's closed form when it has one (1 + √2·10⁻¹⁰, not the
    float 1.0000000001 that reads as 1), else the exact or decimal value."""
    from kernels.algebraic import QuadraticSurd

    if isinstance(exact, QuadraticSurd):
        return exact.text()
    return scalar_text(value)


def _complex_summary(value: complex, has_real_direction: bool) -> str:
    """Words for a complex pair a ± bi of a real matrix: a turn by arg(a + bi) and a scale by
    |a + bi| in an invariant plane, which holds no real eigen-direction."""
    turn = math.degrees(abs(cmath.phase(value)))
    scale = abs(value)
    scaled = "" if math.isclose(scale, 1.0) else f" and scaled by {scale:.4g}"
    imaginary = "" if abs(value.imag) == 1 else scalar_text(abs(value.imag))
    pair = f"complex eigenvalues {scalar_text(value.real)} ± {imaginary}i"
    if has_real_direction:
        return f"{pair}: around it, space turns by {turn:.4g}°{scaled} (no other real eigen-direction)"
    return f"{pair}: no direction stays on its own line — every vector is turned by {turn:.4g}°{scaled}"


def _eigen_summary(values, spaces) -> str:
    parts = []
    for space in spaces:
        if isinstance(space.value, complex):
            continue
        vectors = ", ".join(vector_text(v) for v in space.vectors)
        part = f"λ = {eigenvalue_text(space.value, space.exact)} along {vectors}"
        if space.algebraic_multiplicity > len(space.vectors):
            count = len(space.vectors)
            part += (f" (repeated {space.algebraic_multiplicity}× but only "
                     f"{count} eigen-direction{'' if count == 1 else 's'}: not diagonalizable)")
        parts.append(part)
    upper = [ev.value for ev in values if isinstance(ev.value, complex) and ev.value.imag > 0]
    if upper:
        parts.append(_complex_summary(upper[0], has_real_direction=bool(parts)))
    return "; ".join(parts)


def analyse(matrix: Matrix) -> MatrixFacts:
    """Ask the kernel everything the app shows about ``matrix`` (square, 2×2 or 3×3)."""
    n = matrix.require_square("the analysis")
    determinant = det(matrix)
    matrix_rank = rank(matrix)
    collapse = None
    column_basis = ()
    if matrix_rank == 0:
        collapse = "the origin"
    elif matrix_rank < n:
        basis = column_space(matrix)
        column_basis = tuple(direction_floats(v) for v in basis)
        if n == 2:
            collapse = f"the line {line_equation(basis[0])}"
        else:
            collapse = describe_collapse(matrix)
    try:
        matrix_inverse, reason = inverse(matrix), None
    except SingularMatrixError:
        matrix_inverse = None
        where = f"{'the plane' if n == 2 else 'space'} collapses onto {collapse}"
        reason = f"det = 0: {where}, so no matrix can undo it"
    values = eigenvalues(matrix)
    spaces = eigenvectors(matrix)
    return MatrixFacts(
        matrix=matrix, det=determinant, trace=trace(matrix), rank=matrix_rank,
        inverse=matrix_inverse, no_inverse_reason=reason, eigenvalues=values,
        eigenspaces=spaces, eigen_summary=_eigen_summary(values, spaces),
        description=describe(matrix), collapse=collapse,
        column_basis=column_basis)
