"""Dot products and spans in words, checked against numpy and exact arithmetic."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels import Vector
from viz.vector_facts import dot_facts, new_vector_direction, reach_target, span_facts

components = st.integers(min_value=-9, max_value=9)


@settings(max_examples=60, deadline=None)
@given(st.lists(components, min_size=2, max_size=2), st.lists(components, min_size=2, max_size=2))
def test_dot_facts_match_numpy(u, v):
    facts = dot_facts(Vector(u), Vector(v))
    nu, nv = np.array(u, float), np.array(v, float)
    assert facts.dot == int(nu @ nv) and type(facts.dot) is Fraction
    assert float(facts.norm_u) == pytest.approx(np.linalg.norm(nu))
    if np.linalg.norm(nu) and np.linalg.norm(nv):
        cosine = nu @ nv / (np.linalg.norm(nu) * np.linalg.norm(nv))
        assert facts.cosine == pytest.approx(cosine, abs=1e-12)
        assert facts.scalar_projection == pytest.approx(nu @ nv / np.linalg.norm(nv))
        shadow = (nu @ nv) / (nv @ nv) * nv
        assert np.allclose([float(x) for x in facts.projection], shadow)
    else:
        assert facts.cosine is None and "zero vector" in facts.sentence


@pytest.mark.parametrize("u, v, words", [
    ([1, 0], [0, 3], "perpendicular"),
    ([1, 1], [2, 2], "the same way"),
    ([1, 1], [-3, -3], "exactly opposite"),
    ([1, 0], [1, 1], "roughly the same way (angle 45° < 90°)"),
    ([1, 0], [-1, 1], "opposing directions (angle 135° > 90°); u reaches 0.7071 against v"),
])
def test_dot_sentences(u, v, words):
    facts = dot_facts(Vector(u), Vector(v))
    assert words in facts.sentence
    assert "Cosine similarity" in facts.ml_note


@pytest.mark.parametrize("u, v, words", [
    # the learner's case: 81.87° is no longer "roughly the same way"
    ([1, 2], [3, -1], "u·v = 1: they are nearly perpendicular (angle 81.87°, cos θ = 0.1414); "
                      "u reaches only 0.3162 along v"),
    ([1, 2], [-3, 1], "nearly perpendicular (angle 98.13°, cos θ = −0.1414); u reaches only 0.3162 against v"),
    ([1, 0], [1, 10], "nearly perpendicular (angle 84.29°, cos θ = 0.0995)"),
    # the edges of the band, 15° either side of 90°: sin 15° = (√6 − √2)/4
    ([1, 0], [0.2588190451025208, 0.9659258262890683], "nearly perpendicular (angle 75°"),
    ([1, 0], [-0.2588190451025208, 0.9659258262890683], "nearly perpendicular (angle 105°"),
    ([1, 0], [0.27, 0.96], "roughly the same way (angle 74.29° < 90°)"),
    ([1, 0], [-0.27, 0.96], "opposing directions (angle 105.7° > 90°)"),
    # near 0° and 180°
    ([1, 0], [10, 1], "they point nearly the same way (angle 5.711°, cos θ = 0.995); u reaches 0.995 along v"),
    ([1, 0], [-10, -1], "in nearly opposite directions (angle 174.3°, cos θ = −0.995); u reaches 0.995 against v"),
    ([1, 0], [3, 1], "roughly the same way (angle 18.43° < 90°)"),
    ([1, 0, 0], [0, 3, 1], "perpendicular — neither has any component"),
    # an angle that 4 digits would round to 90° is not printed as 90°
    ([1, 2], [2, -1.0001], "nearly perpendicular (angle 90.002°, cos θ = −4e−5)"),
])
def test_the_words_for_an_angle_follow_its_band(u, v, words):
    assert words in dot_facts(Vector(u), Vector(v)).sentence


@settings(max_examples=200, deadline=None)
@given(st.lists(components, min_size=2, max_size=3).flatmap(
    lambda u: st.tuples(st.just(u), st.lists(components, min_size=len(u), max_size=len(u)))))
def test_every_angle_gets_the_words_of_its_band(pair):
    u, v = (np.array(x, float) for x in pair)
    facts = dot_facts(Vector(pair[0]), Vector(pair[1]))
    if facts.cosine is None:
        return
    cross = np.linalg.norm(np.cross(np.append(u, 0)[:3], np.append(v, 0)[:3]))
    degrees = np.degrees(np.arctan2(cross, u @ v))  # exact 0 for parallel vectors, unlike arccos
    sentence = facts.sentence
    if u @ v == 0:
        assert "are perpendicular" in sentence
    elif abs(degrees - 90) <= 15 - 1e-9:
        assert "nearly perpendicular" in sentence and "cos θ = " in sentence
    elif degrees < 1e-6 or degrees > 180 - 1e-6:
        assert "the same way;" in sentence or "exactly opposite" in sentence
    elif degrees <= 15 - 1e-9:
        assert "nearly the same way" in sentence
    elif degrees >= 165 + 1e-9:
        assert "nearly opposite" in sentence
    elif 15 + 1e-9 < degrees < 75 - 1e-9:
        assert "roughly the same way" in sentence
    elif 105 + 1e-9 < degrees < 165 - 1e-9:
        assert "in opposing directions" in sentence


@pytest.mark.parametrize("vectors, dimension, verdict", [
    ([[1, 2], [2, 4]], 1, "dependent: 2·v1 − 1·v2 = 0, so v2 adds nothing new"),
    ([[1, 2], [0, 1]], 2, "independent: v1, v2 form a basis of the whole plane"),
    ([[0, 0]], 0, "v1 is the zero vector: the span is just the origin"),
    ([[1, 2], [1, 2]], 1, "dependent: 1·v1 − 1·v2 = 0"),
    ([[1, 0, 0], [0, 1, 0], [1, 1, 0]], 2, "dependent: 1·v1 + 1·v2 − 1·v3 = 0, so v3 adds nothing new "
                                            "to the span; the span is a plane through the origin"),
    ([[1, 0, 0], [0, 1, 0], [0, 0, 1]], 3, "form a basis of all of 3D space"),
])
def test_span_verdicts(vectors, dimension, verdict):
    names = [f"v{i + 1}" for i in range(len(vectors))]
    facts = span_facts([Vector(v) for v in vectors], names)
    assert facts.dimension == dimension
    assert verdict in facts.verdict
    assert facts.dimension == np.linalg.matrix_rank(np.array(vectors, float))


def test_reach_target_exactly_or_says_why():
    ok, coefficients, text = reach_target(Vector([3, 5]), [Vector([1, 2]), Vector([0, 1])], ["v1", "v2"])
    assert ok and coefficients == (3, -1) and text == "(3, 5) = 3·v1 − 1·v2"
    ok, coefficients, text = reach_target(Vector([1, 0]), [Vector([1, 2]), Vector([2, 4])], ["v1", "v2"])
    assert not ok and coefficients is None and "y = 2x" in text


def _on_one_line(u, w) -> bool:
    u, w = np.array(u, float), np.array(w, float)
    return bool(np.linalg.norm(u) and np.linalg.norm(w)
                and np.linalg.matrix_rank(np.array([u, w]), tol=1e-9 * np.linalg.norm(u) * np.linalg.norm(w)) < 2)


@pytest.mark.parametrize("existing, expected", [
    ([[1, 2]], [2, 1]),  # the default v: the new vector is its mirror image, not î
    ([[1, 2], [2, 1]], [-1, 2]),
    ([[2, 1]], [-1, 2]),
    ([[1, 2, 1]], [2, -1, 1]),
])
def test_a_new_vector_points_off_the_axes_and_off_the_others(existing, expected):
    assert new_vector_direction([Vector(v) for v in existing], len(existing[0])) == Vector(expected)


@settings(max_examples=150, deadline=None)
@given(st.integers(2, 3).flatmap(lambda n: st.tuples(
    st.just(n), st.lists(st.lists(components, min_size=n, max_size=n), max_size=12))))
def test_a_new_direction_lies_on_no_axis_and_along_no_vector(case):
    n, existing = case
    direction = new_vector_direction([Vector(v) for v in existing], n)
    assert len(direction) == n and all(x != 0 for x in direction)  # off the axes (and, in 3D, their planes)
    assert not any(_on_one_line(direction, v) for v in existing)


def test_a_new_direction_copes_with_many_vectors_and_extreme_ones():
    lines = [[x, y] for x in range(-3, 4) for y in range(-3, 4)]
    direction = new_vector_direction([Vector(v) for v in lines], 2)
    assert not any(_on_one_line(direction, v) for v in lines)
    huge = [Vector([Fraction(2) ** 3000, 2 ** 2999]), Vector([1e-300, 5e-301]), Vector([0, 0])]
    assert new_vector_direction(huge, 2) == Vector([-1, 2])  # 2 ** 3000 : 2 ** 2999 is (2, 1)
