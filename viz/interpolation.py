"""The path a matrix takes while it animates from one value to another (2×2 or 3×3).

Straight-line blending (1−t)·A + t·B lies about rotations: halfway from I to a 180° turn
it passes through the zero matrix, as if space collapsed. Instead each end is split by
the polar decomposition M = R·S into a rotation R and a stretch S, and the two parts
travel separately: the rotation turns about one fixed axis (in the plane: the angle
changes) the short way round, and the stretch blends linearly (a blend of stretches is
still a stretch, so nothing fakes a collapse).

When an end reverses orientation (det < 0), R is a rotation times the flip
F = diag(1, …, 1, −1); the flip is kept with the stretch, so the path passes through
det = 0 exactly once — the one moment any continuous path from a rotation to a
reflection must flatten space.
"""

import math

import numpy as np

from kernels import Matrix, polar, rotation_axis_angle


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


def rotation_and_stretch(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Split ``matrix`` = R·P with R a proper rotation (det +1) and P the polar stretch,
    times the flip F when det < 0 (so P carries the reflection, R only turns).

    The matrix is first divided by a power of two near its largest entry (exact in floats), so
    entries near 1e308 — whose singular values pass the float range — still split; the stretch
    is scaled back, and may then be ±inf, which the views refuse to draw.
    """
    exponent = math.frexp(float(np.abs(matrix).max(initial=0.0)))[1]  # largest = m·2^exponent
    R, S = polar(Matrix(np.ldexp(matrix, -exponent).tolist()))
    R = np.array(R.to_floats())
    with np.errstate(over="ignore"):
        S = np.ldexp(np.array(S.to_floats()), exponent)
    if np.linalg.det(R) < 0:
        flip = np.eye(len(R))
        flip[-1, -1] = -1.0
        return R @ flip, flip @ S
    return R, S


class TransformPath:
    """A rotation-aware path from ``start`` (t = 0) to ``end`` (t = 1), square 2×2 or 3×3.

    >>> path = TransformPath(np.eye(2), -np.eye(2))     # a half turn
    >>> np.round(path.at(0.5), 6) + 0.0                 # a quarter turn, not the zero matrix
    array([[ 0., -1.],
           [ 1.,  0.]])
    """

    def __init__(self, start, end):
        self.start = np.asarray(start, dtype=float)
        self.end = np.asarray(end, dtype=float)
        if self.start.shape != self.end.shape or self.start.shape not in ((2, 2), (3, 3)):
            raise ValueError(f"a path joins two 2×2 or two 3×3 matrices, not {self.start.shape} "
                             f"and {self.end.shape}")
        self._rotation0, self._stretch0 = rotation_and_stretch(self.start)
        rotation1, self._stretch1 = rotation_and_stretch(self.end)
        relative = rotation1 @ self._rotation0.T  # the turn still to make
        if len(relative) == 2:
            turn = math.atan2(relative[1, 0], relative[0, 0])
            if turn <= -math.pi + 1e-9:  # a half turn goes counter-clockwise
                turn += 2 * math.pi
            self._axis, self._turn = None, turn
        else:
            axis, turn = rotation_axis_angle(Matrix(relative.tolist()))
            self._axis, self._turn = tuple(axis), turn

    def _turned(self, t: float) -> np.ndarray:
        if self._axis is None:
            return rotation(t * self._turn)
        return rotation_about(self._axis, t * self._turn)

    def at(self, t: float) -> np.ndarray:
        """The matrix at time t ∈ [0, 1]; exactly ``start`` at 0 and ``end`` at 1."""
        if t <= 0:
            return self.start.copy()
        if t >= 1:
            return self.end.copy()
        with np.errstate(over="ignore", invalid="ignore"):  # near the float limits: inf, not drawn
            stretch = (1 - t) * self._stretch0 + t * self._stretch1
            return self._turned(t) @ self._rotation0 @ stretch
