"""Gradient descent on the quadratic f(x) = ½ xᵀA x − bᵀx, and why its speed is set by eigenvalues.

The gradient is ∇f(x) = A x − b, so one step of plain gradient descent with learning rate α is
x ← x − α (A x − b). Measured from the minimiser x* (where A x* = b) the error e = x − x* obeys
e ← (I − αA) e: along the eigenvector of A with eigenvalue λ it is multiplied by 1 − αλ at
every step. So each eigen-direction is its own one-dimensional problem, and

* plain GD converges exactly when |1 − αλ| < 1, that is 0 < αλ < 2, for every λ;
* its rate (how much the error shrinks per step) is max |1 − αλ|, set by the extreme λ;
* the best α is 2/(λ₁ + λₙ), with rate (κ − 1)/(κ + 1), κ = λ₁/λₙ: a large κ (a long, narrow
  valley) makes GD slow whatever α is.

Heavy-ball momentum adds β times the last step: x ← x − α∇f(x) + β (x − x_previous). Along
each eigen-direction the error then follows a 2-term recurrence whose step matrix
[[1 + β − αλ, −β], [1, 0]] has eigenvalues μ with μ² − (1 + β − αλ) μ + β = 0; it converges
exactly when 0 < αλ < 2 + 2β (for 0 ≤ β < 1), at the rate max |μ|. The best choice is
α = (2/(√λ₁ + √λₙ))², β = ((√κ − 1)/(√κ + 1))², with rate (√κ − 1)/(√κ + 1).

A is the symmetric part (M + Mᵀ)/2 of the learner's matrix M: xᵀMx only sees that part. Its
eigenvalues come from the kernel, exactly for a rational M, so a learning rate that sits on a
boundary (αλ = 2) is recognised as such, not rounded to one side.

>>> bowl = quadratic(parse_matrix("3 1; 1 2"))
>>> bowl.shape, [round(float(a.value), 4) for a in bowl.axes]
('bowl', [3.618, 1.382])
>>> verdict(bowl, Fraction(1, 10)).converges, verdict(bowl, Fraction(6, 10)).converges
(True, False)
"""

from __future__ import annotations

import cmath
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from kernels import Matrix, Vector, parse_matrix
from kernels.notation import scalar_text

from .symmetric import Axis, symmetric_axes

__all__ = ["PRESETS", "Preset", "Quadratic", "Run", "Verdict", "best_learning_rate", "best_momentum",
           "descend", "direction_rate", "parse_matrix", "quadratic", "verdict"]

#: The most steps one run takes (10,000 take a few milliseconds).
MAX_STEPS = 100_000


@dataclass(frozen=True)
class Quadratic:
    """f(x) = ½ xᵀA x − bᵀx with A symmetric (exact for an exact matrix), and A's eigen-axes."""

    A: Matrix
    b: Vector
    axes: tuple[Axis, ...]

    @property
    def dimension(self) -> int:
        return self.A.shape[0]

    @property
    def eigenvalues(self) -> tuple:
        """λ₁ ≥ … ≥ λₙ: Fractions when rational, else floats."""
        return tuple(axis.value for axis in self.axes)

    @property
    def shape(self) -> str:
        """What the graph of f looks like, from the signs of the eigenvalues (the curvatures):
        ``bowl`` (all > 0: one minimum), ``saddle`` (both signs), ``valley`` (≥ 0 with a 0: a
        flat floor), ``dome`` (all < 0: a maximum) or ``ridge`` (≤ 0 with a 0)."""
        values = self.eigenvalues
        if min(values) > 0:
            return "bowl"
        if max(values) > 0 > min(values):
            return "saddle"
        if min(values) == 0 and max(values) >= 0:
            return "valley"
        return "dome" if max(values) < 0 else "ridge"

    @property
    def is_positive_definite(self) -> bool:
        """xᵀA x > 0 for every x ≠ 0: every eigenvalue positive, so f has one minimum."""
        return self.shape == "bowl"

    def shape_sentence(self) -> str:
        """The shape and why, in words."""
        values = ", ".join(_number(v) for v in self.eigenvalues)
        return {
            "bowl": f"a bowl: every eigenvalue of A is positive ({values}), so f has one minimum",
            "saddle": f"a saddle: A has eigenvalues of both signs ({values}); f goes down forever "
                      "along the eigenvector of a negative one, so there is no minimum",
            "valley": f"a valley: A has a zero eigenvalue ({values}); along its eigenvector f is "
                      "flat (or a slope, when b leans that way), so there is no single minimum",
            "dome": f"a dome: every eigenvalue of A is negative ({values}); f has a maximum, and "
                    "descent runs away from it",
            "ridge": f"a ridge: A has a zero eigenvalue and no positive one ({values}); there is "
                     "no minimum",
        }[self.shape]

    @property
    def minimiser(self) -> np.ndarray | None:
        """x* = A⁻¹b, where the gradient is 0 (a minimum only for a bowl); ``None`` when A is
        singular."""
        if any(value == 0 for value in self.eigenvalues):
            return None
        return np.linalg.solve(_floats(self.A), np.array([float(x) for x in self.b]))

    def loss(self, points: np.ndarray) -> np.ndarray:
        """f at each row of ``points``: ½ xᵀA x − bᵀx."""
        A, b = _floats(self.A), np.array([float(x) for x in self.b])
        return 0.5 * np.einsum("ki,ij,kj->k", points, A, points) - points @ b


def _floats(M: Matrix) -> np.ndarray:
    return np.array(M.to_floats(), dtype=float)


def _number(value) -> str:
    return scalar_text(value) if isinstance(value, Fraction) else f"{float(value):.6g}".replace("-", "−")


def quadratic(M: Matrix, b: Vector | None = None) -> Quadratic:
    """f(x) = ½ xᵀA x − bᵀx for A = (M + Mᵀ)/2 (2×2 or 3×3) and b (0 by default)."""
    n = M.require_square("gradient descent")
    if n not in (2, 3):
        raise ValueError(f"gradient descent here is for 2×2 and 3×3 matrices; this one is {n}×{n}")
    if any(isinstance(x, complex) for row in M.rows for x in row):
        raise ValueError("gradient descent needs a real matrix; this one has complex entries")
    b = Vector([0] * n) if b is None else b
    if len(b) != n:
        raise ValueError(f"b must have {n} components, like the {n}×{n} matrix, not {len(b)}")
    A = (M + M.T) / 2
    return Quadratic(A, b, tuple(symmetric_axes(A)))


# -- the verdict, from the eigenvalues ------------------------------------------------------
def check_settings(learning_rate, momentum) -> None:
    """ValueError unless α > 0 and 0 ≤ β < 1 (with β ≥ 1 the heavy ball never settles)."""
    if not learning_rate > 0:
        raise ValueError(f"the learning rate must be positive, not {_number(learning_rate)}")
    if not 0 <= momentum < 1:
        raise ValueError(f"the momentum β must be at least 0 and below 1, not {_number(momentum)}")


def direction_rate(eigenvalue, learning_rate, momentum=0) -> float:
    """How much the error along an eigenvector of λ shrinks per step: the spectral radius
    max |μ| of the step matrix [[1 + β − αλ, −β], [1, 0]], μ² − (1 + β − αλ) μ + β = 0.

    With β = 0 the roots are 1 − αλ and 0: the rate of plain GD, |1 − αλ|.

    >>> round(direction_rate(100, 0.019), 12), round(direction_rate(1, 0.5, momentum=0.25), 12)
    (0.9, 0.5)
    """
    p = 1 + float(momentum) - float(learning_rate) * float(eigenvalue)
    root = cmath.sqrt(p * p - 4 * float(momentum))
    return max(abs((p + root) / 2), abs((p - root) / 2))


def _behaviour(eigenvalue, learning_rate, momentum) -> str:
    """How the error moves along one eigen-direction, in words."""
    step = learning_rate * eigenvalue
    limit = 2 + 2 * momentum
    if eigenvalue < 0:
        return "runs away (λ < 0: f goes down forever this way)"
    if eigenvalue == 0:
        return "does not move towards a minimum (λ = 0: f is flat this way)"
    if step > limit:
        return f"diverges (αλ = {_number(step)} > {_number(limit)}): each step overshoots further"
    if step == limit:
        return f"never settles (αλ = {_number(step)}, on the edge): it flips sign without shrinking"
    p = 1 + momentum - step
    if momentum and p * p < 4 * momentum:
        return "ripples: the error circles in towards 0, shrinking by √β per step"
    if not momentum and step == 1:
        return "lands in one step (αλ = 1)"
    if p < 0:  # the larger root (p − √(p² − 4β))/2 is then negative
        return "zig-zags: the error changes sign every step while it shrinks"
    return "shrinks steadily, without changing sign"


@dataclass(frozen=True)
class Verdict:
    """Whether descent converges, the predicted rate, and a sentence per eigen-direction."""

    converges: bool
    rate: float
    sentence: str
    directions: tuple[str, ...]


def verdict(q: Quadratic, learning_rate, momentum=0) -> Verdict:
    """Converges exactly when 0 < αλᵢ < 2 + 2β for every eigenvalue λᵢ of A (β = 0: plain GD),
    which needs a bowl; the rate is the largest :func:`direction_rate`.

    α and β may be Fractions: then αλ is compared with 2 + 2β exactly for a rational λ.
    """
    check_settings(learning_rate, momentum)
    limit = 2 + 2 * momentum
    steps = [learning_rate * value for value in q.eigenvalues]
    converges = all(0 < step < limit for step in steps)
    rate = max(direction_rate(value, learning_rate, momentum) for value in q.eigenvalues)
    directions = tuple(f"λ = {_number(value)}: {_behaviour(value, learning_rate, momentum)}"
                       for value in q.eigenvalues)
    bound = "2" if not momentum else f"2 + 2β = {_number(limit)}"
    products = ", ".join(_number(step) for step in steps)
    if converges:
        sentence = (f"converges: every αλ ({products}) is between 0 and {bound}; the error shrinks "
                    f"by a factor {rate:.6g} per step (the slowest direction sets the pace)")
    elif not q.is_positive_definite:
        sentence = f"cannot converge: f is {q.shape_sentence()}"
    else:
        sentence = (f"does not converge: αλ ({products}) must stay below {bound} for every λ; "
                    f"the error grows by a factor {rate:.6g} per step" if rate > 1 else
                    f"does not converge: αλ ({products}) reaches {bound}, where the error stops shrinking")
    return Verdict(converges, rate, sentence, directions)


def best_learning_rate(q: Quadratic) -> tuple:
    """α = 2/(λ₁ + λₙ) balances the fastest and slowest directions: 1 − αλₙ = −(1 − αλ₁) =
    (κ − 1)/(κ + 1), the rate. Exact for rational eigenvalues. Only for a bowl."""
    _require_bowl(q, "a best learning rate")
    largest, smallest = q.eigenvalues[0], q.eigenvalues[-1]
    kappa = largest / smallest
    return 2 / (largest + smallest), (kappa - 1) / (kappa + 1)


def best_momentum(q: Quadratic) -> tuple[float, float, float]:
    """(α, β, rate) of the best heavy ball: α = (2/(√λ₁ + √λₙ))², β = ((√κ − 1)/(√κ + 1))²,
    rate √β = (√κ − 1)/(√κ + 1): the square root of κ where plain GD has κ itself."""
    _require_bowl(q, "a best momentum")
    largest, smallest = float(q.eigenvalues[0]), float(q.eigenvalues[-1])
    root_kappa = math.sqrt(largest / smallest)
    rate = (root_kappa - 1) / (root_kappa + 1)
    return (2 / (math.sqrt(largest) + math.sqrt(smallest))) ** 2, rate ** 2, rate


def _require_bowl(q: Quadratic, what: str) -> None:
    if not q.is_positive_definite:
        raise ValueError(f"there is no {what} here: f is {q.shape_sentence()}")


# -- the iterates ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Run:
    """The iterates x₀, x₁, … (one per row), f at each, and — when A is invertible — the error
    along each eigen-direction, |qᵢ·(xₖ − x*)| (columns in the order of ``Quadratic.axes``).

    A diverging run stops at ``diverged_at``, the first step whose loss is beyond the float
    range; ``path`` holds the steps before it.
    """

    path: np.ndarray
    losses: np.ndarray
    errors: np.ndarray | None
    diverged_at: int | None

    @property
    def observed_rate(self) -> float | None:
        """The error's shrink factor per step as measured: along each eigen-direction over the
        second half of the run, and the slowest of them. ``None`` without a minimiser, or when
        no direction had an error to measure."""
        if self.errors is None:
            return None
        # below this an error is rounding: relative to the start, and to the other directions
        floor = 1e-9 * (self.errors.max(axis=1) + np.abs(self.path).max(axis=1) + self.errors[0].max())
        rates = [_envelope_rate(errors, floor) for errors in self.errors.T]
        measured = [rate for rate in rates if rate is not None]
        return max(measured) if measured else None


def _envelope_rate(errors: np.ndarray, floor: np.ndarray) -> float | None:
    """(eⱼ/eᵢ)^(1/(j − i)) over the second half of the steps, up to the last one above ``floor``
    (an error that circles can touch 0 on its way, and rise again). When the error circles in
    (momentum), i and j are its first and last peaks there: peaks trace its envelope, so it is
    measured by its size, not by where in its turn it happens to be."""
    above = np.nonzero(errors > floor)[0]
    if len(above) == 0 or above[-1] == 0:
        return None
    last = int(above[-1])
    half = errors[last // 2:last + 1]
    peaks = [k for k in range(1, len(half) - 1) if half[k - 1] <= half[k] >= half[k + 1]]
    i, j = (peaks[0], peaks[-1]) if len(peaks) >= 2 else (0, len(half) - 1)
    return float((half[j] / half[i]) ** (1 / (j - i)))


def descend(q: Quadratic, start, learning_rate, momentum=0, steps: int = 100) -> Run:
    """``steps`` steps of gradient descent (heavy ball when β > 0) from ``start``.

    One step is x ← x − α(A x − b) + β(x − x_previous), starting with no velocity. The step is
    linear in the state s = (x, x_previous, 1): s ← T s, so sₖ = Tᵏ s₀, and all of them are
    found with a few numpy products: from s₀ … s_{m−1}, the next m are T^m s₀ … T^m s_{m−1},
    and T^m squares to T^{2m}. About 14 products make 10,000 steps.
    """
    check_settings(learning_rate, momentum)
    if not 0 <= steps <= MAX_STEPS:
        raise ValueError(f"the number of steps must be from 0 to {MAX_STEPS:,}, not {steps}")
    n = q.dimension
    x0 = np.array([float(x) for x in start], dtype=float)
    if x0.shape != (n,):
        raise ValueError(f"the start must have {n} components, like the {n}×{n} matrix, not {len(x0)}")
    alpha, beta = float(learning_rate), float(momentum)
    T = np.zeros((2 * n + 1, 2 * n + 1))
    T[:n, :n] = (1 + beta) * np.eye(n) - alpha * _floats(q.A)
    T[:n, n:2 * n] = -beta * np.eye(n)
    T[:n, -1] = alpha * np.array([float(x) for x in q.b])
    T[n:2 * n, :n] = np.eye(n)
    T[-1, -1] = 1.0
    states = np.concatenate([x0, x0, [1.0]])[np.newaxis, :]
    power = T
    with np.errstate(over="ignore", invalid="ignore"):
        while len(states) < steps + 1:
            states = np.concatenate([states, states @ power.T])
            power = power @ power
        path = states[:steps + 1, :n]
        losses = q.loss(path)
    if not np.isfinite(losses[0]):
        raise ValueError("the start is too far out: f there is beyond the float range (about 1.8e308)")
    bad = np.nonzero(~np.isfinite(losses))[0]
    diverged_at = int(bad[0]) if len(bad) else None
    if diverged_at is not None:
        path, losses = path[:diverged_at], losses[:diverged_at]
    minimiser = q.minimiser
    errors = None
    if minimiser is not None:
        directions = np.column_stack([axis.direction for axis in q.axes])
        errors = np.abs((path - minimiser) @ directions)
    return Run(path, losses, errors, diverged_at)


# -- presets -------------------------------------------------------------------------------
@dataclass(frozen=True)
class Preset:
    """A classic picture of gradient descent: the matrix, start, α, β and steps that show it."""

    name: str
    matrix: str
    start: str
    learning_rate: str
    momentum: str
    steps: int
    story: str


PRESETS = (
    Preset("zig-zag", "50.5 49.5; 49.5 50.5", "2 1", "0.0198", "0", 100,
           "eigenvalues 100 and 1, the axes turned 45°; α just under 2/λ_max: the steep direction "
           "flips sign every step while the shallow one crawls (κ = 100)"),
    Preset("ripples", "10 0; 0 1", "2 1", "0.1", "0.9", 100,
           "heavy momentum (β = 0.9): the iterates overshoot and circle in, rippling towards the minimum"),
    Preset("monotonic", "3 1; 1 2", "2 1", "0.1", "0", 60,
           "a small α (αλ < 1 for every λ): the error shrinks steadily without ever changing sign"),
    Preset("divergence", "3 1; 1 2", "2 1", "0.6", "0", 30,
           "α too large (αλ_max ≈ 2.17 > 2): every step overshoots further, and the iterates fly off"),
)
