"""What the neural-layer view draws at each moment, as plain numbers (Qt-free).

The plane is shown by a grid of lines sampled densely (σ bends them, so a line is a polyline)
and by the two-class cloud; :class:`~.network.LayerMotion` moves both together. At the end, the
line logistic regression fits to the output (:func:`~.network.fit_line`) is drawn across the
picture, with how many points it puts on their class's side.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .datasets import TwoClassCloud
from .network import LayerMotion, LineFit, fit_line

GRID_EXTENT = 1.5  # the grid covers [−1.5, 1.5]², around every dataset
GRID_LINES = 13  # per direction: a line every 0.25
GRID_SAMPLES = 61  # points along each line


def grid_polylines(extent: float = GRID_EXTENT, lines: int = GRID_LINES,
                   samples: int = GRID_SAMPLES) -> np.ndarray:
    """The lines x = c and y = c for ``lines`` values of c in [−extent, extent], each sampled at
    ``samples`` points: an array (2·lines, samples, 2)."""
    values = np.linspace(-extent, extent, lines)
    along = np.linspace(-extent, extent, samples)
    vertical = np.stack([np.stack([np.full(samples, c), along], axis=1) for c in values])
    horizontal = vertical[:, :, ::-1]
    return np.concatenate([vertical, horizontal])


def polyline_pairs(polylines: np.ndarray) -> np.ndarray:
    """Polylines (m, s, 2) as segment pairs (rows: start, end, start, …) for one Segments item."""
    starts, ends = polylines[:, :-1], polylines[:, 1:]
    pairs = np.stack([starts, ends], axis=2)  # (m, s − 1, 2, 2)
    return pairs.reshape(-1, 2)


@dataclass(frozen=True)
class LayerFrame:
    """One moment: the grid's segment pairs and each class's points."""

    grid: np.ndarray
    classes: tuple[np.ndarray, np.ndarray]


class LayerPlay:
    """The layers acting on the grid and on the cloud, ready to be drawn at any position."""

    def __init__(self, motion: LayerMotion, cloud: TwoClassCloud):
        self.motion = motion
        self.cloud = cloud
        self._grid_shape = grid_polylines().shape
        grid = grid_polylines().reshape(-1, 2)
        self._split = len(grid)
        self.rests = motion.rests(np.concatenate([grid, cloud.points]))
        self.output = self.rests[-1][self._split:]
        self.fit: LineFit = fit_line(self.output, cloud.labels)

    @property
    def count(self) -> int:
        return self.motion.count

    def at(self, position: float) -> LayerFrame:
        moved = self.motion.at(self.rests, position)
        grid = moved[:self._split].reshape(self._grid_shape)
        points = moved[self._split:]
        labels = self.cloud.labels
        return LayerFrame(polyline_pairs(grid), (points[labels == 0], points[labels == 1]))

    def rest_points(self) -> list[list[np.ndarray]]:
        """The cloud at each rest point, for framing each picture on its own (after ReLU the
        cloud sits in one quadrant, and that quadrant fills the view)."""
        return [[rest[self._split:]] for rest in self.rests]


def line_ends(fit: LineFit, rect) -> np.ndarray:
    """The two ends of the line n·z + c = 0 across the rectangle (left, right, bottom, top),
    or an empty array when it misses it (or n = 0)."""
    left, right, bottom, top = rect
    n1, n2 = fit.normal
    ends = []
    if abs(n2) > 1e-12:
        ends += [(x, -(fit.offset + n1 * x) / n2) for x in (left, right)]
    if abs(n1) > 1e-12:
        ends += [(-(fit.offset + n2 * y) / n1, y) for y in (bottom, top)]
    inside = [p for p in ends if left - 1e-9 <= p[0] <= right + 1e-9 and bottom - 1e-9 <= p[1] <= top + 1e-9]
    if len(inside) < 2:
        return np.zeros((0, 2))
    inside.sort()
    return np.array([inside[0], inside[-1]])
