"""Exact square roots c·√n: simplified, right to the last digit, and readable three ways."""

import math
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels import ExactDot, Radical, Vector, exact_dot, exact_sqrt, parse_scalar

F = Fraction
rationals = st.fractions(min_value=0, max_value=10**6, max_denominator=10**4)
components = st.integers(min_value=-9, max_value=9)


@settings(max_examples=100, deadline=None)
@given(rationals, st.fractions(min_value=-50, max_value=50, max_denominator=50))
def test_exact_sqrt_is_simplified_and_right(square, scale):
    root = exact_sqrt(square, scale)
    assert root.coefficient ** 2 * root.radicand == scale ** 2 * square   # exactly c²n = s²q
    assert all(root.radicand % (p * p) for p in range(2, 100))          # squarefree (small factors)
    assert float(root) == pytest.approx(float(scale) * math.sqrt(square))
    assert float(parse_scalar(root.ascii())) == pytest.approx(float(root))


@pytest.mark.parametrize("square, scale, text, ascii, latex", [
    (8, 1, "2√2", "2*sqrt(2)", r"2\sqrt{2}"),                      # √8 = √(4·2) = 2√2
    (F(1, 2), 1, "√2/2", "sqrt(2)/2", r"\frac{\sqrt{2}}{2}"),      # √(1/2) = √2/2
    (F(9, 4), 1, "3/2", "3/2", r"\frac{3}{2}"),                   # a perfect square: no root left
    (8, F(-3, 4), "−3√2/2", "-3*sqrt(2)/2", r"-\frac{3\sqrt{2}}{2}"),
    (1, F(-1, 2), "−1/2", "-1/2", r"-\frac{1}{2}"),   # −(1/2)·√1 is rational
    (0, 5, "0", "0", "0"),
    (36, 1, "6", "6", "6"),
])
def test_exact_sqrt_text_ascii_and_latex(square, scale, text, ascii, latex):
    root = exact_sqrt(square, scale)
    assert (root.text(), root.ascii(), root.latex()) == (text, ascii, latex)


def test_a_negative_square_has_no_real_root():
    with pytest.raises(ValueError, match="not real"):
        exact_sqrt(F(-1, 4))


def test_is_rational_when_nothing_is_left_under_the_root():
    assert exact_sqrt(F(4, 9)).is_rational and not exact_sqrt(2).is_rational
    assert Radical(F(0), 5).is_rational                     # 0·√5 is just 0
    assert exact_sqrt(0) == Radical(F(0), 1)


def test_huge_radicands_do_not_overflow_a_float():
    n = 10 ** 400 + 1                                       # too big for float(n)
    assert float(Radical(F(1, 10 ** 200), n)) == pytest.approx(1.0)


def test_exact_dot_at_45_degrees():
    facts = exact_dot(Vector([1, 0]), Vector([1, 1]))
    assert facts == ExactDot(norm_u=Radical(F(1), 1), norm_v=Radical(F(1), 2),
                             cosine=Radical(F(1, 2), 2), scalar_projection=Radical(F(1, 2), 2))


def test_exact_dot_has_no_angle_for_a_zero_vector_and_no_exact_form_for_floats():
    facts = exact_dot(Vector([0, 0]), Vector([3, 4]))
    assert facts.norm_v == Radical(F(5), 1) and facts.cosine is None and facts.scalar_projection is None
    assert exact_dot(Vector([0.5, 1]), Vector([1, 1])) is None


@settings(max_examples=60, deadline=None)
@given(st.lists(components, min_size=3, max_size=3), st.lists(components, min_size=3, max_size=3))
def test_exact_dot_agrees_with_floating_point(u, v):
    facts = exact_dot(Vector(u), Vector(v))
    length_u, length_v = math.hypot(*u), math.hypot(*v)
    assert float(facts.norm_u) == pytest.approx(length_u) and float(facts.norm_v) == pytest.approx(length_v)
    if length_u and length_v:
        product = sum(a * b for a, b in zip(u, v))
        assert float(facts.cosine) == pytest.approx(product / (length_u * length_v), abs=1e-12)
        assert float(facts.scalar_projection) == pytest.approx(product / length_v)
    else:
        assert facts.cosine is None
