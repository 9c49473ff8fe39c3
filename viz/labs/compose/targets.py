"""What a lesson can point at in the Compose & Eliminate lab. Qt-free: the lesson loader checks
every target with it, and the lab rings the same thing on its canvases.

The lab's canvases draw studio scenes, so a target is written as in the studio
(:mod:`viz.highlights`), and an arrow is named by its label on the canvas:

- in Compose, ``arrow:A(Bx)`` on the AB canvas (x after B, then A), ``arrow:B(Ax)`` on the BA
  canvas (x after A, then B), ``arrow:Bx``, ``arrow:Ax``, ``arrow:x``, ``area``…;
- in Eliminate, ``arrow:b`` (the right-hand side of Ax = b, when it is shown), ``arrow:x`` (the
  solution), ``arrow:î``, ``area`` (det so far), ``collapse``….
"""

from __future__ import annotations

from ...highlights import TargetError, target_point
from .eliminate_scenes import rest_scenes
from .elimination import eliminate
from .shows import show_for
from .state import ComposeState

# the modes whose canvases can be pointed at (Multiply draws cells, not the plane)
TARGET_MODES = ("compose", "eliminate")


def resting_pictures(state: ComposeState, mode: str) -> list:
    """(scene, display) of each canvas of ``mode`` where it rests when a step opens it: AB, BA
    and AB − BA played to the end; the elimination before its first row operation."""
    if mode == "compose":
        show = show_for(state, "pair", "dark", "okabe-ito")
        return [(track.scene(show.count), track.display(show.count)) for track in show.tracks]
    trace = eliminate(state.a)
    return [(rest_scenes(trace, "dark", "okabe-ito", state.rhs)[0], trace.matrix.to_floats())]


def check_target(state: ComposeState, mode: str, target: str) -> None:
    """TargetError unless ``target`` is drawn on a canvas of ``mode`` for ``state``."""
    if mode not in TARGET_MODES:
        raise TargetError(f"the {mode} mode has nothing to point at "
                          f"(modes that do: {', '.join(TARGET_MODES)})")
    pictures = resting_pictures(state, mode)
    if all(target_point(scene, display, target) is None for scene, display in pictures):
        labels = ", ".join(dict.fromkeys(arrow.name for scene, _ in pictures for arrow in scene.arrows))
        raise TargetError(f"there is nothing to point at for {target!r} in the {mode} mode "
                          f"(arrows: {labels})")
