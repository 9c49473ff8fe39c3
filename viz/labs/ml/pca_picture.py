"""What the PCA view draws at each moment of its steps, as plain numbers (Qt-free).

The steps, played one after another (positions 0 → 3):

1. **Centre** — every point slides by −x̄, so the mean lands on the origin.
2. **Axes** — the principal axes grow from the origin: along each eigenvector eᵢ of the
   covariance, to length √λᵢ (the spread of the data along it).
3. **Project onto PC1** — each point slides to its shadow on the PC1 line; the segment it
   leaves behind is its residual, what dropping PC2 (and PC3) loses.
   Or, with whitening: **Whiten** — the plane moves by Λ^(−½)Eᵀ (the studio's honest matrix
   path), which turns the axes onto x and y and shrinks each to length 1: the cloud is round.

Points of 3D data are drawn in the plane of PC1 and PC2 (seen from along PC3, the direction
of least spread), so nothing of the two largest spreads is hidden.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from ...interpolation import TransformPath
from .pca import PCA, project_onto_first, whiten

STEP_COUNT = 3
STEP_TITLES = ("Centre the data", "Principal axes, √λ long", "Project onto PC1")
WHITEN_TITLE = "Whiten: every axis to length 1"


@dataclass(frozen=True)
class PcaFrame:
    """One moment: the points, the mean (a cross), the axes' tips (drawn from the origin, PC1
    first), the PC1 line's two ends (or None), and residual segments (pairs of rows)."""

    points: np.ndarray
    mean: np.ndarray
    tips: np.ndarray
    pc1_line: np.ndarray | None
    residuals: np.ndarray


class PcaSteps:
    """The three steps of one analysis, in the plane of the picture (see the module docstring)."""

    def __init__(self, pca: PCA, whitened: bool):
        self.pca = pca
        self.whitened = whitened
        d = pca.data.points.shape[1]
        #: the picture's plane: the data's own axes in 2D, PC1 and PC2 in 3D
        self.basis = np.eye(2) if d == 2 else pca.directions[:, :2]
        self.raw = pca.data.points @ self.basis
        self.mean = pca.mean_array @ self.basis
        self.centred = self.raw - self.mean
        self.axes = np.array([c.axis for c in pca.components]) @ self.basis
        if d == 3:
            self.axes = self.axes[:2]  # PC3 points straight at the viewer
        spread = float(np.abs(self.centred).max()) if len(self.centred) else 1.0
        first = pca.components[0].direction @ self.basis
        self.pc1_ends = np.array([-1.0, 1.0])[:, None] * 1.2 * spread * first
        if whitened:
            spreads = np.array([c.spread for c in pca.components[:2]])
            self.whitening = (pca.directions.T @ self.basis)[:2] / spreads[:, None]  # Λ^(−½)Eᵀ, drawn
            self.white = whiten(pca)[:, :2]
            self._path = TransformPath(np.eye(2), self.whitening)
        else:
            self.shadows = (project_onto_first(pca).shadows - pca.mean_array) @ self.basis

    @property
    def titles(self) -> tuple[str, ...]:
        return (*STEP_TITLES[:2], WHITEN_TITLE if self.whitened else STEP_TITLES[2])

    def at(self, position: float) -> PcaFrame:
        """The picture at ``position`` ∈ [0, 3] (whole numbers are the rests between steps)."""
        position = min(max(float(position), 0.0), float(STEP_COUNT))
        no_tips = np.zeros((0, 2))
        no_segments = np.zeros((0, 2))
        if position < 1:
            shift = position * self.mean
            return PcaFrame(self.raw - shift, self.mean - shift, no_tips, None, no_segments)
        origin = np.zeros(2)
        if position < 2:
            return PcaFrame(self.centred, origin, (position - 1) * self.axes, None, no_segments)
        t = position - 2
        if self.whitened:
            points = self.white if t == 1 else self.centred @ self._path.at(t).T
            return PcaFrame(points, origin, self.axes @ self._path.at(t).T, None, no_segments)
        points = self.centred + t * (self.shadows - self.centred)
        residuals = np.empty((2 * len(points), 2))
        residuals[0::2], residuals[1::2] = self.centred, points
        return PcaFrame(points, origin, self.axes, self.pc1_ends, residuals if t > 0 else no_segments)

    def rest_points(self, rest: int) -> list[np.ndarray]:
        """What the picture at rest point ``rest`` (0 … 3) shows, for its framing: the raw cloud
        with where centring takes it, the centred cloud, the cloud with its axes ±√λ·eᵢ, then the
        same (beside the PC1 line) or, whitened, the round cloud with its unit axes."""
        axes = [self.centred, self.axes, -self.axes]
        if rest == 3 and self.whitened:
            return [self.white, np.eye(2), -np.eye(2)]
        return ([self.raw, self.centred], [self.centred], axes, axes)[rest]
