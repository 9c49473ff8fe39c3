"""The pictures of a vector followed through steps: x → M₁x → M₂M₁x → …, one colour per stage.

For each rest point k of a :class:`~.stages.Stages` (k = 0 before anything, k = count at the
end) there is one :class:`~viz.scene.Scene`: the plane (or space) under the running product S_k
with its exact facts (determinant, eigen-directions, collapse), the moving image of x named
for that stage ("Bx", then "A(Bx)"), and faint arrows left behind where x was at the earlier
rest points, each in its stage's colour. While step k plays, the view shows scene k — so when
the step ends, the picture is at rest and its facts are exact.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from kernels import Vector

from .geometry import fit_rect, parallelogram
from .geometry3d import Camera, best_camera, parallelepiped, project
from .palette import VECTOR_SEQUENCES
from .scene import Arrow, Scene, SceneState, VectorStyle, accept, build_scene
from .stages import Stages

GHOST_OPACITY = 0.7  # where x was: faint beside the moving arrow, yet readable on the dark theme


CLOSEST, GROWTH = 6.0, 1.1  # a run's camera backs away from 6 units, 10 % at a time

def stage_colour(scene: Scene, k: int) -> str:
    """The colour of x after ``k`` steps: the palette's vector colour, then its sequence."""
    if k == 0:
        return scene.colors.vector
    sequence = VECTOR_SEQUENCES[scene.state.palette]
    return sequence[(k - 1) % len(sequence)]


def vector_scene(matrix, x: Vector, name: str, theme: str, palette: str, ghosts=()) -> Scene:
    """The plane under ``matrix`` with the image of x called ``name`` and faint ``ghosts``
    ((name, point, colour) arrows that stay where they are)."""
    state = SceneState(matrix, (("x", x),), styles={"x": VectorStyle(show="image")}, theme=theme,
                       palette=palette)
    scene = build_scene(state, accept(matrix))
    basis = tuple(arrow for arrow in scene.arrows if arrow.name != "Mx")
    image = next(arrow for arrow in scene.arrows if arrow.name == "Mx")
    faint = tuple(Arrow(ghost_name, tuple(float(c) for c in point), False, colour, 2.0, GHOST_OPACITY)
                  for ghost_name, point, colour in ghosts)
    return replace(scene, arrows=faint + (replace(image, name=name),) + basis)


def stage_scenes(stages: Stages, x: Vector, names, theme: str, palette: str) -> tuple:
    """One scene per rest point (see the module docstring); ``names[k]`` names x after k steps."""
    scenes = []
    for k, product in enumerate(stages.products):
        draft = vector_scene(product, x, names[k], theme, palette)
        ghosts = [(names[j], stages.product(j) @ np.array(x.to_floats(), dtype=float), stage_colour(draft, j))
                  for j in range(k)]
        scene = vector_scene(product, x, names[k], theme, palette, ghosts)
        image = next(arrow for arrow in scene.arrows if arrow.name == names[k])
        arrows = tuple(replace(arrow, color=stage_colour(scene, k)) if arrow is image else arrow
                       for arrow in scene.arrows)
        scenes.append(replace(scene, arrows=arrows))
    return tuple(scenes)


def scene_at(scenes, position: float) -> Scene:
    """The scene to show at ``position``: the one whose rest point the moving step is heading to."""
    index = min(max(int(np.ceil(position - 1e-9)), 0), len(scenes) - 1)
    return scenes[index]


def framing(scenes_and_displays, aspect: float) -> tuple[float, float, float, float]:
    """One range (x_min, x_max, y_min, y_max) that shows every given picture whole: the
    parallelogram and every arrow tip of each (scene, display) pair — so side-by-side canvases
    share one scale and nothing leaves any of them while the steps play."""
    points = []
    for scene, display in scenes_and_displays:
        display = np.asarray(display, dtype=float)
        points.append(parallelogram(display))
        points.extend(arrow.tip(display)[None, :2] for arrow in scene.arrows)
    return fit_rect(np.vstack(points), aspect=aspect)


def space_camera(pictures, size=(1000, 600), margin: float = 0.08) -> Camera:
    """A camera for a whole run in space: from where the arrows of every (scene, display) in
    ``pictures`` look apart, and just far enough back that every box and arrow tip of the run
    lands inside a ``size`` frame, ``margin`` of it clear at each side."""
    corners = np.vstack([parallelepiped(display)[0] for _, display in pictures])
    tips = np.vstack([arrow.tip(display) for scene, display in pictures for arrow in scene.arrows])
    points = np.vstack([corners, tips])
    camera = best_camera(tips)
    width, height = size
    low, high = np.array([margin * width, margin * height]), np.array([(1 - margin) * width,
                                                                        (1 - margin) * height])
    for distance in CLOSEST * GROWTH ** np.arange(40):
        camera = replace(camera, distance=float(distance))
        pixels, depth = project(points, camera, size)
        if np.all(depth > 0) and np.all((pixels >= low) & (pixels <= high)):
            break
    return camera
