"""The picture of a lesson step, drawn by the app's export paths, with the step's ring.

A studio step is the studio's picture (:func:`viz.export.build_view`, :func:`viz.export.render`)
of the step's scene, with :class:`~viz.items.highlight_ring.HighlightRing` on what the step
points at; a compose step is the Compose mode's picture of AB beside BA
(:func:`viz.labs.compose.show_export.export_show_picture`). Qt is needed here (off-screen).
"""

from __future__ import annotations

from pathlib import Path

from ..export import build_view, check_size, render
from ..highlights import target_point
from ..items.highlight_ring import HighlightRing
from .format import Lesson, step_scene

SIZE = (1200, 800)
COMPOSE_SIZE = (2100, 900)


def draw_step(lesson: Lesson, number: int, path: Path, theme: str = "dark",
              palette: str = "okabe-ito") -> Path:
    """Write step ``number``'s picture to ``path`` (PNG or SVG)."""
    step = lesson.steps[number - 1]
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
