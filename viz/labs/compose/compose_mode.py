"""Compose: AB and BA side by side, the difference, x followed through; a typed sequence one
step at a time; and the inverse as undo. One :class:`~.player.StagePlayer` drives every canvas.

What is played is data from :mod:`.shows`; this module only lays it out, plays it and writes
the verdict beside it.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

from PyQt6 import QtGui, QtWidgets

from kernels.notation import matrix_text

from ...controls.info_panel import matrix_html
from ...controls.player import PlayerBar, StagePlayer, played_canvas
from ...controls.stage_canvas import StageCanvas
from ...panels_picture import render_panels
from ...preferences import EASINGS
from ...report import latex_matrix
from ...staged_scenes import space_camera
from ...stages import SequenceError, Timeline
from ...views.space_view import SpaceView
from ..contract import Mode
from .commute import commute_verdict
from .show_export import PANEL_SHAPE, export_show_animation, export_show_picture, panels_at
from .shows import Show, show_for, show_pictures


class ComposeMode(Mode):
    """The first mode of the lab (see the module docstring)."""

    name = "compose"
    title = "Compose"

    def __init__(self, host):
        super().__init__(host)
        self.kind = "pair"  # what is on the canvases: "pair", "sequence" or "undo"
        self.undo_which = "a"
        self.show: Show | None = None
        self._drawn: tuple = (None, None)  # the show and the position on the canvases now
        self.player = StagePlayer()
        self.pair_canvases = [StageCanvas(title) for title in ("AB", "BA", "AB − BA")]
        self.single_canvas = StageCanvas("")
        self._canvas = QtWidgets.QWidget()
        pair_page = QtWidgets.QWidget()
        row = QtWidgets.QHBoxLayout(pair_page)
        row.setContentsMargins(0, 0, 0, 0)
        for canvas in self.pair_canvases:
            row.addWidget(canvas, stretch=1)
        self.pages = QtWidgets.QStackedWidget()
        self.pages.addWidget(pair_page)
        self.pages.addWidget(self.single_canvas)
        self.player_bar = PlayerBar(self.player)
        self.footer = QtWidgets.QLabel()
        self.footer.setWordWrap(True)
        played_canvas(self.pages, self.footer, self.player_bar, into=self._canvas)
        self._panel = self._build_panel()
        self.player.moved.connect(self._show_position)

    # -- the panel -----------------------------------------------------------------------------
    def _build_panel(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        self.verdict = QtWidgets.QTextBrowser()
        self.play_pair_button = QtWidgets.QPushButton("▶ Play AB and BA")
        self.play_pair_button.setToolTip("B then A beside A then B, with x followed through both")
        self.undo_a_button = QtWidgets.QPushButton("Undo A with A⁻¹")
        self.undo_a_button.setToolTip("Play A, then A⁻¹: everything goes back where it started")
        self.undo_b_button = QtWidgets.QPushButton("Undo B with B⁻¹")
        self.sequence_edit = QtWidgets.QLineEdit()
        self.sequence_edit.setPlaceholderText("rot(45), [1 1; 0 1], A^{-1}")
        self.sequence_edit.setToolTip("Matrices separated by commas, applied left to right, each on top "
                                      "of the last; A and B may be used")
        self.play_sequence_button = QtWidgets.QPushButton("▶ Play sequence")
        self.sequence_message = QtWidgets.QLabel()
        self.sequence_message.setWordWrap(True)
        self.sequence_message.setStyleSheet("color: #d55e00;")
        layout = QtWidgets.QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.verdict, stretch=1)
        buttons = QtWidgets.QHBoxLayout()
        buttons.addWidget(self.play_pair_button)
        layout.addLayout(buttons)
        undo = QtWidgets.QHBoxLayout()
        undo.addWidget(self.undo_a_button)
        undo.addWidget(self.undo_b_button)
        layout.addLayout(undo)
        layout.addWidget(QtWidgets.QLabel("<b>Sequence</b> — each step on top of the last:"))
        layout.addWidget(self.sequence_edit)
        layout.addWidget(self.play_sequence_button)
        layout.addWidget(self.sequence_message)
        self.play_pair_button.clicked.connect(lambda: self.play("pair"))
        self.undo_a_button.clicked.connect(lambda: self.play("undo", "a"))
        self.undo_b_button.clicked.connect(lambda: self.play("undo", "b"))
        self.sequence_edit.editingFinished.connect(self._commit_sequence)
        self.play_sequence_button.clicked.connect(self.play_sequence)
        return panel

    def actions(self) -> list[QtGui.QAction]:
        parent = self._canvas
        play = QtGui.QAction("&Play AB and BA", parent)
        play.setShortcut(QtGui.QKeySequence("Space"))
        play.triggered.connect(self.play_or_pause)
        sequence = QtGui.QAction("Play &Sequence", parent)
        sequence.triggered.connect(self.play_sequence)
        undo = QtGui.QAction("&Undo A with A⁻¹", parent)
        undo.triggered.connect(lambda: self.play("undo", "a"))
        forward = QtGui.QAction("Step &Forward", parent)
        forward.setShortcut(QtGui.QKeySequence("Right"))
        forward.triggered.connect(lambda: self.player.step(+1))
        back = QtGui.QAction("Step &Back", parent)
        back.setShortcut(QtGui.QKeySequence("Left"))
        back.triggered.connect(lambda: self.player.step(-1))
        self._actions = [play, sequence, undo, forward, back]  # kept alive while the menu shows them
        return self._actions

    # -- the mode contract -------------------------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self._canvas

    def stage_canvases(self) -> list:
        pair = self.show is not None and self.show.kind == "pair"
        return self.pair_canvases if pair else [self.single_canvas]

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def activated(self, active: bool) -> None:
        if active:
            self.player.easing = EASINGS[self.host.preferences().easing]
        else:
            self.player.stop()

    def show_state(self, old, new) -> None:
        if old is None or old.sequence != new.sequence:
            self.sequence_edit.setText(new.sequence)
        self._show_verdict(new)
        self.undo_b_button.setEnabled(True)
        kind = self.kind
        if kind == "sequence":
            try:
                self._load(show_for(new, "sequence", *self._look()), at_end=old is None)
                return
            except SequenceError as error:
                self.sequence_message.setText(str(error))
                kind = "pair"
        self.kind = kind
        self._load(show_for(new, kind, *self._look(), which=self.undo_which), at_end=True)

    def _look(self) -> tuple[str, str]:
        preferences = self.host.preferences()
        return preferences.theme, preferences.palette

    # -- playing ---------------------------------------------------------------------------------------
    def play(self, kind: str, which: str = "a") -> None:
        """Show ``kind`` ("pair" or "undo" of A or B) from its start, and play it."""
        self.kind, self.undo_which = kind, which
        self._load(show_for(self.host.model.state, kind, *self._look(), which=which), at_end=False)
        self.player.play()

    def play_or_pause(self) -> None:
        if self.player.playing:
            self.player.stop()
        elif self.player.position < self.player.timeline.count:
            self.player.play()
        else:
            self.play(self.kind, self.undo_which) if self.kind != "sequence" else self.play_sequence()

    def play_sequence(self) -> None:
        """Commit the typed sequence (if changed) and play it; a bad one is said and not played."""
        if not self._commit_sequence():
            return
        try:
            show = show_for(self.host.model.state, "sequence", *self._look())
        except SequenceError as error:
            self.sequence_message.setText(str(error))
            self.host.status(f"Sequence not played — {error}")
            return
        self.sequence_message.clear()
        self.kind = "sequence"
        self._load(show, at_end=False)
        self.player.play()

    def _commit_sequence(self) -> bool:
        """Commit the typed sequence as one undoable step; False (and why) when it cannot play."""
        text = self.sequence_edit.text().strip()
        state = self.host.model.state
        if text == state.sequence:
            return True
        try:
            show_for(replace(state, sequence=text), "sequence", *self._look())
        except SequenceError as error:
            self.sequence_message.setText(str(error))
            self.host.status(f"Sequence kept as it was — {error}")
            return False
        self.sequence_message.clear()
        self.host.push(replace(state, sequence=text), "Edit sequence")
        return True

    def _load(self, show: Show, at_end: bool) -> None:
        """Put ``show`` on the canvases, framed so nothing leaves them, at its end or start."""
        self.show = show
        timeline = self.player.timeline
        self.player.load(Timeline(show.count, timeline.step_seconds, timeline.pause_seconds), at_end=at_end)
        canvases = self.pair_canvases if show.kind == "pair" else [self.single_canvas]
        self.pages.setCurrentIndex(0 if show.kind == "pair" else 1)
        for canvas, track in zip(canvases, show.tracks):
            canvas.title.setText(f"<b>{html.escape(track.title)}</b>")
        captions = [track.caption(k / 2) for track in show.tracks for k in range(2 * show.count + 1)]
        for canvas in canvases:  # at rest and mid-step: every length a caption takes
            canvas.hold_caption_height(captions)
        self.footer.setText("<br>".join(html.escape(line) for line in show.footer))
        self._show_position(self.player.position)
        self._frame(canvases, show)

    def _frame(self, canvases, show: Show) -> None:
        """One framing for every canvas, so each shows every picture of the run whole: in the
        plane one range, in space one camera (AB and BA seen from the same side, as exported)."""
        pictures = show_pictures(show)
        if show.tracks[0].scenes[0].dimension == 2:
            for canvas in canvases:
                canvas.frame(pictures)
            return
        view = canvases[0].view
        shape = (view.width(), view.height()) if view is not None and view.width() > 1 else PANEL_SHAPE
        camera = space_camera(pictures, size=shape)
        for canvas in canvases:
            if isinstance(canvas.view, SpaceView):
                canvas.view.set_camera(camera)

    def _show_position(self, position: float) -> None:
        show = self.show
        if show is None or (show is self._drawn[0] and position == self._drawn[1]):
            return  # nothing to show, or a pause: the player ticks on while the picture stands
        self._drawn = (show, position)
        canvases = self.pair_canvases if show.kind == "pair" else [self.single_canvas]
        resting = abs(position - round(position)) < 1e-9  # a pause between steps, or an end
        for canvas, track in zip(canvases, show.tracks):
            canvas.show(track.scene(position), track.display(position))
            if resting:
                canvas.rest()
            canvas.say(track.caption(position))

    def _show_verdict(self, state) -> None:
        verdict = commute_verdict(state.a, state.b)
        parts = [f"<h3>{verdict.sentence}</h3>",
                 "<p>AB means <i>first B, then A</i>: the right-hand matrix acts first.</p>",
                 "<table><tr><td><b>AB</b></td><td><b>BA</b></td><td><b>AB − BA</b></td></tr><tr>",
                 *(f"<td>{matrix_html(m)}</td>" for m in (verdict.ab, verdict.ba, verdict.difference)),
                 "</tr></table>"]
        if verdict.commute:
            parts.append("<p><b>Why they commute:</b></p><ul>"
                         + "".join(f"<li>{html.escape(reason)}</li>" for reason in verdict.reasons) + "</ul>")
        else:
            parts.append("<p>The order matters: the difference AB − BA is not the zero matrix.</p>")
        self.verdict.setHtml("".join(parts))

    # -- pictures and notes ----------------------------------------------------------------------------
    def _cameras(self) -> list:
        canvases = self.pair_canvases if self.show and self.show.kind == "pair" else [self.single_canvas]
        return [canvas.view.camera() if isinstance(canvas.view, SpaceView) else None for canvas in canvases]

    def render(self, size, theme) -> QtGui.QImage:
        """The canvases at this moment, as in File → Export (Copy Picture)."""
        show = self._current()
        return render_panels(panels_at(show, self.player.position, theme, self._cameras()), size, show.footer)

    def export_picture(self, path: Path, size, theme) -> Path:
        return export_show_picture(self._current(), path, size, self.player.position, theme, self._cameras())

    def _current(self) -> Show:
        assert self.show is not None  # loaded by the first show_state
        return self.show

    def animation_problem(self) -> str | None:
        return None

    def export_animation(self, parent) -> Path | None:
        """File → Export Animation: the show on screen, played whole, as a GIF or MP4."""
        from ...animation_export_dialog import AnimationExportDialog

        show, timeline = self._current(), self.player.timeline

        def write(path, progress, **options):
            return export_show_animation(show, path, step_seconds=timeline.step_seconds,
                                         pause_seconds=timeline.pause_seconds, progress=progress, **options)

        dialog = AnimationExportDialog(None, None, parent, writer=write, duration=timeline.total)
        return dialog.saved_path if dialog.exec() else None

    def notes(self, kind: str) -> str:
        state = self.host.model.state
        verdict = commute_verdict(state.a, state.b)
        if kind == "latex":
            relation = "=" if verdict.commute else r"\neq"
            lines = [rf"A = {latex_matrix(state.a)},\quad B = {latex_matrix(state.b)}",
                     rf"AB = {latex_matrix(verdict.ab)} {relation} {latex_matrix(verdict.ba)} = BA",
                     rf"AB - BA = {latex_matrix(verdict.difference)}"]
            return "\\[\n" + " \\\\\n".join(lines) + "\n\\]" + "".join(f"\n% {r}" for r in verdict.reasons)
        lines = [f"- A = {matrix_text(state.a.rows)}, B = {matrix_text(state.b.rows)}",
                 f"- AB = {matrix_text(verdict.ab.rows)} (first B, then A)",
                 f"- BA = {matrix_text(verdict.ba.rows)} (first A, then B)",
                 f"- **{verdict.sentence}**: AB − BA = {matrix_text(verdict.difference.rows)}"]
        lines += [f"- why: {reason}" for reason in verdict.reasons]
        return "\n".join(lines)

