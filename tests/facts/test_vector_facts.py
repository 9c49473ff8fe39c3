"""Dot products and spans in words, checked against numpy and exact arithmetic."""

from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels import Vector
from viz.vector_facts import dot_facts, reach_target, span_facts

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
