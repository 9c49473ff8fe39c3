"""What the kernel says about vectors: dot products, spans and combinations, in words.

The dot-product panel, the span verdict and ``linear-lens info --vectors`` read these, so
the window and the command line say the same thing. No Qt here.
"""

import math
from dataclasses import dataclass
from fractions import Fraction

from kernels import (
    ExactDot,
    Radical,
    Vector,
    angle,
    combination,
    dot,
    exact_dot,
    exact_sqrt,
    format_scalar,
    is_exact,
    norm,
    project,
    span,
)
from kernels.notation import combination_text, is_negative, scalar_text, vector_text

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


# Within this many degrees of 90° two vectors are "nearly perpendicular" (|cos θ| ≤ sin 15° ≈ 0.26),
# and within it of 0° or 180° they point "nearly the same way" or "in nearly opposite directions"
# (|cos θ| ≥ cos 15° ≈ 0.97); between, "roughly the same way" or "in opposing directions".
NEARLY_DEGREES = 15


def number_text(value) -> str:
    """A scalar as the facts print it: exact when exact, floats to 6 significant digits
    (so 1e-20 stays 1e-20 rather than rounding to 0)."""
    if is_exact(value) or isinstance(value, (int, complex)):
        return scalar_text(value)
    return scalar_text(float(value))


def _degrees_text(degrees: float) -> str:
    """An angle to 4 significant digits, or more when 4 would round it to exactly 0°, 90° or
    180° (89.9977° is not perpendicular, and the sentence must not print 90°)."""
    for digits in range(4, 13):
        text = f"{degrees:.{digits}g}"
        if float(text) not in (0.0, 90.0, 180.0):
            return text
    return f"≈{text}"  # closer than floats can tell


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
    exact = exact_dot(u, v)
    if exact is None:
        length_u, length_v = norm(u), norm(v)
    else:  # through c·√n, so 1e300 or 1e-300 entries neither overflow nor underflow
        length_u, length_v = (r.coefficient if r.is_rational else float(r)
                              for r in (exact.norm_u, exact.norm_v))
    label = f"{a}·{b} = {number_text(product)}"
    if length_u == 0 or length_v == 0:
        zero = a if length_u == 0 else b
        return DotFacts(product, length_u, length_v, None, None, None, None,
                        f"{label}: {zero} is the zero vector, so there is no angle to speak of",
                        "Cosine similarity is undefined for a zero vector (it has no direction).")
    if exact is not None:  # θ = atan2(sin θ, cos θ), both exact radicals until the last step
        sine = exact_sqrt(1 - product ** 2 / (dot(u, u) * dot(v, v)))
        theta = math.atan2(float(sine), float(exact.cosine))
        cosine = float(exact.cosine)
    else:
        theta = angle(u, v)
        cosine = math.cos(theta)
    degrees = math.degrees(theta)
    if abs(degrees - round(degrees)) < 1e-9:
        degrees = float(round(degrees))
    shadow = (float(exact.scalar_projection) if exact is not None
              else float(product) / float(length_v))
    cosine_text = scalar_text(float(f"{cosine:.4g}"))
    angle_text = f"angle {_degrees_text(degrees)}°, cos θ = {cosine_text}"
    reach = (f"{a} reaches {shadow:.4g} along {b}" if product > 0
             else f"{a} reaches {abs(shadow):.4g} against {b}")
    if product == 0:
        sentence = f"{label}: the vectors are perpendicular — neither has any component along the other"
    elif degrees == 0:
        sentence = f"{label}: the vectors point the same way; {a}·{b} = |{a}|·|{b}|, as large as it can be"
    elif degrees == 180:
        sentence = f"{label}: the vectors point in exactly opposite directions"
    elif abs(degrees - 90) <= NEARLY_DEGREES:
        sentence = (f"{label}: they are nearly perpendicular ({angle_text}); "
                    f"{reach.replace(' reaches ', ' reaches only ')}")
    elif degrees <= NEARLY_DEGREES:
        sentence = f"{label}: they point nearly the same way ({angle_text}); {reach}"
    elif degrees >= 180 - NEARLY_DEGREES:
        sentence = f"{label}: they point in nearly opposite directions ({angle_text}); {reach}"
    elif product > 0:
        sentence = f"{label}: they point roughly the same way (angle {degrees:.4g}° < 90°); {reach}"
    else:
        sentence = f"{label}: they point in opposing directions (angle {degrees:.4g}° > 90°); {reach}"
    note = (f"Cosine similarity = cos θ = {cosine_text}. "
            "In machine learning, embeddings are "
            "compared this way: 1 means the same direction, 0 unrelated, −1 opposite.")
    shadow_vector = v * (product / dot(v, v)) if exact is not None else project(u, onto=v)
    return DotFacts(product, length_u, length_v, cosine, degrees, shadow, shadow_vector,
                    sentence, note)


@dataclass(frozen=True)
class SpanFacts:
    """The span of a list of vectors: its dimension, a basis, and any dependency."""
    dimension: int
    shape: str  # "a line through the origin", …
    basis_names: tuple
    relation: str | None  # e.g. "2·v1 − 1·v2 = 0"
    verdict: str
    coefficients: tuple | None = None  # the relation's exact coefficients, one per vector
    redundant: str | None = None  # the name of a vector that adds nothing new
    basis_indices: tuple = ()


def _shape(dimension: int, size: int) -> str:
    """What a ``dimension``-dimensional span is inside ``size``-dimensional space."""
    if dimension == size and dimension > 0:
        return {1: "the whole line", 2: "the whole plane", 3: "all of 3D space"}.get(
            size, f"all of {size}-dimensional space")
    return SPACE_NAMES.get(dimension, f"a {dimension}-dimensional subspace") if dimension < 3 \
        else f"a {dimension}-dimensional subspace through the origin"


def span_facts(vectors, names) -> SpanFacts:
    """Independence in words, with the exact dependency relation when there is one.

    >>> span_facts([Vector([1, 2]), Vector([2, 4])], ["v1", "v2"]).verdict
    'dependent: 2·v1 − 1·v2 = 0, so v2 adds nothing new to the span; the span is a line through the origin'
    >>> span_facts([Vector([1, 0, 0, 0]), Vector([0, 1, 0, 0]), Vector([0, 0, 1, 0])],
    ...            ["a", "b", "c"]).shape
    'a 3-dimensional subspace through the origin'
    """
    names = list(names)
    result = span(vectors, names=names)
    basis_names = tuple(names[i] for i in result.basis_indices)
    shape = _shape(result.dimension, len(vectors[0]))
    indices = tuple(result.basis_indices)
    if result.relation is None:
        basis = ", ".join(basis_names)
        verdict = (f"independent: {basis} form a basis of {shape}" if len(names) > 1
                   else f"{names[0]} spans {shape}")
        return SpanFacts(result.dimension, shape, basis_names, None, verdict, basis_indices=indices)
    coefficients = tuple(result.relation.coefficients)
    redundant = names[result.relation.redundant]
    if result.dimension == 0:
        zeros = ", ".join(names)
        return SpanFacts(0, shape, (), result.relation.text,
                         f"dependent: {result.relation.text} — "
                         f"{zeros} {'is the zero vector' if len(names) == 1 else 'are all zero'}: "
                         "the span is just the origin", coefficients, redundant, indices)
    verdict = (f"dependent: {result.relation.text}, so {redundant} adds nothing new to the span; "
               f"the span is {shape}")
    return SpanFacts(result.dimension, shape, basis_names, result.relation.text, verdict,
                     coefficients, redundant, indices)


def reach_target(target: Vector, vectors, names) -> tuple[bool, tuple | None, str]:
    """Solve c1·v1 + … + ck·vk = target exactly, or say why it cannot be reached."""
    result = combination(target, vectors, names=list(names))
    return result.reachable, result.coefficients, result.explanation


def describe_vector(name: str, vector: Vector) -> str:
    return f"{name} = {vector_text(vector)}"


# Where a new vector points first: small whole numbers off the axes, the first of these that no
# vector already in the scene lies along (so v1 and Mv1 never sit on î and its label, or on v).
NEW_VECTOR_DIRECTIONS = {
    2: ((2, 1), (-1, 2), (-2, 1), (1, 1), (-1, 1)),
    3: ((2, -1, 1), (-1, 2, 2), (1, 1, -2), (2, 1, 2), (-2, 1, 1)),
}


def _on_one_line(u, w) -> bool:
    """Whether u and w lie on one line through the origin (exact, so 1e300 cannot overflow;
    float entries within 1e-12 of it count). A zero vector lies along no line."""
    try:
        u, w = [Fraction(x) for x in u], [Fraction(x) for x in w]
    except (ValueError, OverflowError, TypeError):  # not a finite rational: cannot tell
        return False
    uu, ww, uw = (sum(a * b for a, b in zip(x, y)) for x, y in ((u, u), (w, w), (u, w)))
    return uu != 0 and ww != 0 and uw * uw >= (1 - Fraction(1, 10 ** 12)) * uu * ww


def new_vector_direction(existing, dimension: int) -> Vector:
    """A direction for a new vector: off the axes (and, in 3D, off the coordinate planes), and
    along none of the ``existing`` vectors.

    >>> new_vector_direction([Vector([1, 2])], 2)
    Vector([2, 1])
    >>> new_vector_direction([Vector([1, 2]), Vector([4, 2]), Vector([1, -2])], 2)
    Vector([-2, 1])
    """
    existing = list(existing)

    def free(direction) -> bool:
        return not any(_on_one_line(direction, vector) for vector in existing)

    preferred = NEW_VECTOR_DIRECTIONS.get(dimension, ())
    for direction in preferred:
        if free(direction):
            return Vector(list(direction))
    # more vectors than that: (1, k) or (1, 1, k) for k = 2, 3, … — each on a line of its own,
    # so one of the first len(existing) + 1 is free
    for k in range(2, len(existing) + 3):
        direction = [1] * (dimension - 1) + [k]
        if free(direction):
            return Vector(direction)
    raise AssertionError("unreachable: more lines than vectors")


# ------------------------------------------------------------------------------------------
# ``linear-lens info --vectors``: the whole story of a list of vectors, as text, JSON or LaTeX
# ------------------------------------------------------------------------------------------
def latex_number(value) -> str:
    """A scalar in LaTeX: ``\\frac{1}{2}``, ``-\\frac{3}{4}``, ``0.707107``."""
    from .report import latex_scalar

    return latex_scalar(value)


def _latex_name(name: str) -> str:
    """v1 → v_{1}; other names as they are."""
    if len(name) > 1 and name[0].isalpha() and name[1:].isdigit():
        return f"{name[0]}_{{{name[1:]}}}"
    return name


def _latex_column(vector) -> str:
    return r"\begin{bmatrix} " + r" \\ ".join(latex_number(x) for x in vector) + r" \end{bmatrix}"


def _latex_combination(coefficients, names) -> str:
    """2 v_{1} - \\frac{1}{2} v_{2} + 0 v_{3}: every coefficient shown, like the text."""
    parts = []
    for c, name in zip(coefficients, names):
        negative = is_negative(c)
        size = -c if negative else c
        number = latex_number(size)
        if isinstance(size, float) or (not is_exact(size) and "e" in number):
            number = f"({number})"
        term = f"{number} \\, {_latex_name(name)}"
        parts.append((" - " if parts else "-") + term if negative else (" + " if parts else "") + term)
    return "".join(parts)


_LATEX_SPECIALS = {"\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "&": r"\&", "%": r"\%",
                   "$": r"\$", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}", "−": "-"}


def _latex_text(text: str) -> str:
    return r"\text{" + "".join(_LATEX_SPECIALS.get(ch, ch) for ch in text) + "}"


def span_place(basis, size: int) -> str | None:
    """Which line or plane the span is, when that has a short name: the line y = 2x,
    the plane x − 2y + z = 0. ``None`` otherwise (the origin, the whole space, higher dimensions).

    >>> span_place([Vector([1, 0, 1]), Vector([0, 1, 2])], 3)
    'the plane x + 2y − z = 0'
    """
    from kernels import cross, line_name

    if len(basis) == 1 and size == 2:
        return line_name(basis[0])
    if len(basis) == 1 and size == 3:
        return f"the line along {vector_text(basis[0])}"
    if len(basis) == 2 and size == 3:
        normal = list(cross(*basis))
        if all(is_exact(c) for c in normal):
            common = math.lcm(*(c.denominator for c in normal))
            whole = [c * common for c in normal]
            divisor = math.gcd(*(int(c) for c in whole)) or 1
            normal = [c / divisor for c in whole]
        if is_negative(next(c for c in normal if c != 0)):
            normal = [0 - c for c in normal]
        terms = []
        for c, axis in zip(normal, "xyz"):
            if c == 0:
                continue
            negative = is_negative(c)
            size_text = "" if abs(c) == 1 else scalar_text(abs(c))
            sign = (" − " if negative else " + ") if terms else ("−" if negative else "")
            terms.append(f"{sign}{size_text}{axis}")
        return f"the plane {''.join(terms)} = 0"
    return None


@dataclass(frozen=True)
class VectorReport:
    """Everything ``linear-lens info --vectors`` says about some vectors (and a target)."""
    names: tuple
    vectors: tuple
    span: SpanFacts
    place: str | None  # "the line y = 2x", …
    redundant_as: tuple | None  # (coefficients, names of the others) so that redundant = Σ c·name
    dot: DotFacts | None  # only for exactly two vectors
    exact: ExactDot | None
    target: Vector | None
    reachable: bool | None
    coefficients: tuple | None
    explanation: str | None


def vectors_report(vectors, target: Vector | None = None) -> VectorReport:
    """The span, independence, dot product (for two) and target facts, named v1…vk.

    >>> report = vectors_report([Vector([1, 2]), Vector([2, 4]), Vector([0, 1])])
    >>> report.span.relation, report.place, report_text(report).splitlines()[5]
    ('2·v1 − 1·v2 + 0·v3 = 0', None, 'basis        v1 = (1, 2), v3 = (0, 1)')
    """
    vectors = tuple(vectors)
    names = tuple(f"v{i + 1}" for i in range(len(vectors)))
    for i, v in enumerate(vectors[1:], start=2):
        if len(v) != len(vectors[0]):
            raise ValueError(f"vector {i} has {len(v)} components, vector 1 has {len(vectors[0])}")
    facts = span_facts(list(vectors), names)
    size = len(vectors[0])
    place = span_place([vectors[i] for i in facts.basis_indices], size)
    redundant_as = None
    if facts.coefficients is not None and facts.dimension > 0:
        r = names.index(facts.redundant)
        pivot = facts.coefficients[r]
        others = [j for j in range(len(names)) if j != r]
        if pivot != 0 and others:
            redundant_as = (tuple(0 - facts.coefficients[j] / pivot for j in others),
                            tuple(names[j] for j in others))
    dot_part = exact = None
    if len(vectors) == 2:
        dot_part = dot_facts(vectors[0], vectors[1], names=names)
        exact = exact_dot(vectors[0], vectors[1])
    reachable = coefficients = explanation = None
    if target is not None:
        if len(target) != size:
            raise ValueError(f"the target has {len(target)} component{'s' * (len(target) != 1)}, "
                             f"but the vectors have {size}")
        reachable, coefficients, explanation = reach_target(target, list(vectors), names)
    return VectorReport(names, vectors, facts, place, redundant_as, dot_part, exact, target,
                        reachable, coefficients, explanation)


def exact_with_decimal(value, radical: Radical | None = None) -> str:
    """An exact value with its decimal when that helps: √5 ≈ 2.23607, 1/3 ≈ 0.333333, 2."""
    if radical is not None:
        return radical.text() if radical.is_rational and radical.coefficient.denominator == 1 \
            else f"{radical.text()} ≈ {number_text(float(radical))}"
    text = number_text(value)
    if is_exact(value) and value.denominator != 1 and not text.startswith("≈"):
        text += f" ≈ {number_text(float(value))}"
    return text


def _span_sentence(report: VectorReport) -> str:
    facts = report.span
    sentence = f"{facts.dimension}: span{{{', '.join(report.names)}}} is {facts.shape}"
    return sentence + (f": {report.place}" if report.place else "")


def report_text(report: VectorReport) -> str:
    """The report as a learner reads it in a terminal."""
    facts = report.span
    lines = [describe_vector(name, v) for name, v in zip(report.names, report.vectors)]
    basis = ", ".join(f"{report.names[i]} = {vector_text(report.vectors[i])}"
                      for i in facts.basis_indices)
    lines += ["", f"{'dimension':<12} {_span_sentence(report)}",
              f"{'basis':<12} {basis or 'none: the origin needs no basis vectors'}",
              f"{'verdict':<12} {facts.verdict}"]
    if report.redundant_as is not None:
        lines.append(f"{'so':<12} {facts.redundant} = {combination_text(*report.redundant_as)}")
    if report.dot is not None:
        d, e, (a, b) = report.dot, report.exact, report.names
        lines += ["", f"{'dot product':<12} {a}·{b} = {number_text(d.dot)}",
                  f"{'|' + a + '|':<12} {exact_with_decimal(d.norm_u, e.norm_u if e else None)}",
                  f"{'|' + b + '|':<12} {exact_with_decimal(d.norm_v, e.norm_v if e else None)}"]
        if d.cosine is not None:
            lines += [f"{'cos θ':<12} {exact_with_decimal(d.cosine, e.cosine if e else None)}",
                      f"{'angle':<12} {d.angle_degrees:.6g}°",
                      (f"{'shadow':<12} {a} reaches "
                       f"{exact_with_decimal(d.scalar_projection, e.scalar_projection if e else None)} "
                       f"along {b} (scalar projection)"),
                      f"{'projection':<12} proj_{b} {a} = {vector_text(d.projection)}"]
        lines += ["", d.sentence, d.ml_note]
    if report.target is not None:
        lines += ["", f"{'target':<12} {report.explanation}"]
    return "\n".join(lines)


def _strings(values) -> list | None:
    return None if values is None else [format_scalar(x) for x in values]


def _exact_or_float(value, radical: Radical | None):
    return radical.ascii() if radical is not None else (None if value is None else format_scalar(value))


def report_dict(report: VectorReport) -> dict:
    """JSON-ready: every number a string, exact when the kernel's value is exact ("-1/2",
    "sqrt(5)"), with ``*_float`` companions for the irrational ones."""
    facts = report.span
    named = [{"name": n, "components": _strings(v)} for n, v in zip(report.names, report.vectors)]
    data = {
        "vectors": named,
        "dimension": facts.dimension,
        "span": facts.shape,
        "place": report.place,
        "basis": [named[i] for i in facts.basis_indices],
        "independent": facts.relation is None,
        "relation": None if facts.relation is None else {
            "text": facts.relation,
            "coefficients": _strings(facts.coefficients),
            "redundant": facts.redundant,
            "redundant_as": None if report.redundant_as is None else {
                "coefficients": _strings(report.redundant_as[0]), "of": list(report.redundant_as[1])},
        },
        "verdict": facts.verdict,
    }
    if report.dot is not None:
        d, e = report.dot, report.exact

        def field(value, radical):
            return _exact_or_float(value, radical)

        data["dot"] = {
            "u": report.names[0], "v": report.names[1],
            "dot": format_scalar(d.dot),
            "norm_u": field(d.norm_u, e.norm_u if e else None), "norm_u_float": float(d.norm_u),
            "norm_v": field(d.norm_v, e.norm_v if e else None), "norm_v_float": float(d.norm_v),
            "cos": field(d.cosine, e.cosine if e else None),
            "cos_float": d.cosine,
            "angle_degrees": d.angle_degrees,
            "scalar_projection": field(d.scalar_projection, e.scalar_projection if e else None),
            "scalar_projection_float": d.scalar_projection,
            "projection": _strings(d.projection),
            "sentence": d.sentence,
            "ml_note": d.ml_note,
        }
    if report.target is not None:
        data["target"] = {"vector": _strings(report.target), "reachable": report.reachable,
                          "coefficients": _strings(report.coefficients),
                          "explanation": report.explanation}
    return data


def report_latex(report: VectorReport) -> str:
    """The report as LaTeX display lines for notes: the vectors as columns, the span, the
    relation as an equation with exact fractions, the dot product and the target."""
    facts, names = report.span, report.names
    latex_names = [_latex_name(n) for n in names]
    lines = [r", \quad ".join(f"{n} = {_latex_column(v)}" for n, v in zip(latex_names, report.vectors))]
    whole = fr"\operatorname{{span}}\{{{', '.join(latex_names)}\}}"
    size = len(report.vectors[0])
    if facts.dimension == 0:
        lines.append(whole + r" = \{\mathbf{0}\}")
    else:
        basis = fr"\operatorname{{span}}\{{{', '.join(_latex_name(n) for n in facts.basis_names)}\}}"
        where = fr" = \mathbb{{R}}^{{{size}}}" if facts.dimension == size else ""
        lines.append(whole + (f" = {basis}" if facts.relation is not None else "") + where
                     + fr", \quad \dim = {facts.dimension}")
        if report.place:
            lines[-1] += fr", \quad {_latex_text(report.place)}"
    if facts.relation is not None:
        lines.append(f"{_latex_combination(facts.coefficients, names)} = \\mathbf{{0}}")
    if report.redundant_as is not None:
        lines.append(f"{_latex_name(facts.redundant)} = {_latex_combination(*report.redundant_as)}")
    if report.dot is not None:
        d, e = report.dot, report.exact
        a, b = latex_names

        def exact(value, radical):
            return radical.latex() if radical is not None else latex_number(value)

        lines += [fr"{a} \cdot {b} = {latex_number(d.dot)}",
                  (fr"\lVert {a} \rVert = {exact(d.norm_u, e.norm_u if e else None)}, \quad "
                   fr"\lVert {b} \rVert = {exact(d.norm_v, e.norm_v if e else None)}")]
        if d.cosine is not None:
            lines += [(fr"\cos\theta = {exact(d.cosine, e.cosine if e else None)}, \quad "
                       fr"\theta = {d.angle_degrees:.6g}^\circ"),
                      fr"\operatorname{{proj}}_{{{b}}} {a} = {_latex_column(d.projection)}"]
    if report.target is not None:
        if report.reachable:
            lines.append(f"{_latex_column(report.target)} = "
                         f"{_latex_combination(report.coefficients, names)}")
        else:
            lines.append(_latex_text(report.explanation))
    return "\n".join(f"$${line}$$" for line in lines)
