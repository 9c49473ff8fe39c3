"""What the kernel says about vectors: dot products, spans and combinations, in words.

The dot-product panel, the span verdict and ``linear-lens info --vectors`` read these, so
the window and the command line say the same thing. No Qt here.
"""

import math
from dataclasses import dataclass

from kernels import Vector, angle, combination, dot, is_exact, norm, project, span
from kernels.notation import scalar_text, vector_text

SPACE_NAMES = {0: "the origin", 1: "a line through the origin", 2: "a plane through the origin",
               3: "all of 3D space"}


@dataclass(frozen=True)
class DotFacts:
    """u·v and everything it says about the two vectors."""
    dot: object
    norm_u: object
    norm_v: object
    cosine: float | None  # None when a vector is zero: no angle exists
    angle_degrees: float | None
    scalar_projection: float | None  # the signed length of u's shadow on v
    projection: Vector | None  # the shadow itself: (u·v / v·v) v
    sentence: str
    ml_note: str


def _number(value) -> str:
    if is_exact(value) or isinstance(value, int):
        return scalar_text(value)
    return scalar_text(round(float(value), 6))


def dot_facts(u: Vector, v: Vector, names=("u", "v")) -> DotFacts:
    """The dot product of u and v, their lengths, the angle, and u's projection onto v.

    >>> facts = dot_facts(Vector([1, 0]), Vector([0, 2]))
    >>> facts.dot, facts.angle_degrees
    (Fraction(0, 1), 90.0)
    >>> facts.sentence
    'u·v = 0: the vectors are perpendicular — neither has any component along the other'
    """
    a, b = names
    product = dot(u, v)
    length_u, length_v = norm(u), norm(v)
    label = f"{a}·{b} = {_number(product)}"
    if length_u == 0 or length_v == 0:
        zero = a if length_u == 0 else b
        return DotFacts(product, length_u, length_v, None, None, None, None,
                        f"{label}: {zero} is the zero vector, so there is no angle to speak of",
                        "Cosine similarity is undefined for a zero vector (it has no direction).")
    theta = angle(u, v)
    cosine = math.cos(theta)
    degrees = math.degrees(theta)
    if abs(degrees - round(degrees)) < 1e-9:
        degrees = float(round(degrees))
    shadow = float(product) / float(length_v)
    if product == 0:
        sentence = f"{label}: the vectors are perpendicular — neither has any component along the other"
    elif degrees == 0:
        sentence = f"{label}: the vectors point the same way; {a}·{b} = |{a}|·|{b}|, as large as it can be"
    elif degrees == 180:
        sentence = f"{label}: the vectors point in exactly opposite directions"
    elif product > 0:
        sentence = (f"{label}: they point roughly the same way (angle {degrees:.4g}° < 90°); "
                    f"{a} reaches {shadow:.4g} along {b}")
    else:
        sentence = (f"{label}: they point in opposing directions (angle {degrees:.4g}° > 90°); "
                    f"{a} reaches {abs(shadow):.4g} against {b}")
    note = (f"Cosine similarity = cos θ = {cosine:.4g}. In machine learning, embeddings are "
            "compared this way: 1 means the same direction, 0 unrelated, −1 opposite.")
    return DotFacts(product, length_u, length_v, cosine, degrees, shadow, project(u, onto=v),
                    sentence, note)


@dataclass(frozen=True)
class SpanFacts:
    """The span of a list of vectors: its dimension, a basis, and any dependency."""
    dimension: int
    shape: str  # "a line through the origin", …
    basis_names: tuple
    relation: str | None  # e.g. "2·v1 − 1·v2 = 0"
    verdict: str


def span_facts(vectors, names) -> SpanFacts:
    """Independence in words, with the exact dependency relation when there is one.

    >>> span_facts([Vector([1, 2]), Vector([2, 4])], ["v1", "v2"]).verdict
    'dependent: 2·v1 − 1·v2 = 0, so v2 adds nothing new to the span; the span is a line through the origin'
    """
    names = list(names)
    result = span(vectors, names=names)
    basis_names = tuple(names[i] for i in result.basis_indices)
    shape = SPACE_NAMES.get(result.dimension, f"a {result.dimension}-dimensional subspace")
    size = len(vectors[0])
    if result.dimension == size and size in (2, 3):
        shape = "the whole plane" if size == 2 else "all of 3D space"
    if result.relation is None:
        basis = ", ".join(basis_names)
        verdict = (f"independent: {basis} form a basis of {shape}" if len(names) > 1
                   else f"{names[0]} spans {shape}")
        return SpanFacts(result.dimension, shape, basis_names, None, verdict)
    if result.dimension == 0:
        zeros = ", ".join(names)
        return SpanFacts(0, shape, (), result.relation.text,
                         f"{zeros} {'is the zero vector' if len(names) == 1 else 'are all zero'}: "
                         "the span is just the origin")
    redundant = names[result.relation.redundant]
    verdict = (f"dependent: {result.relation.text}, so {redundant} adds nothing new to the span; "
               f"the span is {shape}")
    return SpanFacts(result.dimension, shape, basis_names, result.relation.text, verdict)


def reach_target(target: Vector, vectors, names) -> tuple[bool, tuple | None, str]:
    """Solve c1·v1 + … + ck·vk = target exactly, or say why it cannot be reached."""
    result = combination(target, vectors, names=list(names))
    return result.reachable, result.coefficients, result.explanation


def describe_vector(name: str, vector: Vector) -> str:
    return f"{name} = {vector_text(vector)}"
