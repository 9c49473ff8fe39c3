"""What the Compose mode plays, as data: one :class:`Track` per canvas, over a shared position.

* :func:`pair_show` — AB (B first, then A), BA (A first, then B) and their difference, with x
  followed through both orders and the exact verdict (:mod:`.commute`) underneath.
* :func:`sequence_show` — a typed comma list, each step on top of the last, the product so far
  under the picture.
* :func:`undo_show` — M, then M⁻¹, back to I; or, when M is singular, two different vectors that
  M sends to one point, which is why no matrix can undo it.

Qt-free: the window plays these and the command line exports them, from the same data.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from kernels import Matrix, Vector
from kernels.notation import matrix_text, vector_text

from ...scene import Arrow, Scene, accept
from ...staged_scenes import scene_at, stage_colour, stage_scenes, vector_scene
from ...stages import SequenceError, Stages, parse_sequence
from .commute import commute_verdict
from .state import ComposeState

SUBSCRIPTS = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


@dataclass(frozen=True)
class Track:
    """One canvas over time: its title, one scene per rest point, and, at any position, the
    display matrix and the caption lines (exact values once reached)."""
    title: str
    scenes: tuple
    display: Callable[[float], np.ndarray]
    caption: Callable[[float], tuple]

    def scene(self, position: float) -> Scene:
        return scene_at(self.scenes, position)


@dataclass(frozen=True)
class Show:
    """Tracks that play together over ``count`` steps, and the lines said under all of them."""
    kind: str
    tracks: tuple
    count: int
    footer: tuple = ()
    step_labels: tuple = ()


def _reached(position: float, k: int) -> bool:
    return position >= k - 1e-9


def _moving_line(track_display, x: Vector, position: float) -> tuple:
    """"on the way: (1.23, −0.40)" while a step plays; nothing at a rest point."""
    if abs(position - round(position)) < 1e-9:
        return ()
    point = track_display(position) @ np.array(x.to_floats(), dtype=float)
    return ("on the way: (" + ", ".join(f"{c:.2f}".replace("-", "−") for c in point) + ")",)


def _followed(stages: Stages, x: Vector, names, final_alias: str | None = None) -> tuple:
    """The caption lines of x followed through ``stages``, exactly: x, then its image after
    each step (the last also called ``final_alias``, if given). Line k is shown once step k
    is reached."""
    lines = [f"{names[0]} = {vector_text(x)}"]
    column = Matrix([[c] for c in x])
    for k in range(1, stages.count + 1):
        image = stages.products[k] @ column
        name = names[k] if k < stages.count or final_alias is None else f"{names[k]} = {final_alias}"
        lines.append(f"{name} = {vector_text([image[i, 0] for i in range(image.shape[0])])}")
    return tuple(lines)


def _track(title: str, stages: Stages, x: Vector, names, theme: str, palette: str,
           final_alias: str | None = None) -> Track:
    scenes = stage_scenes(stages, x, names, theme, palette)
    followed = _followed(stages, x, names, final_alias)  # exact arithmetic: once, not per frame

    def caption(position: float) -> tuple:
        reached = sum(_reached(position, k) for k in range(1, stages.count + 1))
        return followed[:1 + reached] + _moving_line(stages.at, x, position)

    return Track(title, scenes, stages.at, caption)


def pair_show(state: ComposeState, theme: str, palette: str) -> Show:
    """AB and BA side by side, and AB − BA (see the module docstring)."""
    a, b, x = state.a, state.b, state.x
    ab_stages = Stages((b, a), ("B", "A"))
    ba_stages = Stages((a, b), ("A", "B"))
    ab = _track("AB: first B, then A", ab_stages, x, ("x", "Bx", "A(Bx)"), theme, palette, "(AB)x")
    ba = _track("BA: first A, then B", ba_stages, x, ("x", "Ax", "B(Ax)"), theme, palette, "(BA)x")
    verdict = commute_verdict(a, b)
    difference = verdict.difference
    gap_scene = vector_scene(difference, x, "(AB − BA)x", theme, palette)
    gap_scene = _recoloured(gap_scene, "(AB − BA)x", gap_scene.colors.collapse)

    def gap_display(position: float) -> np.ndarray:
        return ab_stages.at(position) - ba_stages.at(position)

    def gap_caption(position: float) -> tuple:
        if not _reached(position, 2):
            return ("(AB − BA)x = ABx − BAx",) + _moving_line(gap_display, x, position)
        image = difference @ Matrix([[c] for c in x])
        return ("(AB − BA)x = ABx − BAx", "= " + vector_text([image[i, 0] for i in range(image.shape[0])]))

    gap = Track("AB − BA: the difference", (gap_scene,), gap_display, gap_caption)
    footer: tuple[str, ...] = (f"{verdict.sentence}:  AB = {matrix_text(verdict.ab.rows)},  "
              f"BA = {matrix_text(verdict.ba.rows)},  AB − BA = {matrix_text(difference.rows)}",)
    footer += tuple(f"Why: {reason}" for reason in verdict.reasons)
    return Show("pair", (ab, ba, gap), 2, footer, ("B", "A"))


def _recoloured(scene: Scene, name: str, colour: str) -> Scene:
    return replace(scene, arrows=tuple(replace(arrow, color=colour) if arrow.name == name else arrow
                                       for arrow in scene.arrows))


def sequence_show(state: ComposeState, theme: str, palette: str) -> Show:
    """The typed sequence, one step on top of the last (SequenceError when it cannot play)."""
    labels, matrices = parse_sequence(state.sequence, {"A": state.a, "B": state.b}, state.dimension)
    stages = Stages(tuple(matrices), tuple(labels))
    for k, product in enumerate(stages.products[1:], start=1):
        try:
            accept(product)
        except ValueError as error:
            raise SequenceError(f"after step {k} ({labels[k - 1]}): {error}") from None
    names = ["x"] + [f"x{k}".translate(SUBSCRIPTS) for k in range(1, stages.count + 1)]
    followed = _track("Sequence: " + ", then ".join(labels), stages, state.x, names, theme, palette)

    def caption(position: float) -> tuple:
        done = int(position + 1e-9)
        so_far = "I" if done == 0 else " ".join(f"M{k}".translate(SUBSCRIPTS) for k in range(done, 0, -1))
        product = stages.products[min(done, stages.count)]
        lines = (f"after {done} of {stages.count} steps: {so_far} = {matrix_text(product.rows)}",)
        return lines + followed.caption(position)[-1:]

    track = replace(followed, caption=caption)
    footer = tuple(f"M{k}".translate(SUBSCRIPTS) + f" = {label} = {matrix_text(m.rows)}"
                   for k, (label, m) in enumerate(zip(labels, matrices), start=1))
    return Show("sequence", (track,), stages.count, footer, tuple(labels))


def undo_show(state: ComposeState, which: str, theme: str, palette: str) -> Show:
    """M (A or B), then M⁻¹ back to I; or, for a singular M, why nothing can undo it."""
    name = which.upper()
    matrix = state.a if which == "a" else state.b
    facts = accept(matrix)
    x = state.x
    if facts.inverse is not None:
        stages = Stages((matrix, facts.inverse), (name, f"{name}⁻¹"))
        track = _track(f"{name}, then {name}⁻¹: back where it started", stages, x,
                       ("x", f"{name}x", f"{name}⁻¹({name}x)"), theme, palette, "x")
        footer = (f"{name}⁻¹ = {matrix_text(facts.inverse.rows)}:  {name}⁻¹{name} = I, so every point "
                  "returns home",)
        return Show("undo", (track,), 2, footer, (name, f"{name}⁻¹"))
    return _no_undo(state, matrix, name, facts, theme, palette)


def _no_undo(state: ComposeState, matrix: Matrix, name: str, facts, theme: str, palette: str) -> Show:
    """Two different vectors, x and x + n (n in the null space), that M sends to one point."""
    from kernels import null_space

    x = state.x
    direction = null_space(matrix)[0]
    other = Vector([xi + ni for xi, ni in zip(x, direction)])
    stages = Stages((matrix,), (name,))
    scenes = []
    for k in (0, 1):
        draft = vector_scene(stages.products[k], x, "x", theme, palette)
        colour = stage_colour(draft, 1)
        ghosts = (("x", x, draft.colors.vector), ("w", other, colour)) if k else ()
        base = vector_scene(stages.products[k], x, f"{name}x" if k else "x", theme, palette, ghosts)
        second = Arrow(f"{name}w" if k else "w", tuple(float(c) for c in other), True, colour, 2.5)
        arrows = list(base.arrows)
        arrows.insert(len(ghosts) + 1, second)
        scenes.append(replace(base, arrows=tuple(arrows)))
    image = matrix @ Matrix([[c] for c in x])
    landing = vector_text([image[i, 0] for i in range(image.shape[0])])

    def caption(position: float) -> tuple:
        lines: tuple[str, ...] = (f"x = {vector_text(x)},  w = {vector_text(other)}",)
        if _reached(position, 1):
            lines += (f"{name}x = {name}w = {landing}",)
        return lines + _moving_line(stages.at, x, position)

    track = Track(f"{name} is singular: no undo", tuple(scenes), stages.at, caption)
    footer = (f"{name} has rank {facts.rank}: it sends x and w = x + {vector_text(direction)} to the same "
              f"point, so no matrix can send that point back to both — {name} has no inverse.",)
    return Show("undo", (track,), 1, footer, (name,))


def show_pictures(show: Show) -> tuple:
    """Every (scene, display) a show passes through — each track at each rest point and halfway
    between — so that one framing keeps all of them whole, on every canvas."""
    positions = [k / 2 for k in range(2 * show.count + 1)]
    return tuple((track.scene(p), track.display(p)) for track in show.tracks for p in positions)


def show_for(state: ComposeState, kind: str, theme: str, palette: str, which: str = "a") -> Show:
    """The show called ``kind`` ("pair", "sequence" or "undo")."""
    if kind == "pair":
        return pair_show(state, theme, palette)
    if kind == "sequence":
        return sequence_show(state, theme, palette)
    return undo_show(state, which, theme, palette)
