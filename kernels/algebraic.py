"""Irrational eigenvalues, held exactly: a closed form, or a polynomial and where its root is.

An exact matrix has eigenvalues that are roots of a polynomial with rational coefficients.
When such a root is not rational it has no finite decimal, but it can still be held exactly:

* a root of a quadratic has a closed form, ``p + q√d`` (:class:`QuadraticSurd`), such as
  1 + √2·10⁻¹⁰, or 1 − i/2 when d is negative;
* a real root of a higher-degree polynomial is that polynomial together with an interval
  that holds no other root (:class:`RealRoot`); the interval can be narrowed to any
  precision, exactly, so the root is known as well as anyone asks;
* a complex root of a higher-degree polynomial (:class:`ComplexRoot`) is kept with 256
  correct bits of its real and imaginary parts.

``value`` is the nearest float (or complex), rounded once, at the end. Two different roots
are never confused, however close: that was decided exactly, before any rounding.

>>> root = QuadraticSurd(Fraction(1), Fraction(1, 10 ** 10), 2)
>>> root.text(), root.conjugate().text(), root.value
('1 + √2·10⁻¹⁰', '1 − √2·10⁻¹⁰', 1.0000000001414213)
>>> QuadraticSurd(Fraction(1, 2), Fraction(1, 2), -3).text()     # a complex root
'1/2 + i√3/2'
"""

import math
from abc import ABC, abstractmethod
from fractions import Fraction

from .notation import scalar_text
from .polynomials import narrow, text

#: Bits kept of a complex root of a polynomial of degree 3 or more (and the precision
#: eigenvectors are evaluated with): far more than the 53 of a float.
PRECISION = 256

_SUPERSCRIPTS = str.maketrans("-0123456789", "⁻⁰¹²³⁴⁵⁶⁷⁸⁹")


class AlgebraicNumber(ABC):
    """A root of ``polynomial`` (monic, rational coefficients, no repeated roots), exactly.

    Subclasses say which root: by a closed form or by where it lies.
    """

    polynomial: tuple
    is_real: bool

    @abstractmethod
    def approximation(self, bits: int):
        """The root to about ``bits`` bits: a Fraction, or (real, imaginary) Fractions."""

    @property
    @abstractmethod
    def value(self) -> float | complex:
        """The nearest float (complex for a complex root)."""

    @abstractmethod
    def text(self) -> str:
        """The root as a learner reads it: a closed form, or its decimal and where it lies."""

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.text()})"


def _power_of_ten(c: Fraction) -> tuple | None:
    """(m, k) when c = m·10ᵏ with a whole m below 1000 and |k| ≥ 4, which reads better so.

    >>> _power_of_ten(Fraction(1, 2 * 10 ** 10)), _power_of_ten(Fraction(3 * 10 ** 20))
    ((5, -11), (3, 20))
    >>> _power_of_ten(Fraction(1, 3)) is None    # no finite decimal
    True
    """
    b = c.denominator
    twos, fives = (b & -b).bit_length() - 1, 0
    while b % 5 ** (fives + 1) == 0:
        fives += 1
    if b != 2 ** twos * 5 ** fives:
        return None  # c has no finite decimal
    k = -max(twos, fives)
    m = c.numerator * 10 ** -k // b
    while m % 10 == 0 and m:
        m, k = m // 10, k + 1
    return (m, k) if abs(k) >= 4 and abs(m) < 1000 else None


def _short_text(c: Fraction) -> str:
    """A fraction with a power of ten written as one: 10⁻¹⁰, 3·10⁻¹², 10²⁰, 1 − 5·10⁻¹¹.

    >>> _short_text(Fraction(1, 10 ** 10)), _short_text(Fraction(3, 10 ** 12)), _short_text(Fraction(1, 4))
    ('10⁻¹⁰', '3·10⁻¹²', '1/4')
    >>> _short_text(1 - Fraction(1, 2 * 10 ** 10))
    '1 − 5·10⁻¹¹'
    """
    power = _power_of_ten(abs(c))
    if power is not None:
        m, k = power
        sign = "−" if c < 0 else ""
        return sign + ("" if m == 1 else f"{m}·") + "10" + str(k).translate(_SUPERSCRIPTS)
    text = scalar_text(c)
    whole = round(c)
    if text.startswith("≈") and whole != 0 and _power_of_ten(abs(c - whole)) is not None:
        rest = c - whole
        return f"{scalar_text(whole)} {'−' if rest < 0 else '+'} {_short_text(abs(rest))}"
    return text


def _surd_text(c: Fraction, d: int) -> str:
    """c·√d for c > 0 as a learner writes it: √2, 3√2/4, √2·10⁻¹⁰ (for d = 1, c alone).

    >>> _surd_text(Fraction(3, 4), 2), _surd_text(Fraction(3, 10 ** 10), 2), _surd_text(Fraction(1), 5)
    ('3√2/4', '3√2·10⁻¹⁰', '√5')
    """
    if d == 1:
        return _short_text(c)
    power = _power_of_ten(c)
    if power is not None:
        m, k = power
        return ("" if m == 1 else str(m)) + f"√{d}·10" + str(k).translate(_SUPERSCRIPTS)
    top = "" if c.numerator == 1 else str(c.numerator)
    bottom = "" if c.denominator == 1 else f"/{c.denominator}"
    return f"{top}√{d}{bottom}"


def _imaginary_text(part: str) -> str:
    """A real size as the imaginary part: i, 2i, i/2, i√3/2, 10⁻¹⁰i."""
    if part == "1":
        return "i"
    if "√" in part:
        return part.replace("√", "i√", 1)
    if "/" in part:
        top, bottom = part.split("/")
        return ("" if top == "1" else top) + "i/" + bottom
    return part + "i"


def _sqrt_bounds(n: int, bits: int) -> tuple:
    """Fractions low ≤ √n < high with high − low = 2⁻ᵇⁱᵗˢ, from the integer square root."""
    root = math.isqrt(n << (2 * bits))
    return Fraction(root, 1 << bits), Fraction(root + 1, 1 << bits)


def _nearest_float(bounds) -> float:
    """The float nearest a number known to lie between ``bounds(bits)``, for growing bits.

    When both ends round to the same float, so does everything between them. An irrational
    number is never halfway between two floats, so this ends. Raises OverflowError beyond
    the float range (and for a nonzero number that would round to 0).
    """
    bits = 64
    while True:
        low, high = bounds(bits)
        a, b = float(low), float(high)
        if a == b:
            if a == 0 and (low > 0 or high < 0):
                raise OverflowError("below the float range")
            return a
        bits *= 2


class QuadraticSurd(AlgebraicNumber):
    """``rational + coefficient·√radicand``: a root of a quadratic, in closed form.

    ``radicand`` is a whole number other than 0 and 1 with no square factor left (as far as
    :func:`~kernels.radicals.exact_sqrt` looked); a negative radicand makes the number
    complex, ``coefficient·√|radicand|`` being its imaginary part. Its partner, the other
    root of the same quadratic, is :meth:`conjugate`.
    """

    def __init__(self, rational: Fraction, coefficient: Fraction, radicand: int):
        self.rational, self.coefficient, self.radicand = rational, coefficient, radicand
        self.is_real = radicand > 0
        # (x − p)² = q²d: x² − 2p·x + p² − q²d
        self.polynomial = (Fraction(1), -2 * rational, rational * rational - coefficient ** 2 * radicand)

    def conjugate(self) -> "QuadraticSurd":
        """The other root of the same quadratic: p − q√d."""
        return QuadraticSurd(self.rational, -self.coefficient, self.radicand)

    def __eq__(self, other) -> bool:
        return isinstance(other, QuadraticSurd) and \
            (self.rational, self.coefficient, self.radicand) == \
            (other.rational, other.coefficient, other.radicand)

    def __hash__(self) -> int:
        return hash((self.rational, self.coefficient, self.radicand))

    def _part_bounds(self, bits: int) -> tuple:
        """Bounds on q·√|d|, the part under the root."""
        low, high = _sqrt_bounds(abs(self.radicand), bits)
        a, b = self.coefficient * low, self.coefficient * high
        return (a, b) if a <= b else (b, a)

    def approximation(self, bits: int):
        """p + q·√d with √d rounded down, so that the two roots of a pair are approximated
        symmetrically (the conjugate's approximation is the conjugate of the approximation)."""
        root, _ = _sqrt_bounds(abs(self.radicand), bits + max(0, -self._size()))
        part = self.coefficient * root
        if self.is_real:
            return self.rational + part
        return self.rational, part

    def _size(self) -> int:
        """About log₂ |q·√|d||, to know how many bits a relative precision needs."""
        q = self.coefficient
        return abs(q.numerator).bit_length() - q.denominator.bit_length() + \
            abs(self.radicand).bit_length() // 2

    def interval(self, bits: int) -> tuple:
        """(low, high) around a real root, 2⁻ᵇⁱᵗˢ wide relative to its irrational part."""
        low, high = self._part_bounds(bits + max(0, -self._size()))
        return self.rational + low, self.rational + high

    @property
    def value(self) -> float | complex:
        if self.is_real:
            return _nearest_float(self.interval)
        return complex(float(self.rational), _nearest_float(self._part_bounds))

    def text(self) -> str:
        """``1 + √2·10⁻¹⁰``, ``1/2 − √5/2``, ``−1 + 2i``, ``1/2 + i√3/2``."""
        part = _surd_text(abs(self.coefficient), abs(self.radicand))
        if not self.is_real:
            part = _imaginary_text(part)
        negative = self.coefficient < 0
        if self.rational == 0:
            return ("−" if negative else "") + part
        return f"{_short_text(self.rational)} {'−' if negative else '+'} {part}"


class RealRoot(AlgebraicNumber):
    """The one root of ``polynomial`` in the interval (low, high), where it changes sign.

    The interval only ever shrinks (see :func:`~kernels.polynomials.narrow`), so the root is
    known exactly and to any precision; ``value`` narrows it until both ends round to the
    same float.

    >>> root = RealRoot((Fraction(1), Fraction(0), Fraction(-3), Fraction(1)), Fraction(1), Fraction(2))
    >>> root.value, root.text()
    (1.532088886237956, '≈1.53209, the root of x³ − 3x + 1 between 1 and 2')
    """

    is_real = True

    def __init__(self, polynomial: tuple, low: Fraction, high: Fraction):
        self.polynomial = polynomial
        self.low, self.high = low, high
        self._label = f"between {scalar_text(low)} and {scalar_text(high)}"

    def interval(self, bits: int) -> tuple:
        """(low, high) narrowed to at most 2⁻ᵇⁱᵗˢ of the root's size."""
        while True:
            size = min(abs(self.low), abs(self.high))
            width = (self.high - self.low)
            if size > 0 and width * 2 ** bits <= size:
                return self.low, self.high
            target = size / 2 ** bits if size > 0 else width / 2 ** 32
            self.low, self.high = narrow(self.polynomial, (self.low, self.high), target)
            if self.low == self.high:  # cannot happen for an irrational root
                return self.low, self.high

    def approximation(self, bits: int) -> Fraction:
        low, high = self.interval(bits)
        return (low + high) / 2

    @property
    def value(self) -> float:
        return _nearest_float(self.interval)

    def text(self) -> str:
        return f"≈{scalar_text(self.value)}, the root of {text(self.polynomial)} {self._label}"


class ComplexRoot(AlgebraicNumber):
    """A complex root of ``polynomial`` kept as ``PRECISION``-bit real and imaginary parts.

    >>> ComplexRoot((Fraction(1), Fraction(0), Fraction(1)), Fraction(0), Fraction(1)).text()
    '≈i, a root of x² + 1'
    """

    is_real = False

    def __init__(self, polynomial: tuple, real: Fraction, imaginary: Fraction):
        self.polynomial = polynomial
        self.real, self.imaginary = real, imaginary

    def conjugate(self) -> "ComplexRoot":
        return ComplexRoot(self.polynomial, self.real, -self.imaginary)

    def approximation(self, bits: int) -> tuple:
        return self.real, self.imaginary

    @property
    def value(self) -> complex:
        return complex(float(self.real), float(self.imaginary))

    def text(self) -> str:
        return f"≈{scalar_text(self.value)}, a root of {text(self.polynomial)}"
