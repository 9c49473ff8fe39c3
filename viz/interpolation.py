"""The path a matrix takes while it animates from one value to another.

Straight-line blending (1−t)·A + t·B lies about rotations: halfway from I to a 180° turn
it passes through the zero matrix, as if the plane collapsed. Instead each end is split by
the polar decomposition M = R·S into a rotation R (by an angle θ) and a stretch S, and
the two parts travel separately: the angle turns from θ_A to θ_B the short way round, and
the stretch blends linearly (a blend of stretches is still a stretch, so no fake collapse).

When an end reverses orientation (det < 0), R is a rotation times the flip F = diag(1, −1);
the flip is kept with the stretch, so the path passes through det = 0 exactly once — the
one moment any continuous path from a rotation to a reflection must flatten the plane.
"""

import math

import numpy as np

from kernels import Matrix, polar

FLIP = np.diag([1.0, -1.0])


def rotation(theta: float) -> np.ndarray:
    """The 2×2 matrix that turns the plane counter-clockwise by ``theta`` radians."""
    c, s = math.cos(theta), math.sin(theta)
    return np.array([[c, -s], [s, c]])


def angle_and_stretch(matrix: np.ndarray) -> tuple[float, np.ndarray]:
    """Split ``matrix`` as Rot(θ)·P, where P is the polar stretch (times F when det < 0)."""
    R, S = polar(Matrix(matrix.tolist()))
    R = np.array(R.to_floats())
    S = np.array(S.to_floats())
    theta = math.atan2(R[1, 0], R[0, 0])  # the first column of Rot(θ) and of Rot(θ)·F
    if np.linalg.det(R) < 0:
        return theta, FLIP @ S
    return theta, S


class TransformPath:
    """A rotation-aware path from ``start`` (t = 0) to ``end`` (t = 1), both 2×2 arrays.

    >>> path = TransformPath(np.eye(2), -np.eye(2))     # a half turn
    >>> np.round(path.at(0.5), 6) + 0.0                 # a quarter turn, not the zero matrix
    array([[ 0., -1.],
           [ 1.,  0.]])
    """

    def __init__(self, start, end):
        self.start = np.asarray(start, dtype=float)
        self.end = np.asarray(end, dtype=float)
        self._theta0, self._stretch0 = angle_and_stretch(self.start)
        theta1, self._stretch1 = angle_and_stretch(self.end)
        turn = (theta1 - self._theta0) % (2 * math.pi)  # in [0, 2π)
        if turn > math.pi + 1e-9:  # the short way round; a half turn goes counter-clockwise
            turn -= 2 * math.pi
        self._turn = turn

    def at(self, t: float) -> np.ndarray:
        """The matrix at time t ∈ [0, 1]; exactly ``start`` at 0 and ``end`` at 1."""
        if t <= 0:
            return self.start.copy()
        if t >= 1:
            return self.end.copy()
        stretch = (1 - t) * self._stretch0 + t * self._stretch1
        return rotation(self._theta0 + t * self._turn) @ stretch
