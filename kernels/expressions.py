"""Reading what learners type: numbers, matrices and matrix expressions — without ``eval``.

Three entry points:

* :func:`parse_scalar` reads one number: ``"sqrt(2)/2"``, ``"cos(60deg)"``, ``"-2^2"``.
* :func:`parse_matrix` reads a grid: ``"1 2; 3 4"``, ``"[[1, 2], [3, 4]]"``, numpy's printout.
* :func:`evaluate` reads a matrix expression: ``"2A^{-1}B + I"``.

How it works. A *tokenizer* cuts the text into tokens (numbers, names, symbols), each
remembering where it starts, so every error can point at the right character. Then a
*recursive-descent parser* reads the tokens by *precedence climbing*: each operator has a
binding strength, and a loop keeps absorbing operators at least as strong as the one it was
asked for. The value is computed while parsing. Python's ``eval`` is never used: it would
run any code the text happened to contain.

>>> parse_scalar("1 + 2*3"), parse_scalar("2^3^2"), parse_scalar("-2^2")
(Fraction(7, 1), Fraction(512, 1), Fraction(-4, 1))

Exactness. Integers, decimals and fractions stay exact (``0.1`` is exactly 1/10, as typed).
A function result that is exactly rational stays exact too (``sqrt(9/4)`` is 3/2); anything
irrational becomes a float. π stays symbolic for as long as it is only scaled, so sin, cos
and tan of the standard angles are exact:

>>> parse_scalar("sqrt(9/4)"), parse_scalar("cos(60deg)"), parse_scalar("sin(pi/6)")
(Fraction(3, 2), Fraction(1, 2), Fraction(1, 2))
>>> parse_scalar("sqrt(2)"), parse_scalar("cos(45deg)")
(1.4142135623730951, 0.7071067811865476)

Limits. Every text either gives a finite number or raises :class:`ExpressionError` — never
another exception, never a hang:

* ``MAX_TEXT_LENGTH``: at most 1000 characters.
* ``MAX_DEPTH``: at most 100 levels of nesting (brackets, function calls, signs, exponents).
* ``MAX_EXACT_BITS``: an exact fraction whose numerator or denominator would need more than
  10 000 bits (about 3000 digits) is computed as a float instead; powers estimate the size
  *before* computing, so ``9^9^9^9`` fails fast. Decimal exponents beyond ±1000 (``1e1001``)
  are read as floats.
* Results must fit in a float (|x| ≤ 1.8e308) — otherwise "number too large" — and a
  division by zero is an error, never ``inf`` or ``nan``.
* ``MAX_MATRIX_POWER``: matrix powers ``A^k`` need |k| ≤ 1 000 000.
* ``MAX_MULTIPLICATIONS``: matrix products, powers and inverses in one expression may cost
  at most 100 000 multiplications (an n×n product costs n³; exact fractions manage
  about half a million a second).

>>> parse_scalar("9^9^9^9")
Traceback (most recent call last):
    ...
kernels.errors.ExpressionError: number too large at position 4: 9^9^9^9
"""

import math
from contextlib import contextmanager
from dataclasses import dataclass
from fractions import Fraction
from typing import NamedTuple

from .errors import ExpressionError, FloatRangeError, NonFiniteError, ShapeError, SingularMatrixError
from .matrix import Matrix
from .scalars import format_scalar

MAX_TEXT_LENGTH = 1000
MAX_DEPTH = 100
MAX_EXACT_BITS = 10_000
MAX_MATRIX_POWER = 1_000_000
MAX_MULTIPLICATIONS = 100_000

# A decimal literal like 1e300 stays an exact fraction while its exponent is this small.
EXACT_DECIMAL_EXPONENT = 1000


# ------------------------------------------------------------------------------------------
# Tokens
# ------------------------------------------------------------------------------------------
class Token(NamedTuple):
    """One piece of the text: a number, a name, a symbol, or the end of the text."""

    kind: str       # "number", "name", "symbol" or "end"
    text: str       # the spelling; symbols normalised: "−" is "-", "×" is "*", "**" is "^"
    position: int   # 0-based index of its first character in the whole text
    gap: str        # the whitespace right before it (spaces separate matrix entries)


# Each accepted symbol and its standard spelling (the Unicode ones that maths texts use).
_SYMBOLS = {
    "+": "+", "-": "-", "−": "-", "*": "*", "×": "*", "·": "*", "⋅": "*", "/": "/", "÷": "/",
    "^": "^", "@": "@", "(": "(", ")": ")", "[": "[", "]": "]", "{": "{", "}": "}",
    ",": ",", ";": ";", "°": "°", "=": "=",
}
_DIGITS = "0123456789"


def tokenize(text: str, *, capitals_are_names: bool = False) -> list:
    """Cut ``text`` into tokens, ending with an ``"end"`` token.

    Names are runs of ASCII letters (``sqrt``, ``pi``) or ``π``. With
    ``capitals_are_names`` every capital letter is a name on its own, so ``AB`` reads as
    ``A`` times ``B``. A number is digits with an optional decimal point and exponent:
    ``2e3`` is one number, while in ``2e`` the ``e`` is Euler's number.

    >>> [(t.kind, t.text, t.position) for t in tokenize("2pi × .5e-1")][:4]
    [('number', '2', 0), ('name', 'pi', 1), ('symbol', '*', 4), ('number', '.5e-1', 6)]
    >>> [t.text for t in tokenize("2AB^T", capitals_are_names=True)]
    ['2', 'A', 'B', '^', 'T', '']
    >>> tokenize("2 $ 3")
    Traceback (most recent call last):
        ...
    kernels.errors.ExpressionError: unexpected character '$' at position 3: 2 $ 3
    """
    tokens = []
    position = gap_start = 0
    while position < len(text):
        char = text[position]
        if char.isspace():
            position += 1
            continue
        following = text[position + 1:position + 2]
        if char in _DIGITS or (char == "." and following != "" and following in _DIGITS):
            kind, end = "number", _end_of_number(text, position)
            spelling = text[position:end]
        elif char == "π":
            kind, end, spelling = "name", position + 1, char
        elif char.isascii() and char.isalpha():
            end = position + 1
            if not (capitals_are_names and char.isupper()):
                while (end < len(text) and text[end].isascii() and text[end].isalpha()
                       and not (capitals_are_names and text[end].isupper())):
                    end += 1
            kind, spelling = "name", text[position:end]
        elif text.startswith("**", position):
            kind, end, spelling = "symbol", position + 2, "^"
        elif char in _SYMBOLS:
            kind, end, spelling = "symbol", position + 1, _SYMBOLS[char]
        else:
            raise ExpressionError(f"unexpected character {char!r}", text, position)
        tokens.append(Token(kind, spelling, position, text[gap_start:position]))
        position = gap_start = end
    tokens.append(Token("end", "", len(text), text[gap_start:]))
    return tokens


def _end_of_number(text: str, start: int) -> int:
    """Where the number starting at ``start`` ends: digits, ``.digits``, then ``e±digits``."""
    end = start
    while end < len(text) and text[end] in _DIGITS:
        end += 1
    if end < len(text) and text[end] == ".":
        end += 1
        while end < len(text) and text[end] in _DIGITS:
            end += 1
    if end < len(text) and text[end] in "eE":
        after = end + 1
        if after < len(text) and text[after] in "+-":
            after += 1
        if after < len(text) and text[after] in _DIGITS:  # otherwise the "e" is Euler's number
            end = after
            while end < len(text) and text[end] in _DIGITS:
                end += 1
    return end


# ------------------------------------------------------------------------------------------
# Numbers: exact when possible, with π kept symbolic while it is only scaled
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _PiMultiple:
    """The exact number ``coefficient · π``: scaling keeps it exact, anything else gives a float."""

    coefficient: Fraction


def _times_pi(coefficient: Fraction):
    """``coefficient · π``, with ``0 · π`` simply the exact 0."""
    return Fraction(0) if coefficient == 0 else _PiMultiple(coefficient)


def _plain(value):
    """A Fraction or float: a symbolic multiple of π is rounded to a float here, and only here.

    Raises ``OverflowError`` when that float would be beyond the float range (1e308·π).
    """
    if isinstance(value, _PiMultiple):
        rounded = float(value.coefficient) * math.pi
        if not math.isfinite(rounded):
            raise OverflowError("number too large")
        return rounded
    return value


def _is_number(value) -> bool:
    """True for numbers (as opposed to matrices and the not-yet-sized identity)."""
    return isinstance(value, (Fraction, float, _PiMultiple))


def _bits(value: Fraction) -> int:
    """How many bits the larger of numerator and denominator needs: the cost of exactness."""
    return max(abs(value.numerator).bit_length(), value.denominator.bit_length())


def _tame(value):
    """Keep a number within the limits: huge fractions become floats, ``inf`` is an error.

    Raises ``OverflowError`` (reported as "number too large") when no float can hold it.
    Matrices pass through unchanged: their entries are checked when they are built.
    """
    if isinstance(value, _PiMultiple) and _bits(value.coefficient) > MAX_EXACT_BITS:
        value = _plain(value)
    if isinstance(value, Fraction) and _bits(value) > MAX_EXACT_BITS:
        value = float(value)  # raises OverflowError when it is beyond every float
    if isinstance(value, float) and not math.isfinite(value):
        raise OverflowError("number too large")
    return value


def _number_value(spelling: str):
    """The value of a number token: an exact Fraction (``0.1`` is 1/10), or a float for
    decimal exponents beyond ±1000.

    >>> _number_value("2.5e-3"), _number_value("1e-2000")
    (Fraction(1, 400), 0.0)
    """
    exponent = spelling.lower().partition("e")[2]
    if exponent and abs(int(exponent)) > EXACT_DECIMAL_EXPONENT:
        return float(spelling)
    return Fraction(spelling)


def _add_numbers(a, b):
    """``a + b`` for numbers; two multiples of π add exactly (π/2 + π/2 = π)."""
    if isinstance(a, _PiMultiple) and isinstance(b, _PiMultiple):
        return _times_pi(a.coefficient + b.coefficient)
    return _plain(a) + _plain(b)


def _multiply_numbers(a, b):
    """``a · b`` for numbers; a fraction times a multiple of π stays exact (2 · π/6 = π/3)."""
    if isinstance(a, _PiMultiple) and isinstance(b, Fraction):
        return _times_pi(a.coefficient * b)
    if isinstance(a, Fraction) and isinstance(b, _PiMultiple):
        return _times_pi(a * b.coefficient)
    return _plain(a) * _plain(b)


def _divide_numbers(a, b):
    """``a / b``; dividing by zero raises ``ZeroDivisionError``, whatever the types."""
    if isinstance(a, _PiMultiple) and isinstance(b, _PiMultiple):
        return a.coefficient / b.coefficient
    if isinstance(a, _PiMultiple) and isinstance(b, Fraction):
        return _times_pi(a.coefficient / b)
    return _plain(a) / _plain(b)


def _power_numbers(base, exponent):
    """``base ^ exponent``, exact when the answer is rational and not absurdly big.

    >>> _power_numbers(Fraction(2), Fraction(-1)), _power_numbers(Fraction(4), Fraction(3, 2))
    (Fraction(1, 2), Fraction(8, 1))
    >>> _power_numbers(Fraction(2), Fraction(1, 2))
    1.4142135623730951
    """
    base, exponent = _plain(base), _plain(exponent)
    if base < 0 and exponent != int(exponent):
        raise ExpressionError(
            f"({format_scalar(base)})^({format_scalar(exponent)}): a negative number to a "
            "fractional power is not a real number (for a cube root use cbrt)")
    if base == 0 and exponent < 0:
        raise ZeroDivisionError("0 to a negative power")
    if isinstance(base, Fraction) and isinstance(exponent, Fraction):
        exact = _exact_power(base, exponent)
        if exact is not None:
            return exact
    return math.pow(base, exponent)  # raises OverflowError when too large


def _exact_power(base: Fraction, exponent: Fraction):
    """``base ** exponent`` as a Fraction, or ``None`` when it is irrational or too big.

    The size is estimated before computing: ``(p/q)^k`` needs ``k·log2(max(p, q))`` bits.
    ``x^(a/b)`` is ``(b-th root of x)^a``, exact only when that root is rational.
    """
    if exponent.denominator != 1:
        root = _exact_root(base, exponent.denominator)
        if root is None:
            return None
        base = root
    k = exponent.numerator
    if base == 0:
        return Fraction(0) if k else Fraction(1)
    if abs(base) == 1:
        return base if k % 2 else Fraction(1)
    if abs(k) * math.log2(max(abs(base.numerator), base.denominator)) > MAX_EXACT_BITS:
        return None
    return base ** k


def _exact_root(value: Fraction, degree: int):
    """The exact ``degree``-th root of a fraction ≥ 0, or ``None`` when it is irrational.

    >>> _exact_root(Fraction(8, 27), 3), _exact_root(Fraction(2), 2)
    (Fraction(2, 3), None)
    """
    numerator = _integer_root(value.numerator, degree)
    denominator = _integer_root(value.denominator, degree)
    if numerator is None or denominator is None:
        return None
    return Fraction(numerator, denominator)


def _integer_root(n: int, degree: int):
    """The whole number r with ``r ** degree == n``, or ``None`` when n is not a perfect power.

    Square roots use ``math.isqrt``; higher roots use Newton's method on whole numbers,
    which only starts close enough to be quick for small degrees, so degrees above 64 are
    left to floats.

    >>> _integer_root(144, 2), _integer_root(3 ** 40, 5), _integer_root(10, 3)
    (12, 6561, None)
    """
    if n < 2:
        return n
    if degree > 64 or 2 ** degree > n:
        return None
    if degree == 2:
        root = math.isqrt(n)
    else:
        root = 1 << -(-n.bit_length() // degree)  # a power of two at least as big as the root
        while True:  # Newton's step for r^degree = n, rounded down; it shrinks towards the root
            smaller = ((degree - 1) * root + n // root ** (degree - 1)) // degree
            if smaller >= root:
                break
            root = smaller
    return root if root ** degree == n else None


# ------------------------------------------------------------------------------------------
# Functions: the whitelist of names a learner may call
# ------------------------------------------------------------------------------------------
# sin(qπ) at the angles where it is rational, with q reduced to a full turn [0, 2).
# Niven's theorem: for rational q, 0, ±1/2 and ±1 are the only rational values sin(qπ) takes.
_RATIONAL_SINES = {
    Fraction(0): Fraction(0), Fraction(1, 6): Fraction(1, 2), Fraction(1, 2): Fraction(1),
    Fraction(5, 6): Fraction(1, 2), Fraction(1): Fraction(0), Fraction(7, 6): Fraction(-1, 2),
    Fraction(3, 2): Fraction(-1), Fraction(11, 6): Fraction(-1, 2),
}
# tan(qπ) where it is rational, with q reduced to a half turn [0, 1); at q = 1/2 it is undefined.
_RATIONAL_TANGENTS = {
    Fraction(0): Fraction(0), Fraction(1, 4): Fraction(1), Fraction(3, 4): Fraction(-1),
}


def _pi_coefficient(angle):
    """q when ``angle`` is exactly ``q·π`` (0 counts, as 0·π), otherwise ``None``."""
    if isinstance(angle, _PiMultiple):
        return angle.coefficient
    if isinstance(angle, Fraction) and angle == 0:
        return Fraction(0)
    return None


def _sin(angle):
    """sin of an angle in radians, exact at the angles where the answer is rational."""
    q = _pi_coefficient(angle)
    if q is not None and q % 2 in _RATIONAL_SINES:
        return _RATIONAL_SINES[q % 2]
    return math.sin(_plain(angle))


def _cos(angle):
    """cos of an angle in radians, exact at the angles where the answer is rational."""
    q = _pi_coefficient(angle)  # cos x = sin(x + π/2)
    if q is not None and (q + Fraction(1, 2)) % 2 in _RATIONAL_SINES:
        return _RATIONAL_SINES[(q + Fraction(1, 2)) % 2]
    return math.cos(_plain(angle))


def _tan(angle):
    """tan of an angle in radians: exact at multiples of 45°, an error where cos is 0."""
    q = _pi_coefficient(angle)
    if q is not None and q % 1 == Fraction(1, 2):
        raise ExpressionError("tan is undefined at 90° + k·180° (there cos = 0)")
    if q is not None and q % 1 in _RATIONAL_TANGENTS:
        return _RATIONAL_TANGENTS[q % 1]
    return math.tan(_plain(angle))


def _sqrt(x):
    """The square root of x ≥ 0, exact when x is the square of a fraction."""
    x = _plain(x)
    if x < 0:
        raise ExpressionError(
            f"sqrt of a negative number ({format_scalar(x)}): this cell needs a real number")
    if isinstance(x, Fraction):
        root = _exact_root(x, 2)
        if root is not None:
            return root
    return math.sqrt(x)


def _cbrt(x):
    """The real cube root (negative for negative x), exact for cubes of fractions."""
    x = _plain(x)
    if isinstance(x, Fraction):
        root = _exact_root(abs(x), 3)
        if root is not None:
            return root if x >= 0 else -root
    return math.copysign(abs(x) ** (1 / 3), x)


def _abs(x):
    """The distance of x from 0."""
    return _PiMultiple(abs(x.coefficient)) if isinstance(x, _PiMultiple) else abs(x)


def _exp(x):
    """e to the power x."""
    # e^x is irrational for every rational x except 0 (Lindemann), so only exp(0) stays exact
    return Fraction(1) if x == 0 else math.exp(_plain(x))


def _ln(x):
    """The natural logarithm of x > 0 (the power of e that gives x)."""
    x = _plain(x)
    if x <= 0:
        raise ExpressionError(f"ln of {format_scalar(x)}: the logarithm needs a positive number")
    return Fraction(0) if x == 1 else math.log(x)


def _asin(x):
    """The angle in [-π/2, π/2] whose sine is x, for -1 ≤ x ≤ 1."""
    x = _plain(x)
    if not -1 <= x <= 1:
        raise ExpressionError(f"asin of {format_scalar(x)}: asin needs a number from -1 to 1")
    return Fraction(0) if x == 0 else math.asin(x)


def _acos(x):
    """The angle in [0, π] whose cosine is x, for -1 ≤ x ≤ 1."""
    x = _plain(x)
    if not -1 <= x <= 1:
        raise ExpressionError(f"acos of {format_scalar(x)}: acos needs a number from -1 to 1")
    return Fraction(0) if x == 1 else math.acos(x)


def _atan(x):
    """The angle in (-π/2, π/2) whose tangent is x."""
    return Fraction(0) if x == 0 else math.atan(_plain(x))


# Every function a learner can call; the argument is a number (angles in radians).
_FUNCTIONS = {
    "sqrt": _sqrt, "cbrt": _cbrt, "abs": _abs, "exp": _exp, "ln": _ln, "log": _ln,
    "sin": _sin, "cos": _cos, "tan": _tan,
    "asin": _asin, "acos": _acos, "atan": _atan,
}
# The named constants; π (and τ = 2π) stay exact multiples of π until something needs a float.
_CONSTANTS = {"pi": _PiMultiple(Fraction(1)), "π": _PiMultiple(Fraction(1)),
             "tau": _PiMultiple(Fraction(2)), "e": math.e}


def rotation(degrees) -> Matrix:
    """The 2×2 matrix turning the plane anticlockwise by ``degrees``; exact at multiples of 90°.

    >>> rotation(Fraction(90))
    Matrix([[0, -1], [1, 0]])
    >>> rotation(Fraction(60))[0, 0]
    Fraction(1, 2)
    """
    angle = _multiply_numbers(degrees, _PiMultiple(Fraction(1, 180)))
    cos, sin = _cos(angle), _sin(angle)
    return Matrix([[cos, -sin], [sin, cos]])


# ------------------------------------------------------------------------------------------
# Matrix arithmetic, including I before its size is known
# ------------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _ScaledIdentity:
    """``scale · I`` while its size is unknown; the matrix it meets decides the size."""

    scale: Fraction | float


def _identity_like(identity: _ScaledIdentity, n: int) -> Matrix:
    """The n×n matrix that ``scale · I`` stands for."""
    return Matrix.identity(n) * identity.scale


def _scale(value, factor):
    """``factor · value`` for a matrix or a not-yet-sized identity."""
    factor = _plain(factor)
    if isinstance(value, _ScaledIdentity):
        return _ScaledIdentity(_tame(value.scale * factor))
    return value * factor


def _add(a, b, sign: int):
    """``a + b`` (sign 1) or ``a - b`` (sign -1) for numbers, matrices and I."""
    if _is_number(a) and _is_number(b):
        return _add_numbers(a, _multiply_numbers(Fraction(sign), b))
    if _is_number(a) or _is_number(b):
        raise ExpressionError(
            "cannot add a number and a matrix (to add 2 along the diagonal, write 2I)")
    if isinstance(a, _ScaledIdentity) and isinstance(b, _ScaledIdentity):
        return _ScaledIdentity(_tame(a.scale + sign * b.scale))
    if isinstance(a, _ScaledIdentity):
        a = _identity_like(a, b.require_square("adding I"))
    if isinstance(b, _ScaledIdentity):
        b = _identity_like(b, a.require_square("adding I"))
    return a + b if sign == 1 else a - b


def _multiply(a, b):
    """``a · b``: numbers multiply, a number scales a matrix, matrices compose (a after b)."""
    if _is_number(a) and _is_number(b):
        return _multiply_numbers(a, b)
    if _is_number(a):
        return _scale(b, a)
    if _is_number(b):
        return _scale(a, b)
    if isinstance(a, _ScaledIdentity):
        return _scale(b, a.scale)
    if isinstance(b, _ScaledIdentity):
        return _scale(a, b.scale)
    return a @ b


def _divide(a, b):
    """``a / b``: numbers divide, a matrix divided by a number is scaled by its reciprocal."""
    if not _is_number(b):
        raise ExpressionError("cannot divide by a matrix (multiply by its inverse, A^{-1})")
    if _is_number(a):
        return _divide_numbers(a, b)
    if _plain(b) == 0:
        raise ZeroDivisionError("matrix divided by zero")
    return _scale(a, _divide_numbers(Fraction(1), b))


def _negate(value):
    """``-value`` for a number or a matrix."""
    return _multiply(Fraction(-1), value)


def _entry_bits(matrix: Matrix) -> int:
    """Bits per entry of ``matrix`` seen as (whole-number matrix) / (common denominator).

    A power ``A^k`` needs at most about ``k`` times this many bits per entry, which is
    how ``A^k`` decides, before computing, whether exact fractions are affordable.
    """
    exact = [x for row in matrix.rows for x in row if isinstance(x, Fraction)]
    if not exact:
        return 0
    denominator = math.lcm(*(x.denominator for x in exact))
    biggest = max(abs(x.numerator) * (denominator // x.denominator) for x in exact)
    return biggest.bit_length() + denominator.bit_length() + matrix.shape[0].bit_length()


def _matrix_power(matrix: Matrix, k: int) -> Matrix:
    """``matrix ** k``, in floats when exact fractions would grow beyond ``MAX_EXACT_BITS``."""
    if k < 0:
        matrix, k = matrix ** -1, -k
    if k * _entry_bits(matrix) > MAX_EXACT_BITS:
        matrix = Matrix(matrix.to_floats())
    return matrix ** k


def _entries(count: int) -> str:
    """``"1 entry"``, ``"2 entries"``: a count in words, for error messages."""
    return f"{count} entry" if count == 1 else f"{count} entries"


def _fits_a_float(value) -> None:
    """Raise ``OverflowError`` unless ``value`` (a number or matrix) can be shown as floats."""
    entries = [x for row in value.rows for x in row] if isinstance(value, Matrix) else [value]
    for entry in entries:
        if not math.isfinite(float(entry)):
            raise OverflowError("number too large")


# ------------------------------------------------------------------------------------------
# The parser
# ------------------------------------------------------------------------------------------
# Binding strengths for precedence climbing: a higher number binds more tightly.
_BINARY_PRECEDENCE = {"+": 1, "-": 1, "*": 2, "/": 2, "@": 2, "^": 4}
_JUXTAPOSITION_PRECEDENCE = 2  # 2pi, 3(4), AB: multiplying without a sign binds like "*"
_SIGN_PRECEDENCE = 3           # -2^2 = -(2^2), but -2·3 = (-2)·3


class _Parser:
    """Reads one text, token by token, computing the value as it goes.

    ``matrices`` is ``None`` for numbers only; for :func:`evaluate` it maps capital letters
    to matrices, and capitals, ``I``, ``[...]`` literals, ``^T`` and ``rot`` become available.
    """

    def __init__(self, text: str, matrices: dict | None = None):
        if not isinstance(text, str):
            raise TypeError(f"expected text, not {type(text).__name__}")
        if len(text) > MAX_TEXT_LENGTH:
            raise ExpressionError(
                f"text too long: {len(text)} characters, the limit is {MAX_TEXT_LENGTH}",
                text, MAX_TEXT_LENGTH)
        self.text = text
        self.matrices = matrices
        self.tokens = tokenize(text, capitals_are_names=matrices is not None)
        self.index = 0
        self.depth = 0              # how many expressions are being read inside each other
        self.bracket_depth = 0      # how many brackets are open
        self.entry_depth: int | None = None  # bracket depth of the matrix entry being read, if any
        self.newlines_end_rows = False  # in parse_matrix's bracket-free form, a line is a row
        self.multiplications = 0    # the cost of the matrix arithmetic so far
        self.exponent_depths: list[int] = []  # bracket depth of each exponent being read

    # -- moving through the tokens ---------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token:
        """The token ``ahead`` places after the current one (the end token past the end)."""
        return self.tokens[min(self.index + ahead, len(self.tokens) - 1)]

    def advance(self) -> Token:
        """Return the current token and move past it."""
        token = self.peek()
        self.index += 1
        return token

    def error(self, reason: str, position: int) -> ExpressionError:
        """An ExpressionError about this text, pointing at ``position``."""
        return ExpressionError(reason, self.text, position)

    def expect(self, symbol: str) -> Token:
        """Move past ``symbol``, which must come next (a closing bracket, say)."""
        token = self.peek()
        if token.text != symbol or token.kind != "symbol":
            raise self.error(f"missing {symbol!r}", token.position)
        return self.advance()

    def unexpected(self, token: Token) -> ExpressionError:
        """The error for a token that cannot come where it is."""
        if token.kind == "number":
            return self.error(f"missing operator before {token.text!r}", token.position)
        return self.error(f"unexpected {token.text!r}", token.position)

    def expect_end(self) -> None:
        """Check that the whole text has been read: anything left over is a mistake."""
        if self.peek().kind != "end":
            raise self.unexpected(self.peek())

    @contextmanager
    def reporting_at(self, position: int):
        """Turn arithmetic failures inside the block into ExpressionErrors at ``position``."""
        try:
            yield
        except ExpressionError as problem:
            if problem.position is not None:
                raise
            raise self.error(problem.reason, position) from None
        except ZeroDivisionError:
            raise self.error("division by zero", position) from None
        except FloatRangeError as problem:  # the kernel's own explanation of a float overflow
            raise self.error(str(problem), position) from None
        except (OverflowError, NonFiniteError):
            raise self.error("number too large", position) from None
        except ShapeError as problem:
            raise self.error(str(problem), position) from None

    def spend(self, multiplications: int, position: int) -> None:
        """Count the cost of matrix arithmetic and stop before it takes too long."""
        self.multiplications += multiplications
        if self.multiplications > MAX_MULTIPLICATIONS:
            raise self.error(
                f"too much computation: more than {MAX_MULTIPLICATIONS} multiplications",
                position)

    # -- the grammar -----------------------------------------------------------------------
    def expression(self, min_precedence: int = 1):
        """Read operands joined by operators that bind at least as tightly as ``min_precedence``.

        This loop is precedence climbing: ``1 + 2*3`` reads 1, sees ``+`` (strength 1), and
        reads its right side with strength 2, which swallows ``2*3`` whole.
        """
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.error(f"too deeply nested: the limit is {MAX_DEPTH} levels",
                             self.peek().position)
        start = self.peek().position
        value = self.operand()
        while True:
            token = self.peek()
            if self.ends_entry(token):
                break
            if token.kind == "symbol" and token.text in _BINARY_PRECEDENCE:
                operator, precedence = token.text, _BINARY_PRECEDENCE[token.text]
            elif self.starts_operand(token) or self.scalar_factor_follows(token):
                operator, precedence = "", _JUXTAPOSITION_PRECEDENCE
            else:
                break
            if precedence < min_precedence or (operator == "^" and self.transpose_of_the_power()):
                break
            if operator:
                self.advance()
            if operator == "^":
                value = self.power(value, start, token)
            else:  # left-associative: the right side must bind more tightly
                right = self.expression(precedence + 1)
                value = self.combine(operator, value, right, token.position)
        self.depth -= 1
        return value

    def starts_operand(self, token: Token) -> bool:
        """Can ``token`` begin a factor multiplied without a sign (``2pi``, ``3(4)``, ``AB``)?

        Numbers cannot: ``2 3`` is a mistake, not 6.
        """
        if token.kind == "name":
            return True
        return token.kind == "symbol" and token.text in ("(", "{", "[")

    def scalar_factor_follows(self, token: Token) -> bool:
        """Is ``token`` a number multiplying what comes before it, as the 3.4 in ``A^{2}3.4B``?

        In a matrix expression (not inside a matrix's entries), a number may follow a matrix
        name or a closing bracket directly, as lintrans writes products: ``3A4B`` is 3·A·4·B.
        With a space between (``A 2``), or after another number (``2 3``), it is a mistake.
        """
        if token.kind != "number" or token.gap or self.matrices is None or self.entry_depth is not None:
            return False
        before = self.tokens[self.index - 1]
        return before.text in (")", "}", "]") or (before.kind == "name" and before.text.isupper())

    def transpose_of_the_power(self) -> bool:
        """Is the ``^`` ahead a ``^T`` right after an exponent, as in ``A^{-1}^T``?

        Then the transpose is of the power (A⁻¹)ᵀ, not of the exponent: the exponent ends
        here, and the ``^T`` is read by the expression the power belongs to.
        """
        if self.matrices is None or not self.exponent_depths:
            return False
        if self.exponent_depths[-1] != self.bracket_depth:
            return False
        after = self.tokens[self.index + 1:self.index + 4]
        return (after[0].kind, after[0].text) == ("name", "T") or \
            [t.text for t in after] == ["{", "T", "}"]

    def ends_entry(self, token: Token) -> bool:
        """Does ``token`` start the next entry of a matrix row, as the ``-2`` in ``1 -2``?

        Only at the top level of an entry, and only after whitespace: a new operand
        (``1 2``, ``1 pi``, ``1 (2)``) starts a new entry, and so does a sign stuck to what
        follows (``1 -2``); a sign with spaces on both sides is an operator (``1 - 2``).
        """
        if self.entry_depth != self.bracket_depth or not token.gap:
            return False
        if self.newlines_end_rows and "\n" in token.gap:
            return True
        if token.kind == "number" or self.starts_operand(token):
            return True
        return token.text in ("+", "-") and not self.peek(1).gap

    def operand(self):
        """An operand: signs in front of a primary, as in ``-2``, ``--x``, ``+(1)``."""
        token = self.peek()
        if not (token.kind == "symbol" and token.text in ("+", "-")):
            return self.primary()
        self.advance()
        value = self.expression(_SIGN_PRECEDENCE)
        if token.text == "+":
            return value
        with self.reporting_at(token.position):
            return _negate(value)

    def primary(self):
        """A number, a name, a function call or a bracketed group, then an optional ``deg``."""
        token = self.advance()
        if token.kind == "number":
            with self.reporting_at(token.position):
                value = _tame(_number_value(token.text))
        elif token.kind == "name":
            value = self.named(token)
        elif token.text in ("(", "{"):
            self.bracket_depth += 1
            value = self.expression()
            self.expect(")" if token.text == "(" else "}")
            self.bracket_depth -= 1
        elif token.text == "[" and self.matrices is not None:  # [1 2; 3 4] in an expression
            self.index -= 1  # bracket_group reads the "[" itself
            value = self.build_matrix(self.bracket_group(), token.position)
        elif token.kind == "end":
            if len(self.tokens) == 1:
                raise self.error("empty expression", 0)
            raise self.error(f"something must follow {self.tokens[self.index - 2].text!r}",
                             token.position)
        else:
            raise self.unexpected(token)
        while self.peek().text == "°" or (self.peek().kind, self.peek().text) == ("name", "deg"):
            value = self.degrees(value, self.advance())
        return value

    def named(self, token: Token):
        """The value of a name: a constant, a function call, or (in :func:`evaluate`) a matrix."""
        name = token.text
        if name in _CONSTANTS:
            return _CONSTANTS[name]
        if name in _FUNCTIONS or (name == "rot" and self.matrices is not None):
            return self.call(token)
        if name == "deg":
            raise self.error("'deg' must follow a number, as in 30deg", token.position)
        if self.matrices is not None and name.isupper():
            if name == "I":
                return _ScaledIdentity(Fraction(1))
            if name not in self.matrices:
                raise self.error(f"{name} is not defined", token.position)
            return Matrix(self.matrices[name])
        raise self.error(f"unknown name {name!r}", token.position)

    def call(self, name_token: Token):
        """``f(argument)`` for a whitelisted function f."""
        name = name_token.text
        if self.peek().text != "(":
            raise self.error(f"{name} needs parentheses, as in {name}(2)", self.peek().position)
        self.advance()
        self.bracket_depth += 1
        argument = self.expression()
        self.expect(")")
        self.bracket_depth -= 1
        if not _is_number(argument):
            raise self.error(f"{name} needs a number, not a matrix", name_token.position)
        with self.reporting_at(name_token.position):
            if name == "rot":
                if isinstance(argument, _PiMultiple):
                    raise ExpressionError("rot takes degrees: write rot(90), not rot(pi/2)")
                return rotation(argument)
            return _tame(_FUNCTIONS[name](argument))

    def degrees(self, value, token: Token):
        """``value`` degrees in radians (π/180 each), kept exact as a multiple of π."""
        if not _is_number(value):
            raise self.error(f"{token.text!r} needs a number, not a matrix", token.position)
        with self.reporting_at(token.position):
            return _tame(_multiply_numbers(value, _PiMultiple(Fraction(1, 180))))

    def combine(self, operator: str, left, right, position: int):
        """Apply a binary operator (``""`` is multiplication by juxtaposition)."""
        with self.reporting_at(position):
            if operator == "+":
                value = _add(left, right, 1)
            elif operator == "-":
                value = _add(left, right, -1)
            elif operator == "/":
                value = _divide(left, right)
            else:
                if isinstance(left, Matrix) and isinstance(right, Matrix):
                    self.spend(left.shape[0] * left.shape[1] * right.shape[1], position)
                value = _multiply(left, right)
            return _tame(value)

    def power(self, base, base_start: int, caret: Token):
        """After ``^``: a transpose ``T`` or ``{T}``, or an exponent (right-associative)."""
        if self.matrices is not None and self.transpose_follows():
            if _is_number(base):
                raise self.error("^T (transpose) needs a matrix, not a number", caret.position)
            return base if isinstance(base, _ScaledIdentity) else base.T
        self.exponent_depths.append(self.bracket_depth)
        exponent = self.expression(_BINARY_PRECEDENCE["^"])
        self.exponent_depths.pop()
        with self.reporting_at(caret.position):
            if not _is_number(exponent):
                raise ExpressionError("an exponent must be a number, not a matrix")
            if _is_number(base):
                return _tame(_power_numbers(base, exponent))
            return self.matrix_power(base, exponent, base_start, caret)

    def transpose_follows(self) -> bool:
        """Consume ``T`` or ``{T}`` after a ``^`` if it is there."""
        if (self.peek().kind, self.peek().text) == ("name", "T"):
            self.advance()
            return True
        if ([t.text for t in self.tokens[self.index:self.index + 3]] == ["{", "T", "}"]
                and self.peek(1).kind == "name"):
            self.index += 3
            return True
        return False

    def matrix_power(self, base, exponent, base_start: int, caret: Token):
        """``base^exponent`` for a matrix: a whole exponent; negative ones use the inverse."""
        exponent = _plain(exponent)
        if exponent != int(exponent):
            raise ExpressionError("a matrix power needs a whole number, as in A^2 or A^{-1}")
        k = int(exponent)
        if abs(k) > MAX_MATRIX_POWER:
            raise ExpressionError(f"matrix powers are limited to ±{MAX_MATRIX_POWER}")
        operand = self.text[base_start:caret.position].strip()
        singular = (f"{operand} is singular (det = 0), so {operand}^{{-1}} does not exist")
        if isinstance(base, _ScaledIdentity):
            if k < 0 and base.scale == 0:
                raise ExpressionError(singular)
            return _ScaledIdentity(_tame(_power_numbers(base.scale, Fraction(k))))
        n = base.require_square("a matrix power")
        self.spend(n ** 3 * (2 * abs(k).bit_length() + (k < 0)), caret.position)
        try:
            return _matrix_power(base, k)
        except SingularMatrixError:
            raise ExpressionError(singular) from None

    # -- matrices written out ----------------------------------------------------------------
    def bracket_group(self) -> list:
        """Rows from ``[...]``: either rows of entries split by ``;``, or a list of ``[row]``."""
        self.expect("[")
        self.bracket_depth += 1
        if self.peek().text == "[":
            rows = []
            while self.peek().text == "[":
                rows += self.flat_group()
                if self.peek().text in (",", ";"):
                    self.advance()
        else:
            rows = self.rows_until("]")
        self.expect("]")
        self.bracket_depth -= 1
        return rows

    def flat_group(self) -> list:
        """Rows from one inner ``[...]`` (no deeper brackets: a matrix has only two axes)."""
        self.expect("[")
        self.bracket_depth += 1
        if self.peek().text == "[":
            raise self.error("too many brackets: a matrix has rows and columns only",
                             self.peek().position)
        rows = self.rows_until("]")
        self.expect("]")
        self.bracket_depth -= 1
        return rows

    def rows_until(self, closer: str) -> list:
        """Rows of entries up to ``closer``: entries split by commas or spaces, rows by ``;``
        (and by line breaks when ``newlines_end_rows``). Each row is a list of
        ``(value, position)`` pairs; empty rows (blank lines, a final ``;``) are skipped."""
        rows: list[list[tuple]] = [[]]
        while True:
            token = self.peek()
            if token.kind == "end" or token.text == closer:
                break
            if token.text == ";" or (self.newlines_end_rows and "\n" in token.gap and rows[-1]):
                if token.text == ";":
                    self.advance()
                if rows[-1]:
                    rows.append([])
                continue
            if token.text == ",":
                if not rows[-1] or self.tokens[self.index - 1].text == ",":
                    raise self.error("missing entry before ','", token.position)
                self.advance()
                if self.peek().kind == "end" or self.peek().text in (closer, ";"):
                    raise self.error("missing entry after ','", token.position)
                continue
            if rows[-1] and self.tokens[self.index - 1].text != "," and not token.gap:
                raise self.unexpected(token)  # entries need a comma or a space between them
            rows[-1].append(self.entry())
        return [row for row in rows if row]

    def entry(self) -> tuple:
        """One matrix entry: a number, read until a separator or a space-separated term."""
        position = self.peek().position
        outer, self.entry_depth = self.entry_depth, self.bracket_depth
        value = self.expression()
        self.entry_depth = outer
        if not _is_number(value):
            raise self.error("a matrix entry must be a number, not a matrix", position)
        with self.reporting_at(position):
            value = _plain(value)
            _fits_a_float(value)
        return value, position

    def build_matrix(self, rows: list, position: int) -> Matrix:
        """A Matrix from rows of ``(value, position)``, naming the first row of the wrong length."""
        if not rows:
            raise self.error("a matrix needs at least one entry", position)
        width = len(rows[0])
        for number, row in enumerate(rows[1:], start=2):
            if len(row) != width:
                raise self.error(f"row {number} has {_entries(len(row))}, row 1 has {width}",
                                 row[0][1])
        return Matrix([[value for value, _ in row] for row in rows])

    def numpy_wrapper(self) -> bool:
        """Consume ``array(`` or ``matrix(`` at the start, as numpy's ``repr`` writes it."""
        if self.peek().text in ("array", "matrix") and self.peek(1).text == "(":
            self.index += 2
            return True
        return False

    def numpy_wrapper_end(self) -> None:
        """Consume an optional ``, dtype=...`` and the closing ``)`` of ``array(...)``."""
        if self.peek().text == "," and self.peek(1).text == "dtype":
            while self.peek().kind != "end" and self.peek().text != ")":
                self.advance()
        self.expect(")")


# ------------------------------------------------------------------------------------------
# The public functions
# ------------------------------------------------------------------------------------------
def parse_scalar(text: str):
    """Read one number: a ``Fraction`` when it is exactly rational, otherwise a float.

    Operators: ``+ - * /``, powers ``^`` or ``**`` (right to left: ``2^3^2 = 2^9``), signs,
    brackets ``( )`` or ``{ }``, and multiplication without a sign before a name or bracket
    (``2pi``, ``3(4)``), which binds like ``*``, so ``1/2pi`` is π/2. ``30deg`` or ``30°``
    means degrees. Constants ``pi``/``π``, ``tau``, ``e``; functions sqrt, cbrt, abs, exp,
    ln (``log`` is also the natural log, as in numpy), sin, cos, tan, asin, acos, atan.

    >>> parse_scalar("-0.5"), parse_scalar("2^-1"), parse_scalar("3(4)")
    (Fraction(-1, 2), Fraction(1, 2), Fraction(12, 1))
    >>> parse_scalar("sqrt(2)/2") == 2 ** 0.5 / 2, parse_scalar("1/2pi") == 3.141592653589793 / 2
    (True, True)
    >>> parse_scalar("1 − 2 × 3 ÷ 4")
    Fraction(-1, 2)

    Errors say what is wrong and where (``position`` is 0-based):

    >>> parse_scalar("sqrt(-1)")
    Traceback (most recent call last):
        ...
    kernels.errors.ExpressionError: sqrt of a negative number (-1): this cell needs a real number at position 1: sqrt(-1)
    >>> parse_scalar("(1 + 2")
    Traceback (most recent call last):
        ...
    kernels.errors.ExpressionError: missing ')' at position 7: (1 + 2
    """  # noqa: E501 (a doctest's exception message is one line)
    parser = _Parser(text)
    value = parser.expression()
    parser.expect_end()
    with parser.reporting_at(0):
        value = _plain(value)
        _fits_a_float(value)
    return value


def parse_matrix(text: str) -> Matrix:
    """Read a matrix written in any of the usual ways; each entry is a :func:`parse_scalar` text.

    Rows are separated by ``;``, by line breaks (only when there are no brackets), or
    written as bracketed lists; entries by commas or spaces.

    >>> parse_matrix("1 2; 3 4") == parse_matrix("[[1, 2], [3, 4]]") == parse_matrix("1, 2\\n3, 4")
    True
    >>> parse_matrix("array([[1., 2.],\\n       [3., 4.]])")       # numpy's repr
    Matrix([[1, 2], [3, 4]])
    >>> parse_matrix("[[1.  -0.5]\\n [2.   3. ]]")                # numpy's str
    Matrix([[1, -1/2], [2, 3]])

    The space rule: a space between two terms separates entries, and so does a space before
    a sign stuck to its number (``1 -2`` is two entries, as numpy prints them). A sign
    with spaces on both sides is an operator, and inside brackets spaces never separate:

    >>> parse_matrix("1 -2 3 - 4 (5 -6) sqrt(2)/2")
    Matrix([[1, -2, -1, -1, 0.707107]])

    >>> parse_matrix("1 2; 3 4 5")
    Traceback (most recent call last):
        ...
    kernels.errors.ExpressionError: row 2 has 3 entries, row 1 has 2 at position 6: 1 2; 3 4 5
    """
    parser = _Parser(text)
    wrapped = parser.numpy_wrapper()
    if parser.peek().text == "[":
        rows = []
        while parser.peek().text == "[":
            rows += parser.bracket_group()
            if parser.peek().text in (",", ";") and parser.peek(1).text == "[":
                parser.advance()
    else:
        parser.newlines_end_rows = True
        rows = parser.rows_until(")" if wrapped else "")
    if wrapped:
        parser.numpy_wrapper_end()
    parser.expect_end()
    return parser.build_matrix(rows, 0)


def evaluate(expression: str, names: dict | None = None, *, identity_size: int | None = None):
    """Compute a matrix expression written the way learners write it on paper.

    ``names`` maps capital letters to matrices. Capitals multiply by sitting side by side
    (``AB``, ``2A^{2}B``), as do ``*`` and ``@``. ``A^T`` is the transpose, ``A^{-1}`` or
    ``A^-1`` the inverse, ``[1 2; 3 4]`` a matrix written out, ``rot(45)`` a rotation by
    45 degrees. Numbers follow :func:`parse_scalar`, and a number alone is a number.

    lintrans's notation works too: a number may sit inside a product, right after a matrix
    or a closing bracket (``A^{2}3.4B`` is A²·3.4·B, ``3A4B`` is 3·A·4·B), and a transpose may
    follow a power (``A^{-1}^T`` is (A⁻¹)ᵀ, like ``A^T^{-1}``). With a space, ``A 2`` is
    still a slip, not a product.

    ``I`` is the identity, sized by the matrix it is added to or multiplied with. An ``I``
    that meets no matrix takes ``identity_size`` — or, without one, is an error.

    >>> A, B = Matrix([[1, 2], [3, 4]]), Matrix([[0, 1], [1, 0]])
    >>> evaluate("AB - 2I", {"A": A, "B": B})
    Matrix([[0, 1], [4, 1]])
    >>> evaluate("rot(90) [1; 0]"), evaluate("2^10")
    (Matrix([[0], [1]]), Fraction(1024, 1))
    >>> evaluate("A^{-1}^T", {"A": A}) == evaluate("A^T^{-1}", {"A": A})
    True
    >>> evaluate("2A^{2}3B", {"A": A, "B": B}) == evaluate("2 * A^2 * 3 * B", {"A": A, "B": B})
    True
    >>> evaluate("A + [1 2 3]", {"A": A})
    Traceback (most recent call last):
        ...
    kernels.errors.ExpressionError: cannot add a 2×2 and a 1×3 matrix: the shapes must match at position 3: A + [1 2 3]
    """  # noqa: E501 (a doctest's exception message is one line)
    parser = _Parser(expression, dict(names or {}))
    value = parser.expression()
    parser.expect_end()
    if isinstance(value, _ScaledIdentity):
        if identity_size is None:
            raise parser.error("I needs a size: use it with a matrix, as in A + I", 0)
        value = _identity_like(value, identity_size)
    with parser.reporting_at(0):
        value = _plain(value)
        _fits_a_float(value)
    return value
