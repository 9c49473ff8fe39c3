"""What the SVD view keeps of its own: whether only σ₁ is kept (the best rank-1 approximation)
and the direction of the unit vector x the learner drags around the circle. Qt-free: sessions and
the command line read it."""

from __future__ import annotations

import math
from dataclasses import dataclass

from ...session import SessionError

_KEYS = {"rank_one", "probe_degrees"}


@dataclass(frozen=True)
class SVDSettings:
    """``rank_one``: show σ₁u₁v₁ᵀ instead of M; ``probe_degrees``: the angle of the unit vector
    x on the circle, in degrees from the x-axis (0 ≤ angle < 360)."""

    rank_one: bool = False
    probe_degrees: float = 30.0

    @property
    def probe(self) -> tuple[float, float]:
        """The unit vector x = (cos θ, sin θ)."""
        angle = math.radians(self.probe_degrees)
        return (math.cos(angle), math.sin(angle))


def probe_degrees_of(x: float, y: float) -> float:
    """The angle of the direction (x, y) in [0, 360), for a dragged point off the origin."""
    return math.degrees(math.atan2(y, x)) % 360.0


def settings_section(settings: SVDSettings) -> dict:
    return {"rank_one": settings.rank_one, "probe_degrees": settings.probe_degrees}


def settings_from_section(raw) -> SVDSettings:
    """The settings a session's ``svd`` object describes (SessionError for anything else)."""
    if not isinstance(raw, dict) or set(raw) - _KEYS:
        raise SessionError("the ml svd settings must be an object with rank_one and probe_degrees")
    rank_one = raw.get("rank_one", False)
    angle = raw.get("probe_degrees", SVDSettings.probe_degrees)
    if not isinstance(rank_one, bool):
        raise SessionError("ml svd rank_one must be true or false")
    if isinstance(angle, bool) or not isinstance(angle, (int, float)) or not 0 <= angle < 360:
        raise SessionError("ml svd probe_degrees must be a number from 0 up to 360")
    return SVDSettings(rank_one, float(angle))
