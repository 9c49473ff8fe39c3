"""The path a matrix takes while it animates from one value to another (2×2 or 3×3).

An animation from the matrix on screen P to a new matrix M shows a matrix P(t) for every
t ∈ [0, 1]. Whatever the picture does between the two ends is read by the learner as a
fact about M, so the path must not invent anything. For every path here:

- P(0) = P and P(1) = M exactly;
- det P(t) moves monotonically from det P to det M (area never grows and then shrinks);
- det P(t) ≠ 0 for 0 < t < 1 — nothing flattens — unless M (or P) is singular, or det P
  and det M have opposite signs, when it passes through 0 exactly once;
- a shear stays a shear, a rotation rotates, a scaling scales along its own axes.

**Straight lines lie.** (1−t)·P + t·M passes through the zero matrix halfway from I to a half
turn. Turning R and blending S in the polar decomposition M = R·S keeps rotations honest,
but it bends a shear: halfway from I to [[1, 1], [0, 1]] î leaves the x-axis and det = 1.06.

**The honest path: a constant rate of change.** Let A = M·P⁻¹ be the change still to make
(M = A·P). If A has a real logarithm L (a matrix with exp(L) = A), then

    P(t) = exp(t·L)·P = A^t·P,

which is also P·exp(t·log(P⁻¹M)): the same motion, seen before P instead of after it.
Doing A^½ twice is doing A: the motion is the same at every moment, as if A were the
result of a steady flow that runs for one unit of time. It tells the truth because:

- det exp(t·L) = e^{t·trace L} = (det A)^t, so det P(t) = det P · (det A)^t is *geometric*:
  monotonic, and never 0;
- a shear A = I + N (N² = 0, N moves points along the fixed line) has log A = N, so
  A^t = I + t·N: points slide along the fixed line, which never moves, and det = 1;
- a rotation by θ has log = θ·J (J turns by 90°), so A^t rotates by t·θ, the short way;
  in space, about A's own axis;
- a scaling by σ > 0 along axes (or along any perpendicular axes) has a log that scales
  along the same axes by log σ, so A^t scales along them by σ^t.

A real matrix has a real logarithm when it has no eigenvalue on the negative real axis (the
*principal* logarithm), or when its negative eigenvalues come in pairs that act like a half
turn, −c on a whole plane: there log = log c + π·J on that plane, turning counter-clockwise
(in space, counter-clockwise seen from the tip of the remaining eigen-direction).

**When there is no real logarithm.**

- *A flip* (det A < 0). Every path from det > 0 to det < 0 must flatten space once. When A
  has a negative eigenvalue λ along a line u whose rest has a real logarithm, the path folds
  space along u — that line's scale moves from 1 through 0 to λ — while the rest moves at
  its constant rate. A reflection thus keeps its mirror fixed and folds across it.
- *A collapse* (M singular). When the directions that M flattens (its kernel) are not its
  image, the rest moves at its constant rate and the kernel's scale shrinks to 0, reached only
  at t = 1. From a singular P to an invertible M the same path runs backwards.
- *Otherwise* (two different negative eigenvalues, a negative Jordan block, a kernel inside the
  image, both ends singular), and whenever a logarithm's path would swing far wider than
  either end (more than twice the larger one's size), the path falls back to the polar
  decomposition of each end, P = R₀·S₀ and M = R₁·S₁ (a rotation R after a stretch S along
  perpendicular axes): the rotation turns the short way about one axis, and the stretch
  moves at a constant rate too, S(t) = exp((1−t)·log S₀ + t·log S₁), which is a stretch
  with det S₀^(1−t)·det S₁^t (geometric) and is never larger than the larger end. A flip or
  a collapse folds or shrinks along the thinnest direction of M's stretch (its kernel); two
  singular ends keep a zero stretch throughout.

To or from the zero matrix the path is the straight line (1−t)·P + t·M: everything grows
from the origin, or shrinks into it, at once.

Folds and collapses time the flattening so that det(t) stays monotonic (see
``fold_factor`` and ``collapse_factor``). No scipy: the matrix logarithm and exponential
(``logm``, ``expm``) are written out below for 2×2 and 3×3 matrices.

Entries near the float limits: each end is first divided by a power of two (exact in
floats) so that its largest entry is about 1, the path is worked out between those, and
P(t) is multiplied back by 2^((1−t)·e₀ + t·e₁). A matrix past the float range comes out as
±inf, which the views refuse to draw; nothing warns.
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np

from kernels import Matrix, rotation_axis_angle

J = np.array([[0.0, -1.0], [1.0, 0.0]])  # a quarter turn counter-clockwise: J² = −I

SINGULAR = 1e-12  # σ_min ≤ SINGULAR·σ_max: the matrix flattens space, as far as floats can tell
SWING = 2.0       # a logarithm's path may grow to at most SWING × the larger end (Frobenius norm)
SWING_SAMPLES = 16
END_TOLERANCE = 1e-9  # how close exp(L)·P must land to M (entries of size about 1)


def rotation(theta: float) -> np.ndarray:
    """The 2×2 matrix that turns the plane counter-clockwise by ``theta`` radians."""
    c, s = math.cos(theta), math.sin(theta)
    return np.array([[c, -s], [s, c]])


def rotation_about(axis, theta: float) -> np.ndarray:
    """The 3×3 rotation by ``theta`` radians about the unit ``axis`` (Rodrigues' formula):
    R = I + sin θ·K + (1 − cos θ)·K², where K·v = axis × v."""
    x, y, z = axis
    k = np.array([[0.0, -z, y], [z, 0.0, -x], [-y, x, 0.0]])
    return np.eye(3) + math.sin(theta) * k + (1 - math.cos(theta)) * (k @ k)


# -- the matrix exponential and logarithm ------------------------------------------------------

def expm(L) -> np.ndarray:
    """e^L = I + L + L²/2! + L³/3! + … for a 2×2 or 3×3 matrix.

    2×2, in closed form: L = a·I + B with B of trace 0, so B² = q·I (q = −det B), and
    e^L = e^a·(cosh √q·I + (sinh √q/√q)·B) — with cos and sin when q < 0 (a turn), and
    e^a·(I + B) when q = 0 (a shear).

    3×3, by scaling and squaring: the series converges fast only for a small L, so L is
    halved s times until its size (largest absolute row sum) is at most ½, the series is
    summed until its terms are negligible, and the result squared s times:
    e^L = (e^{L/2^s})^{2^s}.

    >>> np.round(expm([[0.0, -np.pi / 2], [np.pi / 2, 0.0]]), 12) + 0.0   # θ·J turns by θ
    array([[ 0., -1.],
           [ 1.,  0.]])
    >>> expm([[0.0, 1.0], [0.0, 0.0]])                                    # a shear: I + N
    array([[1., 1.],
           [0., 1.]])
    """
    L = np.asarray(L, dtype=float)
    if not np.all(np.isfinite(L)):
        return np.full_like(L, np.nan)
    if L.shape == (2, 2):
        return _expm2x2(L)
    return _expm_series(L)


def _expm2x2(L: np.ndarray) -> np.ndarray:
    a = (L[0, 0] + L[1, 1]) / 2
    B = L - a * np.eye(2)
    q = ((L[0, 0] - L[1, 1]) / 2) ** 2 + L[0, 1] * L[1, 0]
    if q > 0:
        r = math.sqrt(q)
        even, odd = np.cosh(r), np.sinh(r) / r
    elif q < 0:
        r = math.sqrt(-q)
        even, odd = math.cos(r), math.sin(r) / r
    else:
        even, odd = 1.0, 1.0
    return np.exp(a) * (even * np.eye(2) + odd * B)  # past the float range: inf


def _expm_series(L: np.ndarray) -> np.ndarray:
    identity = np.eye(len(L))
    size = float(np.abs(L).sum(axis=1).max(initial=0.0))
    squarings = max(0, math.ceil(math.log2(size / 0.5))) if size > 0.5 else 0
    X = np.ldexp(L, -squarings)
    result, term = identity + X, X
    for k in range(2, 24):
        term = term @ X / k
        result = result + term
        if np.abs(term).max() <= 1e-18:
            break
    for _ in range(squarings):
        result = result @ result
    return result


def _log2x2(A: np.ndarray) -> np.ndarray | None:
    """A real logarithm of a 2×2 matrix in closed form, or None when it has none.

    Write A = τ·I + B with τ = trace/2, so B has trace 0 and B² = q·I, q = τ² − det A. The
    eigenvalues are τ ± √q, and every function of A is a·I + b·B; for the logarithm

    - q > 0 (two real eigenvalues, both > 0 when τ > 0): b = (log λ₊ − log λ₋)/(λ₊ − λ₋)
      = atanh(√q/τ)/√q;
    - q = 0 (one eigenvalue τ > 0, perhaps a shear): b = 1/τ;
    - q < 0 (eigenvalues τ ± i·s, s = √−q, a rotation in some metric): b = θ/s with
      θ = atan2(s, τ) the angle turned, 0 < θ < π;

    and a = ½·log det A. A = −c·I (a half turn, scaled) has the non-principal logarithm
    log c·I + π·J, turning counter-clockwise. Two different negative eigenvalues, or −c with
    a shear (a negative Jordan block), have no real logarithm.
    """
    (a11, a12), (a21, a22) = A
    det = a11 * a22 - a12 * a21
    if not det > 0:
        return None
    tau = (a11 + a22) / 2
    B = A - tau * np.eye(2)
    q = ((a11 - a22) / 2) ** 2 + a12 * a21  # τ² − det, without cancelling
    half_log_det = 0.5 * math.log(det)
    if tau < 0 and np.abs(B).max() <= 1e-12 * abs(tau):  # −c·I: half a turn each way
        return half_log_det * np.eye(2) + math.pi * J
    if q < 0:
        s = math.sqrt(-q)
        b = math.atan2(s, tau) / s
    elif tau <= 0:  # real eigenvalues, both negative (and different, or a Jordan block)
        return None
    elif q == 0:
        b = 1 / tau
    else:
        r = math.sqrt(q)
        b = math.atanh(r / tau) / r
    return half_log_det * np.eye(2) + b * B


def _sqrtm(A: np.ndarray) -> np.ndarray | None:
    """The principal square root, by the Denman–Beavers iteration (Newton's method, kept
    stable): Y → √A and Z → 1/√A, each step ½(μY + Z⁻¹/μ), ½(μZ + Y⁻¹/μ), where the
    scale μ = |det Y·det Z|^(−1/2n) brings the size near 1 early on. None if it stalls."""
    n = len(A)
    Y, Z = A.copy(), np.eye(n)
    scaling = True
    for _ in range(100):
        try:
            Y_inverse, Z_inverse = np.linalg.inv(Y), np.linalg.inv(Z)
        except np.linalg.LinAlgError:
            return None
        mu = 1.0
        if scaling:
            product = abs(np.linalg.det(Y) * np.linalg.det(Z))
            if product > 0 and math.isfinite(product):
                mu = product ** (-1 / (2 * n))
        Y_next = 0.5 * (mu * Y + Z_inverse / mu)
        Z_next = 0.5 * (mu * Z + Y_inverse / mu)
        if not (np.all(np.isfinite(Y_next)) and np.all(np.isfinite(Z_next))):
            return None
        change = np.abs(Y_next - Y).max() / max(np.abs(Y_next).max(), 1e-300)
        Y, Z = Y_next, Z_next
        if change < 1e-3:
            scaling = False
        if change < 1e-14:
            return Y
    return None


def _principal_log(A: np.ndarray) -> np.ndarray | None:
    """The principal logarithm, by inverse scaling and squaring: take square roots until
    X = A^(1/2^k) is within ¼ of I, then log A = 2^k·log X, where the series
    log X = 2·(Z + Z³/3 + Z⁵/5 + …), Z = (X − I)(X + I)⁻¹, converges fast (|Z| ≤ 0.15).
    A must have no eigenvalue on the closed negative real axis."""
    n = len(A)
    identity = np.eye(n)
    X, roots = A.copy(), 0
    while np.abs(X - identity).sum(axis=1).max() > 0.25:
        X = _sqrtm(X)
        roots += 1
        if X is None or roots > 80:
            return None
    Z = np.linalg.solve(X + identity, X - identity)  # (X + I)⁻¹(X − I): they commute
    Z2, term, total = Z @ Z, Z, Z.copy()
    for j in range(3, 61, 2):
        term = term @ Z2
        total = total + term / j
        if np.abs(term).max() <= 1e-18:
            break
    return np.ldexp(total, roots + 1)


def _half_turn_log(A: np.ndarray, eigenvalues: np.ndarray) -> np.ndarray | None:
    """A real logarithm of a 3×3 matrix with eigenvalues μ > 0 and −c, −c, when −c acts as
    −c on a whole plane E (then A turns E by half a turn, scaled, and scales the line u by μ):

        log A = log μ·Π_u + log c·Π_E + π·J_E,

    where Π_u, Π_E are the projections onto u along E and onto E along u, and J_E turns E by a
    quarter turn, counter-clockwise seen from the tip of u (J_E² = −Π_E, so e^{π·J_E} = −1
    on E). None when the two negative eigenvalues differ or E is not a whole eigen-plane."""
    negative = [z for z in eigenvalues if z.real < 0 and abs(z.imag) <= 1e-9 * abs(z)]
    positive = [z for z in eigenvalues if z.real > 0 and abs(z.imag) <= 1e-9 * abs(z)]
    if len(negative) != 2 or len(positive) != 1:
        return None
    first, second = negative
    if abs(first - second) > 1e-6 * abs(first):
        return None
    mu = positive[0].real
    det = float(np.linalg.det(A))
    if not det > 0:
        return None
    c = math.sqrt(det / mu)
    identity = np.eye(3)
    shifted = A + c * identity
    to_u = shifted @ shifted / (mu + c) ** 2  # (z + c)² is 0 on E and (μ + c)² on u
    to_plane = identity - to_u
    if np.abs(shifted @ to_plane).max() > 1e-8 * np.abs(A).max():
        return None  # −c comes with a shear on E: a negative Jordan block
    u = to_u[:, int(np.argmax(np.linalg.norm(to_u, axis=0)))]
    u = u / np.linalg.norm(u)
    first_clear = next(x for x in u if abs(x) > 1e-12)
    if first_clear < 0:  # one sign, chosen once (as rotation_axis_angle does for half turns)
        u = -u
    basis = np.linalg.svd(to_plane)[0][:, :2]
    if np.dot(np.cross(basis[:, 0], basis[:, 1]), u) < 0:
        basis[:, 1] = -basis[:, 1]
    quarter_turn = basis @ J @ basis.T @ to_plane
    return math.log(mu) * to_u + math.log(c) * to_plane + math.pi * quarter_turn


def logm(A) -> np.ndarray | None:
    """A real logarithm L of a 1×1, 2×2 or 3×3 matrix A (exp(L) = A), or None if it has none.

    The principal one (every eigenvalue's angle in (−π, π)) when no eigenvalue is ≤ 0; the
    half-turn one (see ``_log2x2`` and ``_half_turn_log``) when the negative eigenvalues are
    −c on a whole plane. A singular matrix has no logarithm: e^L is never singular.

    >>> np.round(logm([[1.0, 1.0], [0.0, 1.0]]), 12) + 0.0   # a shear's log is nilpotent
    array([[0., 1.],
           [0., 0.]])
    >>> np.round(logm(-np.eye(2)), 12) + 0.0                  # half a turn: π·J
    array([[ 0.        , -3.14159265],
           [ 3.14159265,  0.        ]])
    >>> logm([[-1.0, 0.0], [0.0, -2.0]]) is None             # no real path of this kind
    True
    """
    A = np.asarray(A, dtype=float)
    if not np.all(np.isfinite(A)):
        return None
    n = len(A)
    if n == 1:
        return np.log(A) if A[0, 0] > 0 else None
    if n == 2:
        return _log2x2(A)
    eigenvalues = np.linalg.eigvals(A)
    size = float(np.abs(eigenvalues).max(initial=0.0))
    if size == 0 or np.abs(eigenvalues).min() <= 1e-14 * size:
        return None
    on_the_negative_axis = [z for z in eigenvalues if z.real < 0 and abs(z.imag) <= 1e-9 * abs(z)]
    if not on_the_negative_axis:
        return _principal_log(A)
    if len(on_the_negative_axis) == 2:
        return _half_turn_log(A, eigenvalues)
    return None


# -- timing a fold or a collapse so that det(t) is monotonic --------------------------------

def fold_factor(t: float, end: float, log_rho: float) -> float:
    """The scale along a folding line at time t: from 1 down through 0 to ``end`` < 0, in two
    straight pieces that meet at 0 at time t*.

    The rest of the matrix multiplies det by ρ^t (ρ = e^log_rho), so det(t) = g(t)·ρ^t. With
    t* = 1/(1 − end) the two pieces are one straight line; when the rest grows (ρ > 1), det
    still falls before the fold if t* ≤ 1/log ρ, and when it shrinks (ρ < 1) it keeps falling
    after the fold if 1 − t* ≤ 1/|log ρ|. So t* is moved (earlier, or later) just enough.

    >>> [fold_factor(t, -1.0, 0.0) for t in (0.0, 0.25, 0.5, 1.0)]   # a reflection: 1 − 2t
    [1.0, 0.5, 0.0, -1.0]
    """
    turn = 1 / (1 - end)
    if log_rho > 0:
        turn = min(turn, 1 / log_rho)
    elif log_rho < 0:
        turn = max(turn, 1 - 1 / -log_rho)
    if t <= turn:
        return 1 - t / turn
    return end * (t - turn) / (1 - turn)


def collapse_factor(t: float, log_rho: float, flattened: int) -> float:
    """The scale along each of the ``flattened`` directions at time t, from 1 down to 0 at t = 1.

    det(t) = g(t)^k·ρ^t. Taking g = (1 − t) when the rest shrinks (ρ ≤ 1), and
    g = (1 − t)·ρ^(−t/k) when it grows, gives det(t) = (1 − t)^k·min(1, ρ)^t: monotonic, and 0
    only at the end.

    >>> [collapse_factor(t, 0.0, 1) for t in (0.0, 0.5, 1.0)]
    [1.0, 0.5, 0.0]
    """
    return (1 - t) * math.exp(-t * max(0.0, log_rho) / flattened)


# -- the pieces of a path -----------------------------------------------------------------------

Piece = Callable[[float], np.ndarray]


def _is_singular(X: np.ndarray) -> bool:
    sigma = np.linalg.svd(X, compute_uv=False)
    return bool(sigma[0] == 0 or sigma[-1] <= SINGULAR * sigma[0])


def _relative(P: np.ndarray, M: np.ndarray) -> np.ndarray:
    """A = M·P⁻¹, the change still to make (M = A·P)."""
    return np.linalg.solve(P.T, M.T).T


def _turning(relative: np.ndarray) -> Callable[[float], np.ndarray]:
    """t ↦ the rotation by t times the turn ``relative`` makes, the short way, about its axis
    (a half turn in the plane: counter-clockwise)."""
    if len(relative) == 2:
        angle = math.atan2(relative[1, 0], relative[0, 0])
        if angle <= -math.pi + 1e-9:
            angle += 2 * math.pi
        return lambda t: rotation(t * angle)
    axis, angle = rotation_axis_angle(Matrix(relative.tolist()))
    axis = tuple(axis)
    return lambda t: rotation_about(axis, t * angle)


def _polar(X: np.ndarray, proper: bool | None = None):
    """X = R·S with R orthogonal and S symmetric with eigenvalues σ ≥ 0 (from the SVD
    X = U·Σ·Vᵀ: R = U·Vᵀ, S = V·Σ·Vᵀ). σ ≤ SINGULAR·σ_max is taken to be 0. When X is
    singular the flattened direction's partner may be flipped, so ``proper`` chooses whether
    det R is +1 (True) or −1 (False). Returns R, σ (largest first) and V."""
    U, sigma, Vt = np.linalg.svd(X)
    sigma = np.where(sigma <= SINGULAR * sigma[0], 0.0, sigma)
    if proper is not None and sigma[-1] == 0 and (np.linalg.det(U @ Vt) > 0) != proper:
        U[:, -1] = -U[:, -1]
    return U @ Vt, sigma, Vt.T


def _stretch_path(sigma0: np.ndarray, V0: np.ndarray, sigma1: np.ndarray, V1: np.ndarray):
    """t ↦ exp((1 − t)·log S₀ + t·log S₁) between two positive definite stretches S = V·Σ·Vᵀ
    (log S = V·log Σ·Vᵀ). Still a stretch, with det S₀^(1−t)·det S₁^t (geometric), and never
    larger than the larger end (the largest eigenvalue of the blend of logs is at most the
    blend of the largest). Stretches along the same axes scale each axis by σ₀^(1−t)·σ₁^t."""
    log0, log1 = (V0 * np.log(sigma0)) @ V0.T, (V1 * np.log(sigma1)) @ V1.T

    def at(t: float) -> np.ndarray:
        logs, axes = np.linalg.eigh((1 - t) * log0 + t * log1)
        return (axes * np.exp(logs)) @ axes.T
    return at


def _log_piece(P: np.ndarray, M: np.ndarray) -> Piece | None:
    """exp(t·log A)·P, A = M·P⁻¹: a constant rate of change (None without a real log)."""
    L = logm(_relative(P, M))
    if L is None:
        return None
    return lambda t: expm(t * L) @ P


def _eigen_projection(A: np.ndarray, eigenvalue: float, eigenvalues) -> np.ndarray | None:
    """The projection onto the eigen-line of a simple real ``eigenvalue`` λ along the other
    invariant directions: c(A)/c(λ), where c(z) = Π(z − μ) over the other eigenvalues μ (c(A)
    is 0 on their directions, shear or not, and c(λ) on the line)."""
    others = list(eigenvalues)
    others.remove(min(others, key=lambda z: abs(z - eigenvalue)))
    polynomial = np.real(np.poly(others))
    at_eigenvalue = float(np.real(np.prod([eigenvalue - z for z in others])))
    scale = max(1.0, float(np.abs(eigenvalues).max())) ** len(others)
    if abs(at_eigenvalue) <= 1e-9 * scale:
        return None  # λ is not simple
    value = np.zeros_like(A)
    for coefficient in polynomial:  # Horner's rule
        value = value @ A + coefficient * np.eye(len(A))
    return value / at_eigenvalue


def _fold_piece(P: np.ndarray, M: np.ndarray, log_scale: float) -> Piece | None:
    """A flip (det A < 0): fold along the eigen-line u of a simple negative eigenvalue λ of
    A, while the rest A' (A with λ replaced by 1) moves at its constant rate:

        P(t) = [exp(t·log A')·(I − Π) + g(t)·Π]·P,     Π the projection onto u,

    g from 1 through 0 to λ (``fold_factor``). None when no such λ leaves a real log."""
    A = _relative(P, M)
    eigenvalues = np.linalg.eigvals(A)
    size = float(np.abs(eigenvalues).max())
    candidates = sorted((z.real for z in eigenvalues if z.real < 0 and abs(z.imag) <= 1e-9 * size),
                        key=abs)
    identity = np.eye(len(A))
    for lam in candidates:
        projection = _eigen_projection(A, lam, eigenvalues)
        if projection is None:
            continue
        rest = A @ (identity - projection) + projection
        L = logm(rest)
        if L is None:
            continue
        log_rho = float(np.trace(L)) + log_scale
        keep = identity - projection

        def piece(t: float, L=L, keep=keep, projection=projection, lam=lam, log_rho=log_rho):
            return (expm(t * L) @ keep + fold_factor(t, lam, log_rho) * projection) @ P
        return piece
    return None


def _collapse_piece(P: np.ndarray, M: np.ndarray, log_scale: float) -> Piece | None:
    """M singular: shrink A's kernel to 0 along its own directions while the rest moves at its
    constant rate — P(t) = [exp(t·log A')·(I − Π) + g(t)·Π]·P, Π the projection onto the
    kernel along the image, A' = A with 0 replaced by 1, g = ``collapse_factor``. None when
    the kernel meets the image (e.g. [[0, 1], [0, 0]]) or the rest has no real log."""
    A = _relative(P, M)
    n = len(A)
    sigma = np.linalg.svd(A, compute_uv=False)
    rank = int(np.sum(sigma > SINGULAR * sigma[0]))
    identity = np.eye(n)
    size = float(np.abs(A).max())
    if rank == 0:
        projection = identity
    elif rank == 1:  # A = a·bᵀ; its image a is outside its kernel exactly when bᵀa = trace ≠ 0
        trace = float(np.trace(A))
        if abs(trace) <= 1e-9 * size:
            return None
        projection = identity - A / trace
    else:  # rank 2 of 3: a simple eigenvalue 0, c(z) = z² − trace·z + e₂
        e2 = 0.5 * (np.trace(A) ** 2 - np.trace(A @ A))
        if abs(e2) <= 1e-9 * size * size:
            return None
        projection = (A @ A - np.trace(A) * A + e2 * identity) / e2
    flattened = n - rank
    keep = identity - projection
    rest = A @ keep + projection
    L = logm(rest)
    if L is None:
        return None
    log_rho = float(np.trace(L)) + log_scale

    def piece(t: float) -> np.ndarray:
        return (expm(t * L) @ keep + collapse_factor(t, log_rho, flattened) * projection) @ P
    return piece


def _polar_piece(P: np.ndarray, M: np.ndarray) -> Piece:
    """The fallback between two invertible ends of one orientation: turn R₀ → R₁ the short
    way while the stretch moves from S₀ to S₁ at a constant rate (``_stretch_path``)."""
    R0, sigma0, V0 = _polar(P)
    R1, sigma1, V1 = _polar(M)
    turning = _turning(R1 @ R0.T)
    stretch = _stretch_path(sigma0, V0, sigma1, V1)
    return lambda t: turning(t) @ R0 @ stretch(t)


def _polar_fold_piece(P: np.ndarray, M: np.ndarray, log_scale: float) -> Piece:
    """The fallback from det P > 0 to det M < 0: M = R₁·S₁ with R₁ = R₁'·H, H the mirror
    across the plane perpendicular to M's thinnest stretch direction u. The rotation turns
    R₀ → R₁', the stretch moves S₀ → S₁, and u's scale folds from 1 through 0 to −1."""
    n = len(P)
    R0, sigma0, V0 = _polar(P)
    R1, sigma1, V1 = _polar(M)
    u = V1[:, -1]
    along_u = np.outer(u, u)
    across_u = np.eye(n) - along_u
    turning = _turning(R1 @ (np.eye(n) - 2 * along_u) @ R0.T)
    stretch = _stretch_path(sigma0, V0, sigma1, V1)
    log_rho = float(np.sum(np.log(sigma1)) - np.sum(np.log(sigma0))) + log_scale

    def piece(t: float) -> np.ndarray:
        fold = across_u + fold_factor(t, -1.0, log_rho) * along_u
        return turning(t) @ R0 @ fold @ stretch(t)
    return piece


def _polar_collapse_piece(P: np.ndarray, M: np.ndarray, log_scale: float) -> Piece:
    """The fallback from an invertible P to a singular M = R₁·S₁: turn R₀ → R₁ (R₁ chosen
    with det R₀'s sign), move the stretch from S₀ to S₁ + Π (M's flattened directions given
    scale 1), and shrink those directions to 0 (``collapse_factor``)."""
    R0, sigma0, V0 = _polar(P)
    R1, sigma1, V1 = _polar(M, proper=np.linalg.det(R0) > 0)
    flat = sigma1 == 0
    kernel = V1[:, flat] @ V1[:, flat].T
    across = V1[:, ~flat] @ V1[:, ~flat].T
    lifted = np.where(flat, 1.0, sigma1)
    turning = _turning(R1 @ R0.T)
    stretch = _stretch_path(sigma0, V0, lifted, V1)
    log_rho = float(np.sum(np.log(lifted)) - np.sum(np.log(sigma0))) + log_scale
    flattened = int(flat.sum())

    def piece(t: float) -> np.ndarray:
        shrink = across + collapse_factor(t, log_rho, flattened) * kernel
        return turning(t) @ R0 @ shrink @ stretch(t)
    return piece


def _flat_piece(P: np.ndarray, M: np.ndarray) -> Piece:
    """Both ends singular: det = 0 all the way. Each stretch S = W·Λ·Wᵀ (W a rotation of
    eigen-directions, Λ largest first, so the last is 0 at both ends); R, W turn the short way,
    each λ moves geometrically (linearly where one end is 0)."""
    R0, sigma0, W0 = _polar(P, proper=True)
    R1, sigma1, W1 = _polar(M, proper=True)
    for W in (W0, W1):
        if np.linalg.det(W) < 0:
            W[:, -1] = -W[:, -1]
    turning = _turning(R1 @ R0.T)
    turning_axes = _turning(W1 @ W0.T)
    both = (sigma0 > 0) & (sigma1 > 0)
    safe0, safe1 = np.where(both, sigma0, 1.0), np.where(both, sigma1, 1.0)

    def piece(t: float) -> np.ndarray:
        scales = np.where(both, safe0 ** (1 - t) * safe1 ** t, (1 - t) * sigma0 + t * sigma1)
        W = turning_axes(t) @ W0
        return turning(t) @ R0 @ (W * scales) @ W.T
    return piece


def _attempt(build, *arguments) -> Piece | None:
    """A piece from ``build``, or None if its linear algebra fails (then the polar one is used)."""
    try:
        with np.errstate(all="ignore"):
            return build(*arguments)
    except (np.linalg.LinAlgError, ValueError, ArithmeticError):
        return None


class TransformPath:
    """An honest path from ``start`` (t = 0) to ``end`` (t = 1), square 2×2 or 3×3 (see the
    module's documentation for the mathematics). ``kind`` names the path taken: "constant",
    "line" (to or from the zero matrix), "log", "fold", "collapse", "polar", "polar fold",
    "polar collapse" or "flat" (both ends singular).

    >>> path = TransformPath(np.eye(2), -np.eye(2))     # a half turn
    >>> np.round(path.at(0.5), 6) + 0.0                 # a quarter turn, not the zero matrix
    array([[ 0., -1.],
           [ 1.,  0.]])
    >>> shear = TransformPath(np.eye(2), [[1, 1], [0, 1]])
    >>> shear.kind, shear.at(0.5)                       # î stays put, det stays 1
    ('log', array([[1. , 0.5],
           [0. , 1. ]]))
    """

    def __init__(self, start, end):
        self.start = np.array(start, dtype=float)
        self.end = np.array(end, dtype=float)
        if self.start.shape != self.end.shape or self.start.shape not in ((2, 2), (3, 3)):
            raise ValueError(f"a path joins two 2×2 or two 3×3 matrices, not {self.start.shape} "
                             f"and {self.end.shape}")
        if not (np.all(np.isfinite(self.start)) and np.all(np.isfinite(self.end))):
            raise ValueError("a path joins matrices with finite entries")
        # each end divided by a power of two near its largest entry (exact): entries ≈ 1
        e0 = math.frexp(float(np.abs(self.start).max()))[1]
        e1 = math.frexp(float(np.abs(self.end).max()))[1]
        if not self.start.any():
            e0 = e1
        if not self.end.any():
            e1 = e0
        if abs(e0 - e1) <= 64:  # one scale for both: the path is worked out in one frame
            e0 = e1 = max(e0, e1)
        self._exponents = (e0, e1)
        self._reversed = False
        self.kind, self._piece = self._plan(np.ldexp(self.start, -e0), np.ldexp(self.end, -e1), e0, e1)

    def _plan(self, P: np.ndarray, M: np.ndarray, e0: int, e1: int) -> tuple[str, Piece]:
        n = len(P)
        log_scale = n * (e1 - e0) * math.log(2)
        if np.array_equal(self.start, self.end):
            return "constant", lambda t: P
        if not P.any() or not M.any():  # grow from nothing, or shrink to nothing
            return "line", lambda t: (1 - t) * P + t * M
        start_flat, end_flat = _is_singular(P), _is_singular(M)
        if start_flat and end_flat:
            return "flat", _flat_piece(P, M)
        if start_flat:  # from a singular P: the collapse M → P, run backwards
            self._reversed = True
            P, M, log_scale = M, P, -log_scale
            e0, e1 = e1, e0
        if start_flat or end_flat:
            piece = _attempt(_collapse_piece, P, M, log_scale)
            if piece is not None and self._fits(piece, P, M, e0, e1):
                return "collapse", piece
            return "polar collapse", _polar_collapse_piece(P, M, log_scale)
        flips = np.linalg.det(P) * np.linalg.det(M) < 0
        piece = _attempt(_fold_piece, P, M, log_scale) if flips else _attempt(_log_piece, P, M)
        if piece is not None and self._fits(piece, P, M, e0, e1):
            return ("fold" if flips else "log"), piece
        if not flips:
            return "polar", _polar_piece(P, M)
        if np.linalg.det(P) < 0:  # the polar fold goes from det > 0: run M → P backwards
            self._reversed = True
            return "polar fold", _polar_fold_piece(M, P, -log_scale)
        return "polar fold", _polar_fold_piece(P, M, log_scale)

    @staticmethod
    def _fits(piece: Piece, P: np.ndarray, M: np.ndarray, e0: int, e1: int) -> bool:
        """Does the path land on M, and stay within SWING × the larger end's size?"""
        try:
            with np.errstate(all="ignore"):
                landing = piece(1.0)
                if not np.abs(landing - M).max() <= END_TOLERANCE * max(1.0, float(np.abs(M).max())):
                    return False
                limit = math.log2(SWING) + max(math.log2(np.linalg.norm(P)) + e0,
                                               math.log2(np.linalg.norm(M)) + e1)
                for i in range(1, SWING_SAMPLES):
                    t = i / SWING_SAMPLES
                    size = np.linalg.norm(piece(t))
                    if not (math.isfinite(size) and size > 0):
                        return False
                    if math.log2(size) + (1 - t) * e0 + t * e1 > limit:
                        return False
        except (np.linalg.LinAlgError, ValueError, ArithmeticError):
            return False
        return True

    def at(self, t: float) -> np.ndarray:
        """The matrix at time t ∈ [0, 1]; exactly ``start`` at 0 and ``end`` at 1."""
        if t <= 0:
            return self.start.copy()
        if t >= 1:
            return self.end.copy()
        e0, e1 = self._exponents
        exponent = (1 - t) * e0 + t * e1
        whole = math.floor(exponent)
        with np.errstate(over="ignore", invalid="ignore"):  # near the float limits: inf, not drawn
            matrix = self._piece(1 - t if self._reversed else t)
            return np.ldexp(matrix * 2.0 ** (exponent - whole), whole)
