"""The eigen-decomposition of a small symmetric matrix, from the kernel, as perpendicular axes.

A symmetric matrix S (a covariance, the Hessian of a quadratic) has real eigenvalues and
perpendicular eigenvectors: S = Q Λ Qᵀ. Both PCA and gradient descent read S through them.
"""

from __future__ import annotations

from typing import NamedTuple

import numpy as np

from kernels import Matrix, eigenvectors
from kernels.algebraic import AlgebraicNumber


class Axis(NamedTuple):
    """An eigenvalue λ (a Fraction, or the nearest float with ``exact`` the number itself)
    and a unit eigenvector."""

    value: object
    exact: AlgebraicNumber | None
    direction: np.ndarray


def symmetric_axes(S: Matrix) -> list[Axis]:
    """Each eigenvalue of the symmetric S with a unit eigenvector, largest λ first, one per
    dimension.

    A repeated λ has an eigenspace of several dimensions: any perpendicular unit vectors in it
    will do, found by Gram–Schmidt (take from each vector its shadow on the ones before).

    >>> [(str(axis.value), axis.direction.tolist()) for axis in symmetric_axes(Matrix([[2, 0], [0, 2]]))]
    [('2', [1.0, 0.0]), ('2', [0.0, 1.0])]
    """
    if S != S.T:
        raise ValueError("the matrix must be symmetric")
    axes: list[Axis] = []
    for space in eigenvectors(S):
        found: list[np.ndarray] = []
        for vector in space.vectors:
            v = np.array([float(x) for x in vector])
            for q in found:
                v = v - (v @ q) * q
            found.append(v / np.linalg.norm(v))
        axes += [Axis(space.value, space.exact, v) for v in found]
    return axes
