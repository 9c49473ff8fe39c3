"""Exact square roots: lengths and cosines written as c·√n instead of rounded decimals.

The length of (1, 1) is √2, not 1.41421; the cosine of 45° is √2/2. For rational input every
such number has the form c·√n with c a fraction and n a *squarefree* whole number (no square
factor left under the root), found by pulling squares out from under the root:
√8 = √(4·2) = 2√2, and √(p/q) = √(pq)/q, so √(1/2) = √2/2.

>>> exact_sqrt(8).text(), exact_sqrt(Fraction(1, 2)).text(), exact_sqrt(Fraction(9, 4)).text()
('2√2', '√2/2', '3/2')
>>> facts = exact_dot(Vector([1, 0]), Vector([1, 1]))     # the angle between them is 45°
>>> facts.norm_v.text(), facts.cosine.text()
('√2', '√2/2')
"""

import math
from dataclasses import dataclass
from fractions import Fraction

from .matrix import Vector
from .notation import scalar_text
from .scalars import format_scalar
from .vectors import dot


def _latex_fraction(value: Fraction) -> str:
    """A fraction in LaTeX: ``\\frac{1}{2}``, ``-\\frac{3}{4}``; a whole number as it is."""
    if value.denominator == 1:
        return format_scalar(value)
    sign = "-" if value < 0 else ""
    return f"{sign}\\frac{{{abs(value.numerator)}}}{{{value.denominator}}}"


@dataclass(frozen=True)
class Radical:
    """``coefficient``·√``radicand``, with the radicand a squarefree whole number (1 when the
    value is rational). Exact text for lengths and cosines: √5, 2√2, −3√2/4.

    >>> root = exact_sqrt(Fraction(1, 2))
    >>> root.text(), root.ascii(), root.latex(), round(float(root), 6)
    ('√2/2', 'sqrt(2)/2', '\\\\frac{\\\\sqrt{2}}{2}', 0.707107)
    >>> exact_sqrt(Fraction(25, 4)).text(), exact_sqrt(8, scale=Fraction(-3, 4)).text()
    ('5/2', '−3√2/2')
    """

    coefficient: Fraction
    radicand: int

    def __float__(self) -> float:
        """c·√n as a float; a huge n goes through an exact integer square root, so no overflow.

        >>> float(exact_sqrt(2))
        1.4142135623730951
        >>> float(Radical(Fraction(1, 10 ** 200), 10 ** 400 + 1))   # 10⁴⁰⁰ is too big for a float
        1.0
        """
        if self.radicand < 2 ** 52:
            return float(self.coefficient) * math.sqrt(self.radicand)
        root = Fraction(math.isqrt(self.radicand << 256), 1 << 128)  # √n to 2⁻¹²⁸, no overflow
        return float(self.coefficient * root)

    @property
    def is_rational(self) -> bool:
        """True when no root is left: √n with n = 1 (or a coefficient of 0).

        >>> exact_sqrt(Fraction(4, 9)).is_rational, exact_sqrt(2).is_rational
        (True, False)
        """
        return self.radicand == 1 or self.coefficient == 0

    def _parts(self) -> tuple[str, int, int]:
        """The coefficient's sign ("-" or ""), numerator size and denominator."""
        c = self.coefficient
        return ("-" if c < 0 else ""), abs(c.numerator), c.denominator

    def text(self) -> str:
        """As a learner writes it, with a true minus sign: ``−3√2/4``."""
        if self.is_rational:
            return scalar_text(self.coefficient)
        sign, top, bottom = self._parts()
        head = ("" if top == 1 else str(top)) + f"√{self.radicand}"
        return ("−" if sign else "") + head + ("" if bottom == 1 else f"/{bottom}")

    def ascii(self) -> str:
        """As ``linear-lens`` reads it back: ``-3*sqrt(2)/4``."""
        if self.is_rational:
            return format_scalar(self.coefficient)
        sign, top, bottom = self._parts()
        head = ("" if top == 1 else f"{top}*") + f"sqrt({self.radicand})"
        return sign + head + ("" if bottom == 1 else f"/{bottom}")

    def latex(self) -> str:
        """In LaTeX, for notes: ``-\\frac{3\\sqrt{2}}{4}``."""
        if self.is_rational:
            return _latex_fraction(self.coefficient)
        sign, top, bottom = self._parts()
        head = ("" if top == 1 else str(top)) + f"\\sqrt{{{self.radicand}}}"
        return sign + (head if bottom == 1 else f"\\frac{{{head}}}{{{bottom}}}")


_TRIAL_PRIMES_UP_TO = 1000  # beyond this a square factor may stay under the root: still exact


def _square_part(n: int) -> tuple[int, int]:
    """Split n = a²·b and return (a, b): a² is the square pulled out from under the root, so
    √n = a√b. b is squarefree as far as trial division up to 1000 (and a last perfect-square
    test) can tell; a larger square factor left in b makes the answer less simple, never wrong.

    >>> _square_part(72), _square_part(49), _square_part(10)     # 72 = 6²·2, 49 = 7²·1
    ((6, 2), (7, 1), (1, 10))
    """
    outside, inside = 1, n
    p = 2
    while p <= _TRIAL_PRIMES_UP_TO and p * p <= inside:
        while inside % (p * p) == 0:
            inside //= p * p
            outside *= p
        p += 1 if p == 2 else 2
    root = math.isqrt(inside)
    if root * root == inside:
        outside, inside = outside * root, 1
    return outside, inside


def exact_sqrt(square: int | Fraction, scale: int | Fraction = Fraction(1)) -> Radical:
    """scale·√square for a rational square ≥ 0, simplified: √(p/q) = √(pq)/q = (a/q)√b.

    >>> exact_sqrt(8).text(), exact_sqrt(12).text(), exact_sqrt(Fraction(2, 3)).text()
    ('2√2', '2√3', '√6/3')
    >>> exact_sqrt(-1)
    Traceback (most recent call last):
        ...
    ValueError: a square root of a negative number is not real
    """
    square = Fraction(square)
    if square < 0:
        raise ValueError("a square root of a negative number is not real")
    outside, inside = _square_part(square.numerator * square.denominator)
    return Radical(Fraction(scale) * outside / square.denominator, inside if outside else 1)


@dataclass(frozen=True)
class ExactDot:
    """|u|, |v|, cos θ and u's scalar projection on v as exact radicals (``None`` without an angle)."""

    norm_u: Radical
    norm_v: Radical
    cosine: Radical | None
    scalar_projection: Radical | None


def exact_dot(u: Vector, v: Vector) -> ExactDot | None:
    """|u| = √(u·u), |v| = √(v·v), cos θ = u·v / (|u||v|) and u's scalar projection on v,
    u·v / |v|, all exact — or ``None`` when the input has floats (or complex numbers).

    >>> facts = exact_dot(Vector([1, 0]), Vector([1, 1]))
    >>> facts.norm_v.text(), facts.cosine.text(), facts.scalar_projection.text()
    ('√2', '√2/2', '√2/2')
    >>> exact_dot(Vector([0.5, 0]), Vector([1, 1])) is None
    True
    """
    if not (u.is_exact and v.is_exact) or any(isinstance(x, complex) for x in (*u, *v)):
        return None
    uu, vv, uv = dot(u, u), dot(v, v), dot(u, v)
    norm_u, norm_v = exact_sqrt(uu), exact_sqrt(vv)
    if uu == 0 or vv == 0:
        return ExactDot(norm_u, norm_v, None, None)
    product = uu * vv  # cos θ = u·v / √(u·u v·v) = (u·v / N)·√N
    return ExactDot(norm_u, norm_v, exact_sqrt(product, uv / product), exact_sqrt(vv, uv / vv))
