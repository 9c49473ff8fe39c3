"""Vectors as arrows: dot, norm, angle, projection, cross, combinations and span."""

import math
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels.errors import LinearAlgebraError, ShapeError
from kernels.matrix import Vector
from kernels.vectors import (
    CombinationResult,
    DependencyRelation,
    SpanResult,
    angle,
    combination,
    cross,
    dot,
    linear_combination,
    norm,
    project,
    span,
)

PROPERTY = settings(max_examples=60, deadline=None)
F = Fraction


# -- dot, norm, angle --------------------------------------------------------------------------

def test_dot_is_exact_and_accepts_plain_sequences():
    assert dot((1, 2, 3), Vector([4, 5, 6])) == 32
    assert dot((F(1, 2), F(1, 3)), (2, 3)) == 2 and type(dot((1,), (1,))) is Fraction
    assert dot((0.5, 0.25), (2.0, 4.0)) == 2.0


@pytest.mark.parametrize("v, expected", [
    ((3, 4), F(5)), ((F(3, 5), F(4, 5)), F(1)), ((0, 0), F(0)), ((1, 2, 2), F(3)),
])
def test_norm_is_exact_when_the_square_is_a_rational_square(v, expected):
    length = norm(v)
    assert length == expected and type(length) is Fraction


def test_norm_is_a_float_otherwise_and_never_overflows():
    assert norm((1, 1)) == math.sqrt(2)
    assert norm((F(1, 2), F(1, 2))) == pytest.approx(math.sqrt(0.5))
    assert norm((1e300, 1e300)) == pytest.approx(math.sqrt(2) * 1e300)
    assert norm((1e-300, 1e-300)) == pytest.approx(math.sqrt(2) * 1e-300)
    assert norm((3j, 4)) == 5.0


@pytest.mark.parametrize("u, v, degrees", [
    ((1, 0), (0, 1), 90), ((1, 0), (1, 1), 45), ((1, 1), (-2, -2), 180), ((1, 2), (2, 4), 0),
    ((1.0, 0.0), (0.5, 3 ** 0.5 / 2), 60), ((1e300, 0.0), (0.0, 1e-300), 90),
])
def test_angle(u, v, degrees):
    assert math.degrees(angle(u, v)) == pytest.approx(degrees, abs=1e-9)


def test_angle_is_accurate_for_nearly_parallel_vectors():
    assert angle((1, 0), (1, F(1, 10 ** 9))) == pytest.approx(1e-9, rel=1e-9)
    assert angle((1.0, 0.0), (1.0, 1e-9)) == pytest.approx(1e-9, rel=1e-9)


def test_angle_with_a_zero_vector_is_undefined():
    with pytest.raises(LinearAlgebraError, match="zero vector: it has no direction"):
        angle((0, 0), (1, 2))


def test_shape_mismatches_are_clear():
    with pytest.raises(ShapeError, match="same length, not 2 and 3"):
        dot((1, 2), (1, 2, 3))
    with pytest.raises(ShapeError):
        angle((1, 2), (1, 2, 3))
    with pytest.raises(ShapeError):
        project((1, 2), onto=(1, 2, 3))


# -- projection and cross product --------------------------------------------------------------

def test_projection_is_exact_and_leaves_a_perpendicular_remainder():
    p = project((1, 2), onto=(1, 1))
    assert p == Vector([F(3, 2), F(3, 2)])
    assert dot(Vector([1, 2]) - p, (1, 1)) == 0
    assert project((2, 3), onto=(5, 0)) == Vector([2, 0])
    assert project((1e300, 1e300), onto=(1e300, 0.0)) == Vector([1e300, 0.0])


def test_cannot_project_onto_the_zero_vector():
    with pytest.raises(LinearAlgebraError, match="zero vector"):
        project((1, 2), onto=(0, 0))


def test_cross_product():
    assert cross((1, 0, 0), (0, 1, 0)) == Vector([0, 0, 1])
    assert cross((0, 1, 0), (1, 0, 0)) == Vector([0, 0, -1])
    assert cross((1, 2, 3), (2, 4, 6)) == Vector([0, 0, 0])
    with pytest.raises(ShapeError, match="3D vectors only"):
        cross((1, 2), (3, 4))


def test_linear_combination():
    assert linear_combination([2, -1], [(1, 0), (0, 1)]) == Vector([2, -1])
    assert linear_combination([F(1, 2)], [(2, 4)]) == Vector([1, 2])
    with pytest.raises(ShapeError, match="2 coefficients for 1 vectors"):
        linear_combination([1, 2], [(1, 0)])
    with pytest.raises(ShapeError, match="same space"):
        linear_combination([1, 1], [(1, 0), (1, 0, 0)])
    with pytest.raises(ShapeError, match="at least one vector"):
        linear_combination([], [])


# -- span --------------------------------------------------------------------------------------

def test_span_of_a_dependent_set():
    result = span([(1, 2), (2, 4), (0, 1)])
    assert isinstance(result, SpanResult)
    assert result.dimension == 2 and result.basis_indices == (0, 2)
    assert result.basis == (Vector([1, 2]), Vector([0, 1]))
    assert result.relation == DependencyRelation((2, -1, 0), "2·v1 − 1·v2 + 0·v3 = 0", 1)


def test_span_of_an_independent_set_has_no_relation():
    result = span([(1, 0, 0), (1, 1, 0), (1, 1, 1)])
    assert result.dimension == 3 and result.relation is None


def test_span_of_the_zero_vector():
    result = span([(0, 0)])
    assert (result.dimension, result.basis, result.basis_indices) == (0, (), ())
    assert result.relation.text == "1·v1 = 0" and result.relation.redundant == 0


def test_repeated_vectors_are_dependent():
    result = span([(1, 2, 3), (1, 2, 3)])
    assert result.dimension == 1 and result.relation.text == "1·v1 − 1·v2 = 0"


def test_relation_coefficients_are_coprime_integers_with_a_positive_lead():
    result = span([(F(1, 2), 0), (F(1, 3), 0)])
    assert result.relation.coefficients == (2, -3)
    result = span([(0, 1), (2, 0), (-3, 0)], names=["a", "b", "c"])
    assert result.relation.text == "0·a + 3·b + 2·c = 0" and result.relation.redundant == 2


def test_span_of_floats():
    result = span([(0.5, 1.0), (1.0, 2.0)])
    assert result.dimension == 1
    assert result.relation.coefficients == (2.0, -1.0)


def test_span_of_nothing_is_the_origin():
    assert span([]) == SpanResult(0, (), (), None)


def test_span_shape_and_name_errors():
    with pytest.raises(ShapeError, match="v2 has 3 components but v1 has 2"):
        span([(1, 2), (1, 2, 3)])
    with pytest.raises(ShapeError, match="1 names were given for 2 vectors"):
        span([(1, 2), (3, 4)], names=["a"])


# -- combination -------------------------------------------------------------------------------

def test_reachable_combination_is_exact():
    result = combination((3, 5), [(1, 2), (2, 3)])
    assert result == CombinationResult(True, (1, 1), "(3, 5) = 1·v1 + 1·v2")
    assert combination((1, 0), [(2, 0), (0, 3)]).explanation == "(1, 0) = (1/2)·v1 + 0·v2"


def test_infinitely_many_combinations_give_one_and_say_so():
    result = combination((3, 3), [(1, 1), (2, 2), (0, 1)])
    assert result.reachable and result.coefficients == (3, 0, 0)
    assert result.explanation.endswith(
        "one of infinitely many ways, because the vectors are dependent")


@pytest.mark.parametrize("target, vectors, reason", [
    ((1, 0), [(1, 2), (2, 4)], "they only reach the line y = 2x"),
    ((0, 1), [(3, 0)], "it only reaches the x-axis"),
    ((1, 1), [(0, 0)], "it only reaches the origin"),
    ((1, 0, 0), [(1, 2, 3)], "it only reaches the line through the origin along (1, 2, 3)"),
    ((0, 0, 1), [(1, 0, 1), (0, 1, 1)], "they only reach the plane x + y − z = 0"),
    ((1, 0, 0, 0), [(0, 1, 0, 0), (0, 0, 1, 0)], "a 2-dimensional subspace of 4-dimensional space"),
])
def test_unreachable_targets_say_what_the_vectors_do_reach(target, vectors, reason):
    result = combination(target, vectors)
    assert not result.reachable and result.coefficients is None
    assert result.explanation.endswith(reason)
    assert "is not in the span of v1" in result.explanation


def test_combination_shape_errors():
    with pytest.raises(ShapeError, match="target has 3 components but the vectors have 2"):
        combination((1, 2, 3), [(1, 2)])
    with pytest.raises(ShapeError, match="at least one vector"):
        combination((1, 2), [])


# -- properties --------------------------------------------------------------------------------

small = st.integers(-4, 4)


@st.composite
def vector_sets(draw):
    length = draw(st.integers(1, 4))
    count = draw(st.integers(1, 5))
    return [draw(st.lists(small, min_size=length, max_size=length)) for _ in range(count)]


@PROPERTY
@given(vector_sets())
def test_span_dimension_matches_numpy_and_the_relation_adds_to_zero(vectors):
    result = span(vectors)
    assert result.dimension == np.linalg.matrix_rank(np.array(vectors, dtype=float).T)
    assert result.basis == tuple(Vector(vectors[i]) for i in result.basis_indices)
    if result.relation is None:
        assert result.dimension == len(vectors)
        return
    coefficients = result.relation.coefficients
    assert all(c.denominator == 1 for c in coefficients)
    assert next(c for c in coefficients if c != 0) > 0
    assert all(x == 0 for x in linear_combination(coefficients, vectors))
    assert coefficients[result.relation.redundant] != 0


@PROPERTY
@given(vector_sets(), st.lists(small, min_size=4, max_size=4))
def test_combination_coefficients_rebuild_the_target(vectors, entries):
    target = Vector(entries[:len(vectors[0])])
    result = combination(target, vectors)
    if result.reachable:
        assert linear_combination(result.coefficients, vectors) == target
    else:
        assert span(vectors + [target]).dimension == span(vectors).dimension + 1


@PROPERTY
@given(st.lists(small, min_size=3, max_size=3), st.lists(small, min_size=3, max_size=3))
def test_cross_is_perpendicular_and_matches_numpy(u, v):
    w = cross(u, v)
    assert dot(w, u) == 0 == dot(w, v)
    assert list(w) == np.cross(u, v).tolist()
    assert norm(w) ** 2 == pytest.approx(float(dot(u, u) * dot(v, v) - dot(u, v) ** 2))


@PROPERTY
@given(st.lists(st.floats(-1e3, 1e3), min_size=1, max_size=5))
def test_norm_matches_numpy(entries):
    scale = max(abs(x) for x in entries) or 1.0  # numpy squares first: tiny entries underflow
    expected = scale * float(np.linalg.norm(np.array(entries) / scale))
    assert norm(entries) == pytest.approx(expected, rel=1e-12)
