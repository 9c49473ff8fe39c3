"""The pictures of an elimination: one :class:`~viz.scene.Scene` per rest point.

After j row operations the plane (or space) sits at E_j⋯E₁·A, and its scene is the studio's
scene of that matrix: the exact det (the "det so far"), and, when A is singular, the line (or
plane) everything collapses onto. The eigen-lines are left out: they change with every step
and say nothing about the elimination. The basis arrows cannot be dragged here — A is edited
in its cells, and the row operations are the only motion.

With the augmented system [A | b] on, b is drawn too, and it moves: the row operations act on
the column b as well, so after j steps it is E_j⋯E₁·b — when A is invertible it lands on the
solution x exactly as the picture reaches I. The solutions are drawn where they are: the point
x, or a particular solution x₀ and the line (plane) of directions d that can be added to it.
Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from kernels import Vector, solve

from ...scene import BASIS_NAMES, DEFAULT_VECTORS, Arrow, Scene, SceneState, VectorStyle, accept, build_scene
from .elimination import Elimination, right_hand_side

RHS = "b"


@dataclass(frozen=True)
class Solutions:
    """What the picture draws for A x = b: ``vectors`` as they are ((name, Vector) pairs) and
    the indices of the directions among them, whose span is highlighted."""
    kind: str  # unique, infinite or none (kernels.solve)
    vectors: tuple
    directions: tuple


def solutions(A, b: Vector) -> Solutions:
    """The solution x; or x₀ and the directions d (d₂) of the line (plane) of solutions; or none."""
    result = solve(A, b)
    if result.kind == "unique":
        return Solutions("unique", (("x", result.solution),), ())
    if result.kind == "none":
        return Solutions("none", (), ())
    names = ("d", "d₂", "d₃")
    vectors = (("x₀", result.solution), *zip(names, result.directions))
    return Solutions("infinite", vectors, tuple(range(1, len(vectors))))


def rest_scene(matrix, theme: str, palette: str, found: Solutions | None = None, rhs=None) -> Scene:
    """The scene at one rest point: ``matrix`` (E_j⋯E₁·A), the solutions, and b after the same
    steps (``rhs``, floats) — or just the basis arrows when the augmented mode is off."""
    n = matrix.shape[0]
    drawn = found.vectors if found is not None else ()
    # a scene holds at least one vector: with nothing to draw, a placeholder that is filtered out
    state = SceneState(matrix, drawn or (("x", DEFAULT_VECTORS[n]),),
                       styles={name: VectorStyle(show="vector") for name, _ in drawn},
                       selection=found.directions if found is not None else (), theme=theme, palette=palette)
    scene = build_scene(state.checked(), accept(matrix))
    names = {name for name, _ in drawn}
    basis = tuple(replace(arrow, handle=None) for arrow in scene.arrows if arrow.name in BASIS_NAMES[:n])
    plain = tuple(replace(arrow, handle=None) for arrow in scene.arrows if arrow.name in names)
    arrows = plain + basis
    if rhs is not None:
        arrows = plain + (Arrow(RHS, tuple(float(c) for c in rhs), False, scene.colors.eigen, 3.0),) + basis
    span = scene.span
    if found is not None and found.kind == "infinite" and span is not None:  # every x₀ + s·d solves it
        particular = tuple(float(c) for c in found.vectors[0][1])
        directions = ", ".join(name for name, _ in found.vectors[1:])
        span = replace(span, through=particular, title=f"x₀ + span{{{directions}}}: every solution")
    return replace(scene, arrows=arrows, eigen_lines=(), eigen_planes=(), span=span)


def rest_scenes(trace: Elimination, theme: str, palette: str, b: Vector | None = None) -> tuple:
    """One scene per rest point of ``trace`` (0 = A itself, count = after the last step)."""
    found = None if b is None else solutions(trace.matrix, b)
    return tuple(rest_scene(trace.matrix_after(j), theme, palette, found,
                            None if b is None else right_hand_side(trace, b, j).to_floats())
                 for j in range(trace.count + 1))


def with_rhs(scene: Scene, tip) -> Scene:
    """``scene`` with b drawn at ``tip`` (b part-way through a step), or as it is without b."""
    arrows = tuple(replace(arrow, vector=tuple(float(c) for c in tip)) if arrow.name == RHS else arrow
                   for arrow in scene.arrows)
    return replace(scene, arrows=arrows)


def rhs_tip(stages, b_floats: np.ndarray, position: float) -> np.ndarray:
    """b at ``position``: the steps so far (and part of the moving one) act on it as on A."""
    return stages.at(position) @ b_floats


