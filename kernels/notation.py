"""How the kernel writes maths as text: coefficients, combinations and vectors.

Explanations are read by people, so they use a true minus sign (−, not the hyphen -),
put fractions and negative numbers in parentheses when they multiply something,
and show every coefficient of a combination, zeros and ones included.
"""

from decimal import Decimal, localcontext
from fractions import Fraction

from .scalars import format_scalar

READABLE_DIGITS = 18  # an exact fraction longer than this is shown by its decimal


def scalar_text(x) -> str:
    """A scalar as text with a true minus sign.

    An exact fraction too long to read (typing ``1e-20`` keeps it exact: 1/10²⁰) is written
    as ``≈`` its decimal; the exact value is still what every computation uses, and what
    the JSON output and session files keep.

    >>> from fractions import Fraction
    >>> scalar_text(Fraction(-1, 2)), scalar_text(2.5)
    ('−1/2', '2.5')
    >>> scalar_text(Fraction(3 * 10**20 + 1, 3 * 10**20)), scalar_text(Fraction(1, 3 * 10**20))
    ('≈1', '≈3.33333e−21')
    """
    text = format_scalar(x)
    if isinstance(x, Fraction) and len(text) > READABLE_DIGITS:
        text = "≈" + _decimal_text(x)
    return text.replace("-", "−")


def _decimal_text(x: Fraction) -> str:
    """Six significant digits of an exact fraction of any size (no float overflow), written
    as a float would be: plainly from 1e-5 to 1e6, with an exponent beyond.

    >>> _decimal_text(Fraction(10**400 + 1, 3)), _decimal_text(Fraction(10**20 + 1, 10**19))
    ('3.33333e399', '10')
    >>> _decimal_text(Fraction(2 * 10**20 + 1, 10**19)), _decimal_text(Fraction(1, 3 * 10**20))
    ('20', '3.33333e-21')
    """
    with localcontext() as context:
        context.prec = 6
        value = Decimal(x.numerator) / Decimal(x.denominator)
    exponent = value.adjusted()
    if -5 <= exponent < 6:
        text = f"{value:f}"
        return text.rstrip("0").rstrip(".") if "." in text else text
    digits = f"{value.scaleb(-exponent):f}"
    digits = digits.rstrip("0").rstrip(".") if "." in digits else digits
    return f"{digits}e{exponent}"


def coefficient_text(c) -> str:
    """A scalar about to multiply something: bare if a plain unsigned number, else in parentheses.

    >>> from fractions import Fraction
    >>> [coefficient_text(Fraction(c)) for c in (3, "1/2", -1)]
    ['3', '(1/2)', '(−1)']
    """
    text = scalar_text(c)
    return text if all(ch.isdigit() or ch == "." for ch in text) else f"({text})"


def is_negative(c) -> bool:
    """True for a negative real number (a complex number counts only if it is real)."""
    if isinstance(c, complex):
        return c.imag == 0 and c.real < 0
    return c < 0


def vector_text(v) -> str:
    """A vector as a learner writes it: ``(1, −2)``.

    >>> vector_text([1, -2])
    '(1, −2)'
    """
    return "(" + ", ".join(scalar_text(x) for x in v) + ")"


def matrix_text(rows) -> str:
    """A matrix, given as its rows, written row by row: ``[[1, 2], [3, 4]]``.

    >>> matrix_text([[1, -2], [3, 4]])
    '[[1, −2], [3, 4]]'
    """
    return "[" + ", ".join("[" + ", ".join(scalar_text(x) for x in row) + "]" for row in rows) + "]"


def combination_text(coefficients, names) -> str:
    """The linear combination Σ cᵢ·nameᵢ, every coefficient shown (so the text matches the list).

    >>> from fractions import Fraction
    >>> combination_text([Fraction(2), Fraction(-1), Fraction(0)], ["v1", "v2", "v3"])
    '2·v1 − 1·v2 + 0·v3'
    >>> combination_text([Fraction(-1, 2)], ["column 1"])
    '−(1/2)·column 1'
    """
    parts: list[str] = []
    for c, name in zip(coefficients, names):
        negative = is_negative(c)
        term = f"{coefficient_text(-c if negative else c)}·{name}"
        if not parts:
            parts.append(("−" if negative else "") + term)
        else:
            parts.append((" − " if negative else " + ") + term)
    return "".join(parts)
