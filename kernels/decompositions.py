"""Decompositions of small matrices: every linear map is a rotation, a stretch, and a rotation.

The singular value decomposition ``M = U·Σ·Vᵀ`` says: first rotate (or reflect) with ``Vᵀ``,
then stretch each axis by a singular value σᵢ ≥ 0, then rotate with ``U``. The polar
decomposition ``M = R·S`` regroups it as one stretch ``S = V·Σ·Vᵀ`` (along perpendicular
directions) followed by one rotation ``R = U·Vᵀ`` — which is how the app animates a matrix
without faking a collapse. These work for 1×1, 2×2 and 3×3 real matrices and return floats.

>>> R, S = polar(Matrix([[0, -2], [2, 0]]))     # rotate by 90° after scaling by 2
>>> print(R)
[ 0  -1 ]
[ 1   0 ]
>>> print(S)
[ 2  0 ]
[ 0  2 ]
"""

import math
import sys
from typing import NamedTuple

from .elimination import det, rank
from .errors import FloatRangeError, LinearAlgebraError, ShapeError
from .matrix import Matrix, Vector

_EPS = sys.float_info.epsilon


class SVD(NamedTuple):
    """``M = U · diag(singular_values) · Vt`` with U, Vt orthogonal and σ₁ ≥ σ₂ ≥ … ≥ 0."""

    U: Matrix
    singular_values: tuple
    Vt: Matrix


class Polar(NamedTuple):
    """``M = rotation · stretch``: an orthogonal matrix after a symmetric positive semidefinite one."""

    rotation: Matrix
    stretch: Matrix


def _require_small_real(M: Matrix, what: str) -> int:
    n = M.require_square(what)
    if n > 3:
        raise ShapeError(f"{what} is available for 1×1, 2×2 and 3×3 matrices; this one is {n}×{n}")
    if any(isinstance(x, complex) for row in M.rows for x in row):
        raise LinearAlgebraError(f"{what} needs a real matrix; this one has complex entries")
    return n


def _dot(x, y) -> float:
    return sum(a * b for a, b in zip(x, y))


def _complete(columns: list, n: int) -> list:
    """Extend orthonormal columns to an orthonormal basis with the best-suited axis directions."""
    while len(columns) < n:
        candidates = []
        for axis in range(n):
            e = [float(i == axis) for i in range(n)]
            for q in columns:  # Gram–Schmidt: remove the parts along the columns we have
                overlap = _dot(e, q)
                e = [a - overlap * b for a, b in zip(e, q)]
            candidates.append(e)
        best = max(candidates, key=lambda e: _dot(e, e))
        length = math.sqrt(_dot(best, best))
        columns.append([a / length for a in best])
    return columns


def svd(M: Matrix) -> SVD:
    """The singular value decomposition M = U·Σ·Vᵀ, by one-sided Jacobi rotations.

    Rotate pairs of columns of M (recording the rotations in V) until every pair is
    perpendicular: then ``M·V`` has orthogonal columns, their lengths are the singular values
    σᵢ and their directions the columns of U. This is the Jacobi eigenvalue method for the
    symmetric matrix MᵀM without ever forming MᵀM (for 2×2 one rotation is the closed form).
    Directions M squashes to zero get σ = 0 and any perpendicular unit vectors in U.

    >>> U, sigma, Vt = svd(Matrix([[3, 0], [4, 5]]))
    >>> [round(s ** 2, 9) for s in sigma]          # the eigenvalues of MᵀM
    [45.0, 5.0]
    >>> svd(Matrix([[1, 2], [2, 4]])).singular_values   # rank 1: one σ is exactly 0
    (5.0, 0.0)
    """
    n = _require_small_real(M, "the singular value decomposition")
    # work on M/2ᵉ, whose entries are below 1: U and V are the same and σ is σ/2ᵉ, exactly,
    # and the squared lengths below neither overflow (entries of 1e300) nor underflow
    floats = M.to_floats()
    largest = max(abs(x) for row in floats for x in row)
    e = math.frexp(largest)[1] if largest else 0
    columns = [[math.ldexp(x, -e) for x in c] for c in zip(*floats)]
    v = [[float(i == j) for i in range(n)] for j in range(n)]  # columns of V
    for _ in range(60):
        rotated = False
        for p in range(n):
            for q in range(p + 1, n):
                alpha, beta = _dot(columns[p], columns[p]), _dot(columns[q], columns[q])
                gamma = _dot(columns[p], columns[q])
                if gamma == 0 or abs(gamma) <= _EPS * math.sqrt(alpha * beta):
                    continue
                rotated = True
                zeta = (beta - alpha) / (2 * gamma)  # the angle that makes columns p, q perpendicular
                t = math.copysign(1.0, zeta) / (abs(zeta) + math.sqrt(1 + zeta * zeta))
                c = 1 / math.sqrt(1 + t * t)
                s = c * t
                for pair in (columns, v):
                    x, y = pair[p], pair[q]
                    pair[p] = [c * a - s * b for a, b in zip(x, y)]
                    pair[q] = [s * a + c * b for a, b in zip(x, y)]
        if not rotated:
            break
    sigma = [math.sqrt(_dot(col, col)) for col in columns]
    order = sorted(range(n), key=lambda j: -sigma[j])
    sigma = [sigma[j] for j in order]
    columns, v = [columns[j] for j in order], [v[j] for j in order]
    # σ that are zero up to rounding are zero; for exact input the rank says exactly how many
    nonzero = rank(M) if M.is_exact else sum(s > n * _EPS * sigma[0] for s in sigma)
    sigma = [s if j < nonzero else 0.0 for j, s in enumerate(sigma)]
    u = _complete([[a / s for a in col] for col, s in zip(columns[:nonzero], sigma)], n)
    try:
        sigma = [math.ldexp(s, e) for s in sigma]
    except OverflowError:
        raise FloatRangeError("a singular value of this matrix is beyond the float range "
                              "(about 1.8e308)") from None
    return SVD(Matrix.from_columns(u), tuple(sigma), Matrix(v))


def polar(M: Matrix) -> Polar:
    """The polar decomposition M = R·S: a stretch S along perpendicular axes, then a rotation R.

    From the SVD: ``R = U·Vᵀ`` (orthogonal) and ``S = V·Σ·Vᵀ`` (symmetric, eigenvalues σ ≥ 0),
    so ``R·S = U·Σ·Vᵀ = M``. ``det R`` has the sign of ``det M``: +1, a rotation, when M keeps
    orientation; −1, a reflection, when M flips it. When M squashes a direction (det M = 0)
    that direction may be flipped freely, and R is chosen to be a rotation.

    >>> R, S = polar(Matrix([[-1, 0], [0, -1]]))     # a half turn stays a half turn
    >>> print(R); print(S)
    [ -1   0 ]
    [  0  -1 ]
    [ 1  0 ]
    [ 0  1 ]
    """
    n = _require_small_real(M, "the polar decomposition")
    U, sigma, Vt = svd(M)
    u_columns = [list(c) for c in U.columns]
    if sigma[-1] == 0 and det(U) * det(Vt) < 0:
        u_columns[-1] = [-a for a in u_columns[-1]]  # flip the squashed direction's partner
    U = Matrix.from_columns(u_columns)
    rotation = U @ Vt
    stretch = [[sum(Vt[k, i] * sigma[k] * Vt[k, j] for k in range(n)) for j in range(n)]
               for i in range(n)]
    # the average of S and Sᵀ (exactly symmetric), halved first: a + b could overflow
    symmetric = [[stretch[i][j] / 2 + stretch[j][i] / 2 for j in range(n)] for i in range(n)]
    return Polar(rotation, Matrix(symmetric))


def condition_number(M: Matrix) -> float:
    """σ_max / σ_min: how much M can magnify relative errors (``math.inf`` when M is singular).

    1 for a rotation; large when M nearly squashes some direction, which makes solving
    M·x = b sensitive — and gradient descent slow on a loss whose Hessian is M.

    >>> condition_number(Matrix([[2, 0], [0, 1]])), condition_number(Matrix([[1, 1], [1, 1]]))
    (2.0, inf)
    """
    sigma = svd(M).singular_values
    return sigma[0] / sigma[-1] if sigma[-1] > 0 else math.inf


def rotation_angle(R: Matrix) -> float:
    """The angle (radians, counter-clockwise) of a 2×2 rotation: where it sends î = (1, 0).

    >>> math.degrees(rotation_angle(Matrix([[0, -1], [1, 0]])))
    90.0
    """
    if R.shape != (2, 2):
        raise ShapeError(f"a rotation angle needs a 2×2 matrix; this one is {R.shape[0]}×{R.shape[1]}")
    return math.atan2(float(R[1, 0]), float(R[0, 0]))


def rotation_axis_angle(R: Matrix) -> tuple:
    """The axis (a unit Vector) and angle (radians, 0 … π) of a 3×3 rotation.

    A rotation leaves its axis a fixed; ``R + Rᵀ − (trace R − 1)·I = 2(1 − cos θ)·a·aᵀ`` gives
    the axis up to sign, ``trace R = 1 + 2 cos θ`` the angle, and the antisymmetric part
    ``R − Rᵀ`` (which is 2 sin θ times "a ×") the sign, so the turn is counter-clockwise
    seen from the tip of a. For no turn at all the axis is taken to be z.

    >>> axis, angle = rotation_axis_angle(Matrix([[0, -1, 0], [1, 0, 0], [0, 0, 1]]))
    >>> axis, math.degrees(angle)
    (Vector([0, 0, 1]), 90.0)
    """
    if R.shape != (3, 3):
        raise ShapeError(f"an axis and angle need a 3×3 matrix; this one is {R.shape[0]}×{R.shape[1]}")
    r = R.to_floats()
    if any(isinstance(x, complex) for row in r for x in row) or det(Matrix(r)) <= 0:
        raise LinearAlgebraError("an axis and angle describe a rotation (a real matrix with det +1)")
    twice_sine_axis = [r[2][1] - r[1][2], r[0][2] - r[2][0], r[1][0] - r[0][1]]
    trace = r[0][0] + r[1][1] + r[2][2]
    angle = math.atan2(math.sqrt(_dot(twice_sine_axis, twice_sine_axis)) / 2, (trace - 1) / 2)
    if angle <= 1e-12:
        return Vector([0.0, 0.0, 1.0]), 0.0
    outer = [[r[i][j] + r[j][i] - (trace - 1) * (i == j) for j in range(3)] for i in range(3)]
    best = max(range(3), key=lambda j: outer[j][j])
    axis = [outer[i][best] for i in range(3)]
    length = math.sqrt(_dot(axis, axis))
    axis = [a / length for a in axis]
    alignment = _dot(axis, twice_sine_axis)
    if abs(alignment) <= 1e-12:  # a half turn: either sign works, so pick one deterministically
        alignment = next(a for a in axis if abs(a) > 1e-12)
    if alignment < 0:
        axis = [-a for a in axis]
    return Vector(axis), angle
