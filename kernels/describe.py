"""What a matrix does, in one plain-English sentence.

A 2×2 matrix is a map of the plane, and many have names: rotations, reflections, shears,
projections, scalings. :func:`describe` recognises them (exactly for fractions, to a small
tolerance for floats) and otherwise says what the determinant and the eigenvectors tell:
how areas change, whether orientation flips, and which directions are only stretched.
3×3 matrices get the same treatment for rotations about an axis, reflections across a plane,
projections, scalings and collapses.

>>> describe(Matrix([[0, -1], [1, 0]]))
'rotation by 90°'
>>> describe(Matrix([[1, 2], [2, 4]]))
'collapses the plane onto the line y = 2x; every vector on the line y = −x/2 lands on the origin'
"""

import math
from fractions import Fraction

from .algebraic import QuadraticSurd
from .decompositions import rotation_axis_angle
from .eigen import eigenvectors
from .elimination import _magnitude_text, det, null_space, pivot_columns
from .errors import FloatRangeError, NonFiniteError, ShapeError
from .matrix import Matrix
from .notation import scalar_text

#: Float entries this close (relative to the largest entry) count as equal when naming a matrix.
#: Whether the matrix collapses space is not judged with it: that is the rank's decision
#: (:func:`~kernels.elimination.rank`, with its own tolerance), so words and numbers agree.
TOLERANCE = 1e-9


def _largest_entry(M: Matrix) -> float:
    return max(abs(x.real) + abs(x.imag) if isinstance(x, complex) else float(abs(x))
               for row in M.rows for x in row)


class _Judge:
    """Equality tests for one matrix: exact for fractions, within a tolerance for floats.

    The tolerance is ``TOLERANCE`` times the largest entry, so a matrix of entries near
    1e-300 is judged just like the same matrix scaled up to entries near 1.
    """

    def __init__(self, M: Matrix):
        self.exact = M.is_exact
        self.tolerance = TOLERANCE * _largest_entry(M)

    def equal(self, a, b) -> bool:
        return a == b if self.exact else abs(a - b) <= self.tolerance

    def zero(self, a) -> bool:
        return self.equal(a, 0)

    def same_matrix(self, A: Matrix, B: Matrix) -> bool:
        return all(self.equal(a, b) for r, s in zip(A.rows, B.rows) for a, b in zip(r, s))

    def same_product(self, A: Matrix, B: Matrix, C: Matrix) -> bool:
        """Whether A·B equals C; False when A·B overflows (C's entries are all finite)."""
        try:
            product = A @ B
        except NonFiniteError:
            return False
        return self.same_matrix(product, C)


# -- numbers, angles and lines as text ------------------------------------------------------

def _nice(x):
    """x as a Fraction if it is one, or a float within rounding of a simple fraction; else x.

    Only floats of everyday size are read as fractions: 1e300 stays 1e300 (not its 301
    digits), and a tiny nonzero float is never rounded to a false 0.
    """
    if isinstance(x, Fraction):
        return x
    if x == 0:
        return Fraction(0)
    if not 1e-6 <= abs(x) < 1e15:
        return x
    simple = Fraction(x).limit_denominator(12)
    return simple if abs(simple - x) <= 1e-9 * max(1.0, abs(x)) else x


def _number(x) -> str:
    return scalar_text(_nice(x))


def _degrees(radians: float) -> str:
    """An angle in degrees, as a whole number when it is one: '30°', '53.1301°'."""
    degrees = math.degrees(radians)
    whole = round(degrees)
    return f"{whole}°" if abs(degrees - whole) <= 1e-7 else f"{scalar_text(degrees)}°"


#: Square factors k² are looked for up to this k: enough for every everyday surd, and a
#: bound on the work — trial division up to √(p·q) would take forever for p·q ≈ 1e300.
SQUARE_FACTOR_LIMIT = 1000
#: Surds are written exactly only up to this size (s√r with s and r at most this).
SURD_LIMIT = 10 ** 12


def _square_root(square) -> str:
    """√square written exactly when square is (near) a simple fraction: '2', '√2', '3√2/2'.

    √(p/q) = √(p·q)/q, and √(p·q) = s·√r, pulling square factors k² out of p·q for
    k ≤ ``SQUARE_FACTOR_LIMIT``; if what is left is still not square-free as far as we looked
    (or the numbers are huge) the root is written as a decimal instead.
    """
    square = _nice(square)
    if not isinstance(square, Fraction):
        return scalar_text(math.sqrt(square))
    p, q = square.numerator, square.denominator
    s, r = 1, p * q
    root = math.isqrt(r)
    if root * root == r:
        s, r = root, 1
    for k in range(2, min(math.isqrt(r), SQUARE_FACTOR_LIMIT) + 1):
        while r % (k * k) == 0:
            s, r = s * k, r // (k * k)
    if max(s, r, q) > SURD_LIMIT or (r > SQUARE_FACTOR_LIMIT ** 2 and math.isqrt(r) ** 2 != r):
        return scalar_text(_float_square_root(square))
    outside = Fraction(s, q)
    if r == 1:
        return scalar_text(outside)
    top = "" if outside.numerator == 1 else str(outside.numerator)
    bottom = "" if outside.denominator == 1 else f"/{outside.denominator}"
    return f"{top}√{r}{bottom}"


def _float_square_root(x: Fraction) -> float:
    """√x as a float, for a fraction x that may itself be beyond the float range."""
    half = (x.numerator.bit_length() - x.denominator.bit_length()) // 2
    return math.ldexp(math.sqrt(x / Fraction(2) ** (2 * half)), half)


def _determinant_text(M: Matrix):
    """(|det| as text, det < 0), or None when M is singular.

    Singular means what :func:`~kernels.elimination.rank` says (det is 0 exactly when the rank
    drops: same elimination, same tolerance), so the words never contradict the numbers. A
    det beyond the float range is still described, by its size from the exact value.
    """
    try:
        value = det(M)
    except FloatRangeError:  # |det| > 1.8e308 or < 5e-324: say its size from the exact value
        exact = det(Matrix([[Fraction(x) for x in row] for row in M.rows]))
        size = math.log10(abs(exact.numerator)) - math.log10(exact.denominator)
        return f"about {_magnitude_text(size)}", exact < 0
    if value == 0:
        return None
    return _number(abs(value)), value < 0


def line_equation(direction) -> str:
    """The equation of the line through the origin along a 2D direction: 'y = 2x', 'x = 0'.

    The slope is written exactly when it is a fraction (or a float within rounding of a
    simple one), with a true minus sign.

    >>> line_equation([1, 2]), line_equation([2, -1]), line_equation([3, 0]), line_equation([0, 1])
    ('y = 2x', 'y = −x/2', 'y = 0', 'x = 0')
    >>> line_equation([0.6, 0.8]), line_equation([1.0, 0.123])
    ('y = 4x/3', 'y = 0.123x')

    A slope too long to read exactly (thousands of digits) is written by its decimal:

    >>> line_equation([Fraction(3 * 10**300 + 1), Fraction(10**300)])
    'y ≈ 0.333333x'
    """
    dx, dy = _direction2(direction)
    if dx == 0:
        return "x = 0"
    slope = _nice(dy / dx)
    if slope == 0:
        return "y = 0"
    sign = "−" if slope < 0 else ""
    slope = abs(slope)
    if not isinstance(slope, Fraction):
        return f"y = {sign}{scalar_text(slope)}x"
    readable = scalar_text(slope)
    if readable.startswith("≈"):
        return f"y ≈ {sign}{readable[1:]}x"
    top = "" if slope.numerator == 1 else str(slope.numerator)
    bottom = "" if slope.denominator == 1 else f"/{slope.denominator}"
    return f"y = {sign}{top}x{bottom}"


def _direction2(direction) -> tuple:
    """(dx, dy) with float components that are negligible next to the other set to 0."""
    dx, dy = direction
    if not (isinstance(dx, Fraction) and isinstance(dy, Fraction)):
        dx, dy = float(dx), float(dy)
        size = math.hypot(dx, dy)
        dx, dy = (0.0 if abs(t) <= 1e-12 * size else t for t in (dx, dy))
    if dx == 0 and dy == 0:
        raise ValueError("a line needs a nonzero direction")
    return dx, dy


def line_name(direction) -> str:
    """A learner's name for the line through the origin along a 2D direction.

    >>> line_name([1, 0]), line_name([0, -2]), line_name([1, -1])
    ('the x-axis', 'the y-axis', 'the line y = −x')
    >>> line_name([math.cos(math.radians(20)), math.sin(math.radians(20))])
    'the line at 20°'
    """
    dx, dy = _direction2(direction)
    equation = line_equation((dx, dy))
    if equation == "y = 0":
        return "the x-axis"
    if equation == "x = 0":
        return "the y-axis"
    if not isinstance(_nice(dy / dx), Fraction):
        angle = math.degrees(math.atan2(dy, dx)) % 180
        if abs(angle - round(angle)) <= 1e-7:
            return f"the line at {round(angle)}°"
    return f"the line {equation}"


def _integers(v) -> list:
    """A 3D direction as coprime integers when it is (near) rational, else floats of length 1."""
    largest = max(v, key=abs)
    ratios = [_nice(x / largest) if not isinstance(x, Fraction) else x / largest for x in v]
    if all(isinstance(r, Fraction) for r in ratios):
        scale = math.lcm(*(r.denominator for r in ratios))
        whole = [int(r * scale) for r in ratios]
        divisor = math.gcd(*whole)
        sign = 1 if next(x for x in whole if x) > 0 else -1
        return [sign * x // divisor for x in whole]
    unit = [float(x / largest) for x in v]  # divided by the largest first: no overflow
    length = math.sqrt(sum(x * x for x in unit))
    sign = 1 if next(x for x in unit if abs(x) > 1e-12 * length) > 0 else -1
    return [sign * x / length for x in unit]


_AXES = {(1, 0, 0): "x", (0, 1, 0): "y", (0, 0, 1): "z"}
_AXIS_PLANES = {(1, 0, 0): "the yz-plane", (0, 1, 0): "the xz-plane", (0, 0, 1): "the xy-plane"}


def _line3(direction, v: list | None = None) -> str:
    """'the z-axis' or 'the line through (1, 2, 3)' (``v``: ``_integers(direction)``, if known)."""
    v = _integers(direction) if v is None else v
    if tuple(v) in _AXES:
        return f"the {_AXES[tuple(v)]}-axis"
    return "the line through (" + ", ".join(scalar_text(x) for x in v) + ")"


def _sense3(axis, counter_clockwise: bool, rule: bool = True, named: list | None = None) -> str:
    """Which way a turn about ``axis`` goes, seen from the tip of the line's name.

    ``counter_clockwise`` is the sense seen from the tip of ``axis``. The line is named by its
    direction with a positive first entry (the z-axis, not the −z-axis), so when ``axis``
    points the other way the same turn is clockwise seen from there.

    >>> _sense3([0, 0, 1], True), _sense3([0, 0, -1], True)
    ('counter-clockwise seen from +z (right-hand rule)', 'clockwise seen from +z')
    """
    named = _integers(axis) if named is None else named
    along = sum(float(a) * float(b) for a, b in zip(named, _by_largest(axis))) > 0
    tip = f"+{_AXES[tuple(named)]}" if tuple(named) in _AXES else \
        _line3(axis, named).removeprefix("the line through ")
    if counter_clockwise == along:
        return f"counter-clockwise seen from {tip}" + (" (right-hand rule)" if rule else "")
    return f"clockwise seen from {tip}"


def _turn3(axis, degrees: str, counter_clockwise: bool) -> str:
    """'rotation by 90° about the z-axis, counter-clockwise seen from +z (right-hand rule)'.

    A half turn looks the same both ways, so it gets no direction.
    """
    named = _integers(axis)
    name = _line3(axis, named)
    if degrees == "180°":
        return f"rotation by {degrees} about {name}"
    return f"rotation by {degrees} about {name}, {_sense3(axis, counter_clockwise, named=named)}"


def _complex_turn_sense(axis, space) -> bool:
    """Whether M turns the plane of the complex pair counter-clockwise seen from ``axis``'s tip.

    For the eigenvalue a + bi (b > 0) with eigenvector x + iy, M·x = a·x − b·y: M turns x
    towards −y, which is counter-clockwise about y × x.
    """
    v = space.vectors[0]
    x, y = [complex(t).real for t in v], [complex(t).imag for t in v]
    normal = [y[1] * x[2] - y[2] * x[1], y[2] * x[0] - y[0] * x[2], y[0] * x[1] - y[1] * x[0]]
    return sum(float(a) * b for a, b in zip(_by_largest(axis), normal)) > 0


def _plane3(normal) -> str:
    """'the xy-plane' or 'the plane x + y − 2z = 0', from a vector perpendicular to it."""
    n = _integers(normal)
    if tuple(n) in _AXIS_PLANES:
        return _AXIS_PLANES[tuple(n)]
    terms: list[str] = []
    for c, name in zip(n, "xyz"):
        if c == 0:
            continue
        size = "" if abs(c) == 1 else scalar_text(abs(c))
        sign = ("−" if c < 0 else "") if not terms else (" − " if c < 0 else " + ")
        terms.append(f"{sign}{size}{name}")
    return f"the plane {''.join(terms)} = 0"


def _cross(u, v) -> list:
    """u × v, perpendicular to both. Each vector is first divided by its largest entry (a
    direction is all that matters here), so entries near 1e200 do not overflow to inf.

    >>> _cross([0, 0, 1e200], [0, 1e200, 0])
    [-1.0, 0.0, 0.0]
    """
    u, v = (_by_largest(w) for w in (u, v))
    return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]


def _by_largest(v) -> list:
    """``v`` divided by its largest entry in size (exactly, for exact entries)."""
    largest = abs(max(v, key=abs))
    return list(v) if largest == 0 else [x / largest for x in v]


# -- image and kernel -------------------------------------------------------------------------

def _space_name(basis: tuple, n: int) -> str:
    """Name the span of some independent vectors in the plane or in space."""
    if not basis:
        return "the origin"
    if len(basis) == n:
        return "the whole plane" if n == 2 else "all of space"
    if n == 2:
        return line_name(basis[0])
    if len(basis) == 1:
        return _line3(basis[0])
    return _plane3(_cross(basis[0], basis[1]))


def describe_collapse(M: Matrix) -> str:
    """Where a 2×2 or 3×3 matrix puts everything: its image (column space), named.

    >>> describe_collapse(Matrix([[1, 2], [2, 4]])), describe_collapse(Matrix.zeros(2, 2))
    ('the line y = 2x', 'the origin')
    >>> describe_collapse(Matrix([[1, 0, 1], [0, 1, 1], [0, 0, 0]]))
    'the xy-plane'
    """
    n = _require_plane_or_space(M)
    pivots = pivot_columns(M)  # the same pivots, so the same rank, as rank(M)
    return _space_name(tuple(M.column(j) for j in pivots), n)


def _require_plane_or_space(M: Matrix) -> int:
    n = M.require_square("a description")
    if n not in (2, 3):
        raise ShapeError(f"descriptions are for 2×2 and 3×3 matrices; this one is {n}×{n}")
    return n


# -- describing 2×2 matrices ------------------------------------------------------------------

def _eigenvalue_text(space) -> str:
    """An eigenvalue as text: exact when it is rational or has a closed form (1 + √2·10⁻¹⁰,
    which its decimal would show as 1), else its decimal."""
    if isinstance(space.exact, QuadraticSurd):
        return space.exact.text()
    return _number(space.value)


def _scaled_by(space) -> str:
    return f"scaled by {_eigenvalue_text(space)}"


def _describe2(M: Matrix, judge: _Judge) -> str:
    (a, b), (c, d) = M.rows
    I = Matrix.identity(2)
    if judge.equal(a * a + c * c, 1) and judge.equal(b * b + d * d, 1) and judge.zero(a * b + c * d):
        if judge.equal(a * d - b * c, 1):
            angle = math.atan2(float(c), float(a))
            if judge.zero(c) and a < 0:
                angle = math.pi  # a half turn, never "180° clockwise"
            return f"rotation by {_degrees(abs(angle))}" + (" clockwise" if angle < 0 else "")
        fixed = max((M + I).columns, key=lambda v: float(v[0]) ** 2 + float(v[1]) ** 2)
        return f"reflection across {line_name(fixed)}"
    if judge.zero(b) and judge.zero(c) and not judge.zero(a) and not judge.zero(d):
        if judge.equal(a, d) and a > 0:
            return f"uniform scale by {_number(a)}"
        if not judge.equal(a, d):
            if judge.equal(a, 1):
                return f"scales y by {_number(d)}, leaving x alone"
            if judge.equal(d, 1):
                return f"scales x by {_number(a)}, leaving y alone"
            return f"scales x by {_number(a)} and y by {_number(d)}"
    if judge.equal(a, d) and judge.equal(b, -c) and not (judge.zero(a) and judge.zero(c)):
        angle = math.atan2(float(c), float(a))
        if judge.zero(c):
            angle = math.pi  # −k·I: a half turn
        turn = f"rotates by {_degrees(abs(angle))}" + (" clockwise" if angle < 0 else "")
        return f"{turn} and scales by {_length_text(a, c)}"
    if judge.equal(a, 1) and judge.equal(d, 1) and (judge.zero(b) or judge.zero(c)):
        return f"shear along x by {_number(b)}" if judge.zero(c) else f"shear along y by {_number(c)}"
    determinant = _determinant_text(M)
    if determinant is None:  # rank(M) < 2
        return _describe_singular2(M, judge)
    size, negative = determinant
    area = f"scales areas by {size}"
    if negative:
        area = "flips orientation and " + area
    return f"{area}; {_eigen_clause2(M)}"


def _length_text(a, c) -> str:
    """√(a² + c²), the length of the column (a, c), exactly when it is a simple surd."""
    if isinstance(a, Fraction) and isinstance(c, Fraction):
        return _square_root(a * a + c * c)
    length = math.hypot(float(a), float(c))  # a² + c² itself could overflow
    return _square_root(length * length) if 1e-6 <= length < 1e7 else scalar_text(length)


def _describe_singular2(M: Matrix, judge: _Judge) -> str:
    (a, b), (c, d) = M.rows
    image = max(M.columns, key=lambda v: float(abs(v[0])) + float(abs(v[1])))
    row = (a, b) if float(abs(a)) + float(abs(b)) >= float(abs(c)) + float(abs(d)) else (c, d)
    kernel = (-row[1], row[0])  # perpendicular to a nonzero row, so M sends it to 0
    onto, along = line_name(image), line_name(kernel)
    if judge.same_product(M, M, M):
        if judge.equal(b, c):
            return f"projection onto {onto}"
        return f"projection onto {onto} along {along}"
    return f"collapses the plane onto {onto}; every vector on {along} lands on the origin"


def _eigen_clause2(M: Matrix) -> str:
    spaces = eigenvectors(M)
    if isinstance(spaces[0].value, complex):
        return "no real eigen-directions: every vector is turned"
    if len(spaces) == 1:
        (space,) = spaces
        return (f"only one eigen-direction: vectors on {line_name(space.vectors[0])} "
                f"are {_scaled_by(space)}")
    first, second = spaces
    return (f"vectors on {line_name(first.vectors[0])} are {_scaled_by(first)} "
            f"and vectors on {line_name(second.vectors[0])} by {_eigenvalue_text(second)}")


# -- describing 3×3 matrices ------------------------------------------------------------------

def _shear3(M: Matrix, judge: _Judge) -> str | None:
    """An elementary shear I + k·e_i·e_jᵀ (one nonzero entry off a unit diagonal): points
    slide along axis i by k times their coordinate j, so volumes are unchanged.

    >>> _shear3(Matrix([[1, 0, 0], [0, 1, 2], [0, 0, 1]]), _Judge(Matrix.identity(3)))
    'shear along y by 2·z: each point slides along the y-axis by 2 times its z'
    """
    axes = "xyz"
    if not all(judge.equal(M[i, i], 1) for i in range(3)):
        return None
    off = [(i, j) for i in range(3) for j in range(3) if i != j and not judge.zero(M[i, j])]
    if len(off) != 1:
        return None
    (i, j), = off
    k = _number(M[i, j])
    return (f"shear along {axes[i]} by {k}·{axes[j]}: each point slides along the "
            f"{axes[i]}-axis by {k} times its {axes[j]}")


def _describe3(M: Matrix, judge: _Judge) -> str:
    I = Matrix.identity(3)
    diagonal = [M[i, i] for i in range(3)]
    off_diagonal_zero = all(judge.zero(M[i, j]) for i in range(3) for j in range(3) if i != j)
    # an orthogonal matrix has columns of length 1, so no entry beyond 1: skip Mᵀ·M otherwise
    if _largest_entry(M) <= 1 + judge.tolerance and judge.same_product(M.T, M, I):
        if judge.equal(det(M), 1):
            axis, angle = rotation_axis_angle(M)  # counter-clockwise seen from the axis's tip
            return _turn3(axis, _degrees(angle), True)
        if judge.same_matrix(M, -I):
            return "point reflection through the origin: every vector is reversed"
        if judge.same_matrix(M, M.T) and judge.equal(sum(diagonal), 1):
            normal = max((I - M).columns, key=lambda v: sum(float(x) ** 2 for x in v))
            return f"reflection across {_plane3(normal)}"
        # −M is a rotation R by some angle about the axis; M = −R is R followed by a half turn
        # about the same axis (angle + 180°, i.e. 180° − angle the other way) and a reflection
        # across the plane perpendicular to it
        axis, angle = rotation_axis_angle(-M)
        return (f"{_turn3(axis, _degrees(math.pi - angle), False)}, combined with "
                f"reflection across the plane perpendicular to it")
    if off_diagonal_zero and not any(judge.zero(x) for x in diagonal):
        if judge.equal(diagonal[0], diagonal[1]) and judge.equal(diagonal[1], diagonal[2]) \
                and diagonal[0] > 0:
            return f"uniform scale by {_number(diagonal[0])}"
        return f"scales x by {_number(diagonal[0])}, y by {_number(diagonal[1])} " \
               f"and z by {_number(diagonal[2])}"
    shear = _shear3(M, judge)
    if shear:
        return shear
    determinant = _determinant_text(M)
    if determinant is None:  # rank(M) < 3: the same decision as rank() and inverse()
        image = _space_name(tuple(M.column(j) for j in pivot_columns(M)), 3)
        kernel = _space_name(null_space(M), 3)
        if judge.same_product(M, M, M):
            if judge.same_matrix(M, M.T):
                return f"projection onto {image}"
            return f"projection onto {image} along {kernel}"
        where = "in" if "plane" in kernel else "on"
        shape = "a plane" if "plane" in image else "a line"
        return (f"collapses space onto {image} (the image is {shape} in space); "
                f"every vector {where} {kernel} lands on the origin")
    size, negative = determinant
    text = f"scales volumes by {size}"
    if negative:
        text = "flips orientation and " + text
    spaces = eigenvectors(M)
    real = [s for s in spaces if not isinstance(s.value, complex)]
    directions = sum(s.geometric_multiplicity for s in real)
    if directions == 1:
        axis = real[0].vectors[0]
        named = _integers(axis)
        line = _line3(axis, named)
        if len(real) < len(spaces):
            upper = next(s for s in spaces if isinstance(s.value, complex) and s.value.imag > 0)
            sense = _sense3(axis, _complex_turn_sense(axis, upper), rule=False, named=named)
            return (f"{text}; it turns space around {line}, {sense}, and the vectors on it "
                    f"are {_scaled_by(real[0])}")
        return f"{text}; only one eigen-direction: vectors on {line} are {_scaled_by(real[0])}"
    return f"{text}; {directions} independent eigen-directions"


def describe(M: Matrix) -> str:
    """One sentence saying what a 2×2 or 3×3 matrix does to the plane or to space.

    >>> describe(Matrix.identity(2))
    'the identity: every vector stays where it is'
    >>> describe(Matrix([[1, 1], [0, 1]])), describe(Matrix([[0, 1], [1, 0]]))
    ('shear along x by 1', 'reflection across the line y = x')
    >>> describe(Matrix([[1, -1], [1, 1]]))
    'rotates by 45° and scales by √2'
    >>> describe(Matrix([[2, 1], [1, 2]]))
    'scales areas by 3; vectors on the line y = x are scaled by 3 and vectors on the line y = −x by 1'
    >>> describe(Matrix([[0, 0, -1], [0, 1, 0], [1, 0, 0]]))
    'rotation by 90° about the y-axis, clockwise seen from +y'
    """
    n = _require_plane_or_space(M)
    if any(isinstance(x, complex) for row in M.rows for x in row):
        return "a matrix with complex entries: it acts on complex vectors, which cannot be drawn"
    judge = _Judge(M)
    if judge.same_matrix(M, Matrix.identity(n)):
        return "the identity: every vector stays where it is"
    if all(x == 0 for row in M.rows for x in row):  # rank 0: only the zero matrix has it
        return "the zero matrix: every vector collapses to the origin"
    return _describe2(M, judge) if n == 2 else _describe3(M, judge)
