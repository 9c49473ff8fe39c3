"""What the gradient-descent view keeps of its own: the start x₀, the learning rate α, the
momentum β and how many steps are drawn. Qt-free: sessions and ``export --lab gd`` read it.

α and β stay exact when typed exactly (0.1 is 1/10), so a learning rate on the boundary αλ = 2
is judged exactly by :func:`~.descent.verdict`.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kernels import Vector

from ...session import SessionError, decode_scalar, encode_scalar
from .descent import check_settings

_KEYS = {"start", "learning_rate", "momentum", "steps"}
DEFAULT_STARTS = {2: Vector([2, 1]), 3: Vector([2, 1, 1])}
MAX_DRAWN_STEPS = 2000  # a path on screen: beyond this the picture shows nothing new


@dataclass(frozen=True)
class DescentSettings:
    """x₀ (as many components as A has rows), α > 0, 0 ≤ β < 1 and the number of steps."""

    start: Vector
    learning_rate: Fraction | float = Fraction(1, 10)
    momentum: Fraction | float = Fraction(0)
    steps: int = 60

    def problem(self, dimension: int) -> str | None:
        """Why these settings cannot go with a ``dimension``×``dimension`` A, or None."""
        if len(self.start) != dimension:
            return f"the start needs {dimension} components, not {len(self.start)}"
        if not 1 <= self.steps <= MAX_DRAWN_STEPS:
            return f"the number of steps must be from 1 to {MAX_DRAWN_STEPS} (not {self.steps})"
        try:
            check_settings(self.learning_rate, self.momentum)
        except ValueError as error:
            return str(error)
        return None


def default_settings(dimension: int) -> DescentSettings:
    return DescentSettings(DEFAULT_STARTS[dimension])


def settings_section(settings: DescentSettings) -> dict:
    return {"start": [encode_scalar(c, "start") for c in settings.start],
            "learning_rate": encode_scalar(settings.learning_rate, "learning rate"),
            "momentum": encode_scalar(settings.momentum, "momentum"),
            "steps": settings.steps}


def settings_from_section(raw) -> DescentSettings:
    """The settings a session's ``descent`` object describes (SessionError for anything else)."""
    if not isinstance(raw, dict) or set(raw) - _KEYS or "start" not in raw:
        raise SessionError("the ml descent settings must be an object with start, learning_rate, "
                           "momentum and steps")
    start = raw["start"]
    if not isinstance(start, list) or len(start) not in (2, 3):
        raise SessionError("ml descent start must be a list of 2 or 3 numbers")
    steps = raw.get("steps", DescentSettings.steps)
    if isinstance(steps, bool) or not isinstance(steps, int):
        raise SessionError("ml descent steps must be a whole number")
    settings = DescentSettings(
        Vector([decode_scalar(c, f"ml descent start component {i}") for i, c in enumerate(start, 1)]),
        decode_scalar(raw.get("learning_rate", "1/10"), "ml descent learning_rate"),
        decode_scalar(raw.get("momentum", "0"), "ml descent momentum"), steps)
    problem = settings.problem(len(start))
    if problem:
        raise SessionError(f"ml descent: {problem}")
    return settings
