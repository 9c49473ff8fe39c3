"""The ``info --vectors`` report, without a subprocess (exact square roots: tests/kernels)."""

from fractions import Fraction

import pytest

from kernels import Vector
from viz.vector_facts import span_facts, vectors_report


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
