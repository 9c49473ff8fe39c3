"""A show (:mod:`.shows`) written to a file: a still of one moment (PNG, SVG) or the whole run
as an animation (GIF, MP4) — each step played, then held for its pause, as on screen.

The command line's ``export --compose`` and ``export --sequence`` come here, and so do the
window's File → Export for the Compose mode, through :mod:`.panels_picture`.
"""

from __future__ import annotations

from pathlib import Path

from ...animation import smooth
from ...animation_export import check_video, frame_count, write_animation
from ...panels_picture import Panel, export_panels, render_panels
from ...staged_scenes import space_camera
from ...stages import Timeline
from .shows import Show, show_pictures

PANEL_SHAPE = (100, 100)  # a canvas beside others is about square: the camera fits the run into one


def panels_at(show: Show, position: float, theme: str | None = None, cameras=None) -> list[Panel]:
    """Every track of ``show`` at ``position`` as a picture panel, all framed alike; in space,
    seen by ``cameras`` (one per track; default: one camera for all, from where every moment of
    every track looks apart and fits, so AB and BA are seen from the same side)."""
    pictures = show_pictures(show)
    if cameras is None and show.tracks[0].scenes[0].dimension == 3:
        cameras = [space_camera(pictures, size=PANEL_SHAPE)] * len(show.tracks)
    cameras = cameras or [None] * len(show.tracks)
    return [Panel(track.title, track.scene(position).with_theme(theme), track.display(position),
                  track.caption(position), pictures, camera) for track, camera in zip(show.tracks, cameras)]


def export_show_picture(show: Show, path, size, position: float | None = None, theme: str | None = None,
                        cameras=None) -> Path:
    """The moment ``position`` of ``show`` (default: its end) as a PNG or SVG."""
    position = float(show.count) if position is None else position
    return export_panels(panels_at(show, position, theme, cameras), path, size, show.footer,
                         "Transformations composed, exported by Linear Lens")


def export_show_animation(show: Show, path, size, fps: float = 30, step_seconds: float = 1.2,
                          pause_seconds: float = 0.4, theme: str | None = None, loop: bool = True,
                          progress=None) -> Path:
    """The whole show as a GIF or MP4: every step eased, then held for ``pause_seconds``."""
    path = Path(path)
    timeline = Timeline(show.count, step_seconds, pause_seconds)
    size = (int(size[0]), int(size[1]))
    check_video(path, size, fps, timeline.total)
    count = frame_count(fps, timeline.total)

    def frame(i: int):
        seconds = timeline.total * i / max(count - 1, 1)
        return render_panels(panels_at(show, timeline.position(seconds, smooth), theme), size, show.footer)

    return write_animation(path, lambda: (frame(i) for i in range(count)),
                           lambda: (frame(0), frame(count - 1)), size, fps, loop, count, progress)
