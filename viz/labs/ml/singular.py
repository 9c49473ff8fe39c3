"""The singular value decomposition of a 2×2 or 3×3 matrix, as facts to show and to print.

Every matrix maps the unit circle (sphere) onto an ellipse (ellipsoid). Its semi-axes have the
lengths σ₁ ≥ σ₂ (≥ σ₃) ≥ 0, the *singular values*, and point along u₁, u₂ (, u₃); they are the
images of perpendicular unit vectors v₁, v₂ (, v₃): ``M vᵢ = σᵢ uᵢ``. Together, M = U Σ Vᵀ:
turn (Vᵀ), stretch along the axes (Σ), turn again (U).

Where the numbers come from. ``Mᵀ M vᵢ = σᵢ² vᵢ``: the σᵢ² are the eigenvalues of the
symmetric matrix MᵀM, and the kernel finds those exactly for a rational M
(:func:`kernels.eigenvalues`). So σ is exact too: ``√2`` when σ² is rational, ``1/2 + √5/2``
when the square root of a quadratic surd comes apart (every 2×2 does, see
:func:`~viz.labs.ml.exact.square_root_of_surd`), else ``√(…)`` around the kernel's closed
form. When every σ² is rational the singular vectors are exact as well, with entries c·√n. A
float matrix goes to the kernel's Jacobi SVD (:func:`kernels.svd`), which never squares M and
so keeps small σ accurate.

>>> facts = singular_facts(parse_matrix("1 1; 0 1"))        # a shear
>>> [s.exact.text() for s in facts.singular_values]          # the golden ratio and its inverse
['1/2 + √5/2', '√5/2 − 1/2']
>>> facts.condition_exact.text(), facts.rank
('3/2 + √5/2', 2)
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from kernels import (
    LinearAlgebraError,
    Matrix,
    ShapeError,
    Vector,
    det,
    eigenvectors,
    exact_sqrt,
    null_space,
    parse_matrix,
    rotation_angle,
    rotation_axis_angle,
    svd,
)
from kernels.algebraic import QuadraticSurd
from kernels.notation import scalar_text

from .exact import ExactNumber, RadicalSum, exact_square_root, exact_text

__all__ = ["SingularFacts", "SingularValue", "Stage", "orthogonal_action", "parse_matrix", "singular_facts"]

CONDITION_MEANING = ("how much M can magnify a relative error: an input x (or a right-hand side b "
                     "in M x = b) off by a small fraction can give an answer off by up to κ times "
                     "that fraction")


# -- the facts -------------------------------------------------------------------------------
@dataclass(frozen=True)
class SingularValue:
    """σ, with σ² (the eigenvalue of MᵀM it is the root of) and σ exactly when known."""

    value: float
    square: object  # a Fraction, an AlgebraicNumber of the kernel, or a float
    exact: ExactNumber | None

    def text(self) -> str:
        return exact_text(self.exact, self.value)


@dataclass(frozen=True)
class Stage:
    """One of the three stages of M = U Σ Vᵀ: its name, its matrix, and what it does in words."""

    name: str
    matrix: np.ndarray
    action: str


@dataclass(frozen=True)
class SingularFacts:
    """M = U Σ Vᵀ and what follows from it.

    ``U`` and ``V`` hold the singular vectors as columns (floats); ``U_exact``/``V_exact`` the
    same as rows of exact radicals when every σ² is rational (else ``None``). ``V`` is always a
    rotation (det V = +1), so ``U`` reflects exactly when M flips orientation (det M < 0).
    """

    matrix: Matrix
    singular_values: tuple[SingularValue, ...]
    U: np.ndarray
    V: np.ndarray
    U_exact: tuple | None
    V_exact: tuple | None
    condition_number: float
    condition_exact: ExactNumber | None
    rank_one: Matrix
    stages: tuple[Stage, Stage, Stage]

    @property
    def rank(self) -> int:
        """How many σ are not 0: the dimension of the image."""
        return sum(s.value > 0 for s in self.singular_values)

    @property
    def rank_one_error(self) -> SingularValue:
        """‖M − σ₁u₁v₁ᵀ‖ in the spectral norm (the largest stretch of the difference) is σ₂."""
        return self.singular_values[1]

    @property
    def condition_sentence(self) -> str:
        """κ in one sentence: the number, and what it means."""
        if math.isinf(self.condition_number):
            return ("κ = ∞: M squashes a direction to nothing, so M x = b cannot be solved stably "
                    "(a change in b along what M misses cannot be undone)")
        n = len(self.singular_values)
        return (f"κ = σ₁/σ{_SUBSCRIPTS[n]} = {exact_text(self.condition_exact, self.condition_number)}: "
                f"{CONDITION_MEANING}")


_SUBSCRIPTS = "₀₁₂₃"


def singular_facts(M: Matrix) -> SingularFacts:
    """σ, U, V, κ, the rank-1 approximation and the three stages of M = U Σ Vᵀ (M 2×2 or 3×3).

    >>> facts = singular_facts(parse_matrix("3 0; 0 -2"))
    >>> [s.text() for s in facts.singular_values], facts.condition_sentence[:11]
    (['3', '2'], 'κ = σ₁/σ₂ =')
    >>> [stage.action for stage in facts.stages]
    ['no turn', 'stretch by 3 along x and 2 along y', 'reflect across the line at 0° (the x-axis)']
    """
    n = M.require_square("the singular value decomposition")
    if n not in (2, 3):
        raise ShapeError(f"the singular value decomposition here is for 2×2 and 3×3 matrices; "
                         f"this one is {n}×{n}")
    if any(isinstance(x, complex) for row in M.rows for x in row):
        raise LinearAlgebraError("singular values need a real matrix; this one has complex entries")
    exact = None
    if M.is_exact:
        spaces = eigenvectors(M.T @ M)  # σ² and the right singular vectors, exactly
        sigma = tuple(_root_of(space) for space in spaces for _ in range(space.multiplicity))
        if all(isinstance(s.square, Fraction) for s in sigma):
            exact = _exact_vectors(M, spaces)
    U_exact, V_exact = exact if exact is not None else (None, None)
    if exact is not None:
        U, V = _floats(exact[0]), _floats(exact[1])
    else:
        kernel_U, float_sigma, Vt = svd(M)
        U, V = _rotation_first(np.array(kernel_U.to_floats()), np.array(Vt.to_floats()).T, float_sigma)
        if not M.is_exact:
            sigma = tuple(SingularValue(s, s * s, None) for s in float_sigma)
    condition, condition_exact = _condition_number(M, sigma)
    return SingularFacts(M, sigma, U, V, U_exact, V_exact, condition, condition_exact,
                         _rank_one(M, V), _stages(U, V, sigma))


def _root_of(space) -> SingularValue:
    """σ = √λ for an eigenvalue λ of MᵀM (an eigenspace of the kernel's), exactly when it can be."""
    square = space.value if space.exact is None else space.exact
    exact = exact_square_root(square)
    return SingularValue(float(exact) if exact is not None else math.sqrt(space.value), square, exact)


def _floats(rows: tuple) -> np.ndarray:
    return np.array([[float(x) for x in row] for row in rows])


def _rotation_first(U: np.ndarray, V: np.ndarray, sigma) -> tuple[np.ndarray, np.ndarray]:
    """U, V with V a rotation: flipping vₙ and uₙ together keeps M vₙ = σₙ uₙ; when σₙ = 0,
    uₙ alone may be flipped too, which makes U a rotation as well."""
    if np.linalg.det(V) < 0:
        U[:, -1], V[:, -1] = -U[:, -1], -V[:, -1]
    if sigma[-1] == 0 and np.linalg.det(U) < 0:
        U[:, -1] = -U[:, -1]
    return U, V


def _gram_schmidt(vectors) -> list:
    """Perpendicular vectors spanning the same space, exactly: from each vector, take away its
    shadow on the ones before, w = v − Σ (v·wᵢ / wᵢ·wᵢ) wᵢ (no square roots, so no rounding)."""
    done: list = []
    for v in vectors:
        w = list(v)
        for q in done:
            shadow = sum(a * b for a, b in zip(w, q)) / sum(b * b for b in q)
            w = [a - shadow * b for a, b in zip(w, q)]
        done.append(w)
    return done


def _unit(w: list, scale: Fraction = Fraction(1)) -> list:
    """The entries of w/|w| (times ``scale``), exactly: wᵢ/√N = (wᵢ/N)·√N with N = w·w."""
    N = sum(a * a for a in w)
    return [exact_sqrt(N, scale * a / N) for a in w]


def _exact_vectors(M: Matrix, spaces) -> tuple[tuple, tuple]:
    """Exact U and V (as rows of radicals) when every σ² is rational.

    Each eigenspace of MᵀM gives perpendicular directions wᵢ (Gram–Schmidt inside the space);
    vᵢ = wᵢ/|wᵢ|. For σᵢ > 0, uᵢ = M vᵢ / σᵢ = M wᵢ / √(σᵢ² wᵢ·wᵢ); the u for σ = 0 are
    perpendicular unit vectors of the left null space (what M misses: Mᵀ u = 0).
    """
    n = M.shape[0]
    pairs = [(space.value, w) for space in spaces for w in _gram_schmidt(space.vectors)]
    directions = [w for _, w in pairs]
    images = [list(M @ Vector(w)) for square, w in pairs if square != 0]
    missed = _gram_schmidt(null_space(M.T)) if len(images) < n else []
    left = images + missed
    if det(Matrix.from_columns(directions)) < 0:  # make V a rotation: flip vₙ …
        directions[-1] = [-a for a in directions[-1]]
        if not missed:  # … and uₙ with it, to keep M vₙ = σₙ uₙ
            left[-1] = [-a for a in left[-1]]
    if missed and det(Matrix.from_columns(left)) < 0:  # σₙ = 0: uₙ may flip alone
        left[-1] = [-a for a in left[-1]]
    return tuple(zip(*map(_unit, left))), tuple(zip(*map(_unit, directions)))


def _condition_number(M: Matrix, sigma: tuple[SingularValue, ...]) -> tuple[float, ExactNumber | None]:
    """κ = σ₁/σₙ (∞ when σₙ = 0), exactly when it can be: √(σ₁²/σₙ²) for rational σ², and for a
    2×2 σ₁/σ₂ = σ₁²/(σ₁σ₂) = σ₁²/|det M|, a surd divided by a rational."""
    first, last = sigma[0], sigma[-1]
    if last.value == 0:
        return math.inf, None
    exact: ExactNumber | None = None
    if isinstance(first.square, Fraction) and isinstance(last.square, Fraction):
        exact = exact_sqrt(first.square / last.square)
    elif isinstance(first.square, QuadraticSurd) and M.shape[0] == 2:
        size = abs(det(M))
        exact = RadicalSum(exact_sqrt(1, first.square.rational / size),
                           exact_sqrt(first.square.radicand, first.square.coefficient / size))
    return (float(exact) if exact is not None else first.value / last.value), exact


def _rank_one(M: Matrix, V: np.ndarray) -> Matrix:
    """The best rank-1 approximation σ₁u₁v₁ᵀ = M v₁v₁ᵀ (Eckart–Young): M on the v₁ line, 0 across.

    v₁v₁ᵀ = w wᵀ/(w·w) for any w along v₁, so it is exact when σ₁² is rational (w is then the
    kernel's exact eigenvector of MᵀM).
    """
    if M.is_exact:
        largest = eigenvectors(M.T @ M)[0]
        if isinstance(largest.value, Fraction):
            w = largest.vectors[0]
            length = sum(a * a for a in w)
            return M @ Matrix([[a * b / length for b in w] for a in w])
    v = V[:, 0]
    return M @ Matrix(np.outer(v, v).tolist())


def _stages(U: np.ndarray, V: np.ndarray, sigma: tuple[SingularValue, ...]) -> tuple[Stage, Stage, Stage]:
    """Vᵀ (turn the vᵢ onto the axes), Σ (stretch the axes by σᵢ), U (turn the axes onto the uᵢ)."""
    stretch = np.diag([s.value for s in sigma])
    return (Stage("Vᵀ", V.T, orthogonal_action(V.T)),
            Stage("Σ", stretch, _stretch_action(sigma)),
            Stage("U", U, orthogonal_action(U)))


_AXES = "xyz"


def _stretch_action(sigma: tuple[SingularValue, ...]) -> str:
    """What Σ does: stretch each axis by its σ (squash it when σ = 0)."""
    stretched = [f"{s.text()} along {axis}" for s, axis in zip(sigma, _AXES) if s.value > 0]
    squashed = [axis for s, axis in zip(sigma, _AXES) if s.value == 0]
    parts = [f"stretch by {' and '.join(stretched)}"] if stretched else []
    if squashed:
        parts.append(f"squash {' and '.join(squashed)} to 0")
    return " and ".join(parts)


def _degrees(radians: float) -> str:
    return f"{math.degrees(radians):.4g}°".replace("-", "−")


def orthogonal_action(Q: np.ndarray) -> str:
    """What an orthogonal matrix does in words: a rotation (det +1) or a reflection (det −1).

    In 2D a reflection [[cos φ, sin φ], [sin φ, −cos φ]] mirrors across the line at φ/2. In 3D
    det −1 means −Q is a rotation R(a, θ), and −R(a, θ) = R(−a, 180° − θ)·H, H the mirror in
    the plane perpendicular to a.

    >>> turn, swap = np.array([[0.0, -1.0], [1.0, 0.0]]), np.array([[0.0, 1.0], [1.0, 0.0]])
    >>> orthogonal_action(turn), orthogonal_action(swap)
    ('rotate by 90°', 'reflect across the line at 45°')
    >>> orthogonal_action(np.diag([1.0, 1.0, -1.0]))
    'reflect in the plane perpendicular to (0, 0, 1)'
    """
    if len(Q) == 2:
        if np.linalg.det(Q) > 0:
            angle = rotation_angle(Matrix(Q.tolist()))
            return "no turn" if abs(angle) < 1e-12 else f"rotate by {_degrees(angle)}"
        line = math.atan2(Q[1, 0], Q[0, 0]) / 2  # in (−90°, 90°]
        names = {"0°": " (the x-axis)", "90°": " (the y-axis)", "−90°": " (the y-axis)"}
        text = _degrees(line) if abs(line) > 1e-12 else "0°"
        return f"reflect across the line at {text.replace('−90°', '90°')}{names.get(text, '')}"
    if np.linalg.det(Q) > 0:
        axis, angle = rotation_axis_angle(Matrix(Q.tolist()))
        return "no turn" if angle < 1e-12 else f"rotate by {_degrees(angle)} about {_direction(axis)}"
    axis, angle = rotation_axis_angle(Matrix((-Q).tolist()))
    mirror = f"reflect in the plane perpendicular to {_direction(axis)}"
    turn = math.pi - angle
    return mirror if turn < 1e-12 else f"{mirror}, then rotate by {_degrees(turn)} about {_direction(-axis)}"


def _direction(v) -> str:
    """A unit direction as text, rounded to 4 decimals so (0, 0, 1) reads as such."""
    return "(" + ", ".join(scalar_text(round(float(x), 4) + 0.0) for x in v) + ")"
