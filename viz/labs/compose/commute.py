"""Whether AB = BA, exactly, and — when they are equal — why.

Matrix multiplication is composition, and doing B then A is usually not doing A then B: a
shear followed by a quarter turn lands î somewhere else than the turn followed by the shear.
The *commutator* AB − BA measures the difference; it is the zero matrix exactly when they
commute. Equality is judged exactly for exact entries, and to a relative 1e-9 for floats.

When they commute, a learner deserves the reason, from the commonest to the subtlest:

* one of them is a multiple of the identity, cI — it scales every direction alike, so it
  commutes with everything (−2I with a rotation is the famous example);
* both are rotations of the plane — turning by α then β is turning by α + β, either way;
* both have the form [[a, −b], [b, a]] — a rotation and a scaling, which multiply like the
  complex numbers a + bi, and complex multiplication commutes;
* one is a power or the inverse of the other;
* they share eigenvectors — an eigenbasis of one is an eigenbasis of the other, and in that
  basis both are diagonal, and diagonal matrices commute.
"""

from __future__ import annotations

from dataclasses import dataclass

from kernels import Matrix, is_exact

from ...scene import accept

TOLERANCE = 1e-9


@dataclass(frozen=True)
class Verdict:
    """AB, BA, their difference AB − BA, whether it is zero, and the reasons (when it is)."""
    ab: Matrix
    ba: Matrix
    difference: Matrix
    commute: bool
    reasons: tuple

    @property
    def sentence(self) -> str:
        """"AB = BA" or "AB ≠ BA", as the verdict line says it."""
        return "AB = BA" if self.commute else "AB ≠ BA"


def _entries(m: Matrix) -> list:
    return [x for row in m.rows for x in row]


def _is_zero(m: Matrix, scale: float) -> bool:
    if all(is_exact(x) for x in _entries(m)):
        return all(x == 0 for x in _entries(m))
    return all(abs(complex(x)) <= TOLERANCE * max(scale, 1.0) for x in _entries(m))


def _size(*matrices: Matrix) -> float:
    return max(abs(complex(x)) for m in matrices for x in _entries(m))


def _same(p: Matrix, q: Matrix) -> bool:
    return _is_zero(p - q, _size(p, q))


def multiple_of_identity(m: Matrix):
    """c when ``m`` = cI, else None."""
    n = m.shape[0]
    c = m[0, 0]
    return c if _same(m, Matrix.identity(n) * c) else None


def is_rotation(m: Matrix) -> bool:
    """Whether ``m`` is a rotation of the plane: MᵀM = I and det M = 1."""
    if m.shape != (2, 2):
        return False
    a, b, c, d = _entries(m)
    return _same(m.T @ m, Matrix.identity(2)) and _same(Matrix([[a * d - b * c]]), Matrix([[1]]))


def is_rotation_scaling(m: Matrix) -> bool:
    """Whether ``m`` = [[a, −b], [b, a]]: the complex number a + bi acting on the plane."""
    if m.shape != (2, 2):
        return False
    a, b, c, d = _entries(m)
    return _same(Matrix([[a, b]]), Matrix([[d, -c]]))


def _power_relation(a: Matrix, b: Matrix) -> str | None:
    """"B = A⁻¹", "A = B²", … when one is a small power of the other."""
    for base, other, name, other_name in ((a, b, "A", "B"), (b, a, "B", "A")):
        power = base
        for k in range(2, 5):
            power = power @ base
            if _same(other, power):
                return f"{other_name} = {name}^{k}, and a matrix commutes with its own powers"
        facts = accept(base)
        if facts.inverse is not None and _same(other, facts.inverse):
            return f"{other_name} = {name}⁻¹: undoing commutes with doing (both ways give I)"
    if _same(a, b):
        return "A = B, and every matrix commutes with itself"
    return None


def _shared_eigenbasis(a: Matrix, b: Matrix) -> str | None:
    """A sentence when an eigenbasis of A (real, complete) is made of eigenvectors of B."""
    for first, second, name, other in ((a, b, "A", "B"), (b, a, "B", "A")):
        facts = accept(first)
        vectors = [v for space in facts.eigenspaces if not isinstance(space.value, complex)
                   for v in space.vectors]
        if len(vectors) < first.shape[0] or any(isinstance(x, complex) for v in vectors for x in v):
            continue  # not diagonalisable over the reals
        if all(_is_eigenvector(second, v) for v in vectors):
            return (f"they share eigenvectors: every eigenvector of {name} is one of {other}, so in that "
                    "basis both only stretch, and stretches along the same axes commute")
    return None


def _is_eigenvector(m: Matrix, v) -> bool:
    """Whether M v is parallel to v (v ≠ 0): every 2×2 minor of [v | Mv] vanishes."""
    image = m @ Matrix([[x] for x in v])
    w = [image[i, 0] for i in range(len(v))]
    minors = [v[i] * w[j] - v[j] * w[i] for i in range(len(v)) for j in range(i + 1, len(v))]
    return _is_zero(Matrix([minors]), max(_size(m), 1.0) * max(abs(complex(x)) for x in v) ** 2)


def commute_verdict(a: Matrix, b: Matrix) -> Verdict:
    """AB and BA compared exactly, with the reasons they commute (see the module docstring)."""
    ab, ba = a @ b, b @ a
    difference = ab - ba
    commute = _is_zero(difference, _size(ab, ba))
    reasons: list[str] = []
    if commute:
        for m, name in ((a, "A"), (b, "B")):
            c = multiple_of_identity(m)
            if c is not None:
                reasons.append(f"{name} = {_number(c)}I scales every direction alike, so it commutes "
                               "with every matrix")
                other = b if m is a else a
                if c < 0 and is_rotation(other):
                    reasons.append(f"the famous case: {_number(c)}I is itself a half turn with a stretch, "
                                   "and turns commute with turns")
        if not reasons and is_rotation(a) and is_rotation(b):
            reasons.append("both are rotations of the plane: turning by α then β is turning by α + β, "
                           "in either order")
        elif not reasons and is_rotation_scaling(a) and is_rotation_scaling(b):
            reasons.append("both are rotation-scalings [[a, −b], [b, a]]: they multiply like complex "
                           "numbers a + bi, and complex multiplication commutes")
        relation = _power_relation(a, b)
        if relation:
            reasons.append(relation)
        if not reasons:
            shared = _shared_eigenbasis(a, b)
            if shared:
                reasons.append(shared)
        if not reasons:
            reasons.append("they happen to commute: AB − BA is the zero matrix")
    return Verdict(ab, ba, difference, commute, tuple(reasons))


def _number(c) -> str:
    """c as the coefficient of I: "−2" for −2I, "" for I itself."""
    from kernels.notation import scalar_text

    return "" if c == 1 else scalar_text(c)
