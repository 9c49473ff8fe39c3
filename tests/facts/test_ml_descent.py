"""Gradient descent of the ML lab: the iterates against a plain loop, and every verdict from the
eigenvalues against what the iterates actually do, on both sides of each boundary."""

import math
from fractions import Fraction

import numpy as np
import pytest

from kernels import Matrix, Vector, parse_matrix, parse_scalar
from viz.labs.ml.descent import (
    MAX_STEPS,
    PRESETS,
    best_learning_rate,
    best_momentum,
    descend,
    direction_rate,
    quadratic,
    verdict,
)


def loop(A, b, start, alpha, beta, steps):
    """The textbook heavy ball, one step at a time: x ← x − α(Ax − b) + β(x − x_previous)."""
    A, b = np.array(A, dtype=float), np.array(b, dtype=float)
    x = np.array(start, dtype=float)
    previous, path = x.copy(), [x.copy()]
    for _ in range(steps):
        x, previous = x - alpha * (A @ x - b) + beta * (x - previous), x
        path.append(x.copy())
    return np.array(path)


@pytest.mark.parametrize("matrix, b, start, alpha, beta", [
    ("3 1; 1 2", None, "2 1", "0.1", "0"),
    ("3 1; 1 2", "1 -1", "2 1", "0.3", "0.5"),
    ("2 1; -1 4", "0 1", "-1 3", "0.2", "0.3"),  # not symmetric: A is its symmetric part
    ("4 1 0; 1 3 1; 0 1 2", "1 2 3", "0 0 0", "0.2", "0.7"),
    ("1 2; 2 1", None, "1 0.5", "0.1", "0"),  # a saddle: the iterates run away
])
def test_iterates_match_the_step_by_step_loop(matrix, b, start, alpha, beta):
    M = parse_matrix(matrix)
    bowl = quadratic(M, None if b is None else Vector(parse_matrix(b).rows[0]))
    A = (np.array(M.to_floats()) + np.array(M.to_floats()).T) / 2
    expected = loop(A, [float(x) for x in bowl.b], [float(x) for x in start.split()], float(alpha),
                    float(beta), 300)
    run = descend(bowl, [float(x) for x in start.split()], float(alpha), float(beta), 300)
    scale = np.abs(expected).max(axis=1, keepdims=True) + 1
    assert np.allclose(run.path, expected, rtol=0, atol=1e-12 * scale.max())
    assert np.allclose(run.losses, [0.5 * x @ A @ x - x @ np.array([float(v) for v in bowl.b]) for x in expected],
                       rtol=1e-9, atol=1e-12)


def error_growth(bowl, alpha, beta, steps=400, start=(1.0, -0.7)):
    """|x_k − x*| at the end over the largest at the start, from the step-by-step loop."""
    A = np.array(bowl.A.to_floats())
    path = loop(A, [0, 0], start, float(alpha), float(beta), steps)
    sizes = np.abs(path).max(axis=1)
    return sizes[-20:].max() / sizes[:20].max()


LAMBDAS = (Fraction(10), Fraction(1))  # A = diag(10, 1): 2/λ_max = 1/5


@pytest.mark.parametrize("beta", [Fraction(0), Fraction(1, 2), Fraction(9, 10)])
@pytest.mark.parametrize("factor", [Fraction(1, 100), Fraction(1, 2), Fraction(99, 100), Fraction(1),
                                    Fraction(101, 100), Fraction(3, 2)])
def test_the_verdict_is_what_the_iterates_do(beta, factor):
    """α = factor × (2 + 2β)/λ_max: converges below the boundary, not at it, diverges above."""
    bowl = quadratic(Matrix([[LAMBDAS[0], 0], [0, LAMBDAS[1]]]))
    alpha = factor * (2 + 2 * beta) / LAMBDAS[0]
    result = verdict(bowl, alpha, beta)
    steps = 400 if result.rate >= 1 else min(20_000, int(math.log(1e-4) / math.log(result.rate)) + 40)
    growth = error_growth(bowl, alpha, beta, steps)
    assert result.converges == (factor < 1)
    if factor < 1:
        assert growth < 1e-3 and result.rate < 1
    elif factor == 1:
        assert 1e-2 < growth and result.rate == pytest.approx(1) and "reaches" in result.sentence
    else:
        assert growth > 10 and result.rate > 1 and "grows" in result.sentence


def test_the_boundary_is_decided_exactly():
    """αλ = 2 exactly for α = 1/50 and λ = 100: on the edge, whatever 0.02 · 100 rounds to."""
    bowl = quadratic(parse_matrix("100 0; 0 1"))
    assert not verdict(bowl, parse_scalar("0.02")).converges
    assert verdict(bowl, parse_scalar("0.0199999999999")).converges
    assert not verdict(bowl, parse_scalar("0.0200000000001")).converges
    assert "never settles" in verdict(bowl, Fraction(1, 50)).directions[0]


@pytest.mark.parametrize("matrix, alpha, beta", [
    ("3 1; 1 2", "0.1", "0"), ("3 1; 1 2", "0.45", "0"), ("3 1; 1 2", "0.3", "0.4"),
    ("10 0; 0 1", "0.1", "0.9"), ("4 1 0; 1 3 1; 0 1 2", "0.2", "0.2"),
])
def test_predicted_rate_is_the_observed_rate(matrix, alpha, beta):
    bowl = quadratic(parse_matrix(matrix))
    a, b = parse_scalar(alpha), parse_scalar(beta)
    result = verdict(bowl, a, b)
    run = descend(bowl, [1.0, -2.0, 0.5][:bowl.dimension], a, b, 400)
    assert run.observed_rate == pytest.approx(result.rate, rel=0.01)


def test_the_rate_formula_against_the_step_matrix():
    """max |μ| of [[1 + β − αλ, −β], [1, 0]], computed by numpy, for many α, β, λ."""
    rng = np.random.default_rng(1)
    for _ in range(200):
        lam, alpha, beta = rng.uniform(0.1, 10), rng.uniform(0.01, 1), rng.uniform(0, 0.99)
        step = np.array([[1 + beta - alpha * lam, -beta], [1, 0]])
        assert direction_rate(lam, alpha, beta) == pytest.approx(max(abs(np.linalg.eigvals(step))), rel=1e-9)
        assert (direction_rate(lam, alpha, beta) < 1) == (0 < alpha * lam < 2 + 2 * beta)


def test_best_learning_rate():
    bowl = quadratic(parse_matrix("50.5 49.5; 49.5 50.5"))  # eigenvalues 100 and 1
    alpha, rate = best_learning_rate(bowl)
    assert (alpha, rate) == (Fraction(2, 101), Fraction(99, 101))  # exact: (κ − 1)/(κ + 1), κ = 100
    assert verdict(bowl, alpha).rate == pytest.approx(float(rate))
    for nearby in (alpha * Fraction(99, 100), alpha * Fraction(101, 100)):
        assert verdict(bowl, nearby).rate > verdict(bowl, alpha).rate


def test_best_momentum():
    bowl = quadratic(parse_matrix("100 0; 0 1"))
    alpha, beta, rate = best_momentum(bowl)
    assert alpha == pytest.approx((2 / 11) ** 2) and beta == pytest.approx((9 / 11) ** 2)
    assert rate == pytest.approx(9 / 11)  # (√κ − 1)/(√κ + 1), against 99/101 without momentum
    assert verdict(bowl, alpha, beta).rate == pytest.approx(rate, rel=1e-6)
    for a, b in ((alpha * 1.05, beta), (alpha * 0.95, beta), (alpha, beta * 1.05), (alpha, beta * 0.95)):
        assert verdict(bowl, a, b).rate > rate


@pytest.mark.parametrize("matrix, shape, words", [
    ("3 1; 1 2", "bowl", "every eigenvalue of A is positive"),
    ("1 2; 2 1", "saddle", "both signs (3, −1)"),
    ("1 1; 1 1", "valley", "a zero eigenvalue (2, 0)"),
    ("0 -1; 1 0", "valley", "a zero eigenvalue (0, 0)"),  # a rotation: its symmetric part is 0
    ("-1 0; 0 -2", "dome", "every eigenvalue of A is negative"),
    ("0 0; 0 -1", "ridge", "no positive one"),
    ("2 0 0; 0 1 0; 0 0 -1", "saddle", "both signs"),
])
def test_shapes(matrix, shape, words):
    bowl = quadratic(parse_matrix(matrix))
    assert bowl.shape == shape and words in bowl.shape_sentence()
    assert bowl.is_positive_definite == (shape == "bowl")
    result = verdict(bowl, Fraction(1, 10))
    assert result.converges == (shape == "bowl")
    if shape != "bowl":
        assert result.sentence.startswith("cannot converge") and shape in result.sentence
        with pytest.raises(ValueError, match="no a best learning rate|there is no"):
            best_learning_rate(bowl)


def test_a_saddle_runs_away_along_its_negative_direction():
    bowl = quadratic(parse_matrix("1 2; 2 1"))  # λ = 3 along (1, 1), −1 along (1, −1)
    run = descend(bowl, [1.0, 0.0], 0.1, 0, 200)
    along_negative = run.path @ np.array([1, -1]) / math.sqrt(2)
    assert abs(along_negative[-1]) > 1e8 * abs(along_negative[0])
    assert abs(run.path[-1] @ np.array([1, 1])) < 1e-6


def test_a_valley_without_a_minimiser_has_no_errors_to_measure():
    run = descend(quadratic(parse_matrix("1 1; 1 1")), [1.0, 0.0], 0.1, 0, 50)
    assert run.errors is None and run.observed_rate is None
    assert run.path[-1] == pytest.approx([0.5, -0.5], abs=1e-4)  # slides down to the valley floor
    assert run.path[-1] @ [1, -1] == pytest.approx(1.0)  # along the floor it never moves


def test_divergence_stops_before_the_float_range_ends():
    bowl = quadratic(parse_matrix("3 1; 1 2"))
    run = descend(bowl, [2.0, 1.0], 0.9, 0, 5000)
    assert run.diverged_at is not None and len(run.path) == run.diverged_at < 5000
    assert np.isfinite(run.path).all() and np.isfinite(run.losses).all()
    assert run.observed_rate == pytest.approx(verdict(bowl, 0.9).rate, rel=1e-6)


def test_error_per_eigen_direction_shows_the_slow_one():
    bowl = quadratic(parse_matrix("100 0; 0 1"))
    run = descend(bowl, [1.0, 1.0], 0.015, 0, 100)
    fast, slow = run.errors[:, 0], run.errors[:, 1]
    assert fast[-1] < 1e-20 and slow[-1] > 0.2
    assert np.allclose(slow, 0.985 ** np.arange(101))  # exactly (1 − αλ)ᵏ along λ = 1


@pytest.mark.parametrize("preset", PRESETS, ids=lambda p: p.name)
def test_presets_do_what_their_names_say(preset):
    bowl = quadratic(parse_matrix(preset.matrix))
    alpha, beta = parse_scalar(preset.learning_rate), parse_scalar(preset.momentum)
    result = verdict(bowl, alpha, beta)
    run = descend(bowl, [float(x) for x in preset.start.split()], alpha, beta, preset.steps)
    directions = np.column_stack([axis.direction for axis in bowl.axes])
    coordinates = run.path @ directions  # x* = 0: the signed error along each eigenvector
    flips = np.sum(np.diff(np.sign(coordinates), axis=0) != 0, axis=0)
    if preset.name == "zig-zag":
        assert result.converges and flips[0] == preset.steps and flips[1] == 0
        assert 2 / float(bowl.eigenvalues[0]) * 0.98 < alpha < 2 / float(bowl.eigenvalues[0])
        assert sorted(float(v) for v in bowl.eigenvalues) == pytest.approx([1, 100])
    elif preset.name == "ripples":
        assert result.converges and all("ripples" in d for d in result.directions)
        assert 0 < flips.min() < preset.steps // 2  # turns around now and then, not every step
    elif preset.name == "monotonic":
        assert result.converges and flips.sum() == 0
    else:
        assert not result.converges and np.abs(coordinates[-1]).max() > 100 * np.abs(coordinates[0]).max()


@pytest.mark.parametrize("call, words", [
    (lambda q: verdict(q, 0), "learning rate must be positive"),
    (lambda q: verdict(q, -0.1), "learning rate must be positive"),
    (lambda q: verdict(q, 0.1, 1), "momentum β must be at least 0 and below 1"),
    (lambda q: verdict(q, 0.1, -0.1), "momentum"),
    (lambda q: descend(q, [1, 1], 0.1, 0, -1), "from 0 to 100,000, not -1"),
    (lambda q: descend(q, [1, 1], 0.1, 0, MAX_STEPS + 1), "from 0 to 100,000"),
    (lambda q: descend(q, [1, 1, 1], 0.1), "the start must have 2 components"),
    (lambda q: descend(q, [1e200, 1], 0.1), "too far out"),
    (lambda q: quadratic(parse_matrix("1 2 3; 4 5 6")), "square"),
    (lambda q: quadratic(parse_matrix("1 0; 0 1"), Vector([1, 2, 3])), "b must have 2 components"),
    (lambda q: quadratic(Matrix([[1, 1j], [0, 1]])), "complex"),
])
def test_bad_settings_are_refused(call, words):
    with pytest.raises(ValueError, match=words):
        call(quadratic(parse_matrix("3 1; 1 2")))


def test_zero_steps_is_the_start():
    run = descend(quadratic(parse_matrix("3 1; 1 2")), [2, 1], 0.1, 0, 0)
    assert run.path.tolist() == [[2.0, 1.0]] and run.losses.tolist() == [9.0]
