"""A neural layer you type: x ↦ σ(Wx + b), played as Wx, then + b, then σ, on a grid and on a
two-class cloud — and a small network 2 → k → 2 that learns its own W and b.

The first page plays the typed layers (one to three, stacked) with the shared stage player and
says what to notice (:func:`~.network.layer_flags`: det W = 0 collapses the plane, ReLU folds
it) and whether a line now separates the classes (:func:`~.network.fit_line`). The second
page trains a network on the same cloud on a worker thread (:mod:`.layer_training`): with k = 2
hidden units a disc inside a ring stays inside, with k = 3 it comes out.
The maths is :mod:`.network` and :mod:`.datasets`; what is kept in the state is
:mod:`.layer_settings`.
"""

from __future__ import annotations

import html
from dataclasses import replace
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PyQt6 import QtCore, QtGui, QtWidgets

from kernels import Matrix, parse_matrix
from kernels.errors import LinearAlgebraError
from kernels.notation import scalar_text

from ...controls.player import PlayerBar, StagePlayer
from ...stages import Timeline
from . import layer_settings
from .datasets import DATASETS, MAX_NOISE, MAX_POINTS, TITLES, TwoClassCloud, two_class_cloud
from .layer_picture import LayerPlay, line_ends
from .layer_settings import LayerSettings, LayerSpec
from .layer_training import TrainFigure, TrainWorker
from .mode import MLMode
from .network import (
    ACTIVATION_TITLES,
    ACTIVATIONS,
    HIDDEN_UNITS,
    MAX_LAYERS,
    TRAINING_ACTIVATIONS,
    TRAINING_STEPS,
    LayerMotion,
    Network,
    initial_network,
    layer_flags,
)
from .plane_plot import (
    Figure,
    Look,
    PlanePlot,
    export_figure,
    offscreen,
    rect_between,
    render_figure,
    rest_rects,
    settle,
)

NOISE_STEPS = 100  # the noise slider moves in steps of MAX_NOISE / 100
PAGES = ("layer", "train")
LAYER_DESCRIPTION = "A neural-network layer, by Linear Lens"


def _matrix_text(matrix: Matrix) -> str:
    return "; ".join(" ".join(scalar_text(x) for x in row) for row in matrix.rows)


class LayerFigure(Figure):
    """The plane's grid and the two classes as the layers move them; the fitted line at the end."""

    def __init__(self, parent=None):
        self.plot = PlanePlot()
        super().__init__([self.plot], [1], parent)
        self.grid = self.plot.segments(z=5)
        self.classes = (self.plot.cloud(z=20), self.plot.cloud(z=21))
        self.line = self.plot.segments(z=30)
        self._framed: tuple | None = None  # (the play, each rest's rectangle)

    def set_look(self, look: Look) -> None:
        super().set_look(look)
        self.plot.apply_theme(look)
        self.grid.set_pen(pg.mkPen(look.theme.grid, width=1.0))
        for cloud, colour in zip(self.classes, (look.palette.i_hat, look.palette.j_hat)):
            cloud.set_style(colour, 5.0)
        self.line.set_pen(pg.mkPen(look.theme.text, width=2.5, style=QtCore.Qt.PenStyle.DashLine))

    def show_frame(self, play: LayerPlay, position: float) -> None:
        """The grid and the classes at ``position``, framed so each rest's cloud fills the plot
        (:func:`~.plane_plot.rect_between`); the fitted line across it at the end."""
        if self._framed is None or self._framed[0] is not play:
            self._framed = (play, rest_rects(play.rest_points()))
        rect = rect_between(self._framed[1], position)
        frame = play.at(position)
        self.grid.set_points(frame.grid)
        for cloud, points in zip(self.classes, frame.classes):
            cloud.set_points(points)
        at_end = position >= play.count
        # across a rectangle three times the range: the plot clips it at its edges, wherever the
        # aspect lock puts them
        left, right, bottom, top = rect
        across = (2 * left - right, 2 * right - left, 2 * bottom - top, 2 * top - bottom)
        self.line.set_points(line_ends(play.fit, across) if at_end else np.zeros((0, 2)))
        self.plot.show_rect(rect)

    def draw(self, play: LayerPlay, settings: LayerSettings, position: float) -> None:
        """The layers at ``position``, titled with the stage, captioned with W, b, det W."""
        self.show_frame(play, position)
        self.set_text(layer_title(play, settings, position), layer_caption(play, position))


def layer_title(play: LayerPlay, settings: LayerSettings, position: float) -> str:
    """The map, the cloud, each layer's σ, and the stage being played at ``position``."""
    names = " then ".join(f"σ = {ACTIVATION_TITLES[spec.activation]}" for spec in settings.layers)
    stage = min(int(np.ceil(position)), play.count)
    where = f" — {play.motion.stage_title(stage)}" if 0 < position < play.count else ""
    return f"x ↦ σ(Wx + b) on {TITLES[settings.dataset]} ({names}){where}"


def layer_caption(play: LayerPlay, position: float) -> list[str]:
    """Each layer's W, b and det W; at the end, whether a line now separates the classes."""
    lines = []
    for number, layer in enumerate(play.motion.layers, start=1):
        W = "; ".join(" ".join(f"{x:.3g}" for x in row) for row in layer.weights)
        b = " ".join(f"{x:.3g}" for x in layer.bias)
        lines.append(f"layer {number}: W = [{W}], b = ({b}), det W = {layer.determinant:.3g}")
    if position >= play.count:
        lines.append(f"After the layers: {play.fit.verdict()}.")
    return lines


def layer_play(settings: LayerSettings, matrix: Matrix) -> LayerPlay:
    """The typed layers (W following ``matrix`` where none is typed) acting on the settings' cloud."""
    cloud = two_class_cloud(settings.dataset, settings.count, settings.noise, settings.seed)
    return LayerPlay(LayerMotion(settings.layers_for(matrix)), cloud)


def layer_figure(play: LayerPlay, settings: LayerSettings, size, look: Look, position: float) -> LayerFigure:
    """An off-screen figure of the layers at ``position`` for a ``size`` picture; the window's
    export and ``export --lab layer`` both draw this."""
    figure = offscreen(LayerFigure(), size)
    figure.set_look(look)
    figure.draw(play, settings, position)
    settle(figure)
    return figure


def export_layer(play: LayerPlay, settings: LayerSettings, path, size, look: Look) -> Path:
    """Write the end of the layers (with the fitted line) to ``path`` (.png or .svg),
    atomically; the path written."""
    return export_figure(layer_figure(play, settings, size, look, play.count), path, size, LAYER_DESCRIPTION)


class LayerMode(MLMode):
    """The typed layers and the trained network (see the module docstring)."""

    name = "layer"
    title = "Neural Layer"

    # -- settings hooks -------------------------------------------------------------------
    @classmethod
    def default_settings(cls, dimension: int) -> LayerSettings:
        return LayerSettings()

    @classmethod
    def settings_section(cls, settings: LayerSettings) -> dict:
        return layer_settings.section_of(settings)

    @classmethod
    def settings_from_section(cls, raw) -> LayerSettings:
        return layer_settings.settings_from_section(raw)

    # -- building ---------------------------------------------------------------------------
    def __init__(self, host):
        super().__init__(host)
        self.cloud: TwoClassCloud | None = None
        self.play: LayerPlay | None = None
        self.worker: TrainWorker | None = None
        self.network: Network | None = None
        self.losses: list[tuple[int, float]] = []
        self.figure = LayerFigure()
        self.player = StagePlayer()
        self.player.moved.connect(self._show_position)
        self.player_bar = PlayerBar(self.player)
        self.train_figure = TrainFigure()
        self.tabs = self._build_canvas()
        self.play_action = QtGui.QAction("&Play the Layer")
        self.play_action.triggered.connect(self.play_layers)
        self._panel = self._build_panel()

    def _build_canvas(self) -> QtWidgets.QTabWidget:
        layer_page = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(layer_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.figure, stretch=1)
        column.addWidget(self.player_bar)
        train_page = QtWidgets.QWidget()
        column = QtWidgets.QVBoxLayout(train_page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.train_figure, stretch=1)
        controls = QtWidgets.QHBoxLayout()
        self.units_spin = QtWidgets.QSpinBox()
        self.units_spin.setRange(HIDDEN_UNITS.start, HIDDEN_UNITS.stop - 1)
        self.units_spin.setPrefix("k = ")
        self.units_spin.setToolTip("Hidden units of the network 2 → k → 2")
        self.training_activation = QtWidgets.QComboBox()
        self.training_activation.addItems([ACTIVATION_TITLES[a] for a in TRAINING_ACTIVATIONS])
        self.train_button = QtWidgets.QPushButton("Train")
        self.stop_button = QtWidgets.QPushButton("Stop")
        self.stop_button.setEnabled(False)
        self.progress = QtWidgets.QProgressBar()
        self.progress.setRange(0, TRAINING_STEPS)
        self.result = QtWidgets.QLabel()
        for widget in (QtWidgets.QLabel("Hidden units"), self.units_spin, self.training_activation,
                       self.train_button, self.stop_button, self.progress, self.result):
            controls.addWidget(widget)
        column.addLayout(controls)
        self.units_spin.valueChanged.connect(lambda value: self._edit(hidden_units=value))
        self.training_activation.currentIndexChanged.connect(
            lambda index: self._edit(training_activation=TRAINING_ACTIVATIONS[index]))
        self.train_button.clicked.connect(self.start_training)
        self.stop_button.clicked.connect(self.stop_training)
        tabs = QtWidgets.QTabWidget()
        tabs.addTab(layer_page, "The layer you type")
        tabs.addTab(train_page, "Train 2 → k → 2")
        return tabs

    def _build_panel(self) -> QtWidgets.QWidget:
        panel = QtWidgets.QWidget()
        layout = QtWidgets.QVBoxLayout(panel)
        self.layer_boxes = []
        for number in range(1, MAX_LAYERS + 1):
            box = QtWidgets.QGroupBox(f"Layer {number}: σ(Wx + b)")
            weights, bias = QtWidgets.QLineEdit(), QtWidgets.QLineEdit()
            weights.setPlaceholderText("A (the lab's matrix)")
            weights.setToolTip("W, 2×2, e.g. 1 -1; 1 1 (empty: the lab's matrix A)")
            bias.setToolTip("b, two numbers, e.g. 0 -1")
            activation = QtWidgets.QComboBox()
            activation.addItems([ACTIVATION_TITLES[a] for a in ACTIVATIONS])
            form = QtWidgets.QFormLayout(box)
            form.addRow("W", weights)
            form.addRow("b", bias)
            form.addRow("σ", activation)
            index = number - 1
            weights.editingFinished.connect(lambda index=index: self._commit_layer(index))
            bias.editingFinished.connect(lambda index=index: self._commit_layer(index))
            activation.currentIndexChanged.connect(lambda _=0, index=index: self._commit_layer(index))
            self.layer_boxes.append((box, weights, bias, activation))
            layout.addWidget(box)
        buttons = QtWidgets.QHBoxLayout()
        self.add_button = QtWidgets.QPushButton("Stack a layer")
        self.remove_button = QtWidgets.QPushButton("Remove the last")
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        layout.addLayout(buttons)
        self.add_button.clicked.connect(self.add_layer)
        self.remove_button.clicked.connect(self.remove_layer)
        data = QtWidgets.QFormLayout()
        self.dataset_choice = QtWidgets.QComboBox()
        self.dataset_choice.addItems([TITLES[name] for name in DATASETS])
        self.seed_spin = QtWidgets.QSpinBox()
        self.seed_spin.setRange(0, layer_settings.MAX_SEED)
        self.noise_slider = QtWidgets.QSlider(QtCore.Qt.Orientation.Horizontal)
        self.noise_slider.setRange(0, NOISE_STEPS)
        self.count_spin = QtWidgets.QSpinBox()
        self.count_spin.setRange(2, MAX_POINTS)
        self.count_spin.setSingleStep(100)
        data.addRow("Points", self.dataset_choice)
        data.addRow("How many", self.count_spin)
        data.addRow("Seed", self.seed_spin)
        data.addRow("Noise", self.noise_slider)
        layout.addLayout(data)
        self.dataset_choice.currentIndexChanged.connect(lambda index: self._edit(dataset=DATASETS[index]))
        self.seed_spin.editingFinished.connect(lambda: self._edit(seed=self.seed_spin.value()))
        self.count_spin.editingFinished.connect(lambda: self._edit(count=self.count_spin.value()))
        self.noise_slider.sliderReleased.connect(self._commit_noise)
        self.noise_slider.valueChanged.connect(
            lambda _: None if self.noise_slider.isSliderDown() else self._commit_noise())
        self.message = QtWidgets.QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #d55e00;")
        self.flags = QtWidgets.QLabel()
        self.flags.setWordWrap(True)
        layout.addWidget(self.message)
        layout.addWidget(self.flags)
        layout.addStretch(1)
        return panel

    # -- the Mode contract ---------------------------------------------------------------------
    def canvas(self) -> QtWidgets.QWidget:
        return self.tabs

    def panel(self) -> QtWidgets.QWidget:
        return self._panel

    def actions(self) -> list[QtGui.QAction]:
        return [self.play_action]

    def activated(self, active: bool) -> None:
        if not active:
            self.player.finish()
            self.stop_training()

    def play_layers(self) -> None:
        self.tabs.setCurrentIndex(PAGES.index("layer"))
        self.player.seek(0)
        self.player.play()

    @property
    def page(self) -> str:
        return PAGES[self.tabs.currentIndex()]

    def _look(self, theme: str | None = None) -> Look:
        preferences = self.host.preferences()
        return Look(theme or preferences.theme, preferences.palette)

    def show_state(self, old, new) -> None:
        settings: LayerSettings = new.settings[self.name]
        self._show_settings(settings)
        look = self._look()
        self.figure.set_look(look)
        self.train_figure.set_look(look)
        self.play = layer_play(settings, new.matrix)
        cloud = self.play.cloud
        if self.cloud is None or not (np.array_equal(cloud.points, self.cloud.points)
                                      and np.array_equal(cloud.labels, self.cloud.labels)):
            self._forget_training()
        self.cloud = cloud
        self.flags.setText(self._flags_html(self.play.motion.layers))
        self.player.load(Timeline(self.play.count, *self._durations()), at_end=True)
        if self.network is not None:
            self.train_figure.show_network(self.network, cloud, self.losses)
        self.train_figure.set_text(*self._train_text())

    def _durations(self) -> tuple[float, float]:
        timeline = self.player.timeline
        return timeline.step_seconds, timeline.pause_seconds

    # -- edits ---------------------------------------------------------------------------------
    def _edit(self, **changes) -> None:
        settings = replace(self.settings, **changes)
        if settings != self.settings:
            self.push_settings(settings, f"Layer: {', '.join(changes).replace('_', ' ')}")

    def _commit_noise(self) -> None:
        self._edit(noise=round(self.noise_slider.value() * MAX_NOISE / NOISE_STEPS, 4))

    def _commit_layer(self, index: int) -> None:
        """Read layer ``index``'s W, b and σ from its editors; a typo is said and not committed."""
        _, weights_edit, bias_edit, activation_choice = self.layer_boxes[index]
        specs = list(self.settings.layers)
        if index >= len(specs):
            return
        try:
            text = weights_edit.text().strip()
            weights = parse_matrix(text) if text else None
            if weights is not None and weights.shape != (2, 2):
                raise ValueError(f"W must be 2×2, not {weights.shape[0]}×{weights.shape[1]}")
            bias = parse_matrix(bias_edit.text() or "0 0")
            if bias.shape not in ((1, 2), (2, 1)):
                raise ValueError("b must be two numbers")
        except (ValueError, LinearAlgebraError) as error:
            self.message.setText(f"Layer {index + 1}: {html.escape(str(error))}")
            return
        self.message.clear()
        specs[index] = LayerSpec(weights, tuple(x for row in bias.rows for x in row),
                                 ACTIVATIONS[activation_choice.currentIndex()])
        self._edit(layers=tuple(specs))

    def add_layer(self) -> None:
        """Stack one more layer (W = I, b = 0, tanh) on top, up to three."""
        layers = self.settings.layers
        if len(layers) < MAX_LAYERS:
            self._edit(layers=(*layers, LayerSpec(Matrix.identity(2), activation="tanh")))

    def remove_layer(self) -> None:
        layers = self.settings.layers
        if len(layers) > 1:
            self._edit(layers=layers[:-1])

    def _show_settings(self, settings: LayerSettings) -> None:
        widgets = [self.dataset_choice, self.seed_spin, self.noise_slider, self.count_spin,
                   self.units_spin, self.training_activation]
        widgets += [w for box in self.layer_boxes for w in box[1:]]
        blocked = [w.blockSignals(True) for w in widgets]
        for index, (box, weights, bias, activation) in enumerate(self.layer_boxes):
            box.setVisible(index < len(settings.layers))
            if index < len(settings.layers):
                spec = settings.layers[index]
                weights.setText("" if spec.weights is None else _matrix_text(spec.weights))
                bias.setText(" ".join(scalar_text(x) for x in spec.bias))
                activation.setCurrentIndex(ACTIVATIONS.index(spec.activation))
        self.dataset_choice.setCurrentIndex(DATASETS.index(settings.dataset))
        self.seed_spin.setValue(settings.seed)
        self.noise_slider.setValue(round(settings.noise / MAX_NOISE * NOISE_STEPS))
        self.noise_slider.setToolTip(f"noise {settings.noise:g}")
        self.count_spin.setValue(settings.count)
        self.units_spin.setValue(settings.hidden_units)
        self.training_activation.setCurrentIndex(TRAINING_ACTIVATIONS.index(settings.training_activation))
        for widget, was in zip(widgets, blocked):
            widget.blockSignals(was)
        self.add_button.setEnabled(len(settings.layers) < MAX_LAYERS)
        self.remove_button.setEnabled(len(settings.layers) > 1)

    # -- the typed layers ----------------------------------------------------------------------
    def _flags_html(self, layers) -> str:
        lines = []
        inputs = self.play.rests[0][-len(self.cloud.points):]
        for number, layer in enumerate(layers, start=1):
            det = f"det W = {layer.determinant:.4g}"
            flags = " ".join(layer_flags(layer, inputs))
            said = html.escape(flags) or "no fold, no collapse."
            lines.append(f"<p><b>Layer {number}</b> ({det}): {said}</p>")
            inputs = layer(inputs)
        lines.append(f"<p><b>After the layers:</b> {html.escape(self.play.fit.verdict())}.</p>")
        return "".join(lines)

    def _show_position(self, position: float) -> None:
        if self.play is not None:
            self.figure.draw(self.play, self.settings, position)

    # -- training ------------------------------------------------------------------------------
    @property
    def training(self) -> bool:
        return self.worker is not None and self.worker.isRunning()

    def start_training(self) -> None:
        """Train a fresh network 2 → k → 2 on the cloud, on a worker thread."""
        if self.training or self.cloud is None:
            return
        settings = self.settings
        self.losses = []
        network = initial_network(settings.hidden_units, settings.training_activation, settings.seed)
        worker = self.worker = TrainWorker(network, self.cloud)
        worker.progress.connect(lambda *report, worker=worker: self._on_progress(worker, *report))
        worker.finished.connect(lambda worker=worker: self._on_finished(worker))
        self.train_button.setEnabled(False)
        self.stop_button.setEnabled(True)
        self.progress.setValue(0)
        self.worker.start()

    def stop_training(self) -> None:
        """Stop at the next report and wait for the thread to end (its last reports still show)."""
        if self.worker is not None:
            self.worker.stop()
            self.worker.wait()

    def _forget_training(self) -> None:
        """The cloud changed: the trained network (and any report still on its way) is stale."""
        self.stop_training()
        self.worker, self.network, self.losses = None, None, []
        self.train_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        self.progress.setValue(0)
        self.train_figure.clear()
        self.result.clear()

    def _on_progress(self, worker: TrainWorker, steps: int, loss: float, network: Network) -> None:
        if worker is not self.worker:
            return
        self.network = network
        self.losses.append((steps, loss))
        self.progress.setValue(steps)
        self.train_figure.show_network(network, self.cloud, self.losses)
        self.train_figure.set_text(*self._train_text())
        self.result.setText(f"step {steps:,}: loss {loss:.3f}, "
                            f"accuracy {network.accuracy(self.cloud.points, self.cloud.labels):.1%}")

    def _on_finished(self, worker: TrainWorker) -> None:
        if worker is not self.worker:
            return
        self.train_button.setEnabled(True)
        self.stop_button.setEnabled(False)
        if worker.stopped:
            self.host.status(f"Training stopped after {worker.training.steps_done:,} steps")

    @property
    def accuracy(self) -> float | None:
        """The trained network's share of points on their class's side, or None before training."""
        if self.network is None:
            return None
        return self.network.accuracy(self.cloud.points, self.cloud.labels)

    def _train_text(self) -> tuple[str, list[str]]:
        settings = self.settings
        k, activation = settings.hidden_units, ACTIVATION_TITLES[settings.training_activation]
        title = f"A network 2 → {k} → 2 ({activation}, softmax) learns {TITLES[settings.dataset]}"
        if self.network is None:
            return title, ["Press Train: gradient descent on the cross-entropy, "
                           f"{TRAINING_STEPS:,} steps over all the points."]
        steps, loss = self.losses[-1] if self.losses else (0, float("nan"))
        lines = [f"After {steps:,} steps: loss {loss:.3f}, accuracy {self.accuracy:.1%}."]
        if k == 2 and settings.dataset == "circles":
            lines.append("Two hidden units map the plane to a plane, continuously: the ring still "
                         "surrounds the disc, so no line can split them.")
        elif settings.dataset == "circles":
            lines.append(f"{k} hidden units: the disc can be lifted out of the ring, and a line "
                         "(the dashed one) can split the hidden points.")
        return title, lines

    # -- pictures and notes ----------------------------------------------------------------------
    def _offscreen(self, size, theme: str | None) -> Figure:
        look = self._look(theme)
        if self.page == "train":
            figure: Figure = offscreen(TrainFigure(), size)
            figure.set_look(look)
            if self.network is not None:
                figure.show_network(self.network, self.cloud, self.losses)
            figure.set_text(*self._train_text())
            settle(figure)
            return figure
        return layer_figure(self.play, self.settings, size, look, self.player.position)

    def render(self, size, theme) -> QtGui.QImage:
        return render_figure(self._offscreen(size, theme), size)

    def export_picture(self, path: Path, size, theme) -> Path:
        return export_figure(self._offscreen(size, theme), path, size, LAYER_DESCRIPTION)

    def notes(self, kind: str) -> str:
        if self.play is None:
            return ""
        lines = layer_caption(self.play, self.play.count)
        if self.network is not None:
            lines += self._train_text()[1]
        if kind == "latex":
            return "\\begin{itemize}\n" + "".join(f"\\item {line}\n" for line in lines) + "\\end{itemize}\n"
        return "".join(f"- {line}\n" for line in lines)
