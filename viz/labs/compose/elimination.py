"""Gaussian elimination as a chain of elementary matrices, with the determinant followed step
by step — for the Eliminate mode and ``linear-lens info --eliminate``.

Every row operation is a matrix E (the identity with that operation done to it), and doing the
operation to M is multiplying: E·M. So after k steps the matrix is E_k⋯E₁·M, and the plane (or
space) has been moved by each E in turn. Each kind of step moves it in one way:

* **add** a multiple of one row to another (``R2 ← R2 − 2·R1``) is a *shear*: it keeps det;
* **scale** a row by c (``R1 ← (1/2)·R1``) is a *stretch* along one axis: it multiplies det by c;
* **swap** two rows (``R1 ↔ R2``) is a *reflection* in the line y = x (a plane in space): it
  flips the sign of det.

The kernel does the elimination (:func:`kernels.rref`, which records every step); this module
reads its steps, names their geometry, tracks det, and writes the trace as text, JSON or LaTeX.
The learner's own steps (:class:`~.state.RowStep`) go through the same path. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from kernels import Matrix, RowOperation, Vector, describe_collapse, det, format_scalar, rref, solve
from kernels.elimination import row_addition_label
from kernels.notation import coefficient_text, matrix_text, scalar_text, vector_text

from ...report import latex_matrix, latex_scalar
from ...steps import latex_operation

AXES = ("x", "y", "z")
GEOMETRY = {"add": "shear", "scale": "stretch", "swap": "reflection"}
DET_RULES = {"add": "adding a multiple of a row keeps det",
             "scale": "scaling a row by c multiplies det by c",
             "swap": "a swap flips the sign of det"}


# -- one step ------------------------------------------------------------------------------
def row_parts(operation: RowOperation) -> tuple[int, int, Any]:
    """(target, source, factor) of a row operation, read off its elementary matrix E.

    A swap has two zeros on the diagonal (its rows); a scaling has one diagonal entry c ≠ 1
    (factor c); an addition has one entry off the diagonal (factor k, row target += k·row source).

    >>> from kernels import rref
    >>> row_parts(rref(Matrix([[2, 1], [4, 3]])).steps[1])   # R2 ← R2 − 4·R1
    (1, 0, Fraction(-4, 1))
    """
    E = operation.matrix
    n = E.shape[0]
    if operation.kind == "swap":
        first, second = (i for i in range(n) if E[i, i] == 0)
        return first, second, 1
    if operation.kind == "scale":
        target = next(i for i in range(n) if E[i, i] != 1)
        return target, target, E[target, target]
    target, source = next((i, j) for i in range(n) for j in range(n) if i != j and E[i, j] != 0)
    return target, source, E[target, source]


def motion(operation: RowOperation) -> str:
    """What the step does to every point, in words (E acts on the picture from the left).

    >>> from kernels import rref
    >>> swap, scale, shear = rref(Matrix([[0, 2], [1, 1]])).steps
    >>> motion(swap)
    'a mirror in the line x = y: the x- and y-coordinates of every point change places'
    >>> motion(scale)
    'every y-coordinate is multiplied by 1/2'
    >>> motion(shear)
    'every point moves along the x-axis by −1 times its y-coordinate'
    """
    target, source, factor = row_parts(operation)
    n = operation.matrix.shape[0]
    if operation.kind == "swap":
        mirror = "line" if n == 2 else "plane"
        return (f"a mirror in the {mirror} {AXES[target]} = {AXES[source]}: the {AXES[target]}- and "
                f"{AXES[source]}-coordinates of every point change places")
    if operation.kind == "scale":
        flip = f", which also turns the {AXES[target]}-direction around" if factor < 0 else ""
        return f"every {AXES[target]}-coordinate is multiplied by {scalar_text(factor)}{flip}"
    return (f"every point moves along the {AXES[target]}-axis by {scalar_text(factor)} times its "
            f"{AXES[source]}-coordinate")


@dataclass(frozen=True)
class EliminationStep:
    """One row operation of a trace: the kernel's :class:`~kernels.RowOperation` (label, E, the
    matrix after), the matrix before, and the determinant before and after it (``det``)."""
    operation: RowOperation
    before: Matrix
    det_before: object
    det: object

    @property
    def label(self) -> str:
        return self.operation.label

    @property
    def geometry(self) -> str:
        """shear, stretch or reflection."""
        return GEOMETRY[self.operation.kind]

    @property
    def motion(self) -> str:
        return motion(self.operation)

    @property
    def det_change(self) -> str:
        """``det 2 → −2: a swap flips the sign of det``."""
        return (f"det {scalar_text(self.det_before)} → {scalar_text(self.det)}: "
                f"{DET_RULES[self.operation.kind]}")


def row_operation(step, M: Matrix) -> RowOperation:
    """The learner's :class:`~.state.RowStep` as the kernel writes a row operation: its label,
    its elementary matrix E (the step done to I) and E·M.

    >>> from viz.labs.compose.state import RowStep
    >>> operation = row_operation(RowStep("add", 1, 0, -2), Matrix([[2, 1], [4, 3]]))
    >>> operation.label, operation.result
    ('R2 ← R2 − 2·R1', Matrix([[2, 1], [0, 1]]))
    """
    n = M.shape[0]
    rows = [list(row) for row in Matrix.identity(n).rows]
    t, s = step.target, step.source
    if step.kind == "swap":
        rows[t], rows[s] = rows[s], rows[t]
        label = f"R{t + 1} ↔ R{s + 1}"
    elif step.kind == "scale":
        rows[t][t] = step.factor
        label = f"R{t + 1} ← {coefficient_text(step.factor)}·R{t + 1}"
    else:
        rows[t][s] = step.factor
        label = row_addition_label(t, s, -step.factor)
    E = Matrix(rows)
    return RowOperation(step.kind, label, E, E @ M)


# -- a whole trace -------------------------------------------------------------------------
def leading_entries(M: Matrix) -> tuple:
    """(row, column) of the first nonzero entry of each nonzero row (0-based).

    >>> leading_entries(Matrix([[0, 2, 1], [0, 0, 0], [3, 0, 0]]))
    ((0, 1), (2, 0))
    """
    return tuple((i, next(j for j, x in enumerate(row) if x != 0))
                 for i, row in enumerate(M.rows) if any(x != 0 for x in row))


def echelon_form(M: Matrix) -> str | None:
    """"reduced row echelon form", "row echelon form", or None.

    Row echelon form: zero rows at the bottom, each leading entry strictly right of the one
    above. Reduced: also every leading entry is 1 and the only nonzero entry of its column.

    >>> echelon_form(Matrix([[1, 0], [0, 1]])), echelon_form(Matrix([[2, 1], [0, 3]]))
    ('reduced row echelon form', 'row echelon form')
    >>> echelon_form(Matrix([[0, 1], [1, 0]])) is None
    True
    """
    leads = leading_entries(M)
    rows = [i for i, _ in leads]
    columns = [j for _, j in leads]
    if rows != list(range(len(leads))) or columns != sorted(set(columns)):
        return None
    if all(M[i, j] == 1 and all(M[r, j] == 0 for r in range(M.shape[0]) if r != i) for i, j in leads):
        return "reduced row echelon form"
    return "row echelon form"


@dataclass(frozen=True)
class Elimination:
    """Row operations on ``matrix``, one :class:`EliminationStep` each; ``product`` is E_k⋯E₁
    (I when there are none) and ``reduced`` the matrix after the last step."""
    matrix: Matrix
    steps: tuple
    product: Matrix

    @property
    def reduced(self) -> Matrix:
        return self.steps[-1].operation.result if self.steps else self.matrix

    @property
    def det(self):
        return det(self.matrix)

    @property
    def count(self) -> int:
        return len(self.steps)

    def matrix_after(self, done: int) -> Matrix:
        """The matrix after ``done`` steps (the picture at that rest point)."""
        return self.steps[done - 1].operation.result if done else self.matrix

    def det_after(self, done: int):
        return self.steps[done - 1].det if done else self.det

    @property
    def rank(self) -> int:
        return len(rref(self.matrix).pivots)

    @property
    def inverse(self) -> Matrix | None:
        """E_k⋯E₁ when the steps end on I — then it is A⁻¹, since (E_k⋯E₁)·A = I."""
        n = self.matrix.shape[0]
        return self.product if self.reduced == Matrix.identity(n) else None

    def ending(self) -> str:
        """Where the steps have led, in a sentence or two."""
        n = self.matrix.shape[0]
        form = echelon_form(self.reduced)
        inverse = self.inverse
        if inverse is not None:
            return (f"It ends on I, so {product_name(self.count)} = A⁻¹ = "
                    f"{matrix_text(inverse.rows)}: these steps undo A.")
        if self.rank < n:
            whole = "the plane" if n == 2 else "space"
            after = (f"; after the steps, {product_name(self.count)}·A squashes it onto "
                     f"{describe_collapse(self.reduced)}" if self.count else "")
            return (f"Rank {self.rank}: A squashes {whole} onto {describe_collapse(self.matrix)}{after}, "
                    f"and no row operation can bring it back (det = 0 stays 0). "
                    f"This is {form or 'not yet in row echelon form'}.")
        return f"This is {form}." if form else "Not in row echelon form yet."


def product_name(count: int) -> str:
    """``E3·E2·E1`` (the last step first), or ``I`` for no steps."""
    return "·".join(f"E{j}" for j in range(count, 0, -1)) or "I"


def trace(M: Matrix, operations) -> Elimination:
    """The :class:`Elimination` of ``M`` by the given row operations (the kernel's, or the
    learner's from :func:`row_operation`), with det after each one: det(E)·det before."""
    steps = []
    current, so_far = M, det(M)
    product = Matrix.identity(M.shape[0])
    for operation in operations:
        before, so_far = so_far, det(operation.matrix) * so_far
        steps.append(EliminationStep(operation, current, before, so_far))
        current = operation.result
        product = operation.matrix @ product
    return Elimination(M, tuple(steps), product)


def eliminate(M: Matrix) -> Elimination:
    """Gauss–Jordan elimination of M, as the kernel does it (:func:`kernels.rref`).

    >>> result = eliminate(Matrix([[2, 1], [4, 3]]))
    >>> [step.label for step in result.steps]
    ['R1 ← (1/2)·R1', 'R2 ← R2 − 4·R1', 'R1 ← R1 − (1/2)·R2']
    >>> [str(step.det) for step in result.steps], result.inverse
    (['1', '1', '1'], Matrix([[3/2, -1/2], [-2, 1]]))
    """
    return trace(M, rref(M).steps)


def learner_trace(M: Matrix, row_steps) -> Elimination:
    """The learner's row operations (:class:`~.state.RowStep`) on M, one after another."""
    operations, current = [], M
    for step in row_steps:
        operation = row_operation(step, current)
        operations.append(operation)
        current = operation.result
    return trace(M, operations)


# -- the augmented system [A | b] ----------------------------------------------------------
def right_hand_side(elimination: Elimination, b: Vector, done: int) -> Vector:
    """b after ``done`` steps: the same row operations act on the column b of [A | b]."""
    c = b
    for step in elimination.steps[:done]:
        c = step.operation.matrix @ c
    return c


def solution_text(A: Matrix, b: Vector) -> str:
    """What A x = b has: one solution, a line (plane) of them, or none — and why (kernel solve).

    >>> solution_text(Matrix([[1, 2], [2, 4]]), Vector([1, 0]))
    'No solution: b = (1, 0) is not on the line y = 2x, where A sends every x, so no x reaches it.'
    """
    result = solve(A, b)
    if result.kind == "none":
        return (f"No solution: b = {vector_text(b)} is not on {describe_collapse(A)}, "
                "where A sends every x, so no x reaches it.")
    return result.explanation[0].upper() + result.explanation[1:] + "."


# -- the trace written out -----------------------------------------------------------------
def _indented(M: Matrix) -> list[str]:
    return ["    " + line for line in str(M).splitlines()]


def check(elimination: Elimination) -> tuple[Matrix, Matrix]:
    """(E_k⋯E₁·M, rref(M)): equal when the steps are the kernel's elimination."""
    return elimination.product @ elimination.matrix, rref(elimination.matrix).matrix


def as_text(elimination: Elimination) -> str:
    """The trace for a terminal: each step's operation, geometry, E, the matrix after, det."""
    A = elimination.matrix
    lines = ["Gaussian elimination of A, one elementary matrix E per row operation",
             "A =", *_indented(A), f"det A = {scalar_text(elimination.det)}"]
    if not elimination.steps:
        lines.append("A is already in reduced row echelon form: no row operations are needed.")
    for j, step in enumerate(elimination.steps, start=1):
        lines += ["", f"step {j}: {step.label}  ({step.geometry}: {step.motion})",
                  f"  E{j} =", *_indented(step.operation.matrix),
                  f"  E{j}·…·A =", *_indented(step.operation.result),
                  f"  {step.det_change}"]
    product, reduced = check(elimination)
    lines += ["", elimination.ending(),
              f"check: {product_name(elimination.count)}·A = rref(A) "
              + ("holds" if product == reduced else "FAILS"), *_indented(product)]
    return "\n".join(lines)


def as_dict(elimination: Elimination) -> dict:
    """The trace for programs: every entry an exact string."""
    def grid(M: Matrix) -> list:
        return [[format_scalar(x) for x in row] for row in M.rows]

    product, reduced = check(elimination)
    inverse = elimination.inverse
    return {
        "matrix": grid(elimination.matrix),
        "det": format_scalar(elimination.det),
        "steps": [{"operation": step.label, "kind": step.operation.kind, "geometry": step.geometry,
                   "motion": step.motion, "elementary_matrix": grid(step.operation.matrix),
                   "after": grid(step.operation.result), "det_so_far": format_scalar(step.det),
                   "det_rule": DET_RULES[step.operation.kind]} for step in elimination.steps],
        "rank": elimination.rank,
        "product": grid(elimination.product),
        "inverse": None if inverse is None else grid(inverse),
        "rref": grid(reduced),
        "check": {"statement": f"{product_name(elimination.count)}·A = rref(A)",
                  "product_times_matrix": grid(product), "holds": product == reduced},
        "ending": elimination.ending(),
    }


def as_latex(elimination: Elimination) -> str:
    """The trace for notes: one aligned line per step (E_j, the matrix after it, det)."""
    lines = [f"A &= {latex_matrix(elimination.matrix)}, & \\det A &= {latex_scalar(elimination.det)}"]
    for j, step in enumerate(elimination.steps, start=1):
        applied = f"E_{{{j}}} A" if j == 1 else f"E_{{{j}}} \\cdots E_{{1}} A"
        lines.append(f"E_{{{j}}} &= {latex_matrix(step.operation.matrix)}, & "
                     f"{applied} &= {latex_matrix(step.operation.result)}, & "
                     f"\\det &= {latex_scalar(step.det)} && "
                     f"{latex_operation(step.label)} \\text{{ ({step.geometry})}}")
    product, reduced = check(elimination)
    name = " ".join(f"E_{{{j}}}" for j in range(elimination.count, 0, -1)) or "I"
    if elimination.inverse is not None:
        lines.append(f"{name} &= A^{{-1}} = {latex_matrix(elimination.inverse)}")
    relation = "=" if product == reduced else r"\neq"
    lines.append(f"{name} A &= {latex_matrix(product)} {relation} \\operatorname{{rref}}(A)")
    return "\\begin{align*}\n" + " \\\\\n".join(lines) + "\n\\end{align*}"
