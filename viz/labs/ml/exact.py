"""Exact numbers that are not rational: the square roots singular values and spreads need.

The kernel holds c·√n (:class:`kernels.Radical`) and the roots p ± q√d of a quadratic
(:class:`kernels.algebraic.QuadraticSurd`). A singular value is the square root of such a
root, √(p + q√d): often it comes apart into √x ± √y (:func:`square_root_of_surd`), which is
how the golden ratio (1 + √5)/2 appears as a singular value of the shear [[1, 1], [0, 1]].
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from kernels import Radical, exact_sqrt
from kernels.algebraic import QuadraticSurd
from kernels.notation import scalar_text

#: An exact form longer than this is shown by its decimal (``≈2.61``); JSON keeps it whole.
READABLE_CHARS = 32


@dataclass(frozen=True)
class RadicalSum:
    """``first + second``, two radicals c·√n, such as 1/2 + √5/2 or √5/2 − 1/2.

    >>> s = RadicalSum(exact_sqrt(5, Fraction(1, 2)), exact_sqrt(1, Fraction(-1, 2)))
    >>> s.text(), s.ascii(), s.latex(), round(float(s), 6)
    ('√5/2 − 1/2', 'sqrt(5)/2 - 1/2', '\\\\frac{\\\\sqrt{5}}{2} - \\\\frac{1}{2}', 0.618034)
    """

    first: Radical
    second: Radical

    def __float__(self) -> float:
        return float(self.first) + float(self.second)

    def _join(self, render, minus: str) -> str:
        second = self.second
        negative = second.coefficient < 0
        magnitude = Radical(-second.coefficient, second.radicand) if negative else second
        return f"{render(self.first)} {minus if negative else '+'} {render(magnitude)}"

    def text(self) -> str:
        return self._join(Radical.text, "−")

    def ascii(self) -> str:
        return self._join(Radical.ascii, "-")

    def latex(self) -> str:
        return self._join(Radical.latex, "-")


@dataclass(frozen=True)
class NestedRoot:
    """√(p + q√d): the square root of an irrational root of a quadratic, kept as it is.

    >>> root = NestedRoot(QuadraticSurd(Fraction(3), Fraction(1), 2))
    >>> root.text(), root.ascii(), round(float(root), 6)
    ('√(3 + √2)', 'sqrt(3 + sqrt(2))', 2.101003)
    """

    square: QuadraticSurd

    def _inside(self) -> RadicalSum:
        s = self.square
        return RadicalSum(exact_sqrt(1, s.rational), exact_sqrt(s.radicand, s.coefficient))

    def __float__(self) -> float:
        return math.sqrt(abs(self.square.value))  # the root of a σ² ≥ 0: real and positive

    def text(self) -> str:
        return f"√({self._inside().text()})"

    def ascii(self) -> str:
        return f"sqrt({self._inside().ascii()})"

    def latex(self) -> str:
        return f"\\sqrt{{{self._inside().latex()}}}"


ExactNumber = Radical | RadicalSum | NestedRoot


def square_root_of_surd(square: QuadraticSurd) -> RadicalSum | NestedRoot:
    """√(p + q√d) as √x ± √y when it comes apart, else as it is.

    (√x ± √y)² = x + y ± 2√(xy), so x + y = p and 4xy = q²d: x and y are the roots of
    t² − p·t + q²d/4, that is (p ± r)/2 with r = √(p² − q²d), rational exactly when p² − q²d is
    a square. For σ² of a 2×2 matrix p² − q²d = σ₁²σ₂² = (det M)², always a square: so
    σ₁, σ₂ = (√(‖M‖² + 2|det M|) ± √(‖M‖² − 2|det M|))/2, with ‖M‖² the sum of the squared entries.

    >>> square_root_of_surd(QuadraticSurd(Fraction(3, 2), Fraction(1, 2), 5)).text()   # √((3 + √5)/2)
    '1/2 + √5/2'
    >>> square_root_of_surd(QuadraticSurd(Fraction(3), Fraction(1), 2)).text()         # 9 − 2 is no square
    '√(3 + √2)'
    """
    p, q, d = square.rational, square.coefficient, square.radicand
    r = exact_sqrt(p * p - q * q * d)
    if not r.is_rational:
        return NestedRoot(square)
    x, y = (p + r.coefficient) / 2, (p - r.coefficient) / 2
    larger, smaller = exact_sqrt(x), exact_sqrt(y, 1 if q > 0 else -1)
    if q > 0 and smaller.is_rational:  # a rational part first, as in 1/2 + √5/2
        return RadicalSum(smaller, larger)
    return RadicalSum(larger, smaller)  # a difference starts with the larger: √5/2 − 1/2


def exact_square_root(square) -> ExactNumber | None:
    """√square exactly, for a Fraction or a quadratic surd of the kernel; ``None`` for other numbers.

    >>> exact_square_root(Fraction(8)).text(), exact_square_root(2.0) is None
    ('2√2', True)
    """
    if isinstance(square, Fraction):
        return exact_sqrt(square)
    if isinstance(square, QuadraticSurd):
        return square_root_of_surd(square)
    return None


def exact_text(exact, value: float) -> str:
    """An exact number (a Fraction, a radical, a surd) with its decimal: ``√5/2 − 1/2 ≈ 0.618034``;
    the decimal alone for a float (``exact`` is ``None``), and ``≈`` the decimal when the exact
    form is too long to read.

    >>> exact_text(exact_sqrt(8), 2.8284271247461903), exact_text(exact_sqrt(4), 2.0), exact_text(None, 0.5)
    ('2√2 ≈ 2.82843', '2', '0.5')
    >>> long = exact_sqrt(2 ** 127 - 1, Fraction(1, 3 ** 40))   # √170141183460469231731687303715884105727/3⁴⁰
    >>> exact_text(long, float(long))
    '≈1.07289'
    """
    if exact is None:
        return scalar_text(value)
    text = scalar_text(exact) if isinstance(exact, Fraction) else exact.text()
    if len(text) > READABLE_CHARS or "≈" in text:  # "≈": a part too long, shown by its decimal
        return f"≈{scalar_text(value)}"
    if "√" not in text and "/" not in text:
        return text  # a whole number needs no decimal
    return f"{text} ≈ {scalar_text(value)}"
