"""SVD: the unit circle becomes an ellipse. M = UΣVᵀ plays as turn (Vᵀ), stretch (Σ), turn (U);
the right singular vectors vᵢ on the circle end as σᵢuᵢ, the semi-axes; κ = σ₁/σₙ says how much
M can magnify a relative error; dragging x round the circle leaves a trail of Mx that paints the
ellipse; "keep σ₁ only" collapses it to a segment, σ₂ away from M at worst.

The show itself is :mod:`.svd_scenes` (Qt-free); this module lays it out, plays it with one
:class:`~viz.controls.player.StagePlayer` and writes the facts beside it.
"""

from __future__ import annotations

import html
import itertools
from dataclasses import replace
from pathlib import Path

import numpy as np
from PyQt6 import QtGui, QtWidgets

from ...animation import smooth
from ...animation_export import check_video, frame_count, write_animation
from ...controls.info_panel import matrix_html
from ...controls.player import PlayerBar, StagePlayer, played_canvas
from ...controls.stage_canvas import StageCanvas
from ...panels_picture import Panel, export_panels, render_panels
from ...preferences import EASINGS
from ...staged_scenes import space_camera
from ...stages import Timeline
from ...views.plane_view import PlaneView
from ...views.space_view import SpaceView
from . import report, svd_settings
from .mode import MLMode
from .svd_overlay import SVDOverlay
from .svd_scenes import PROBE_HANDLE, SUB, SVDShow, svd_show
from .svd_settings import SVDSettings, probe_degrees_of

TITLE = "M = UΣVᵀ: turn, stretch, turn"
MAX_TRAIL = 2000  # dots of Mx kept (the oldest go first)
_drag_ids = itertools.count(1)


class SVDMode(MLMode):
    """The SVD view (see the module docstring)."""

    name = "svd"
    title = "SVD"

    # -- settings (class-level hooks of the lab's state) ---------------------------------------
    @classmethod
    def default_settings(cls, dimension: int) -> SVDSettings:
        return SVDSettings()

    @classmethod
    def settings_section(cls, settings) -> dict:
        return svd_settings.settings_section(settings)

    @classmethod
    def settings_from_section(cls, raw) -> SVDSettings:
        return svd_settings.settings_from_section(raw)

    # -- the view -----------------------------------------------------------------------------
    def __init__(self, host):
        super().__init__(host)
        self.show: SVDShow | None = None
        self.trail: list = []  # unit vectors x visited by the drag; their images are the dots
        self.overlay: SVDOverlay | None = None
        self._drag_id: int | None = None
        self.player = StagePlayer()
        self.stage_canvas = StageCanvas(f"<b>{TITLE}</b>")
        self.player_bar = PlayerBar(self.player)
        self.footer = QtWidgets.QLabel()
        self.footer.setWordWrap(True)
        self._canvas = played_canvas(self.stage_canvas, self.footer, self.player_bar)
        self._panel = self._build_panel()
        self.player.moved.connect(self._show_position)

    def _build_panel(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        self.facts_text = QtWidgets.QTextBrowser()
        self.play_button = QtWidgets.QPushButton("▶ Play M = UΣVᵀ")
        self.play_button.setToolTip("Turn (Vᵀ), stretch (Σ), turn (U): the circle becomes the ellipse")
        self.rank_one_box = QtWidgets.QCheckBox("Keep σ₁ only (best rank-1 approximation)")
        self.rank_one_box.setToolTip("Drop σ₂: the ellipse collapses to a segment, at most σ₂ away from M")
        self.clear_trail_button = QtWidgets.QPushButton("Clear trail")
        hint = QtWidgets.QLabel("Drag the tip of <b>x</b> round the circle: its image Mx leaves dots "
                                "that paint the ellipse.")
        hint.setWordWrap(True)
        layout = QtWidgets.QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.facts_text, stretch=1)
        layout.addWidget(self.play_button)
        layout.addWidget(self.rank_one_box)
        layout.addWidget(hint)
        layout.addWidget(self.clear_trail_button)
        self.play_button.clicked.connect(self.play)
        self.rank_one_box.toggled.connect(self._set_rank_one)
        self.clear_trail_button.clicked.connect(self.clear_trail)
        return panel

    def actions(self) -> list[QtGui.QAction]:
        parent = self._canvas
        play = QtGui.QAction("&Play M = UΣVᵀ", parent)
        play.setShortcut(QtGui.QKeySequence("Space"))
        play.triggered.connect(self.player.toggle)
        forward = QtGui.QAction("Step &Forward", parent)
        forward.setShortcut(QtGui.QKeySequence("Right"))
        forward.triggered.connect(lambda: self.player.step(+1))
        back = QtGui.QAction("Step &Back", parent)
        back.setShortcut(QtGui.QKeySequence("Left"))
        back.triggered.connect(lambda: self.player.step(-1))
        self._actions = [play, forward, back]  # kept alive while the menu shows them
        return self._actions

    # -- the mode contract ---------------------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self._canvas

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def plane_box(self):
        view = self.stage_canvas.view
        return view.view_box if isinstance(view, PlaneView) else None

    def activated(self, active: bool) -> None:
        if active:
            self.player.easing = EASINGS[self.host.preferences().easing]
        else:
            self.player.stop()

    def show_state(self, old, new) -> None:
        settings: SVDSettings = new.settings[self.name]
        look = self._look()
        moved = (old is None or old.matrix != new.matrix
                 or old.settings[self.name].rank_one != settings.rank_one)
        if moved or self.show is None or self.show.look != look:
            self.show = svd_show(new.matrix, settings, *look)
            blocked = self.rank_one_box.blockSignals(True)
            self.rank_one_box.setChecked(settings.rank_one)
            self.rank_one_box.blockSignals(blocked)
            self._show_facts(self.show)
        else:  # only x moved: the SVD, its facts and the motion stay
            self.show = self.show.with_probe(settings.probe_degrees)
        self.footer.setText("<br>".join(html.escape(line) for line in self.show.footer()))
        if moved:  # a new picture: stand at its end, framed so nothing leaves the canvas
            timeline = self.player.timeline
            self.player.load(Timeline(self.show.count, timeline.step_seconds, timeline.pause_seconds))
            self.stage_canvas.frame(self.show.pictures())
            self.stage_canvas.hold_caption_height(self.show.captions)
            view = self.stage_canvas.view
            if isinstance(view, SpaceView):  # in space: one camera that keeps the whole run in view
                view.set_camera(space_camera(self.show.pictures(), size=(max(view.width(), 200),
                                                                          max(view.height(), 200))))
        else:  # x moved: the same motion, the picture where it is
            self._show_position(self.player.position)

    def _look(self) -> tuple[str, str]:
        preferences = self.host.preferences()
        return preferences.theme, preferences.palette

    # -- playing and dragging ----------------------------------------------------------------
    def play(self) -> None:
        """Play M = UΣVᵀ from the start."""
        self.player.seek(0.0)
        self.player.play()

    def _show_position(self, position: float) -> None:
        show = self.show
        if show is None:
            return
        canvas = self.stage_canvas
        display = show.display(position)
        canvas.show(show.scene(position), display)
        if canvas.view is not (self.overlay.view if self.overlay else None):
            self._attach(canvas.view)
        if self.overlay is not None:
            self.overlay.show(show, display, self.trail)
        canvas.say(show.caption(position))

    def _attach(self, view) -> None:
        """The canvas made a new view (the first time, or on a 2D ↔ 3D switch): draw on it."""
        self.overlay = None
        if isinstance(view, PlaneView):
            self.overlay = SVDOverlay(view)
            view.view_box.handle_dragged.connect(self._on_dragged)

    def _on_dragged(self, name: str, x: float, y: float, finished: bool) -> None:
        """x dragged round the circle: one undoable step per drag; each position leaves a dot."""
        if name != PROBE_HANDLE or (x == 0 and y == 0):
            return
        if self.player.position < self.player.timeline.count:
            self.player.finish()  # x is dragged on the finished picture
        if self._drag_id is None:
            self._drag_id = next(_drag_ids)
        angle = probe_degrees_of(x, y)
        self.trail = [*self.trail, (np.cos(np.radians(angle)), np.sin(np.radians(angle)))][-MAX_TRAIL:]
        self.push_settings(replace(self.settings, probe_degrees=angle), "Drag x round the circle",
                           self._drag_id)
        if finished:
            self._drag_id = None

    def clear_trail(self) -> None:
        self.trail = []
        self._show_position(self.player.position)

    def _set_rank_one(self, checked: bool) -> None:
        text = "Keep σ₁ only" if checked else "Keep every σ"
        self.push_settings(replace(self.settings, rank_one=checked), text)

    # -- the facts beside the picture -----------------------------------------------------------
    def _show_facts(self, show: SVDShow) -> None:
        facts = show.facts
        n = len(facts.singular_values)
        sigma = "".join(f"<li>σ{SUB[i]} = {html.escape(s.text())}</li>"
                        for i, s in enumerate(facts.singular_values))
        stages = "".join(f"<li><b>{html.escape(stage.name)}</b>: {html.escape(stage.action)}</li>"
                         for stage in facts.stages)
        parts = [f"<h3>The circle becomes {'an ellipse' if facts.rank == n else 'flat'}: "
                 f"rank {facts.rank}</h3>",
                 f"<p>Singular values (the semi-axes):</p><ul>{sigma}</ul>",
                 f"<p><b>κ</b> — {html.escape(facts.condition_sentence)}.</p>",
                 "<table><tr><td><b>U</b> (uᵢ as columns)</td><td><b>V</b> (vᵢ as columns)</td></tr><tr>",
                 f"<td>{_float_matrix_html(facts.U)}</td><td>{_float_matrix_html(facts.V)}</td></tr></table>",
                 f"<p>M = UΣVᵀ, read from the right:</p><ol>{stages}</ol>",
                 f"<p><b>Keep σ₁ only</b>: σ₁u₁v₁ᵀ = {matrix_html(facts.rank_one)} "
                 "is the closest rank-1 matrix; it misses by "
                 f"σ₂ = {html.escape(facts.rank_one_error.text())}.</p>"]
        self.facts_text.setHtml("".join(parts))

    # -- pictures and notes ------------------------------------------------------------------------
    def panels(self, theme: str | None) -> tuple[list[Panel], tuple]:
        """The picture on screen as one panel (in ``theme``) and its footer lines."""
        state = self.host.model.state
        own_theme, palette = self._look()
        show = svd_show(state.matrix, self.settings, theme or own_theme, palette)
        return svd_panels(show, self.player.position, self.trail, self._camera())

    def _camera(self):
        view = self.stage_canvas.view
        return view.camera() if isinstance(view, SpaceView) else None

    def render(self, size, theme) -> QtGui.QImage:
        panels, footer = self.panels(theme)
        return render_panels(panels, size, footer)

    def export_picture(self, path: Path, size, theme) -> Path:
        panels, footer = self.panels(theme)
        return export_panels(panels, path, size, footer, "The SVD of a matrix, exported by Linear Lens")

    def animation_problem(self) -> str | None:
        return None

    def export_animation(self, parent: QtWidgets.QWidget) -> Path | None:
        """File → Export Animation: M = UΣVᵀ played whole (with the trail of Mx), as a GIF or MP4."""
        from ...animation_export_dialog import AnimationExportDialog

        state, timeline = self.host.model.state, self.player.timeline
        trail, camera = self.trail, self._camera()
        own_theme, palette = self._look()

        def write(path, progress, theme=None, **options):
            show = svd_show(state.matrix, self.settings, theme or own_theme, palette)
            return export_svd_animation(show, path, step_seconds=timeline.step_seconds,
                                        pause_seconds=timeline.pause_seconds, progress=progress,
                                        trail=trail, camera=camera, **options)

        dialog = AnimationExportDialog(None, None, parent, writer=write, duration=timeline.total)
        return dialog.saved_path if dialog.exec() else None

    def notes(self, kind: str) -> str:
        assert self.show is not None  # built by the first show_state
        if kind == "latex":
            return report.svd_latex(self.show.facts)
        return "```\n" + report.svd_text(self.show.facts) + "\n```"


def svd_panels(show: SVDShow, position: float, trail=(), camera=None) -> tuple[list[Panel], tuple]:
    """The show at ``position`` as one picture panel with its caption, and the footer lines —
    what the window copies and exports, and what ``export --lab svd`` writes."""
    display = show.display(position)
    overlay = None
    if show.dimension == 2:
        def overlay(view):
            SVDOverlay(view).show(show, display, trail)
    panel = Panel(TITLE, show.scene(position), display, show.caption(position), tuple(show.pictures()),
                  camera, overlay)
    return [panel], show.footer()


def export_svd_animation(show: SVDShow, path, size, fps: float = 30, step_seconds: float = 1.2,
                         pause_seconds: float = 0.4, loop: bool = True, progress=None, trail=(),
                         camera=None) -> Path:
    """M = UΣVᵀ played whole as a GIF or MP4, as the window plays it: the unit circle, then each
    stage (Vᵀ, Σ, U) eased and held at its rest for ``pause_seconds``; the last frame is the
    picture under M (or σ₁u₁v₁ᵀ), the one ``export --lab svd`` draws as a still."""
    path = Path(path)
    timeline = Timeline(show.count, step_seconds, pause_seconds)
    size = (int(size[0]), int(size[1]))
    check_video(path, size, fps, timeline.total)
    count = frame_count(fps, timeline.total)

    def frame(i: int) -> QtGui.QImage:
        seconds = timeline.total * i / max(count - 1, 1)
        panels, footer = svd_panels(show, timeline.position(seconds, smooth), trail, camera)
        return render_panels(panels, size, footer)

    return write_animation(path, lambda: (frame(i) for i in range(count)),
                           lambda: (frame(0), frame(count - 1)), size, fps, loop, count, progress)


def _float_matrix_html(matrix: np.ndarray) -> str:
    """A float matrix as a small HTML table, four significant figures."""
    rows = "".join("<tr>" + "".join(f"<td align='right'>&nbsp;{f'{x:.4g}'.replace('-', '−')}&nbsp;</td>"
                                    for x in row) + "</tr>" for row in matrix)
    return f"<table style='border-left:1px solid; border-right:1px solid'>{rows}</table>"
