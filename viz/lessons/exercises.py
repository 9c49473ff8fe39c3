"""Exercises: the learner predicts, the kernel checks the prediction exactly and names the mistake.

Seven kinds of exercise (``KINDS``), each a question about one or two small matrices:

========== ========================================================= ==========================
kind       the learner…                                              the answer is
========== ========================================================= ==========================
land       drags the point where Mv lands (or where A·B·î lands)     a grid point (a Vector)
det        types det M                                               a number
eigenvalue types the eigenvalue λ of a given eigenvector v (Mv = λv) a number
order      says which of two pictures is AB (the other is BA)        0 or 1 (left or right)
span       ticks the fewest vectors that span the plane              a set of indices
rate       picks the learning rate α that makes gradient descent     an index into the choices
           on ½xᵀAx converge fastest (rate max|1 − αλᵢ|)
collapse   drags a point on the line a singular M squashes onto      a direction (a Vector)
========== ========================================================= ==========================

Typed answers are read by :func:`kernels.parse_scalar` (never ``eval``) and compared as
Fractions; a dragged point is snapped to the exercise's grid (:attr:`Exercise.snap_step`) and
compared exactly. A wrong answer is compared with the answers of likely mistakes, each computed
by the kernel from the question (BA instead of AB, Mᵀv instead of Mv, −det, the other
eigenvalue…), and every mistake that fits is named in the :class:`Feedback`.

**Variants.** Numbers come from ``random.Random`` seeded by the kind, the seed and the attempt,
so the same seed always gives the same problem (a teacher can reproduce what a learner saw) and
:meth:`Exercise.retry` gives a new but similar one.

How a lesson step declares an exercise (TOML), read by :func:`exercise_from_table`::

    [steps.exercise]
    kind = "det"          # land, det, eigenvalue, order, span, rate, collapse, or transform
    seed = 7              # the numbers are drawn from this seed…

    [steps.exercise]
    kind = "det"
    matrix = "2 1; 1 3"   # …or fixed here (any text parse_matrix reads); seed is then optional
                          # and "New variant" draws from it (0 if absent)

The keys that fix the numbers, per kind (all optional when ``seed`` is given):

* ``land``: ``matrix`` and ``vector`` ("1 2") for Mv, or ``a`` and ``b`` for A·B·î;
* ``det``: ``matrix`` (2×2 or 3×3, det ≠ 0);
* ``eigenvalue``: ``matrix`` (2×2, two different rational eigenvalues) and optionally
  ``vector``, the eigenvector asked about (the kernel's first one by default);
* ``order``: ``a`` and ``b`` (with AB ≠ BA);
* ``span``: ``vectors``, a list of 2 to 5 texts (``["1 2", "2 4", "0 1"]``) that span the plane;
* ``rate``: ``matrix`` (symmetric, two different positive rational eigenvalues) and optionally
  ``rates``, the learning rates offered (``["1/10", "1/4"]``; by default 2/(λ₁ + λ₂), 1/λ₁,
  1/λ₂ and 1/(2λ₁));
* ``collapse``: ``matrix`` (2×2 of rank 1);
* ``transform`` (the transform game, :mod:`viz.lessons.transform_game`): ``start`` (a matrix),
  optionally ``goal`` (the identity by default) and ``moves`` (``"shears"``, the default, or
  ``"row operations"``).

A bad table raises ``ValueError`` with a sentence saying which key is wrong and why.

>>> exercise = exercise_from_table({"kind": "det", "matrix": "2 1; 1 3"})
>>> exercise.truth
Fraction(5, 1)
>>> feedback = exercise.check_text("-5")
>>> feedback.correct, feedback.mistakes
(False, ('the sign of det flipped',))
"""

from __future__ import annotations

import math
import random
from abc import ABC, abstractmethod
from dataclasses import dataclass
from fractions import Fraction
from typing import Any, ClassVar

from kernels import (
    Matrix,
    Vector,
    column_space,
    det,
    eigenvalues,
    eigenvectors,
    inverse,
    null_space,
    parse_matrix,
    parse_scalar,
    span,
    trace,
)
from kernels.notation import matrix_text, scalar_text, vector_text

__all__ = ["KINDS", "CollapseExercise", "DeterminantExercise", "EigenvalueExercise", "Exercise",
           "Feedback", "LandExercise", "OrderExercise", "RateExercise", "Slip", "SpanExercise",
           "exercise_from_table", "exercise_kind"]

#: Wrong factors a learner slips in (k × the right answer, k ≠ 1): halving, doubling, a sign.
SLIP_FACTORS = (Fraction(-1), Fraction(2), Fraction(1, 2), Fraction(-2), Fraction(3), Fraction(1, 3))
#: The most draws a variant may take to find numbers with the property its kind needs.
MAX_DRAWS = 10_000
I_HAT = Vector([1, 0])
J_HAT = Vector([0, 1])


@dataclass(frozen=True)
class Feedback:
    """What a check says: right or not, a plain-English ``message``, the ``mistakes`` that fit a
    wrong answer (their short names, e.g. ``"BA instead of AB"``), and the ``truth``."""

    correct: bool
    message: str
    mistakes: tuple[str, ...]
    truth: Any


@dataclass(frozen=True)
class Slip:
    """A likely mistake: its short ``name``, the sentence that explains it (``why``), and the
    ``answer`` it leads to, computed by the kernel from the question."""

    name: str
    why: str
    answer: Any


def _rng(kind: str, seed: int, attempt: int) -> random.Random:
    """The generator of one variant: the same kind, seed and attempt give the same numbers."""
    return random.Random(f"{kind}:{seed}:{attempt}")


def _draw(rng: random.Random, make, accept, what: str):
    """``make(rng)`` until ``accept`` holds (the property a kind needs: rational eigenvalues, …)."""
    for _ in range(MAX_DRAWS):
        candidate = make(rng)
        if accept(candidate):
            return candidate
    raise RuntimeError(f"no {what} found in {MAX_DRAWS} draws")  # pragma: no cover - ranges are wide


def _integer_matrix(rng: random.Random, low: int, high: int, n: int = 2) -> Matrix:
    return Matrix([[rng.randint(low, high) for _ in range(n)] for _ in range(n)])


def _integer_vector(rng: random.Random, low: int, high: int) -> Vector:
    return Vector([rng.randint(low, high), rng.randint(low, high)])


def _largest(*vectors: Vector) -> Fraction:
    return max(abs(x) for v in vectors for x in v)


def _rational_eigenvalues(M: Matrix) -> tuple[Fraction, ...] | None:
    """M's eigenvalues, largest first, when they are distinct and rational; else None."""
    values = eigenvalues(M)
    if len(values) != M.shape[0] or not all(isinstance(ev.value, Fraction) for ev in values):
        return None
    return tuple(sorted((ev.value for ev in values), reverse=True))


def _parallel(u: Vector, v: Vector) -> bool:
    """Whether two nonzero plane vectors lie on one line through the origin: det [u v] = 0."""
    return det(Matrix.from_columns([u, v])) == 0


def _integer_direction(v: Vector) -> Vector:
    """The same line's direction with coprime integer components, the first nonzero positive."""
    denominator = math.lcm(*(Fraction(x).denominator for x in v))
    whole = [int(x * denominator) for x in v]
    divisor = math.gcd(*whole)
    sign = -1 if next(x for x in whole if x) < 0 else 1
    return Vector([sign * x // divisor for x in whole])


def _scaled_slips(truth, what: str, factors=SLIP_FACTORS) -> list[Slip]:
    """k × the truth for each factor k a learner slips in."""
    return [Slip(f"scaled by {scalar_text(k)}",
                 f"that is {scalar_text(k)} × {what}: the right idea, the wrong factor", k * truth)
            for k in factors]


class Exercise(ABC):
    """One question with an exact answer. Subclasses say how their numbers are drawn, what the
    truth is, and which mistakes (:class:`Slip`) the kernel should try."""

    kind: ClassVar[str]
    #: the table keys that fix this kind's numbers (besides ``kind`` and ``seed``)
    table_keys: ClassVar[tuple[str, ...]]
    seed: int
    attempt: int

    # -- what every kind provides ----------------------------------------------------------
    @classmethod
    @abstractmethod
    def drawn(cls, seed: int, attempt: int = 0) -> Exercise:
        """The variant ``attempt`` of ``seed``: numbers drawn with the property the kind needs."""

    @classmethod
    @abstractmethod
    def fixed(cls, table: dict, seed: int) -> Exercise:
        """The exercise a lesson table fixes (its keys already checked against ``table_keys``)."""

    @property
    @abstractmethod
    def question(self) -> str:
        """The question, in a sentence or two, with its numbers."""

    @property
    @abstractmethod
    def truth(self) -> Any:
        """The right answer (for kinds with several right answers, all of them)."""

    @abstractmethod
    def slips(self) -> tuple[Slip, ...]:
        """The likely mistakes, each with the wrong answer it gives (none equal to the truth)."""

    @abstractmethod
    def answer_text(self, answer) -> str:
        """An answer written for the feedback."""

    # -- shared behaviour ------------------------------------------------------------------
    @property
    def seed_text(self) -> str:
        """What a teacher types to see the same problem: ``seed 7`` or ``seed 7, variant 2``."""
        return f"seed {self.seed}" + (f", variant {self.attempt + 1}" if self.attempt else "")

    def retry(self) -> Exercise:
        """A new but similar problem: the next variant of the same seed."""
        return type(self).drawn(self.seed, self.attempt + 1)

    def is_right(self, answer) -> bool:
        return answer == self.truth

    def diagnose(self, answer) -> tuple[Slip, ...]:
        """Every likely mistake whose answer is the learner's."""
        return tuple(slip for slip in self.slips() if slip.answer == answer)

    def check(self, answer) -> Feedback:
        """Right or wrong, exactly; a wrong answer gets every mistake that fits it."""
        if self.is_right(answer):
            return Feedback(True, f"Right: {self.answer_text(answer)}.", (), self.truth)
        found = self.diagnose(answer)
        said = (f"Not quite: you gave {self.answer_text(answer)}; "
                f"the answer is {self.answer_text(self.truth)}.")
        if found:
            said_once = dict.fromkeys((slip.name, slip.why) for slip in found)
            reasons = " ".join(f"{name[0].upper()}{name[1:]}? {why[0].upper()}{why[1:]}."
                               for name, why in said_once)
            names = tuple(dict.fromkeys(slip.name for slip in found))
            return Feedback(False, f"{said} {reasons}", names, self.truth)
        return Feedback(False, f"{said} {self.hint}", (), self.truth)

    @property
    @abstractmethod
    def hint(self) -> str:
        """How to get the answer, for a wrong answer no known mistake explains."""


def _distinct_slips(slips: list[Slip], truth) -> tuple[Slip, ...]:
    """The slips whose answer differs from the truth (a slip that gives the truth is no mistake)."""
    return tuple(slip for slip in slips if slip.answer is not None and slip.answer != truth)


# ==========================================================================================
# Typed answers: det and eigenvalue
# ==========================================================================================
class TypedExercise(Exercise):
    """An exercise answered by typing one number."""

    def read(self, text: str) -> Fraction:
        """The typed number, exactly; ValueError (kernel's message) for text that is no number,
        and for a float such as sqrt(2): these answers are rational, so type them exactly."""
        value = parse_scalar(text)
        if not isinstance(value, Fraction):
            raise ValueError(f"{text.strip()} is not an exact number: "
                             "type a whole number or a fraction like 5/2")
        return value

    def check_text(self, text: str) -> Feedback:
        """:meth:`check` of the typed text (ValueError if it is not a number)."""
        return self.check(self.read(text))

    def answer_text(self, answer) -> str:
        return scalar_text(answer)


@dataclass(frozen=True, kw_only=True)
class DeterminantExercise(TypedExercise):
    """Type det M: the signed area (volume) factor of M, exact.

    >>> exercise = DeterminantExercise.drawn(7)
    >>> exercise.check(exercise.truth).correct
    True
    """

    kind: ClassVar[str] = "det"
    table_keys: ClassVar[tuple[str, ...]] = ("matrix",)
    matrix: Matrix
    seed: int = 0
    attempt: int = 0

    @classmethod
    def drawn(cls, seed: int, attempt: int = 0) -> DeterminantExercise:
        rng = _rng(cls.kind, seed, attempt)
        n = 3 if rng.random() < 0.25 else 2
        low, high = (-2, 3) if n == 3 else (-3, 5)

        def sensible(M: Matrix) -> bool:  # not singular; every off-diagonal entry matters
            return det(M) != 0 and all(M[i, j] for i in range(n) for j in range(n) if i != j)

        matrix = _draw(rng, lambda r: _integer_matrix(r, low, high, n), sensible, "matrix")
        return cls(matrix=matrix, seed=seed, attempt=attempt)

    @classmethod
    def fixed(cls, table: dict, seed: int) -> DeterminantExercise:
        matrix = _square_matrix(table, "matrix", (2, 3))
        if det(matrix) == 0:
            raise ValueError("matrix: det M is 0 here; a det exercise needs a matrix that is not singular")
        return cls(matrix=matrix, seed=seed)

    @property
    def question(self) -> str:
        return f"M = {matrix_text(self.matrix.rows)}. Type det M."

    @property
    def truth(self) -> Fraction:
        return det(self.matrix)

    @property
    def hint(self) -> str:
        if self.matrix.shape[0] == 2:
            return "For [[a, b], [c, d]], det = ad − bc: the signed area of the square after M."
        return "Expand along the first row: det = Σ ± (entry) × (the 2×2 det that remains)."

    def slips(self) -> tuple[Slip, ...]:
        M, n = self.matrix, self.matrix.shape[0]
        truth = det(M)
        diagonal = Matrix([[M[i, j] if i == j else 0 for j in range(n)] for i in range(n)])
        slips = [Slip("the sign of det flipped",
                      "the area factor is right but not its sign: det < 0 only when M flips the plane",
                      -truth),
                 Slip("the diagonal product only",
                      "that multiplies the diagonal and forgets the off-diagonal terms "
                      "(right only for a triangular matrix)", det(diagonal)),
                 Slip("the trace instead of det",
                      "that adds the diagonal (the trace); det multiplies and subtracts", trace(M))]
        if n == 2:
            added = Matrix([[M[0, 0], -M[0, 1]], [M[1, 0], M[1, 1]]])  # det of this is ad + bc
            slips.append(Slip("ad + bc instead of ad − bc",
                              "the cross product bc is subtracted, not added", det(added)))
        slips += _scaled_slips(truth, "det M", [k for k in SLIP_FACTORS if k != -1])  # −1: the sign, above
        return _distinct_slips(slips, truth)


@dataclass(frozen=True, kw_only=True)
class EigenvalueExercise(TypedExercise):
    """Type the eigenvalue λ of the eigenvector v: the factor with M·v = λ·v.

    >>> exercise = EigenvalueExercise.fixed({"matrix": "4 1; 2 3", "vector": "1 -2"}, 0)
    >>> exercise.truth, exercise.check(Fraction(5)).mistakes
    (Fraction(2, 1), ('the other eigenvalue',))
    """

    kind: ClassVar[str] = "eigenvalue"
    table_keys: ClassVar[tuple[str, ...]] = ("matrix", "vector")
    matrix: Matrix
    vector: Vector
    seed: int = 0
    attempt: int = 0

    @classmethod
    def drawn(cls, seed: int, attempt: int = 0) -> EigenvalueExercise:
        rng = _rng(cls.kind, seed, attempt)

        def sensible(M: Matrix) -> bool:  # two rational eigenvalues, not on the diagonal, not 0
            values = _rational_eigenvalues(M)
            return (values is not None and 0 not in values and M[0, 1] != 0 and M[1, 0] != 0
                    and M[0, 0] != M[1, 1])

        matrix = _draw(rng, lambda r: _integer_matrix(r, -3, 5), sensible, "matrix")
        spaces = eigenvectors(matrix)
        vector = spaces[rng.randrange(len(spaces))].vectors[0]
        return cls(matrix=matrix, vector=_integer_direction(vector), seed=seed, attempt=attempt)

    @classmethod
    def fixed(cls, table: dict, seed: int) -> EigenvalueExercise:
        matrix = _square_matrix(table, "matrix", (2,))
        if _rational_eigenvalues(matrix) is None:
            raise ValueError(f"matrix: the eigenvalues of {matrix_text(matrix.rows)} are not two different "
                             "rational numbers; an eigenvalue exercise needs them to be")
        if "vector" not in table:
            first = eigenvectors(matrix)[0].vectors[0]
            return cls(matrix=matrix, vector=_integer_direction(first), seed=seed)
        vector = _vector(table, "vector")
        image = matrix @ vector
        stretched = not any(image) or _parallel(image, vector)  # Mv = λv, λ = 0 included
        if not any(vector) or not stretched:
            raise ValueError(f"vector: {vector_text(vector)} is not an eigenvector of "
                             f"{matrix_text(matrix.rows)}")
        return cls(matrix=matrix, vector=vector, seed=seed)

    @property
    def question(self) -> str:
        return (f"M = {matrix_text(self.matrix.rows)} keeps v = {vector_text(self.vector)} on its own line: "
                "Mv = λv. Type λ.")

    @property
    def truth(self) -> Fraction:
        image, v = self.matrix @ self.vector, self.vector
        i = next(k for k in range(len(v)) if v[k])
        return image[i] / v[i]

    @property
    def hint(self) -> str:
        return "Work out Mv and compare it with v: Mv is λ times v, component by component."

    def slips(self) -> tuple[Slip, ...]:
        M, v, truth = self.matrix, self.vector, self.truth
        others = [value for value in _rational_eigenvalues(M) or () if value != truth]
        image = M @ v
        slips = [Slip("the other eigenvalue",
                      f"{scalar_text(other)} is M's other eigenvalue: it goes with another eigenvector",
                      other) for other in others]
        slips += [Slip("a diagonal entry",
                       "the diagonal entries are the eigenvalues only when M is triangular", M[i, i])
                  for i in range(2)]
        slips += [Slip("a component of Mv",
                       f"Mv = {vector_text(image)} = λ·{vector_text(v)}: divide by v's component too",
                       image[i]) for i in range(2)]
        slips += [Slip("the sign flipped", "Mv points the way of λv; check which way Mv points", -truth),
                  Slip("the trace instead of λ", "the trace is the sum of both eigenvalues", trace(M)),
                  Slip("det instead of λ", "det M is the product of both eigenvalues", det(M))]
        return _distinct_slips(slips, truth)


# ==========================================================================================
# Dragged answers: land and collapse
# ==========================================================================================
class DraggedExercise(Exercise):
    """An exercise answered by dragging a point in the plane; the point is snapped to the grid."""

    @property
    def snap_step(self) -> Fraction:
        """The grid spacing a dropped point is snapped to (1 unless the answer needs finer)."""
        return Fraction(1)

    def snap(self, x: float, y: float) -> Vector:
        """The grid point nearest (x, y), exact."""
        step = self.snap_step
        return Vector([round(Fraction(x) / step) * step, round(Fraction(y) / step) * step])

    def answer_text(self, answer) -> str:
        return vector_text(answer)

    @property
    def reach(self) -> float:
        """How far from the origin the picture shows: as far as drawn answers go (5), or the
        truth's size, so the view's size never gives the answer away."""
        return max(5.0, float(_largest(self.truth)))


@dataclass(frozen=True, kw_only=True)
class LandExercise(DraggedExercise):
    """Drag the point where M·v lands (or where A·B·î lands: the first column of AB).

    ``factors`` are the matrices applied right to left: (M,) or (A, B).

    >>> exercise = LandExercise.fixed({"matrix": "2 1; 0 1", "vector": "1 2"}, 0)
    >>> exercise.truth, exercise.check(Vector([2, 3])).mistakes
    (Vector([4, 2]), ('rows instead of columns',))
    """

    kind: ClassVar[str] = "land"
    table_keys: ClassVar[tuple[str, ...]] = ("matrix", "vector", "a", "b")
    factors: tuple[Matrix, ...]
    vector: Vector
    seed: int = 0
    attempt: int = 0

    @classmethod
    def drawn(cls, seed: int, attempt: int = 0) -> LandExercise:
        rng = _rng(cls.kind, seed, attempt)
        if rng.random() < 0.3:
            def composed(r):
                return (_integer_matrix(r, -2, 2), _integer_matrix(r, -2, 2))

            def sensible_pair(pair) -> bool:  # ABî ≠ BAî, AB's first row ≠ its first column, in view
                A, B = pair
                truth = A @ (B @ I_HAT)
                return (det(A) != 0 and det(B) != 0 and truth != B @ (A @ I_HAT)
                        and truth != (A @ B).T @ I_HAT and any(truth) and _largest(truth) <= 4)

            return cls(factors=_draw(rng, composed, sensible_pair, "pair"), vector=I_HAT, seed=seed,
                       attempt=attempt)

        def single(r):
            return _integer_matrix(r, -2, 3), _integer_vector(r, -2, 2)

        def sensible(pair) -> bool:  # Mv ≠ Mᵀv, v ≠ 0, invertible, everything in view
            M, v = pair
            truth = M @ v
            return (det(M) != 0 and any(v) and truth != M.T @ v and truth != v
                    and 0 < _largest(truth) <= 5 and v[0] != 0 and v[1] != 0)

        M, v = _draw(rng, single, sensible, "matrix")
        return cls(factors=(M,), vector=v, seed=seed, attempt=attempt)

    @classmethod
    def fixed(cls, table: dict, seed: int) -> LandExercise:
        if "a" in table or "b" in table:
            if "matrix" in table or "vector" in table:
                raise ValueError("give either matrix and vector (for Mv) or a and b (for ABî), not both")
            return cls(factors=(_square_matrix(table, "a", (2,)), _square_matrix(table, "b", (2,))),
                       vector=I_HAT, seed=seed)
        matrix = _square_matrix(table, "matrix", (2,))
        return cls(factors=(matrix,), vector=_vector(table, "vector"), seed=seed)

    @property
    def composed(self) -> bool:
        """True for A·B·î, False for M·v."""
        return len(self.factors) == 2

    @property
    def product(self) -> Matrix:
        """The one matrix applied: M, or AB."""
        return self.factors[0] @ self.factors[1] if self.composed else self.factors[0]

    @property
    def target_name(self) -> str:
        return "ABî" if self.composed else "Mv"

    @property
    def question(self) -> str:
        if self.composed:
            A, B = self.factors
            return (f"A = {matrix_text(A.rows)}, B = {matrix_text(B.rows)}. "
                    "Drag the point to where ABî lands (hold Shift to snap to the grid).")
        return (f"M = {matrix_text(self.factors[0].rows)}, v = {vector_text(self.vector)}. "
                "Drag the point to where Mv lands (hold Shift to snap to the grid).")

    @property
    def truth(self) -> Vector:
        return self.product @ self.vector

    @property
    def snap_step(self) -> Fraction:
        return Fraction(1, math.lcm(*(Fraction(x).denominator for x in self.truth)))

    @property
    def hint(self) -> str:
        if self.composed:
            return "Apply B first (Bî is B's first column), then A to that: ABî = A(Bî)."
        return "Mv = v₁ × (M's first column) + v₂ × (M's second column)."

    def slips(self) -> tuple[Slip, ...]:
        truth, P, v = self.truth, self.product, self.vector
        slips: list[Slip] = []
        if self.composed:
            A, B = self.factors
            slips += [Slip("BA instead of AB",
                           "that is BAî: AB means B first, then A (read right to left)", B @ (A @ v)),
                      Slip("Aᵀ instead of A", "that is AᵀBî: A's rows were used as its columns",
                           A.T @ (B @ v)),
                      Slip("rows instead of columns",
                           "that is the first row of AB; ABî is its first column", P.T @ v),
                      Slip("only B", "that is Bî: A still has to act on it", B @ v),
                      Slip("only A", "that is Aî: B acts on î first", A @ v),
                      Slip("ĵ instead of î", "that is ABĵ, the second column of AB", P @ J_HAT)]
        else:
            slips += [Slip("rows instead of columns",
                           "that is Mᵀv: v's components weight M's columns, not its rows", P.T @ v),
                      Slip("v left where it is", "v has to move: Mv is where M sends it", v)]
        if det(P) != 0:
            slips.append(Slip("M⁻¹ instead of M" if not self.composed else "(AB)⁻¹ instead of AB",
                              f"you moved {'î' if self.composed else 'v'} by the inverse, which undoes it",
                              inverse(P) @ v))
        slips += _scaled_slips(truth, self.target_name)
        return _distinct_slips(slips, truth)


@dataclass(frozen=True, kw_only=True)
class CollapseExercise(DraggedExercise):
    """Drag a point on the collapse line of a singular M: every Mx lands on M's column space, a
    line through the origin; any nonzero point on it is right.

    >>> exercise = CollapseExercise.fixed({"matrix": "2 4; 1 2"}, 0)
    >>> exercise.check(Vector([-4, -2])).correct, exercise.check(Vector([-2, 1])).mistakes
    (True, ('the null space instead',))
    """

    kind: ClassVar[str] = "collapse"
    table_keys: ClassVar[tuple[str, ...]] = ("matrix",)
    matrix: Matrix
    seed: int = 0
    attempt: int = 0

    @classmethod
    def drawn(cls, seed: int, attempt: int = 0) -> CollapseExercise:
        rng = _rng(cls.kind, seed, attempt)

        def outer(r):  # u wᵀ: every column a multiple of u
            u, w = _integer_vector(r, -2, 2), _integer_vector(r, -2, 2)
            return u, w

        def sensible(pair) -> bool:  # rank 1; the column, row and null lines all different
            u, w = pair
            return (any(u) and any(w) and not _parallel(u, w)
                    and u[0] * w[0] + u[1] * w[1] != 0 and _largest(u) * _largest(w) <= 4)

        u, w = _draw(rng, outer, sensible, "rank-1 matrix")
        matrix = Matrix([[u[i] * w[j] for j in range(2)] for i in range(2)])
        return cls(matrix=matrix, seed=seed, attempt=attempt)

    @classmethod
    def fixed(cls, table: dict, seed: int) -> CollapseExercise:
        matrix = _square_matrix(table, "matrix", (2,))
        if det(matrix) != 0 or not any(x for row in matrix.rows for x in row):
            raise ValueError(f"matrix: {matrix_text(matrix.rows)} has rank {2 if det(matrix) else 0}; "
                             "a collapse exercise needs a 2×2 matrix of rank 1")
        return cls(matrix=matrix, seed=seed)

    @property
    def question(self) -> str:
        return (f"M = {matrix_text(self.matrix.rows)} squashes the plane onto a line. "
                "Drag the point onto that line (any point but the origin).")

    @property
    def truth(self) -> Vector:
        """A direction of the line: the column space of M."""
        return _integer_direction(column_space(self.matrix)[0])

    @property
    def hint(self) -> str:
        return "Both columns of M are multiples of one vector: the line is its span."

    def is_right(self, answer) -> bool:
        return any(answer) and _parallel(answer, self.truth)

    def answer_text(self, answer) -> str:
        return f"the line through {vector_text(answer)}" if any(answer) else "the origin"

    def slips(self) -> tuple[Slip, ...]:
        truth = self.truth
        slips = [Slip("the null space instead",
                      "that is the line M squashes to zero; the collapse line is where everything lands",
                      _integer_direction(null_space(self.matrix)[0])),
                 Slip("rows instead of columns",
                      "that is the line of M's rows; the picture lands on the line of its columns",
                      _integer_direction(column_space(self.matrix.T)[0]))]
        return tuple(slip for slip in slips if not _parallel(slip.answer, truth))

    def diagnose(self, answer) -> tuple[Slip, ...]:
        if not any(answer):
            return (Slip("the origin", "the origin is on every line: drag to another point of it", answer),)
        return tuple(slip for slip in self.slips() if _parallel(slip.answer, answer))


# ==========================================================================================
# Chosen answers: order, span, rate
# ==========================================================================================
@dataclass(frozen=True, kw_only=True)
class OrderExercise(Exercise):
    """Two pictures show where AB and BA send the grid; which one is AB (B first, then A)?

    ``pictures`` are (AB, BA) in an order shuffled by the seed; the answer is an index.

    >>> exercise = OrderExercise.fixed({"a": "0 -1; 1 0", "b": "1 1; 0 1"}, 0)
    >>> wrong = 1 - exercise.truth
    >>> exercise.check(wrong).mistakes
    ('BA instead of AB',)
    """

    kind: ClassVar[str] = "order"
    table_keys: ClassVar[tuple[str, ...]] = ("a", "b")
    a: Matrix
    b: Matrix
    pictures: tuple[Matrix, Matrix]
    seed: int = 0
    attempt: int = 0

    @classmethod
    def _shuffled(cls, a: Matrix, b: Matrix, rng: random.Random, seed: int, attempt: int) -> OrderExercise:
        pictures = [a @ b, b @ a]
        rng.shuffle(pictures)
        return cls(a=a, b=b, pictures=(pictures[0], pictures[1]), seed=seed, attempt=attempt)

    @classmethod
    def drawn(cls, seed: int, attempt: int = 0) -> OrderExercise:
        rng = _rng(cls.kind, seed, attempt)

        def sensible(pair) -> bool:
            A, B = pair
            return (det(A) != 0 and det(B) != 0 and A @ B != B @ A
                    and _largest(*(A @ B).columns, *(B @ A).columns) <= 4)

        A, B = _draw(rng, lambda r: (_integer_matrix(r, -2, 2), _integer_matrix(r, -2, 2)), sensible, "pair")
        return cls._shuffled(A, B, rng, seed, attempt)

    @classmethod
    def fixed(cls, table: dict, seed: int) -> OrderExercise:
        A, B = _square_matrix(table, "a", (2, 3)), _square_matrix(table, "b", (2, 3))
        if A.shape != B.shape or A @ B == B @ A:
            raise ValueError("a, b: an order exercise needs two matrices of one size with AB ≠ BA")
        return cls._shuffled(A, B, _rng(cls.kind, seed, 0), seed, 0)

    @property
    def question(self) -> str:
        return (f"A = {matrix_text(self.a.rows)}, B = {matrix_text(self.b.rows)}. One picture shows AB, "
                "the other BA. Which one is AB?")

    @property
    def truth(self) -> int:
        return self.pictures.index(self.a @ self.b)

    @property
    def hint(self) -> str:
        return "AB sends î to A(Bî): B acts first."

    def answer_text(self, answer) -> str:
        return f"the {('left', 'right')[answer]} picture"

    def slips(self) -> tuple[Slip, ...]:
        return (Slip("BA instead of AB",
                     "that picture is BA: it applies A first. ABx = A(Bx), so B acts first",
                     self.pictures.index(self.b @ self.a)),)


@dataclass(frozen=True, kw_only=True)
class SpanExercise(Exercise):
    """Tick the fewest of the vectors that together span the plane (two independent ones).

    The answer is a frozenset of indices; the mistakes are read from the kernel's span of the
    ticked vectors (its dimension and dependency relation).

    >>> exercise = SpanExercise.fixed({"vectors": ["1 2", "2 4", "0 1"]}, 0)
    >>> exercise.check(frozenset({0, 1})).mistakes, exercise.check(frozenset({0, 2})).correct
    (('parallel vectors',), True)
    """

    kind: ClassVar[str] = "span"
    table_keys: ClassVar[tuple[str, ...]] = ("vectors",)
    vectors: tuple[Vector, ...]
    seed: int = 0
    attempt: int = 0

    @classmethod
    def drawn(cls, seed: int, attempt: int = 0) -> SpanExercise:
        rng = _rng(cls.kind, seed, attempt)

        def make(r):  # a vector, a multiple of it, and one or two others
            base = _integer_vector(r, -2, 2)
            multiple = r.choice((-2, -1, 2)) * base
            others = [_integer_vector(r, -3, 3) for _ in range(r.choice((1, 2)))]
            vectors = [base, multiple, *others]
            r.shuffle(vectors)
            return tuple(vectors)

        def sensible(vectors) -> bool:  # distinct, nonzero, a spanning pair, in view
            return (len(set(vectors)) == len(vectors) and all(any(v) for v in vectors)
                    and span(vectors).dimension == 2 and _largest(*vectors) <= 4)

        return cls(vectors=_draw(rng, make, sensible, "vectors"), seed=seed, attempt=attempt)

    @classmethod
    def fixed(cls, table: dict, seed: int) -> SpanExercise:
        texts = table["vectors"]
        if not isinstance(texts, list) or not 2 <= len(texts) <= 5:
            raise ValueError("vectors: a list of 2 to 5 vectors, such as [\"1 2\", \"2 4\", \"0 1\"]")
        vectors = tuple(_vector({"vectors": text}, "vectors") for text in texts)
        if span(vectors).dimension != 2:
            raise ValueError("vectors: these do not span the plane, so no ticking can be right")
        return cls(vectors=vectors, seed=seed)

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f"v{i + 1}" for i in range(len(self.vectors)))

    @property
    def question(self) -> str:
        listed = ", ".join(f"{name} = {vector_text(v)}" for name, v in zip(self.names, self.vectors))
        return f"{listed}. Tick the fewest vectors that together span the whole plane."

    @property
    def truth(self) -> tuple[frozenset[int], ...]:
        """Every right answer: each pair of independent vectors."""
        n = len(self.vectors)
        return tuple(frozenset((i, j)) for i in range(n) for j in range(i + 1, n)
                     if span([self.vectors[i], self.vectors[j]]).dimension == 2)

    @property
    def hint(self) -> str:
        return "Two vectors that do not lie on one line reach every point of the plane."

    def is_right(self, answer) -> bool:
        return frozenset(answer) in self.truth

    def answer_text(self, answer) -> str:
        if isinstance(answer, tuple):  # the truth: the right pairs
            return " or ".join(" and ".join(self.names[i] for i in sorted(pair)) for pair in answer)
        return " and ".join(self.names[i] for i in sorted(answer)) or "nothing"

    def slips(self) -> tuple[Slip, ...]:
        """The mistakes a ticking can show; :meth:`diagnose` says which one a ticking shows."""
        return ()

    def diagnose(self, answer) -> tuple[Slip, ...]:
        chosen = sorted(answer)
        ticked = frozenset(answer)
        if not chosen:
            return (Slip("nothing ticked", "no vectors reach only the origin", ticked),)
        names = [self.names[i] for i in chosen]
        result = span([self.vectors[i] for i in chosen], names)
        if result.dimension == 0:
            return (Slip("only the zero vector", "the zero vector reaches only the origin", ticked),)
        if len(chosen) == 1:
            return (Slip("one vector spans a line", f"all multiples of {names[0]} lie on one line", ticked),)
        relation = result.relation  # more vectors than the dimension: there is always one
        assert relation is not None
        if result.dimension == 2:
            return (Slip("more than needed",
                         f"these span the plane, but {names[relation.redundant]} adds nothing new "
                         f"({relation.text}): two independent vectors are enough", ticked),)
        return (Slip("parallel vectors", f"{relation.text}: they lie on one line and span only that line",
                     ticked),)


@dataclass(frozen=True, kw_only=True)
class RateExercise(Exercise):
    """Which learning rate α makes gradient descent on f(x) = ½xᵀAx converge fastest?

    Along the eigenvector of λ the error is multiplied by 1 − αλ per step, so the rate is
    max |1 − αλᵢ| over A's eigenvalues (exact here: they are rational); the smallest rate wins.

    >>> exercise = RateExercise.fixed({"matrix": "3 1; 1 3", "rates": ["1/4", "1/3", "2/5"]}, 0)
    >>> exercise.rate(1), exercise.truth, exercise.check(2).mistakes
    (Fraction(1, 3), 1, ('overshoots the steep direction',))
    """

    kind: ClassVar[str] = "rate"
    table_keys: ClassVar[tuple[str, ...]] = ("matrix", "rates")
    matrix: Matrix
    rates: tuple[Fraction, ...]
    seed: int = 0
    attempt: int = 0

    @classmethod
    def _offered(cls, values: tuple[Fraction, ...], rng: random.Random | None = None) -> list[Fraction]:
        """The best α = 2/(λ₁ + λ₂) (it balances the two directions: 1 − αλ₂ = −(1 − αλ₁)) and
        three others, drawn by ``rng`` (the first three without one) from 1/λ₁ (tuned to the steep
        direction), 1/λ₂ (tuned to the flat one: it diverges when λ₁ ≥ 2λ₂), 1/(2λ₁) (timid) and
        2/λ₁ (on the edge: the steep direction never settles). Any α but the best is slower."""
        largest, smallest = values[0], values[-1]
        best = 2 / (largest + smallest)
        others = [a for a in dict.fromkeys((1 / largest, 1 / smallest, 1 / (2 * largest), 2 / largest))
                  if a != best]
        chosen = rng.sample(others, 3) if rng is not None else others[:3]
        rates = [best, *chosen]
        if rng is not None:
            rng.shuffle(rates)
        return rates

    @classmethod
    def drawn(cls, seed: int, attempt: int = 0) -> RateExercise:
        rng = _rng(cls.kind, seed, attempt)

        def symmetric(r):
            a, b, c = r.randint(1, 6), r.randint(-3, 3), r.randint(1, 6)
            return Matrix([[a, b], [b, c]])

        def sensible(A: Matrix) -> bool:  # a bowl with rational, different curvatures
            values = _rational_eigenvalues(A)
            return values is not None and values[-1] > 0 and A[0, 1] != 0

        matrix = _draw(rng, symmetric, sensible, "matrix")
        rates = cls._offered(_rational_eigenvalues(matrix) or (), rng)
        return cls(matrix=matrix, rates=tuple(rates), seed=seed, attempt=attempt)

    @classmethod
    def fixed(cls, table: dict, seed: int) -> RateExercise:
        matrix = _square_matrix(table, "matrix", (2, 3))
        values = _rational_eigenvalues(matrix)
        if matrix != matrix.T or values is None or values[-1] <= 0:
            raise ValueError(f"matrix: {matrix_text(matrix.rows)} must be symmetric with different "
                             "positive rational eigenvalues (a bowl)")
        if "rates" not in table:
            return cls(matrix=matrix, rates=tuple(cls._offered(values)), seed=seed)
        texts = table["rates"]
        if not isinstance(texts, list) or len(texts) < 2:
            raise ValueError("rates: a list of at least two learning rates, such as [\"1/10\", \"1/4\"]")
        rates = []
        for text in texts:
            value = parse_scalar(str(text))
            if not isinstance(value, Fraction) or value <= 0:
                raise ValueError(f"rates: {text} is not an exact positive number")
            rates.append(value)
        exercise = cls(matrix=matrix, rates=tuple(rates), seed=seed)
        fastest = min(exercise.rate(i) for i in range(len(rates)))
        if [exercise.rate(i) for i in range(len(rates))].count(fastest) > 1:
            raise ValueError("rates: two of these converge equally fast; offer one clear winner")
        return exercise

    @property
    def eigenvalues(self) -> tuple[Fraction, ...]:
        """A's eigenvalues λ₁ > λ₂ > 0, from the kernel."""
        return _rational_eigenvalues(self.matrix) or ()

    def rate(self, index: int) -> Fraction:
        """How much the error shrinks per step with the index-th α: max |1 − αλᵢ|."""
        alpha = self.rates[index]
        return max(abs(1 - alpha * value) for value in self.eigenvalues)

    @property
    def question(self) -> str:
        choices = ", ".join(f"α = {scalar_text(a)}" for a in self.rates)
        return (f"Gradient descent on f(x) = ½xᵀAx with A = {matrix_text(self.matrix.rows)}. "
                f"Which learning rate makes it converge fastest: {choices}?")

    @property
    def truth(self) -> int:
        rates = [self.rate(i) for i in range(len(self.rates))]
        return rates.index(min(rates))

    @property
    def hint(self) -> str:
        return "Each eigen-direction shrinks by |1 − αλ| per step; the slowest one sets the pace."

    def answer_text(self, answer) -> str:
        return f"α = {scalar_text(self.rates[answer])} (error × {scalar_text(self.rate(answer))} per step)"

    def slips(self) -> tuple[Slip, ...]:
        """The mistakes a choice can show; :meth:`diagnose` says which one a choice shows."""
        return ()

    def diagnose(self, answer) -> tuple[Slip, ...]:
        alpha, rate = self.rates[answer], self.rate(answer)
        steep, flat = self.eigenvalues[0], self.eigenvalues[-1]
        if rate >= 1:
            return (Slip("diverges",
                         f"the steep direction has αλ₁ = {scalar_text(alpha * steep)}, not below 2, so its "
                         f"error is multiplied by {scalar_text(rate)} per step and never shrinks", answer),)
        if abs(1 - alpha * steep) == rate and 1 - alpha * steep < 0:
            return (Slip("overshoots the steep direction",
                         f"with αλ₁ = {scalar_text(alpha * steep)} each step jumps across the steep "
                         f"direction (λ₁ = {scalar_text(steep)}): a smaller α zig-zags less", answer),)
        return (Slip("crawls along the flat direction",
                     f"with αλ₂ = {scalar_text(alpha * flat)} the flat direction (λ₂ = {scalar_text(flat)}) "
                     f"only shrinks by {scalar_text(rate)} per step: a larger α is safe", answer),)


# ==========================================================================================
# Lesson tables
# ==========================================================================================
KINDS: dict[str, type[Exercise]] = {cls.kind: cls for cls in (
    LandExercise, DeterminantExercise, EigenvalueExercise, OrderExercise, SpanExercise, RateExercise,
    CollapseExercise)}


def exercise_kind(name: str) -> type[Exercise]:
    """The class of the kind ``name``; ValueError listing the kinds for an unknown one."""
    try:
        return KINDS[name]
    except (KeyError, TypeError):
        raise ValueError(f"unknown exercise kind {name!r}; the kinds are "
                         f"{', '.join(KINDS)} and transform") from None


def _text(table: dict, key: str) -> str:
    value = table[key]
    if isinstance(value, list):  # [[2, 1], [1, 3]] or [1, 2] written as TOML arrays
        value = str(value)
    if not isinstance(value, str):
        raise ValueError(f"{key}: write it as text, such as \"2 1; 1 3\", not {value!r}")
    return value


def _matrix(table: dict, key: str) -> Matrix:
    if key not in table:
        raise ValueError(f"{key} is missing")
    try:
        return parse_matrix(_text(table, key))
    except ValueError as error:
        raise ValueError(f"{key}: {error}") from None


def _square_matrix(table: dict, key: str, sizes: tuple[int, ...]) -> Matrix:
    matrix = _matrix(table, key)
    if matrix.shape not in [(n, n) for n in sizes] or not matrix.is_exact:
        shapes = " or ".join(f"{n}×{n}" for n in sizes)
        rows, columns = matrix.shape
        raise ValueError(f"{key}: this exercise needs an exact {shapes} matrix, not "
                         f"{'a' if matrix.is_exact else 'an inexact'} {rows}×{columns} one")
    return matrix


def _vector(table: dict, key: str) -> Vector:
    matrix = _matrix(table, key)
    if 1 not in matrix.shape or 2 not in matrix.shape or not matrix.is_exact:
        raise ValueError(f"{key}: a plane vector with two exact components, such as \"1 2\"")
    return Vector(x for row in matrix.rows for x in row)


def exercise_from_table(table: dict):
    """The exercise a lesson step's ``[steps.exercise]`` table declares (see the module docstring):
    an :class:`Exercise`, or a :class:`~viz.lessons.transform_game.TransformGame` for
    ``kind = "transform"``. ValueError with a clear sentence for a bad table.

    >>> exercise_from_table({"kind": "land", "seed": 3}) == LandExercise.drawn(3)
    True
    >>> exercise_from_table({"kind": "det", "seed": 1, "vector": "1 2"})
    Traceback (most recent call last):
        ...
    ValueError: a det exercise does not take vector; it takes kind, seed, matrix
    """
    if not isinstance(table, dict):
        raise ValueError("an exercise is a table, such as [steps.exercise] with kind = \"det\"")
    if "kind" not in table:
        raise ValueError("an exercise needs a kind: " + ", ".join(KINDS) + " or transform")
    seed = table.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int) or seed < 0:
        raise ValueError(f"seed must be a whole number 0 or more, not {seed!r}")
    if table["kind"] == "transform":
        from .transform_game import game_from_table  # here: the game module imports Feedback from this one

        return game_from_table(table)
    cls = exercise_kind(table["kind"])
    allowed = ("kind", "seed", *cls.table_keys)
    unknown = sorted(set(table) - set(allowed))
    if unknown:
        raise ValueError(f"a {cls.kind} exercise does not take {', '.join(unknown)}; "
                         f"it takes {', '.join(allowed)}")
    if not set(table) & set(cls.table_keys):
        if "seed" not in table:
            raise ValueError(f"a {cls.kind} exercise needs a seed, or its numbers: "
                             f"{', '.join(cls.table_keys)}")
        return cls.drawn(seed)
    return cls.fixed(table, seed)
