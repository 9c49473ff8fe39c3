"""Scalars: the numbers that fill matrices, kept exact whenever the input allows.

A learner who types ``1/3`` deserves ``1/3`` back, not ``0.333333``. So integers and
fractions become :class:`fractions.Fraction` (exact rational arithmetic), floats stay floats
(their rounding is already baked in), and ``complex`` appears only where the maths needs it,
e.g. the eigenvalues of a rotation.
"""

import math
from fractions import Fraction
from numbers import Number

from .errors import NonFiniteError

Scalar = Fraction | float | complex


def as_scalar(value) -> Scalar:
    """Coerce ``value`` to a kernel scalar: ``int``/``Fraction`` → ``Fraction``, else float/complex.

    >>> as_scalar(3)
    Fraction(3, 1)
    >>> as_scalar(0.5)
    0.5
    >>> as_scalar(float("nan"))
    Traceback (most recent call last):
        ...
    kernels.errors.NonFiniteError: entry is not a finite number: nan
    """
    kind = type(value)  # the common cases first, tested by exact type (fast)
    if kind is float:
        if value - value == 0.0:  # x − x is 0 for a finite x, NaN for ±inf and NaN
            return value
        raise NonFiniteError(f"entry is not a finite number: {value}")
    if kind is Fraction:
        return value
    if kind is int:
        return Fraction(value)
    if isinstance(value, bool) or not isinstance(value, Number):
        raise TypeError(f"matrix entries must be numbers, not {type(value).__name__}")
    if isinstance(value, Fraction):
        return value
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise NonFiniteError(f"entry is not a finite number: {value}")
        return value
    if isinstance(value, complex):
        if not (math.isfinite(value.real) and math.isfinite(value.imag)):
            raise NonFiniteError(f"entry is not a finite number: {value}")
        return value
    # other numbers.Number types (Decimal, numpy scalars, ...): go through float. The ABC
    # numbers.Number declares no __float__, so mypy cannot know that these types all have one.
    return as_scalar(complex(value) if isinstance(value, complex)
                     else float(value))  # type: ignore[arg-type]


def is_exact(value) -> bool:
    """True for exact rationals (``Fraction``), which every operation keeps exact."""
    return isinstance(value, Fraction)


def format_scalar(value, digits: int = 6) -> str:
    """Text for a scalar as a learner would write it: ``-1/2``, ``3``, ``0.707107``, ``1 + 2i``.

    >>> format_scalar(Fraction(-1, 2)), format_scalar(Fraction(6, 2)), format_scalar(2 ** 0.5)
    ('-1/2', '3', '1.41421')
    >>> format_scalar(complex(1, -2)), format_scalar(1e-20), format_scalar(-0.0)
    ('1 - 2i', '1e-20', '0')
    """
    if isinstance(value, Fraction):
        return str(value.numerator) if value.denominator == 1 else f"{value.numerator}/{value.denominator}"
    if isinstance(value, complex):
        if value.imag == 0:
            return format_scalar(value.real, digits)
        real = "" if value.real == 0 else format_scalar(value.real, digits) + " "
        sign = "-" if value.imag < 0 else ("+" if real else "")
        magnitude = abs(value.imag)
        imag = "" if magnitude == 1 else format_scalar(magnitude, digits)
        return f"{real}{sign}{' ' if real else ''}{imag}i".strip()
    if value == 0:
        return "0"
    if isinstance(value, int):
        return str(value)
    text = f"{value:.{digits}g}"
    return text.replace("e+", "e").replace("e-0", "e-").replace("e0", "e")

