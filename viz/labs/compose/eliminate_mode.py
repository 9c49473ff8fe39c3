"""The Eliminate mode: Gaussian elimination as motion.

Each row operation is an elementary matrix E acting on the plane (or space) from the left, so
the picture starts at A and after j steps rests at E_j⋯E₁·A: a row replacement shears it, a
scaling stretches it along one axis, a swap mirrors it. The determinant is followed at every
rest point (exact, with the rule that changed it). It ends on I — and then E_k⋯E₁ = A⁻¹ — or,
for a singular A, on the collapse, with the rank.

Two runs can be played: the kernel's elimination of A, and the learner's own row operations
(each an undoable step of the lab, so Ctrl+Z takes one back). With [A | b] on, b follows the
same row operations and the solutions are drawn.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PyQt6 import QtCore, QtGui, QtWidgets

from kernels.notation import matrix_text, scalar_text

from ...controls.player import PlayerBar, StagePlayer, played_canvas
from ...controls.stage_canvas import StageCanvas
from ...export import ExportError, build_view, check_size, picture_format, render, render_image
from ...preferences import EASINGS
from ...scene import Scene
from ...staged_scenes import scene_at, space_camera
from ...stages import Stages, Timeline
from ...views.plane_view import PlaneView
from ...views.space_view import SpaceView
from ..contract import Mode
from .eliminate_panel import AugmentedBox, RowOperationsBox
from .eliminate_scenes import rest_scenes, rhs_tip, with_rhs
from .elimination import Elimination, as_latex, as_text, eliminate, learner_trace, product_name, solution_text
from .state import ComposeState

TRACKS = {"kernel": "The kernel's elimination of A", "own": "Your row operations"}


class EliminateMode(Mode):
    """Play an elimination step by step; do your own row operations; solve [A | b]."""

    name = "eliminate"
    title = "Eliminate"

    def __init__(self, host):
        super().__init__(host)
        self.track = "kernel"
        self.traces: dict[str, Elimination] = {}
        self.stages: Stages | None = None  # the active run's elementary matrices (None: no steps)
        self.scenes: tuple = ()
        self._a_floats = np.eye(2)
        self._b_floats: np.ndarray | None = None
        self._shown_step = None
        self.player = StagePlayer()
        self.player.moved.connect(self._show_position)
        self.canvas_ = StageCanvas("Gaussian elimination: E_j⋯E₁·A")
        self.bar = PlayerBar(self.player)
        self._canvas = played_canvas(self.canvas_, self.bar)
        self._panel = self._build_panel()
        self.play_action = QtGui.QAction("&Play Elimination")
        self.play_action.triggered.connect(self.play_kernel)

    def _build_panel(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        self.track_buttons = {}
        tracks = QtWidgets.QHBoxLayout()
        for name, text in TRACKS.items():
            button = QtWidgets.QRadioButton(text)
            button.toggled.connect(lambda on, name=name: on and self.show_track(name))
            self.track_buttons[name] = button
            tracks.addWidget(button)
        self.steps = QtWidgets.QListWidget()
        self.steps.setMaximumHeight(150)
        self.steps.itemClicked.connect(lambda item: self.player.seek(self.steps.row(item)))
        self.explanation = QtWidgets.QLabel()
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(QtCore.Qt.TextFormat.RichText)
        self.explanation.setTextInteractionFlags(QtCore.Qt.TextInteractionFlag.TextSelectableByMouse)
        self.row_box = RowOperationsBox(self.host)
        self.augmented = AugmentedBox(self.host)
        inner = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(inner)
        layout.addLayout(tracks)
        layout.addWidget(self.steps)
        layout.addWidget(self.explanation)
        layout.addWidget(self.row_box)
        layout.addWidget(self.augmented)
        layout.addStretch(1)
        scroll = QtWidgets.QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        outer = QtWidgets.QVBoxLayout(panel)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return panel

    # -- the Mode contract -----------------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self._canvas

    def stage_canvases(self) -> list:
        return [self.canvas_]

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def actions(self) -> list[QtGui.QAction]:
        return [self.play_action]

    def activated(self, active: bool) -> None:
        if active:
            self.player.easing = EASINGS[self.host.preferences().easing]
        else:
            self.player.stop()

    def show_state(self, old: ComposeState | None, new: ComposeState) -> None:
        """Recompute both runs; a new row operation of the learner plays as one step."""
        self.traces = {"kernel": eliminate(new.a), "own": learner_trace(new.a, new.row_operations)}
        self.row_box.show_trace(self.traces["own"])
        self.augmented.show_state(new, "" if new.rhs is None else solution_text(new.a, new.rhs))
        operations_changed = old is not None and old.a == new.a and old.row_operations != new.row_operations
        if operations_changed:
            added = new.row_operations[:-1] == old.row_operations
            self._load("own", at=len(new.row_operations) - (1 if added else 0))
            if added:
                self.player.play()
        elif old is None or old.a != new.a:
            self._load(self.track, at=0)
        else:  # b, x, B or the sequence changed: the same run, from where it is
            self._load(self.track, at=self.player.position)

    # -- the runs --------------------------------------------------------------------------
    def show_track(self, name: str) -> None:
        """Show the kernel's elimination or the learner's own steps, from the start."""
        if name != self.track:
            self._load(name, at=0)

    def play_kernel(self) -> None:
        """Play the kernel's elimination of A from the start."""
        self._load("kernel", at=0)
        self.player.play()

    def _load(self, track: str, at: float) -> None:
        """Make ``track`` the run on screen and stand at position ``at``."""
        self.track = track
        state = self.host.model.state
        trace = self.traces[track]
        preferences = self.host.preferences()
        self.stages = Stages(tuple(s.operation.matrix for s in trace.steps),
                             tuple(s.label for s in trace.steps)) if trace.steps else None
        self.scenes = rest_scenes(trace, preferences.theme, preferences.palette, state.rhs)
        self._a_floats = np.array(trace.matrix.to_floats(), dtype=float)
        self._b_floats = None if state.rhs is None else np.array(state.rhs.to_floats(), dtype=float)
        for name, button in self.track_buttons.items():
            blocked = button.blockSignals(True)
            button.setChecked(name == track)
            button.blockSignals(blocked)
        self.steps.clear()
        self.steps.addItem(f"A    det = {scalar_text(trace.det)}")
        for j, step in enumerate(trace.steps, start=1):
            self.steps.addItem(f"{j}. {step.label}   {step.geometry}   det = {scalar_text(step.det)}")
        self.bar.setEnabled(self.stages is not None)
        self._shown_step = None
        self.player.load(Timeline(max(trace.count, 1), self.bar.step_seconds.value(),
                                  self.bar.pause_seconds.value()), at_end=False)
        self.canvas_.show(self.scene(0), self.display(0))
        if isinstance(self.canvas_.view, SpaceView):
            self.canvas_.view.set_camera(space_camera(self.pictures()))
        self.canvas_.frame(self.pictures())
        self.player.seek(min(at, trace.count))

    @property
    def trace(self) -> Elimination:
        return self.traces[self.track]

    def display(self, position: float) -> np.ndarray:
        """The matrix on screen at ``position``: the steps so far (one part-way) times A."""
        if self.stages is None:
            return self._a_floats
        return self.stages.at(position) @ self._a_floats

    def scene(self, position: float) -> Scene:
        """The scene at ``position``, with b where the steps so far have moved it."""
        scene = scene_at(self.scenes, position)
        if self._b_floats is None or self.stages is None:
            return scene
        return with_rhs(scene, rhs_tip(self.stages, self._b_floats, position))

    def _show_position(self, position: float) -> None:
        position = min(position, float(self.trace.count))
        display, scene = self.display(position), self.scene(position)
        self.canvas_.show(scene, display)  # with b on, a new scene each frame: b has moved
        step = int(np.ceil(position - 1e-9))
        resting = abs(position - round(position)) < 1e-9
        if (step, resting) != self._shown_step:
            self._shown_step = (step, resting)
            self._explain(step, resting)

    def pictures(self) -> list:
        """(scene, display) at every rest point and half-way through each step: the plane's
        range holds them all, so nothing leaves the frame while the steps play."""
        positions = [k / 2 for k in range(2 * self.trace.count + 1)]
        return [(self.scene(p), self.display(p)) for p in positions]

    # -- words -----------------------------------------------------------------------------
    def step_lines(self, step: int) -> list[str]:
        """What the picture shows after ``step`` steps, as plain lines (panel, captions, notes)."""
        trace = self.trace
        if step == 0:
            first = "A, before any row operation"
            if not trace.steps:
                first += (" — it is already in reduced row echelon form" if self.track == "kernel"
                          else " — use the buttons below to do row operations")
            return [first, f"det A = {scalar_text(trace.det)}"]
        s = trace.steps[step - 1]
        return [f"Step {step} of {trace.count}: {s.label} — a {s.geometry}",
                f"E{step} = {matrix_text(s.operation.matrix.rows)}: {s.motion}",
                f"{s.det_change}; now det = {scalar_text(s.det)}"]

    def _explain(self, step: int, resting: bool) -> None:
        self.steps.setCurrentRow(step)
        lines = self.step_lines(step)
        if resting and step == self.trace.count and self.trace.steps:
            lines.append(self.trace.ending())
        state = self.host.model.state
        if state.rhs is not None and resting and self.stages is not None:
            rhs = self.scene(step)
            tip = next(a.vector for a in rhs.arrows if a.name == "b")
            lines.append(f"b after these steps: ({', '.join(f'{c:g}' for c in tip)})")
        self.explanation.setText("<p>" + "</p><p>".join(lines) + "</p>")

    def notes(self, kind: str) -> str:
        trace = self.trace
        if kind == "latex":
            return as_latex(trace)
        return f"**Gaussian elimination, {product_name(trace.count)}·A**\n\n```\n{as_text(trace)}\n```"

    # -- pictures --------------------------------------------------------------------------
    def _scene_now(self, theme: str | None) -> tuple[float, Scene]:
        """The position on screen and its scene, drawn in ``theme`` (None: as on screen)."""
        position = min(self.player.position, float(self.trace.count))
        scene = self.scene(position)
        if theme is not None and theme != scene.theme:  # the same pictures, drawn in that theme
            scenes = rest_scenes(self.trace, theme, scene.palette, self.host.model.state.rhs)
            scene = scene_at(scenes, position)
            if self._b_floats is not None and self.stages is not None:
                scene = with_rhs(scene, rhs_tip(self.stages, self._b_floats, position))
        return position, scene

    def _caption(self, position: float) -> str:
        """The step on screen and its det rule (and where the run ends, once there)."""
        step = int(np.ceil(position - 1e-9))
        lines = self.step_lines(step)
        words = [lines[0], lines[-1]]
        if abs(position - step) < 1e-9 and step == self.trace.count and self.trace.steps:
            words.append(self.trace.ending())
        return ". ".join(words)

    def _plane_picture(self, size, theme: str | None):
        """An off-screen plane of the moment on screen, the step written in the corner."""
        position, scene = self._scene_now(theme)
        view = self.canvas_.view
        rect = view.visible_rect() if isinstance(view, PlaneView) else None
        picture = build_view(scene, size, self.display(position), rect, caption=False)
        picture.caption.show(self.trace.matrix_after(int(position)), self._caption(position),
                             scene.look.text, scene.look.background)
        picture.clear_caption()
        picture.place_labels()
        return picture

    def render(self, size, theme) -> QtGui.QImage:
        check_size(size)
        if self.host.model.state.dimension == 3:
            view = self.canvas_.view
            if not isinstance(view, SpaceView):
                raise ExportError(f"cannot copy a 3D picture: {view.reason}")
            return view.render_image(size)
        picture = self._plane_picture(size, theme)
        try:
            return render_image(picture, size)
        finally:
            picture.close()
            picture.deleteLater()

    def export_picture(self, path: Path, size, theme) -> Path:
        """The moment on screen as PNG or SVG: the studio's exports (2D and 3D)."""
        check_size(size)
        picture_format(path)
        if self.host.model.state.dimension == 3:
            from ...export3d import export_space

            position, scene = self._scene_now(theme)
            view = self.canvas_.view
            live = isinstance(view, SpaceView) and (theme is None or theme == view.picture.theme)
            camera = view.camera() if isinstance(view, SpaceView) else scene.camera()
            return export_space(scene, path, size, camera=camera, display=self.display(position),
                                view=view if live else None)
        picture = self._plane_picture(size, theme)
        try:
            return render(picture, path, size)
        finally:
            picture.close()
            picture.deleteLater()
