"""The neural-layer view's maths: activations, the staged motion, the separating line, the network's
gradients (against finite differences), the disc-in-a-ring lesson, and the PCA view's geometry
(against numpy's SVD of the centred data)."""

import numpy as np
import pytest

from kernels import Matrix, parse_matrix
from viz.labs.ml import layer_settings, pca_settings
from viz.labs.ml.datasets import DATASETS, two_class_cloud
from viz.labs.ml.layer_picture import LayerPlay, line_ends
from viz.labs.ml.layer_settings import LayerSettings, LayerSpec
from viz.labs.ml.network import (
    ACTIVATIONS,
    Layer,
    LayerMotion,
    Training,
    activate,
    fit_line,
    gradients,
    initial_network,
    layer_flags,
    slope,
)
from viz.labs.ml.pca import generate_clusters, principal_components, whiten
from viz.labs.ml.pca_picture import PcaSteps
from viz.labs.ml.pca_settings import PcaSettings
from viz.session import SessionError


# -- activations and layers ----------------------------------------------------------------------
@pytest.mark.parametrize("name", ACTIVATIONS)
def test_slope_is_the_derivative_of_the_activation(name):
    z = np.array([-2.3, -0.7, 0.4, 1.9])  # away from ReLU's kink at 0
    h = 1e-6
    numeric = (activate(name, z + h) - activate(name, z - h)) / (2 * h)
    assert np.allclose(slope(name, z), numeric, atol=1e-6)


def test_sigmoid_is_one_over_one_plus_e_to_the_minus_z():
    z = np.linspace(-30, 30, 13)
    assert np.allclose(activate("sigmoid", z), 1 / (1 + np.exp(-z)))


def test_the_motion_rests_on_wx_then_plus_b_then_sigma_and_ends_on_the_layer():
    layers = [Layer(np.array([[2.0, 1.0], [-1.0, 1.0]]), np.array([0.5, -0.25]), "tanh"),
              Layer(np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([0.0, 1.0]), "relu")]
    motion = LayerMotion(layers)
    x = np.random.default_rng(3).normal(size=(50, 2))
    rests = motion.rests(x)
    W, b = layers[0].weights, layers[0].bias
    assert np.allclose(motion.at(rests, 1), x @ W.T)
    assert np.allclose(motion.at(rests, 2), x @ W.T + b)
    assert np.allclose(motion.at(rests, 3), np.tanh(x @ W.T + b))
    assert np.allclose(motion.at(rests, motion.count), layers[1](layers[0](x)))
    assert np.allclose(motion.at(rests, 0.999999), x @ W.T, atol=1e-4)  # the matrix path ends on W
    z = x @ W.T + b  # σ is pointwise: halfway is halfway between z and σ(z)
    assert np.allclose(motion.at(rests, 2.5), 0.5 * z + 0.5 * np.tanh(z))
    assert motion.stage_title(6) == "layer 2: σ"


def test_flags_say_when_w_collapses_the_plane_and_relu_folds_it():
    x = np.array([[1.0, 2.0], [-1.0, 0.5], [0.2, -3.0]])
    flat = Layer(np.array([[1.0, 2.0], [2.0, 4.0]]), np.zeros(2), "relu")
    flags = layer_flags(flat, x)
    assert flat.collapses and "det W = 0" in flags[0] and "onto a line" in flags[0]
    assert "ReLU folds the plane" in flags[1]
    assert "33%" in flags[1]  # only W·(0.2, −3) = (−5.8, −11.6) has a negative coordinate
    assert not Layer(np.eye(2), np.zeros(2), "tanh").collapses


# -- is a line enough? ------------------------------------------------------------------------------
def test_a_line_separates_two_distant_blobs():
    rng = np.random.default_rng(0)
    points = np.concatenate([rng.normal([-3, 1], 0.5, (100, 2)), rng.normal([3, -1], 0.5, (100, 2))])
    labels = np.repeat([0, 1], 100)
    fit = fit_line(points, labels)
    assert fit.separable
    assert np.all((points @ fit.normal + fit.offset > 0) == (labels == 1))


@pytest.mark.parametrize("name", ["xor", "circles"])
def test_no_line_separates_xor_or_a_disc_inside_a_ring(name):
    cloud = two_class_cloud(name, 400, 0.05, seed=2)
    fit = fit_line(cloud.points, cloud.labels)
    assert not fit.separable and fit.accuracy < 0.8
    assert "no line found" in fit.verdict()


def test_the_fitted_line_is_drawn_across_the_frame():
    cloud = two_class_cloud("moons", 200, 0.0, seed=1)
    fit = fit_line(cloud.points, cloud.labels)
    ends = line_ends(fit, (-2, 2, -2, 2))
    assert len(ends) == 2
    assert np.allclose(ends @ fit.normal + fit.offset, 0, atol=1e-9)


# -- the network ------------------------------------------------------------------------------------
@pytest.mark.parametrize("activation", ["tanh", "relu"])
def test_gradients_match_finite_differences(activation):
    cloud = two_class_cloud("moons", 40, 0.1, seed=4)
    network = initial_network(4, activation, seed=7)
    network = network.with_parameters([p + 0.1 for p in network.parameters()])  # biases ≠ 0
    analytic = gradients(network, cloud.points, cloud.labels)
    h = 1e-6
    for index, parameter in enumerate(network.parameters()):
        numeric = np.zeros_like(parameter)
        for position in np.ndindex(parameter.shape):
            changed = [p.copy() for p in network.parameters()]
            changed[index][position] += h
            up = network.with_parameters(changed).loss(cloud.points, cloud.labels)
            changed[index][position] -= 2 * h
            down = network.with_parameters(changed).loss(cloud.points, cloud.labels)
            numeric[position] = (up - down) / (2 * h)
        assert np.allclose(analytic[index], numeric, atol=1e-6), index


def test_training_lowers_the_loss():
    cloud = two_class_cloud("moons", 200, 0.1, seed=0)
    training = Training(initial_network(4, "tanh", seed=0), cloud.points, cloud.labels)
    before = training.network.loss(cloud.points, cloud.labels)
    assert training.run(200) < before / 2


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_two_hidden_units_cannot_pull_the_disc_out_of_the_ring_three_can(seed):
    cloud = two_class_cloud("circles", 400, 0.05, seed=0)
    accuracy = {}
    for k in (2, 3):
        training = Training(initial_network(k, "tanh", seed), cloud.points, cloud.labels)
        training.run(3000)
        accuracy[k] = training.network.accuracy(cloud.points, cloud.labels)
    assert accuracy[2] < 0.92
    assert accuracy[3] >= 0.97


def test_the_hidden_picture_puts_the_decision_line_at_zero():
    cloud = two_class_cloud("circles", 200, 0.05, seed=0)
    network = initial_network(5, "tanh", seed=3)
    drawn = network.hidden_picture(cloud.points)
    scores = network.scores(cloud.points)
    assert np.array_equal(drawn[:, 0] > 0, scores[:, 1] > scores[:, 0])


# -- datasets ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("name", DATASETS)
def test_datasets_are_reproducible_and_balanced(name):
    a, b = two_class_cloud(name, 301, 0.1, seed=5), two_class_cloud(name, 301, 0.1, seed=5)
    assert np.array_equal(a.points, b.points)
    assert a.points.shape == (301, 2) and sorted(set(a.labels.tolist())) == [0, 1]
    assert not np.array_equal(a.points, two_class_cloud(name, 301, 0.1, seed=6).points)


@pytest.mark.parametrize("args", [("squares", 100, 0.1), ("xor", 1, 0.1), ("xor", 100, -0.1)])
def test_bad_dataset_requests_are_refused(args):
    with pytest.raises(ValueError):
        two_class_cloud(*args)


# -- settings in session files --------------------------------------------------------------------------
def test_layer_settings_round_trip():
    settings = LayerSettings(layers=(LayerSpec(), LayerSpec(parse_matrix("1 -1; 1/2 1"), (1, -2), "tanh")),
                             dataset="spiral", seed=9, noise=0.2, count=800, hidden_units=5,
                             training_activation="relu")
    assert layer_settings.settings_from_section(layer_settings.section_of(settings)) == settings


@pytest.mark.parametrize("raw", [[], {"layers": []}, {"layers": [{"activation": "softplus"}]},
                                 {"noise": 2}, {"hidden_units": 9}, {"dataset": "iris"}, {"colour": 1},
                                 {"layers": [{"weights": [[1, 2, 3]]}]}])
def test_bad_layer_settings_are_refused_whole(raw):
    with pytest.raises(SessionError):
        layer_settings.settings_from_section(raw)


def test_pca_settings_round_trip():
    settings = PcaSettings(covariance=parse_matrix("4 2; 2 2"), centres=((0, 0), (3, 1)), count=50,
                           seed=4, whiten=True)
    assert pca_settings.settings_from_section(pca_settings.section_of(settings)) == settings


@pytest.mark.parametrize("raw", [{"source": "web"}, {"covariance": [[1, 2], [2, 1]]},
                                 {"covariance": [[1, 2], [3, 4]]}, {"count": 0}, {"source": "csv"},
                                 {"centres": [[0, 0, 0]], "covariance": [[1, 0], [0, 1]]}])
def test_bad_pca_settings_are_refused_whole(raw):
    with pytest.raises(SessionError):
        pca_settings.settings_from_section(raw)


def test_the_default_cloud_has_covariance_a_a_transpose():
    A = Matrix([[3, 1], [1, 2]])
    data = pca_settings.generated_dataset(PcaSettings(count=20000), A)
    assert np.allclose(np.cov(data.points.T), [[10, 5], [5, 5]], rtol=0.05)


# -- the PCA view's geometry -----------------------------------------------------------------------------
@pytest.fixture
def cloud_pca():
    data = generate_clusters([(2, -1)], parse_matrix("4 2; 2 2"), 400, seed=3)
    return principal_components(data)


def test_the_axes_are_the_singular_directions_scaled_by_the_spread(cloud_pca):
    points = cloud_pca.data.points
    centred = points - points.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    spreads = s / np.sqrt(len(points) - 1)
    tips = PcaSteps(cloud_pca, whitened=False).at(2).tips
    for tip, spread, direction in zip(tips, spreads, vt):
        assert np.isclose(np.linalg.norm(tip), spread)
        assert np.isclose(abs(tip @ direction), spread)  # along ±vᵢ


def test_the_steps_centre_then_project_onto_the_pc1_line(cloud_pca):
    steps = PcaSteps(cloud_pca, whitened=False)
    assert np.allclose(steps.at(0).points, cloud_pca.data.points)
    assert np.allclose(steps.at(1).points.mean(axis=0), 0)
    end = steps.at(3)
    first = cloud_pca.components[0].direction
    assert np.allclose(end.points[:, 0] * first[1] - end.points[:, 1] * first[0], 0)  # on the PC1 line
    residuals = end.residuals[0::2] - end.residuals[1::2]
    assert np.allclose(residuals @ first, 0)  # each residual is perpendicular to PC1
    lost = (residuals ** 2).sum() / (len(residuals) - 1)
    assert np.isclose(lost, float(cloud_pca.components[1].spread ** 2))


def test_whitening_ends_on_a_round_cloud(cloud_pca):
    steps = PcaSteps(cloud_pca, whitened=True)
    end = steps.at(3)
    assert np.allclose(end.points, whiten(cloud_pca))
    assert np.allclose(np.cov(end.points.T), np.eye(2))
    assert np.allclose(end.tips, np.eye(2), atol=1e-12)
    assert np.allclose(steps.at(2.999999).points, end.points, atol=1e-4)


def test_3d_data_are_drawn_in_the_plane_of_pc1_and_pc2():
    data = generate_clusters([(0, 0, 0)], parse_matrix("4 2 0; 2 3 1; 0 1 1"), 500, seed=1)
    pca = principal_components(data)
    tips = PcaSteps(pca, whitened=False).at(2).tips
    assert np.allclose(tips, np.diag([c.spread for c in pca.components[:2]]) * np.sign(np.diag(tips)))


def test_layer_play_ends_on_the_layers_output():
    cloud = two_class_cloud("xor", 100, 0.05, seed=1)
    layers = LayerSettings().layers_for(Matrix([[3, 1], [1, 2]]))
    play = LayerPlay(LayerMotion(layers), cloud)
    end = play.at(play.count)
    assert np.allclose(end.classes[0], layers[0](cloud.of_class(0)))
    assert np.allclose(end.classes[1], layers[0](cloud.of_class(1)))
