"""Exact square roots and the ``info --vectors`` report, without a subprocess."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels import Vector, parse_scalar
from viz.vector_facts import exact_sqrt, span_facts, vectors_report

rationals = st.fractions(min_value=0, max_value=10**6, max_denominator=10**4)


@settings(max_examples=100, deadline=None)
@given(rationals, st.fractions(min_value=-50, max_value=50, max_denominator=50))
def test_exact_sqrt_is_simplified_and_right(square, scale):
    root = exact_sqrt(square, scale)
    assert root.coefficient ** 2 * root.radicand == scale ** 2 * square   # exactly c²n = s²q
    assert all(root.radicand % (p * p) for p in range(2, 100))          # squarefree (small factors)
    assert float(root) == pytest.approx(float(scale) * math.sqrt(square))
    assert float(parse_scalar(root.ascii())) == pytest.approx(float(root))


@pytest.mark.parametrize("vectors, shape", [
    ([[5]], "the whole line"),
    ([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0]], "a 3-dimensional subspace through the origin"),
    ([[1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1]], "all of 4-dimensional space"),
])
def test_span_shapes_in_other_dimensions(vectors, shape):
    names = [f"v{i + 1}" for i in range(len(vectors))]
    assert span_facts([Vector(v) for v in vectors], names).shape == shape


def test_report_refuses_ragged_vectors_and_a_wrong_target():
    with pytest.raises(ValueError, match="vector 2 has 3 components, vector 1 has 2"):
        vectors_report([Vector([1, 2]), Vector([1, 2, 3])])
    with pytest.raises(ValueError, match="the target has 3 components, but the vectors have 2"):
        vectors_report([Vector([1, 2])], Vector([1, 2, 3]))


def test_redundant_vector_as_a_combination_of_the_others():
    report = vectors_report([Vector([2, 0]), Vector([0, 3]), Vector([1, 1])])
    coefficients, names = report.redundant_as
    assert names == ("v1", "v2") and coefficients == (Fraction(1, 2), Fraction(1, 3))
