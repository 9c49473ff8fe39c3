"""The ML lab's neural-layer view in the real window: typed W, b and σ; the staged animation
ending on σ(Wx + b); the flags; stacking; training on a worker thread with progress and Stop;
and the lesson of the disc inside a ring (k = 2 cannot separate it, k = 3 can)."""

import numpy as np
import pytest
from PIL import Image

from viz.labs.ml.network import ACTIVATIONS, TRAINING_STEPS


@pytest.fixture
def layer(window):
    window.switch_lab("ml")
    lab = window.lab("ml")
    lab.switch_mode("layer")
    mode = lab.mode
    mode.player.finish()
    return lab, mode


def type_layer(mode, index, weights, bias, activation):
    _, weights_edit, bias_edit, activation_choice = mode.layer_boxes[index]
    weights_edit.setText(weights)
    bias_edit.setText(bias)
    activation_choice.setCurrentIndex(ACTIVATIONS.index(activation))  # commits the three at once
    weights_edit.editingFinished.emit()


def drawn_points(mode):
    return [cloud.points for cloud in mode.figure.classes]


def test_the_animation_ends_on_sigma_of_wx_plus_b(layer, qtbot):
    lab, mode = layer
    type_layer(mode, 0, "1 -1; 1/2 1", "0.5 -0.25", "tanh")
    W, b = np.array([[1, -1], [0.5, 1]]), np.array([0.5, -0.25])
    mode.player.set_durations(0.1, 0.02)
    mode.play_layers()
    assert mode.player.playing
    qtbot.waitUntil(lambda: not mode.player.playing, timeout=3000)
    cloud = mode.cloud
    for label, points in enumerate(drawn_points(mode)):
        assert np.allclose(points, np.tanh(cloud.of_class(label) @ W.T + b))
    mode.player.seek(1)  # the first rest: Wx alone
    assert np.allclose(drawn_points(mode)[0], cloud.of_class(0) @ W.T)
    mode.player.seek(2.5)  # σ is pointwise: halfway between z and σ(z)
    z = cloud.of_class(1) @ W.T + b
    assert np.allclose(drawn_points(mode)[1], 0.5 * z + 0.5 * np.tanh(z))


def test_w_follows_a_until_typed(layer):
    lab, mode = layer
    assert mode.settings.layers[0].weights is None
    lab._commit_cell(0, 0, 1)  # A = [[1, 1], [1, 2]]
    W = np.array([[1.0, 1.0], [1.0, 2.0]])
    assert np.allclose(mode.play.motion.layers[0].weights, W)
    assert np.allclose(drawn_points(mode)[0], np.maximum(mode.cloud.of_class(0) @ W.T, 0))


def test_flags_collapse_fold_and_the_separating_line(layer):
    lab, mode = layer
    type_layer(mode, 0, "1 2; 2 4", "0 0", "relu")
    assert "det W = 0" in mode.flags.text() and "ReLU folds the plane" in mode.flags.text()
    type_layer(mode, 0, "1 0; 0 1", "0 0", "none")
    mode.dataset_choice.setCurrentIndex(1)  # two moons: no line separates them as they are
    assert "no line found" in mode.flags.text()
    line = mode.figure.line.points
    assert len(line) == 2
    fit = mode.play.fit
    assert np.allclose(line @ fit.normal + fit.offset, 0, atol=1e-9)


def test_stacking_layers_and_undo(layer):
    lab, mode = layer
    mode.add_button.click()
    mode.add_button.click()
    assert len(mode.settings.layers) == 3 and not mode.add_button.isEnabled()
    assert mode.play.count == 9
    mode.player.finish()
    layers = mode.play.motion.layers
    expected = layers[2](layers[1](layers[0](mode.cloud.of_class(0))))
    assert np.allclose(drawn_points(mode)[0], expected)
    lab.undo_stack.undo()
    assert len(mode.settings.layers) == 2 and not mode.layer_boxes[2][0].isVisibleTo(mode.panel())


def train(mode, qtbot, k):
    mode.units_spin.setValue(k)
    assert mode.settings.hidden_units == k
    mode.train_button.click()
    qtbot.waitUntil(lambda: not mode.training and mode.train_button.isEnabled(), timeout=20000)
    return mode.accuracy


def test_two_hidden_units_cannot_separate_a_disc_inside_a_ring_three_can(layer, qtbot):
    lab, mode = layer
    mode.tabs.setCurrentIndex(1)
    assert mode.settings.dataset == "circles"
    accuracy_2 = train(mode, qtbot, 2)
    assert mode.progress.value() == TRAINING_STEPS
    assert accuracy_2 < 0.92
    assert "ring still surrounds the disc" in mode.train_figure.caption.text()
    accuracy_3 = train(mode, qtbot, 3)
    assert accuracy_3 >= 0.97
    steps, losses = zip(*mode.losses)
    assert steps[-1] == TRAINING_STEPS and losses[-1] < losses[0]
    curve = mode.train_figure.loss_curve.getData()
    assert len(curve[0]) == len(mode.losses)


def test_stop_ends_training_early(layer, qtbot):
    lab, mode = layer
    mode.train_button.click()
    qtbot.waitUntil(lambda: mode.progress.value() > 0, timeout=5000)
    mode.stop_button.click()
    qtbot.waitUntil(lambda: mode.train_button.isEnabled(), timeout=5000)
    assert not mode.training
    assert mode.worker.training.steps_done < TRAINING_STEPS
    assert mode.losses[-1][0] == mode.worker.training.steps_done


def test_a_new_cloud_forgets_the_trained_network(layer, qtbot):
    lab, mode = layer
    train(mode, qtbot, 3)
    mode.seed_spin.setValue(5)
    mode.seed_spin.editingFinished.emit()
    assert mode.settings.seed == 5 and mode.network is None and mode.losses == []


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_exported_pictures_of_both_pages(layer, qtbot, tmp_path, theme):
    lab, mode = layer
    layer_path = lab.export_picture(tmp_path / "layer.png", (1600, 1000), theme)
    mode.tabs.setCurrentIndex(1)
    train(mode, qtbot, 3)
    train_path = lab.export_picture(tmp_path / "train.png", (1600, 1000), theme)
    for path in (layer_path, train_path):
        image = np.asarray(Image.open(path).convert("RGB")).astype(int)
        assert image.shape == (1000, 1600, 3)
        assert (image[5, 5].sum() < 100) == (theme == "dark")
        assert len(np.unique(image.reshape(-1, 3), axis=0)) > 50


def test_each_rest_is_framed_on_its_own_after_relu_one_quadrant_fills_the_view(layer):
    lab, mode = layer
    type_layer(mode, 0, "1 -1; 1 1", "0 -0.5", "relu")
    mode.player.finish()
    W, b = np.array([[1, -1], [1, 1]]), np.array([0, -0.5])
    output = np.maximum(mode.cloud.points @ W.T + b, 0)
    assert np.allclose(np.vstack(drawn_points(mode)), np.vstack([output[mode.cloud.labels == k] for k in (0, 1)]))
    (left, right), (bottom, top) = mode.figure.plot.getViewBox().viewRange()
    low, high = output.min(axis=0), output.max(axis=0)
    assert left <= low[0] and high[0] <= right and bottom <= low[1] and high[1] <= top
    assert left > -0.5 * (high[0] - low[0]) and bottom > -0.5 * (high[1] - low[1])  # not the whole plane
    assert max((high - low) / np.array([right - left, top - bottom])) > 0.6
    mode.player.seek(1)  # Wx: the cloud turned and stretched by √2 about the origin, framed round it
    (left, right), _ = mode.figure.plot.getViewBox().viewRange()
    moved = mode.cloud.points @ W.T
    assert left <= moved[:, 0].min() and moved[:, 0].max() <= right and left < -1
