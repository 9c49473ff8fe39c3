"""What the gradient-descent view draws: f's level curves, A's eigen-axes, the iterates, the error
along each eigen-direction, and the verdict in words — for the window and ``export --lab gd``.

The level curves need no grid search. With b = 0 the minimiser is the origin and
f(r·u) = r²·g(u) for a unit direction u, g(u) = ½ uᵀAu; so the level f = c is the curve
r(u) = √(c / g(u)), drawn wherever c/g(u) > 0. For a bowl that is a closed ellipse; for a saddle
it breaks into the branches of hyperbolas; for a valley (a zero eigenvalue) into parallel lines.

Qt-free (numpy only).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from kernels import Matrix

from .descent import Quadratic, Run, Verdict, descend, direction_rate, quadratic, verdict
from .descent_settings import DescentSettings

SUB = "₁₂₃"
ANGLES = 1440  # directions sampled round the origin for each level curve
LEVEL_RADII = (0.2, 0.45, 0.7, 1.0, 1.3, 1.6, 1.9)  # levels f(x₀)·k² (k = 1 is the start's level)
FAR_OUT = 50.0  # an iterate beyond this many start-lengths is off the picture (a diverging run)


def _number(value) -> str:
    return f"{float(value):.4g}".replace("-", "−")


@dataclass(frozen=True)
class DescentPicture:
    """f for the symmetric part of A, the settings, the verdict from the eigenvalues and the run."""

    q: Quadratic
    settings: DescentSettings
    verdict: Verdict
    run: Run

    @property
    def dimension(self) -> int:
        return self.q.dimension

    @property
    def start(self) -> np.ndarray:
        return np.array([float(c) for c in self.settings.start])

    @property
    def largest_eigenvalue(self) -> float:
        return float(self.q.eigenvalues[0])

    def drawn_path(self) -> np.ndarray:
        """The iterates on the picture: a diverging run is cut where it leaves for good."""
        scale = max(float(np.linalg.norm(self.start)), 1.0) * FAR_OUT
        inside = np.all(np.abs(self.run.path) <= scale, axis=1)
        last = len(inside) if inside.all() else int(np.argmin(inside)) + 1
        return np.clip(self.run.path[:last], -scale, scale)

    def picture_points(self) -> np.ndarray:
        """What must be in view: the origin (the minimiser), the start, and where the path goes
        before it leaves (a run that leaves is drawn until it is three start-lengths out)."""
        reach = 3 * max(float(np.linalg.norm(self.start)), 1.0)
        path = self.drawn_path()
        path = path[np.linalg.norm(path, axis=1) <= reach]
        return np.vstack([np.zeros(2), self.start, path])

    def levels(self) -> list[float]:
        """Values of f to draw level curves at: f(x₀)·k² for k in :data:`LEVEL_RADII`, on both
        sides of 0 when f takes both signs (a saddle)."""
        values = np.array([float(v) for v in self.q.eigenvalues])
        base = abs(float(self.q.loss(self.start[None, :])[0]))
        if base == 0:
            largest = float(np.abs(values).max(initial=1.0)) or 1.0
            base = 0.5 * largest * max(float(self.start @ self.start), 1.0)
        signs = [s for s in (1, -1) if (values * s > 0).any()]
        return [s * base * k * k for s in signs for k in LEVEL_RADII]

    def level_curves(self, level: float, reach: float) -> list[np.ndarray]:
        """The curve f = ``level`` within distance ``reach`` of the origin, as polylines (see the
        module docstring: r(u) = √(level / g(u)))."""
        t = np.linspace(0.0, 2 * np.pi, ANGLES + 1)
        u = np.column_stack([np.cos(t), np.sin(t)])
        A = np.array(self.q.A.to_floats(), dtype=float)
        g = 0.5 * np.einsum("ki,ij,kj->k", u, A, u)
        with np.errstate(divide="ignore", invalid="ignore"):
            r = np.sqrt(level / g)
        inside = np.isfinite(r) & (r <= reach)
        # runs of consecutive directions inside: where ``inside`` switches on, and off again
        edges = np.diff(np.concatenate([[0], inside.astype(np.int8), [0]]))
        starts, stops = np.nonzero(edges == 1)[0], np.nonzero(edges == -1)[0]
        curves = [u[a:b] * r[a:b, None] for a, b in zip(starts, stops) if b - a > 1]
        return curves

    def axes(self) -> list[tuple[float, float, str]]:
        """A's eigen-axes through the minimiser: (direction, label) with λ."""
        return [(float(axis.direction[0]), float(axis.direction[1]), f"λ{SUB[i]} = {_number(axis.value)}")
                for i, axis in enumerate(self.q.axes)]

    def direction_rates(self) -> list[float]:
        """The predicted shrink factor per step along each eigen-direction."""
        s = self.settings
        return [direction_rate(value, s.learning_rate, s.momentum) for value in self.q.eigenvalues]

    def learning_rate_units(self) -> float | None:
        """α in units of 2/λ_max (1 is the edge of divergence for plain GD), or None without a
        positive eigenvalue."""
        top = self.largest_eigenvalue
        return float(self.settings.learning_rate) * top / 2 if top > 0 else None

    def footer(self) -> tuple:
        """The verdict under the picture: the shape, whether it converges, the rates."""
        s = self.settings
        momentum = f", β = {_number(s.momentum)}" if s.momentum else ""
        lines = [f"f(x) = ½xᵀAx for A the symmetric part of M; α = {_number(s.learning_rate)}{momentum}, "
                 f"{s.steps} steps from x₀ = ({', '.join(_number(c) for c in self.start)})."]
        if self.q.is_positive_definite:  # otherwise the verdict says what f is instead
            lines.append(f"f is {self.q.shape_sentence()}.")
        lines.append(f"Gradient descent {self.verdict.sentence}.")
        observed = self.run.observed_rate
        if self.verdict.converges and observed is not None:
            lines.append(f"Rate per step: predicted {self.verdict.rate:.4g}, observed {observed:.4g}.")
        return tuple(lines)


def descent_picture(matrix: Matrix, settings: DescentSettings) -> DescentPicture:
    """The picture of descent on f for the symmetric part of ``matrix`` with ``settings``."""
    q = quadratic(matrix)
    result = verdict(q, settings.learning_rate, settings.momentum)
    run = descend(q, settings.start, settings.learning_rate, settings.momentum, settings.steps)
    return DescentPicture(q, settings, result, run)
