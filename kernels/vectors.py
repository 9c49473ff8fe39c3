"""Vectors as arrows: length, angle, projection, and what a set of them can reach.

A vector is an arrow from the origin. The dot product measures how much two arrows agree;
from it come length (‖v‖² = v·v), angle (cos θ = u·v / ‖u‖‖v‖) and projection. A *linear
combination* c₁v₁ + … + cₖvₖ scales the arrows and adds them tip to tail; the *span* is every
point such combinations reach. Rational input gives exact answers.

>>> span([(1, 2), (2, 4)]).relation.text        # v2 is v1 twice over: they reach only a line
'2·v1 − 1·v2 = 0'
>>> combination((3, 5), [(1, 2), (2, 3)]).explanation
'(3, 5) = 1·v1 + 1·v2'
"""

import math
from dataclasses import dataclass
from fractions import Fraction

from .elimination import null_space, rref, solve
from .errors import LinearAlgebraError, ShapeError
from .matrix import Matrix, Vector
from .notation import coefficient_text, combination_text, is_negative, vector_text


@dataclass(frozen=True)
class DependencyRelation:
    """A combination of the vectors, not all coefficients zero, that adds up to the zero vector.

    ``coefficients`` are exact and scaled to coprime integers for rational input, with the first
    nonzero one positive; ``text`` reads like ``2·v1 − 1·v2 + 0·v3 = 0``; ``redundant`` is the
    (0-based) index of a vector that adds nothing new: it is a combination of the ones before it.
    """

    coefficients: tuple
    text: str
    redundant: int


@dataclass(frozen=True)
class SpanResult:
    """The span of some vectors: its ``dimension``, a ``basis`` drawn from the vectors themselves,
    their 0-based ``basis_indices``, and a ``relation`` among the vectors (``None`` if they are
    independent)."""

    dimension: int
    basis: tuple
    basis_indices: tuple
    relation: DependencyRelation | None


@dataclass(frozen=True)
class CombinationResult:
    """Whether ``target`` is a combination of the vectors, the ``coefficients`` if so, and why."""

    reachable: bool
    coefficients: tuple | None
    explanation: str


def _vector(v) -> Vector:
    return v if isinstance(v, Vector) else Vector(v)


def _same_length(u: Vector, v: Vector, what: str) -> None:
    if len(u) != len(v):
        raise ShapeError(f"{what} needs two vectors of the same length, not {len(u)} and {len(v)}")


def _names(names, count: int) -> tuple:
    """The given names, or v1, v2, … vk."""
    if names is None:
        return tuple(f"v{i + 1}" for i in range(count))
    if len(names) != count:
        raise ShapeError(f"{len(names)} names were given for {count} vectors")
    return tuple(names)


def _vectors(vectors) -> list:
    """The vectors as Vector objects, all of one length."""
    vectors = [_vector(v) for v in vectors]
    for i, v in enumerate(vectors[1:], start=2):
        if len(v) != len(vectors[0]):
            raise ShapeError(f"v{i} has {len(v)} components but v1 has {len(vectors[0])}: "
                             f"vectors must live in the same space")
    return vectors


def dot(u, v):
    """u·v = Σ uᵢvᵢ: positive when u and v point roughly the same way, 0 when perpendicular.

    >>> dot((1, 2, 3), (4, 5, 6))                  # 4 + 10 + 18
    Fraction(32, 1)
    >>> dot((1, 0), (0, 1))
    Fraction(0, 1)
    """
    u, v = _vector(u), _vector(v)
    _same_length(u, v, "a dot product")
    return sum((a * b for a, b in zip(u, v)), Fraction(0))


def norm(v):
    """‖v‖ = √(v·v), the length of the arrow: Pythagoras in any number of dimensions.

    A square root is rarely rational, so the answer is a float — except when v·v is the square
    of a rational, when it is an exact ``Fraction``.

    >>> norm((3, 4)), norm((1, 1))
    (Fraction(5, 1), 1.4142135623730951)
    >>> norm((1e300, 1e300))                       # no overflow on the way
    1.4142135623730952e+300
    """
    v = _vector(v)
    if v.is_exact:
        square = dot(v, v)
        top, bottom = math.isqrt(square.numerator), math.isqrt(square.denominator)
        if top * top == square.numerator and bottom * bottom == square.denominator:
            return Fraction(top, bottom)
        return math.sqrt(square)
    return math.hypot(*(abs(x) for x in v))


def _nonzero(v: Vector, what: str) -> float:
    """‖v‖, after checking v is not the zero vector (which has no direction)."""
    length = norm(v)
    if length == 0:
        raise LinearAlgebraError(f"{what} is undefined for the zero vector: it has no direction")
    return length


def angle(u, v) -> float:
    """The angle θ between u and v, in radians: cos θ = u·v / (‖u‖‖v‖).

    acos loses accuracy near 0° and 180°, so θ is computed as atan2(sin θ, cos θ): for exact
    input from ‖u‖²‖v‖² − (u·v)² = (‖u‖‖v‖ sin θ)², for floats from the unit vectors û, v̂ as
    θ = 2·atan2(‖û − v̂‖, ‖û + v̂‖).

    >>> angle((1, 0), (0, 2)) == math.pi / 2
    True
    >>> round(math.degrees(angle((1, 0), (1, 1))), 9), angle((1, 1), (-2, -2)) == math.pi
    (45.0, True)
    """
    u, v = _vector(u), _vector(v)
    _same_length(u, v, "an angle")
    if any(isinstance(x, complex) for x in (*u, *v)):
        raise LinearAlgebraError("the angle between vectors is defined here for real vectors only")
    nu, nv = _nonzero(u, "an angle"), _nonzero(v, "an angle")
    if u.is_exact and v.is_exact:
        cosine_part = dot(u, v)
        sine_part = math.sqrt(dot(u, u) * dot(v, v) - cosine_part ** 2)
        return math.atan2(sine_part, float(cosine_part))
    hat_u = [float(a) / nu for a in u]
    hat_v = [float(b) / nv for b in v]
    sum_length = math.hypot(*(a + b for a, b in zip(hat_u, hat_v)))
    return 2 * math.atan2(math.dist(hat_u, hat_v), sum_length)


def project(u, onto) -> Vector:
    """The shadow of u on the line through ``onto``: (u·v / v·v)·v, exact for rational input.

    What is left over, u − project(u, onto=v), is perpendicular to v.

    >>> project((2, 3), onto=(1, 0))
    Vector([2, 0])
    >>> project((1, 2), onto=(1, 1))
    Vector([3/2, 3/2])
    """
    u, v = _vector(u), _vector(onto)
    _same_length(u, v, "a projection")
    length = _nonzero(v, "projecting onto a line")
    if u.is_exact and v.is_exact:
        return v * (dot(u, v) / dot(v, v))
    unit = v / length  # through the unit vector, so huge entries cannot overflow
    return unit * dot(u, unit)


def cross(u, v) -> Vector:
    """u × v, the 3D vector perpendicular to both whose length is the area of their parallelogram.

    >>> cross((1, 0, 0), (0, 1, 0))               # x̂ × ŷ = ẑ
    Vector([0, 0, 1])
    """
    u, v = _vector(u), _vector(v)
    if len(u) != 3 or len(v) != 3:
        raise ShapeError(f"the cross product is defined for 3D vectors only, not lengths "
                         f"{len(u)} and {len(v)}")
    return Vector([u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]])


def linear_combination(coefficients, vectors) -> Vector:
    """c₁v₁ + c₂v₂ + … + cₖvₖ: scale each arrow, then add them tip to tail.

    >>> linear_combination([2, -1], [(1, 0), (0, 1)])
    Vector([2, -1])
    """
    vectors = _vectors(vectors)
    if len(coefficients) != len(vectors):
        raise ShapeError(f"{len(coefficients)} coefficients for {len(vectors)} vectors: "
                         f"each vector needs exactly one")
    if not vectors:
        raise ShapeError("a linear combination needs at least one vector")
    total = vectors[0] * coefficients[0]
    for c, v in zip(coefficients[1:], vectors[1:]):
        total = total + v * c
    return total


def _integer_scaled(coefficients) -> tuple:
    """Scale a relation to coprime integers when it is rational; make the first nonzero positive."""
    if all(isinstance(c, Fraction) for c in coefficients):
        common = math.lcm(*(c.denominator for c in coefficients))
        divisor = math.gcd(*(c.numerator * (common // c.denominator) for c in coefficients))
        coefficients = [c * common / divisor for c in coefficients]
    if is_negative(next(c for c in coefficients if c != 0)):
        coefficients = [0 - c for c in coefficients]
    return tuple(coefficients)


def span(vectors, names=None) -> SpanResult:
    """Everything the vectors reach by linear combinations: its dimension, a basis, a dependency.

    Put the vectors in the columns of a matrix and row-reduce: the pivot columns are a basis
    (each adds a new direction), and each free column is a vector that adds nothing new.
    The first free column gives the dependency relation.

    >>> result = span([(1, 2), (2, 4), (0, 1)])
    >>> result.dimension, result.basis_indices        # v1 and v3 already reach the whole plane
    (2, (0, 2))
    >>> result.relation.text, result.relation.redundant
    ('2·v1 − 1·v2 + 0·v3 = 0', 1)
    >>> span([(0, 0)]).relation.text                  # the zero vector depends on anything
    '1·v1 = 0'
    """
    vectors = _vectors(vectors)
    names = _names(names, len(vectors))
    if not vectors:  # no vectors reach only the origin
        return SpanResult(0, (), (), None)
    columns = Matrix.from_columns(vectors)
    pivots = rref(columns).pivots
    relation = None
    if len(pivots) < len(vectors):
        coefficients = _integer_scaled(null_space(columns)[0])
        redundant = next(j for j in range(len(vectors)) if j not in pivots)
        relation = DependencyRelation(coefficients, combination_text(coefficients, names) + " = 0",
                                      redundant)
    return SpanResult(len(pivots), tuple(vectors[p] for p in pivots), pivots, relation)


def _term(c, variable: str) -> str:
    """``2x``, ``x``, ``(1/2)x``: a coefficient written in front of a variable, 1 left out."""
    return variable if c == 1 else f"{coefficient_text(c)}{variable}"


def _equation(coefficients, variables) -> str:
    """``x − 2y + z`` from coefficients (1, −2, 1): zero terms dropped, true minus signs."""
    parts: list[str] = []
    for c, variable in zip(coefficients, variables):
        if c == 0:
            continue
        negative = is_negative(c)
        term = _term(-c if negative else c, variable)
        if not parts:
            parts.append(("−" if negative else "") + term)
        else:
            parts.append((" − " if negative else " + ") + term)
    return "".join(parts) or "0"


def _reach(basis: tuple, size: int) -> str:
    """What a span with this basis is, inside ``size``-dimensional space, in words."""
    if not basis:
        return "the origin"
    if len(basis) == 1 and size == 2:
        # imported here: describe needs eigen, whose exact roots need radicals, which needs us
        from .describe import line_name

        return line_name(basis[0])
    if len(basis) == 1 and size == 3:
        return f"the line through the origin along {vector_text(basis[0])}"
    if len(basis) == 2 and size == 3:
        normal = _integer_scaled(cross(*basis))
        return f"the plane {_equation(normal, 'xyz')} = 0"
    return f"a {len(basis)}-dimensional subspace of {size}-dimensional space"


def combination(target, vectors, names=None) -> CombinationResult:
    """Can ``target`` be built as c₁v₁ + … + cₖvₖ? Solve for the coefficients and say why.

    The coefficients solve A c = target, where the vectors are the columns of A. When the
    vectors are dependent there are infinitely many ways; this gives the one with the free
    coefficients 0.

    >>> combination((3, 5), [(1, 2), (2, 3)]).coefficients
    (Fraction(1, 1), Fraction(1, 1))
    >>> combination((1, 0), [(1, 2), (2, 4)]).explanation
    '(1, 0) is not in the span of v1, v2: they only reach the line y = 2x'
    >>> combination((2, 4), [(1, 2), (2, 4)]).explanation
    '(2, 4) = 2·v1 + 0·v2, one of infinitely many ways, because the vectors are dependent'
    """
    target = _vector(target)
    vectors = _vectors(vectors)
    names = _names(names, len(vectors))
    if not vectors:
        raise ShapeError("a combination needs at least one vector to combine")
    if len(vectors[0]) != len(target):
        raise ShapeError(f"the target has {len(target)} components but the vectors have "
                         f"{len(vectors[0])}: they must live in the same space")
    result = solve(Matrix.from_columns(vectors), target)
    if result.solution is None:  # kind "none": no combination reaches the target
        subject = "they only reach" if len(vectors) > 1 else "it only reaches"
        basis = span(vectors).basis
        return CombinationResult(False, None, f"{vector_text(target)} is not in the span of "
                                 f"{', '.join(names)}: {subject} {_reach(basis, len(target))}")
    coefficients = tuple(result.solution)
    explanation = f"{vector_text(target)} = {combination_text(coefficients, names)}"
    if result.kind == "infinite":
        explanation += ", one of infinitely many ways, because the vectors are dependent"
    return CombinationResult(True, coefficients, explanation)
