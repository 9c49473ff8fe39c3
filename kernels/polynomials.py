"""Polynomials with exact rational coefficients: the algebra behind exact eigenvalues.

A polynomial is a list of its coefficients, highest degree first: ``[1, -3, 2]`` is
x² − 3x + 2. With ``Fraction`` coefficients every step below is exact, so questions such as
"is this root repeated?" or "how many real roots lie between 1 and 2?" get exact answers —
floats could only guess them.

* **Repeated roots** are found by the greatest common divisor: a root of p is repeated
  exactly when it is also a root of the derivative p′, so ``gcd(p, p′)`` collects the
  repeated roots and ``p / gcd(p, p′)`` has each root once (the *square-free part*).
* **Real roots are counted** by a Sturm sequence: p, p′, then each next one is minus the
  remainder of the two before. The number of sign changes along the sequence drops by one
  each time x passes a root of p, so the count at a minus the count at b is the number of
  roots in (a, b].
* **Real roots are isolated** by halving an interval that holds all of them until each piece
  holds exactly one, and **narrowed** as far as wanted by sign changes, so a root is known
  to any precision without ever being rounded.

>>> p = [1, 0, -2]                      # x² − 2, whose roots are ±√2
>>> count_real_roots(sturm_sequence(p), Fraction(1), Fraction(2))
1
>>> low, high = narrow(p, (Fraction(1), Fraction(2)), Fraction(1, 10 ** 6))
>>> float(low) < 2 ** 0.5 < float(high), float(high - low) <= 1e-6
(True, True)
>>> [(text(f), k) for f, k in squarefree_factors([1, -5, 8, -4])]   # (x − 1)(x − 2)²
[('x − 1', 1), ('x − 2', 2)]
"""

import math
from fractions import Fraction

from .notation import scalar_text

# -- arithmetic ------------------------------------------------------------------------------
#
# Coefficients may be whole numbers (``int``) or ``Fraction``s: whole-number arithmetic is
# many times faster, and the characteristic polynomial of an integer matrix is all whole
# numbers. Only division could leave them, so it goes through :func:`exact_quotient`.


def exact_quotient(a, b):
    """a / b, exactly: a whole number when b divides a, else a ``Fraction`` (never a float,
    which is what ``/`` gives for two ints).

    >>> exact_quotient(6, 3), exact_quotient(1, 3), exact_quotient(Fraction(1, 2), 2)
    (2, Fraction(1, 3), Fraction(1, 4))
    """
    if type(a) is int and type(b) is int:
        quotient, remainder = divmod(a, b)
        return quotient if remainder == 0 else Fraction(a, b)
    return a / b



def evaluate(poly, x):
    """p(x) by Horner's rule: ((c₀x + c₁)x + c₂)x + …, one product and one sum per coefficient.

    >>> evaluate([1, -3, 2], 5)          # 25 − 15 + 2
    12
    """
    result = 0 * x
    for c in poly:
        result = result * x + c
    return result


def derivative(poly) -> list:
    """p′: each term cxᵏ becomes kcxᵏ⁻¹.

    >>> derivative([1, -3, 2])           # (x² − 3x + 2)′ = 2x − 3
    [2, -3]
    """
    degree = len(poly) - 1
    return [c * (degree - i) for i, c in enumerate(poly[:-1])] or [Fraction(0)]


def trim(poly) -> list:
    """The polynomial without its leading zero coefficients (the zero polynomial is ``[0]``)."""
    i = 0
    while i < len(poly) - 1 and poly[i] == 0:
        i += 1
    return list(poly[i:])


def divide(numerator, denominator) -> tuple:
    """Long division: (quotient, remainder) with numerator = quotient·denominator + remainder.

    >>> [str(c) for part in divide([1, 0, -1], [1, -1]) for c in part]   # x² − 1 = (x + 1)(x − 1)
    ['1', '1', '0']
    """
    numerator, denominator = trim(numerator), trim(denominator)
    quotient = []
    remainder = list(numerator)
    lead = denominator[0]
    while len(remainder) >= len(denominator):
        factor = exact_quotient(remainder[0], lead)
        quotient.append(factor)
        remainder = [r - factor * d for r, d in zip(remainder[1:], denominator[1:])] \
            + remainder[len(denominator):]
    return quotient or [0], trim(remainder or [0])


def monic(poly) -> list:
    """p divided by its leading coefficient, so that it starts with 1."""
    poly = trim(poly)
    return [exact_quotient(c, poly[0]) for c in poly]


def monic_gcd(p, q) -> list:
    """The greatest common divisor of p and q, monic, by Euclid's algorithm on polynomials.

    >>> [str(c) for c in monic_gcd([1, -3, 2], [1, -1])]     # x − 1 divides x² − 3x + 2
    ['1', '-1']
    """
    while trim(q) != [0]:
        p, q = q, divide(p, q)[1]
    return monic(p)


def squarefree_factors(poly):
    """Yun's algorithm: p = f₁·f₂²·f₃³·… with each fₖ free of repeated roots; yields (fₖ, k).

    Dividing p by ``gcd(p, p′)`` leaves each root once; comparing that with the derivative
    peels off the roots of multiplicity 1, then 2, and so on. The fₖ share no root, so each
    root of p appears in exactly one of them, with its multiplicity k — decided exactly.

    >>> [(text(f), k) for f, k in squarefree_factors([1, -2, 1, 0])]   # x(x − 1)²
    [('x', 1), ('x − 1', 2)]
    """
    poly = monic(poly)
    slope = derivative(poly)
    common = monic_gcd(poly, slope)
    if len(common) == 1:  # gcd(p, p′) = 1: no root is repeated
        yield poly, 1
        return
    b = divide(poly, common)[0]
    c = divide(slope, common)[0]
    d = subtract(c, derivative(b))
    multiplicity = 1
    while len(b) > 1:
        factor = monic_gcd(b, d)
        if len(factor) > 1:
            yield factor, multiplicity
        b = divide(b, factor)[0]
        d = subtract(divide(d, factor)[0], derivative(b))
        multiplicity += 1


def subtract(p, q) -> list:
    """p − q, lining up the constant terms."""
    width = max(len(p), len(q))
    p, q = [0] * (width - len(p)) + list(p), [0] * (width - len(q)) + list(q)
    return trim([a - b for a, b in zip(p, q)])


def shifted(poly, c) -> list:
    """The coefficients of p(x + c): the same roots, each moved by −c (a Taylor shift).

    Repeated synthetic division by x − c peels off the coefficients one at a time.

    >>> shifted([1, -2, 1], 1)            # (x + 1 − 1)² = x²
    [1, 0, 0]
    """
    coefficients = list(poly)
    for end in range(len(coefficients) - 1, 0, -1):
        for i in range(1, end + 1):
            coefficients[i] += c * coefficients[i - 1]
    return coefficients


def integer_multiple(poly) -> list:
    """The same polynomial times a positive number that clears every denominator.

    The roots, and the sign of p(x) everywhere, do not change; whole-number arithmetic is
    much faster than fractions.

    >>> integer_multiple([Fraction(1, 2), Fraction(-1, 3)])
    [3, -2]
    """
    common = math.lcm(*(Fraction(c).denominator for c in poly))
    return [int(c * common) for c in poly]


def text(poly, variable: str = "x") -> str:
    """A polynomial as a learner writes it: ``x³ − 3x + 1``.

    >>> text([1, 0, -3, 1]), text([2, Fraction(-1, 2)], "λ")
    ('x³ − 3x + 1', '2λ − 1/2')
    """
    powers = "⁰¹²³⁴⁵⁶⁷⁸⁹"
    degree = len(poly) - 1
    terms: list[str] = []
    for i, c in enumerate(poly):
        k = degree - i
        if c == 0:
            continue
        size = abs(c)
        name = "" if k == 0 else variable + ("" if k == 1 else "".join(powers[int(d)] for d in str(k)))
        number = "" if size == 1 and k else scalar_text(size)
        sign = ("−" if c < 0 else "") if not terms else (" − " if c < 0 else " + ")
        terms.append(f"{sign}{number}{name}")
    return "".join(terms) or "0"


# -- counting and isolating real roots ---------------------------------------------------------

def sturm_sequence(poly) -> list:
    """p, p′, then −(remainder of the two before), until a constant: as whole-number polynomials.

    Each member may be scaled by any positive number (signs are all that count), so they
    are kept with whole-number coefficients. p must have no repeated roots.

    >>> sturm_sequence([1, 0, -2])        # x² − 2, 2x, then 2
    [[1, 0, -2], [1, 0], [1]]
    """
    sequence = [integer_multiple(poly), integer_multiple(derivative(poly))]
    while len(sequence[-1]) > 1:
        remainder = divide(sequence[-2], sequence[-1])[1]
        if remainder == [0]:
            break
        sequence.append(_primitive([-c for c in integer_multiple(remainder)]))
    sequence[1:] = [_primitive(p) for p in sequence[1:]]
    return sequence


def _primitive(poly: list) -> list:
    """A whole-number polynomial divided by the gcd of its coefficients (signs are kept)."""
    divisor = math.gcd(*poly) or 1
    return [c // divisor for c in poly]


def sign_at(poly, x: Fraction) -> int:
    """The sign (−1, 0 or 1) of a whole-number polynomial at x = a/b, in whole numbers.

    bᵈ·p(a/b) = c₀aᵈ + c₁aᵈ⁻¹b + … + c_d·bᵈ has the sign of p(a/b), since bᵈ > 0; Horner's
    rule computes it with one more power of b at each step.

    >>> sign_at([1, 0, -2], Fraction(7, 5)), sign_at([1, 0, -2], Fraction(3, 2))   # 1.4² < 2 < 1.5²
    (-1, 1)
    """
    return _sign(homogeneous_value(poly, x.numerator, x.denominator))


def homogeneous_value(poly, a: int, b: int) -> int:
    """bᵈ·p(a/b) for a whole-number polynomial of degree d, in whole numbers (b > 0):
    c₀aᵈ + c₁aᵈ⁻¹b + … + c_d·bᵈ, by Horner's rule with one more power of b at each step.

    >>> homogeneous_value([1, 0, -2], 3, 2)      # 2²·((3/2)² − 2) = 9 − 8
    1
    """
    value, power = 0, 1
    for c in poly:
        value = value * a + c * power
        power *= b
    return value


def sign_changes(sequence, x: Fraction) -> int:
    """How often the signs of the Sturm sequence at x change, zeros skipped."""
    signs = [s for s in (sign_at(p, x) for p in sequence) if s]
    return sum(1 for s, t in zip(signs, signs[1:]) if s != t)


def count_real_roots(sequence, low: Fraction, high: Fraction) -> int:
    """The number of distinct real roots in (low, high], by Sturm's theorem."""
    return sign_changes(sequence, low) - sign_changes(sequence, high)


def root_bound(poly) -> Fraction:
    """A power of two B with every root (real or complex) of p inside |x| < B.

    Cauchy's bound: |x| < 1 + max |cᵢ/c₀|. (A power of two keeps every bisection point a
    short binary fraction.)
    """
    poly = monic(poly)
    largest = max((abs(c) for c in poly[1:]), default=Fraction(0))
    bound = Fraction(2)
    while bound < 1 + largest:
        bound *= 2
    return bound


def isolate_real_roots(poly) -> list:
    """Intervals (low, high], one per real root of p (no repeated roots), smallest root first.

    Start from (−B, B], which holds every root, and halve: a piece whose Sturm count is 0 is
    dropped, 1 is kept, more is halved again. Roots are distinct, so this ends.

    >>> [(str(a), str(b)) for a, b in isolate_real_roots([1, 0, -2])]   # −√2 and √2
    [('-4', '0'), ('0', '4')]
    """
    sequence = sturm_sequence(poly)
    bound = root_bound(poly)
    pending = [(-bound, bound, count_real_roots(sequence, -bound, bound))]
    found = []
    while pending:
        low, high, count = pending.pop()
        if count == 0:
            continue
        if count == 1:
            found.append((low, high))
            continue
        middle = (low + high) / 2
        left = count_real_roots(sequence, low, middle)
        pending += [(low, middle, left), (middle, high, count - left)]
    return sorted(found)


def narrow(poly, interval: tuple, width: Fraction) -> tuple:
    """Shrink an interval holding exactly one root of p until it is at most ``width`` wide.

    The interval (low, high) must have p(low) and p(high) of opposite signs (no root at either
    end). Each step guesses with Newton's method from the middle, x − p(x)/p′(x), and keeps
    a tiny interval around the guess only if p changes sign across it: the guess is checked
    exactly, never trusted. When the check fails, the interval is halved instead. Newton's
    guesses make it fast, the signs make it certain. If p is 0 at a point tried, that point
    is the root, and ``(root, root)`` is returned.

    The points are kept on a grid of binary fractions m/2ˢ, and p is evaluated there in
    whole numbers, 2^(s·d)·p(m/2ˢ) (see :func:`homogeneous_value`): no fractions at all.

    >>> low, high = narrow([1, 0, -2], (Fraction(1), Fraction(2)), Fraction(1, 2 ** 60))
    >>> low ** 2 < 2 < high ** 2 and high - low <= Fraction(1, 2 ** 60)   # √2 is inside
    True
    """
    whole = integer_multiple(poly)
    slope = derivative(whole)
    low, high = interval
    s = max(_binary_exponent(low), _binary_exponent(high), 0)
    lo, hi = int(low * 2 ** s), int(high * 2 ** s)
    if Fraction(lo, 2 ** s) != low or Fraction(hi, 2 ** s) != high:
        raise ValueError("narrow needs ends that are binary fractions")
    lo_sign = _sign(homogeneous_value(whole, lo, 1 << s))
    while hi - lo > width * 2 ** s:
        if hi - lo < 1 << 24:  # refine the grid: room for Newton's guesses between the ends
            lo, hi, s = lo << 32, hi << 32, s + 32
        middle = (lo + hi) // 2
        value, change = homogeneous_value(whole, middle, 1 << s), homogeneous_value(slope, middle, 1 << s)
        if value == 0:
            return Fraction(middle, 2 ** s), Fraction(middle, 2 ** s)
        if change != 0:
            guess = middle - value // change  # p/p′ in grid steps: 2ˢ·p/p′ = value/change
            radius = max((hi - lo) >> 20, int(width * 2 ** s) // 4, 1)
            a, b = guess - 2 * radius, guess + 2 * radius
            if lo < a and b < hi:
                sign_a, sign_b = (_sign(homogeneous_value(whole, x, 1 << s)) for x in (a, b))
                if sign_a == 0:
                    return Fraction(a, 2 ** s), Fraction(a, 2 ** s)
                if sign_b == 0:
                    return Fraction(b, 2 ** s), Fraction(b, 2 ** s)
                if sign_a != sign_b:
                    lo, hi, lo_sign = a, b, sign_a
                    continue
        if _sign(value) == lo_sign:
            lo = middle
        else:
            hi = middle
    return Fraction(lo, 2 ** s), Fraction(hi, 2 ** s)


def _binary_exponent(x: Fraction) -> int:
    """s with x·2ˢ a whole number, for a binary fraction x (its denominator a power of two)."""
    return Fraction(x).denominator.bit_length() - 1


def _sign(x: int) -> int:
    return (x > 0) - (x < 0)


# -- arithmetic with a root of g: polynomials modulo g ------------------------------------------
#
# To compute with a root λ of g without knowing λ's digits, compute with polynomials in λ and
# replace λ's powers from deg g up using g(λ) = 0: that is, take remainders modulo g. Whatever
# comes out holds for every root of g at once (for both roots of x² − 2, √2 and −√2, say).

def multiply_modulo(p, q, g) -> list:
    """p·q with g(x) = 0 used to lower the degree: the remainder of p·q divided by g.

    >>> [str(c) for c in multiply_modulo([1, 1], [1, -1], [1, 0, -2])]   # (√2 + 1)(√2 − 1) = 1
    ['1']
    """
    return divide(_times(p, q), g)[1]


def inverse_modulo(a, g) -> tuple:
    """(1/a, None) modulo g, by the extended Euclidean algorithm — or (None, d) when a and g
    share a factor d: then a is 0 at the roots of d and not at the others, and g splits.

    >>> [str(c) for c in inverse_modulo([1, 1], [1, 0, -2])[0]]   # 1/(√2 + 1) = √2 − 1
    ['1', '-1']
    >>> inverse_modulo([1, -1], [1, 0, -1])[1]                   # x − 1 is 0 at the root 1 of x² − 1
    [1, -1]
    """
    r0, r1 = trim(g), trim(a)
    s0, s1 = [Fraction(0)], [Fraction(1)]  # sᵢ·a ≡ rᵢ modulo g
    while r1 != [0]:
        quotient, remainder = divide(r0, r1)
        r0, r1 = r1, remainder
        s0, s1 = s1, subtract(s0, divide(_times(quotient, s1), g)[1])
    if len(r0) > 1:
        return None, monic(r0)
    return [exact_quotient(c, r0[0]) for c in s0], None


def _times(p, q) -> list:
    """p·q, term by term."""
    product = [0] * (len(p) + len(q) - 1)
    for i, a in enumerate(p):
        for j, b in enumerate(q):
            product[i + j] += a * b
    return product
