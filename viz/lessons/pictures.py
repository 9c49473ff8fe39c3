"""The picture of a lesson step, drawn by the app's export paths, with the step's ring.

A studio step is the studio's picture (:func:`viz.export.build_view`, :func:`viz.export.render`)
of the step's scene, with :class:`~viz.items.highlight_ring.HighlightRing` on what the step
points at; a compose step is the Compose mode's picture of AB beside BA
(:func:`viz.labs.compose.show_export.export_show_picture`); an ML step is its view's picture as
File → Export and ``export --lab`` write it (the SVD's with the ring on a semi-axis). Qt is
needed here (off-screen).
"""

from __future__ import annotations

from pathlib import Path

from ..export import build_view, check_size, render
from ..highlights import target_point
from ..items.highlight_ring import HighlightRing
from .format import ML, Lesson, Step, step_scene

SIZE = (1200, 800)
COMPOSE_SIZE = (2100, 900)
ML_SIZE = (1600, 1000)


def draw_step(lesson: Lesson, number: int, path: Path, theme: str = "dark",
              palette: str = "okabe-ito") -> Path:
    """Write step ``number``'s picture to ``path`` (PNG or SVG)."""
    step = lesson.steps[number - 1]
    if step.lab == ML:
        return _draw_ml(step, path, theme, palette)
    found = step_scene(lesson, number, theme, palette)
    if found is None:
        from ..labs.compose.show_export import export_show_picture
        from ..labs.compose.shows import show_for
        from ..labs.compose.state import state_from_section

        state, _mode = state_from_section(dict(step.section))
        return export_show_picture(show_for(state, "pair", theme, palette), path, COMPOSE_SIZE, theme=theme)
    scene, rect = found
    check_size(SIZE)
    view = build_view(scene, SIZE, rect=rect)
    try:
        if step.highlight is not None:
            point = target_point(scene, scene.matrix_floats, step.highlight)
            if point is not None:
                ring = HighlightRing(view.view_box)
                ring.set_style(scene.look.text)
                ring.show_at(*point)
        return render(view, path, SIZE)
    finally:
        view.close()
        view.deleteLater()


def _draw_ml(step: Step, path: Path, theme: str, palette: str) -> Path:
    """The picture of the ML view the step opens, at the end of its steps."""
    from ..labs.ml.plane_plot import Look
    from ..labs.ml.sections import read_section
    from ..labs.ml.targets import pca_steps, target_point

    state, view = read_section(dict(step.section))
    settings = state.settings[view]
    if view == "svd":
        from dataclasses import replace

        from ..labs.ml.svd_mode import svd_panels
        from ..labs.ml.svd_scenes import svd_show
        from ..panels_picture import export_panels

        show = svd_show(state.matrix, settings, theme, palette)
        panels, footer = svd_panels(show, show.count)
        point = None if step.highlight is None else target_point(state, step.highlight)
        if point is not None:
            draw_overlay = panels[0].overlay

            def overlay(plane) -> None:
                if draw_overlay is not None:
                    draw_overlay(plane)
                ring = HighlightRing(plane.view_box)
                ring.set_style(show.scenes[0].look.text)
                ring.show_at(*point)
            panels[0] = replace(panels[0], overlay=overlay)
        return export_panels(panels, path, ML_SIZE, footer, "The SVD of a matrix, exported by Linear Lens")
    if view == "pca":
        from ..labs.ml.pca_mode import export_pca

        return export_pca(pca_steps(state), path, ML_SIZE, Look(theme, palette))
    if view == "layer":
        from ..labs.ml.layer_mode import export_layer, layer_play

        return export_layer(layer_play(settings, state.matrix), settings, path, ML_SIZE, Look(theme, palette))
    from ..labs.ml.descent_canvas import export_descent
    from ..labs.ml.descent_picture import descent_picture

    return export_descent(descent_picture(state.matrix, settings), path, ML_SIZE, theme, palette)
