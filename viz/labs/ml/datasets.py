"""Two-class point clouds in the plane, the classic test beds of a small neural network.

Each is drawn by numpy's random Generator from a ``seed`` (same seed, same points), with
Gaussian ``noise`` (its standard deviation) added to every coordinate:

* **circles** — a disc (class 0) inside a ring (class 1). No line separates them, and no
  continuous map of the plane to itself can pull the disc out of the ring: a network with two
  hidden units cannot do it, three can (lift the disc above the ring in 3D).
* **moons** — two interleaved half circles.
* **XOR** — four blobs at the corners; opposite corners share a class.
* **spiral** — two arms winding around each other.

>>> cloud = two_class_cloud("circles", count=200, noise=0.0, seed=1)
>>> cloud.points.shape, cloud.labels.tolist().count(0)
((200, 2), 100)
>>> radii = np.hypot(*cloud.points.T)
>>> bool(radii[cloud.labels == 0].max() <= DISC_RADIUS < RING_RADII[0] <= radii[cloud.labels == 1].min())
True
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

DATASETS = ("circles", "moons", "xor", "spiral")
TITLES = {"circles": "disc inside a ring", "moons": "two moons", "xor": "XOR", "spiral": "spiral"}
DISC_RADIUS = 0.5
RING_RADII = (0.8, 1.2)
SPIRAL_TURNS = 1.5
MAX_POINTS = 20_000
MAX_NOISE = 0.5


@dataclass(frozen=True)
class TwoClassCloud:
    """Points (an n × 2 array) with a class label 0 or 1 each."""

    name: str
    points: np.ndarray
    labels: np.ndarray

    def of_class(self, label: int) -> np.ndarray:
        return self.points[self.labels == label]


def two_class_cloud(name: str, count: int = 400, noise: float = 0.05, seed: int = 0) -> TwoClassCloud:
    """``count`` points of the dataset ``name`` (half of each class), jittered by ``noise``."""
    if name not in DATASETS:
        raise ValueError(f"no dataset {name!r}: choose one of {', '.join(DATASETS)}")
    if not 2 <= count <= MAX_POINTS:
        raise ValueError(f"a dataset has 2 to {MAX_POINTS:,} points, not {count}")
    if not 0 <= noise <= MAX_NOISE:
        raise ValueError(f"the noise is between 0 and {MAX_NOISE}, not {noise}")
    rng = np.random.default_rng(seed)
    halves = (count // 2, count - count // 2)
    points = np.concatenate([_SHAPES[name](rng, n, label) for label, n in enumerate(halves)])
    points = points + rng.normal(0.0, noise, points.shape) if noise else points
    labels = np.repeat([0, 1], halves)
    return TwoClassCloud(name, points, labels)


def _circles(rng: np.random.Generator, n: int, label: int) -> np.ndarray:
    """Uniform over the disc r ≤ 0.5 (class 0) or the ring 0.8 ≤ r ≤ 1.2 (class 1): the radius
    is drawn as √u between the squared radii, so equal areas get equal numbers of points."""
    low, high = (0.0, DISC_RADIUS) if label == 0 else RING_RADII
    radius = np.sqrt(rng.uniform(low ** 2, high ** 2, n))
    angle = rng.uniform(0, 2 * np.pi, n)
    return np.column_stack([radius * np.cos(angle), radius * np.sin(angle)])


def _moons(rng: np.random.Generator, n: int, label: int) -> np.ndarray:
    """The upper half of the unit circle (class 0), and the lower half moved by (1, 0.5)."""
    angle = rng.uniform(0, np.pi, n)
    if label == 0:
        return np.column_stack([np.cos(angle), np.sin(angle)]) - [0.5, 0.25]
    return np.column_stack([1 - np.cos(angle), 0.5 - np.sin(angle)]) - [0.5, 0.25]


def _xor(rng: np.random.Generator, n: int, label: int) -> np.ndarray:
    """Points near (±0.6, ±0.6): class 0 where the signs agree, class 1 where they differ."""
    corner = rng.integers(0, 2, n) * 2 - 1
    sign = corner if label == 0 else -corner
    return np.column_stack([0.6 * corner, 0.6 * sign]) + rng.normal(0, 0.15, (n, 2))


def _spiral(rng: np.random.Generator, n: int, label: int) -> np.ndarray:
    """r = t, angle = 2π·1.5·t (+π for class 1), t uniform in (0.05, 1]."""
    t = rng.uniform(0.05, 1.0, n)
    angle = 2 * np.pi * SPIRAL_TURNS * t + np.pi * label
    return np.column_stack([t * np.cos(angle), t * np.sin(angle)])


_SHAPES = {"circles": _circles, "moons": _moons, "xor": _xor, "spiral": _spiral}
