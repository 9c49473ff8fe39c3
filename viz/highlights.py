"""What a lesson can point at on the studio's plane, and where that thing is on screen.

A target is a short text: a *kind*, and for an arrow its label.

- ``arrow:î``, ``arrow:Mv``, ``arrow:u`` — the arrow with that label (its tip is ringed);
- ``area`` — the image of the unit square, whose signed area is det M (the point M·(0.8, 0.2)
  inside it, clear of the "det =" label at its centre);
- ``eigenline`` or ``eigenline:2`` — the first (or second) line of eigenvectors: every vector
  on it is only stretched by M;
- ``collapse`` — the line a singular matrix squashes the whole plane onto;
- ``projection`` — the shadow of the first compared vector on the second, (u·w / w·w) w.

:func:`target_point` finds the point for the matrix on screen (mid-animation too, so a ring on
an arrow's tip travels with it), or None when the scene has no such thing. No Qt here: the
lesson loader checks every target of every step with it, without a window.
"""

from __future__ import annotations

import numpy as np

from .scene import Scene

KINDS = {
    "arrow": "the tip of the arrow with that label, e.g. arrow:î or arrow:Mv",
    "area": "the image of the unit square (its signed area is det M)",
    "eigenline": "a line of eigenvectors: eigenline is the first, eigenline:2 the second",
    "collapse": "the line a singular matrix squashes the plane onto",
    "projection": "the shadow of the first compared vector on the second",
}
# a ring on a line through the origin sits this far out along it, on the side opposite to the
# direction the kernel gives: the arrows of the examples point the other way, so it stays clear
REACH = -2.5
AREA_POINT = (0.8, 0.2)  # the point of the unit square whose image is ringed


class TargetError(ValueError):
    """A target that is not written as ``kind`` or ``kind:argument`` with a known kind."""


def parse_target(text: str) -> tuple[str, str]:
    """``"arrow:Mv"`` → ``("arrow", "Mv")``; a kind alone has the argument "".

    >>> parse_target("arrow:î"), parse_target("area"), parse_target("eigenline:2")
    (('arrow', 'î'), ('area', ''), ('eigenline', '2'))
    >>> parse_target("circle:v")
    Traceback (most recent call last):
        ...
    viz.highlights.TargetError: unknown target kind 'circle' (known: arrow, area, eigenline, collapse, projection)
    """  # noqa: E501
    kind, _, argument = text.partition(":")
    if kind not in KINDS:
        raise TargetError(f"unknown target kind {kind!r} (known: {', '.join(KINDS)})")
    if kind == "arrow" and not argument:
        raise TargetError("an arrow target names its arrow, e.g. arrow:î or arrow:Mv")
    if kind == "eigenline" and argument not in ("", "1", "2"):
        raise TargetError("eigenline takes no number, or 1 or 2: eigenline:2 is the second line")
    if kind not in ("arrow", "eigenline") and argument:
        raise TargetError(f"{kind} takes nothing after it, found {text!r}")
    return kind, argument


def _out_along(direction) -> np.ndarray:
    direction = np.asarray(direction, dtype=float)
    return REACH * direction / np.linalg.norm(direction)


def target_point(scene: Scene, display, target: str) -> np.ndarray | None:
    """Where ``target`` is in the plane while ``display`` is on screen, or None if ``scene``
    has no such thing (no arrow with that label, no real eigenvector, not singular, nothing
    compared). Only the plane: a 3×3 scene has no point for any target."""
    if scene.dimension != 2:
        return None
    kind, argument = parse_target(target)
    display = np.asarray(display, dtype=float)
    if kind == "arrow":
        for arrow in scene.arrows:
            if arrow.name == argument:
                return np.asarray(arrow.tip(display), dtype=float)
        return None
    if kind == "area":
        return display @ np.array(AREA_POINT)
    if kind == "eigenline":
        index = int(argument or "1") - 1
        lines = scene.eigen_lines
        return _out_along(lines[index].direction) if index < len(lines) else None
    if kind == "collapse":
        collapse = scene.collapse
        if collapse is None:
            return None
        return np.zeros(2) if collapse.origin_only else _out_along(collapse.lines[0])
    comparison = scene.comparison
    shadow = comparison.projection if comparison is not None else None
    return None if shadow is None else np.asarray(shadow, dtype=float)
