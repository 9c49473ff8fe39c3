"""Placing labels so that they never cover each other or an arrow head.

Every label belongs to a point (an arrow's tip, the middle of the determinant's area, the far
end of an eigen-line) and has a natural place next to it. :func:`place` keeps each label at its
natural place when it is free; otherwise it tries the places around its point — the natural
direction first, then turning away from it step by step, then farther out — and takes the
first one that covers nothing, or else the one that covers least. Labels are placed in the
order given, so the important ones (î, ĵ, the vectors) keep their natural places.

Everything is in pixels (x to the right, y down), so the same placement serves the 2D view,
the 3D overlay and every export. No Qt here.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

TURNS = (0, 1, -1, 2, -2, 3, -3, 4, 5, -5, 6, -6, 7, -7, 8)  # sixteenths of a turn from natural
REACHES = (1.0, 1.6, 2.4, 3.4, 5.0, 7.0, 10.0)  # how far out to look, as multiples of the label's own reach
# (the last two only when all nearer places are taken: a point under an export's caption)


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle in pixels: left, top, width, height."""
    left: float
    top: float
    width: float
    height: float

    @property
    def centre(self) -> tuple[float, float]:
        return (self.left + self.width / 2, self.top + self.height / 2)

    def overlap(self, other: Box) -> float:
        """The area the two boxes share (0 when they only touch)."""
        dx = min(self.left + self.width, other.left + other.width) - max(self.left, other.left)
        dy = min(self.top + self.height, other.top + other.height) - max(self.top, other.top)
        return dx * dy if dx > 0 and dy > 0 else 0.0

    def outside(self, width: float, height: float) -> float:
        """The area of the box that lies outside a ``width`` × ``height`` frame."""
        inside = self.overlap(Box(0.0, 0.0, width, height))
        return max(0.0, self.width * self.height - inside)

    def moved_to(self, centre: tuple[float, float]) -> Box:
        return Box(centre[0] - self.width / 2, centre[1] - self.height / 2, self.width, self.height)


@dataclass(frozen=True)
class Label:
    """A label to place: its box at its natural place, and the point it belongs to. A label
    that belongs to the whole picture (``along_edge``: "span{v, w}: the whole plane") is not
    tied to a point: it may go anywhere along the top or bottom edge of the frame."""
    natural: Box
    anchor: tuple[float, float]
    along_edge: bool = False


def head_box(x: float, y: float, radius: float = 9.0) -> Box:
    """The square an arrow head (or any marker) at (x, y) occupies."""
    return Box(x - radius, y - radius, 2 * radius, 2 * radius)


def place(labels: list[Label], obstacles: list[Box] = (), frame: tuple[float, float] | None = None,
          margin: float = 2.0) -> list[Box]:
    """Where each label goes: its natural box if that is free, else a free place nearby.

    ``obstacles`` (arrow heads) are avoided like placed labels; ``frame`` = (width, height)
    keeps labels inside the picture. ``margin`` pixels of air are kept between boxes.

    >>> a = Label(Box(0, 0, 40, 20), anchor=(20, 30))      # natural: above its point
    >>> b = Label(Box(10, 5, 40, 20), anchor=(30, 30))     # would cover a
    >>> placed = place([a, b])
    >>> placed[0] == a.natural, placed[0].overlap(placed[1])
    (True, 0.0)
    """
    placed: list[Box] = []
    taken = list(obstacles)
    for label in labels:
        best, best_cost = label.natural, math.inf
        for box in _candidates(label, frame):
            cost = _cost(box, taken, frame, margin)
            if cost == 0.0:
                best = box
                break
            if cost < best_cost:
                best, best_cost = box, cost
        placed.append(best)
        taken.append(best)
    return placed


def _candidates(label: Label, frame=None):
    """The natural box, then boxes around the anchor: turning away from the natural direction,
    then farther out (or, for a label of the whole picture, along the frame's edges)."""
    yield label.natural
    if label.along_edge and frame is not None:
        width, height = frame
        box = label.natural
        for top in (box.top, 6.0, height - box.height - 6.0):
            for left in np.linspace(width - box.width - 6.0, 6.0, 24):
                yield Box(float(left), float(top), box.width, box.height)
        return
    ax, ay = label.anchor
    cx, cy = label.natural.centre
    dx, dy = cx - ax, cy - ay
    if frame is not None:  # a point off the picture (a 3D arrow running out of it): look from
        ax = min(max(ax, 0.0), frame[0])  # the nearest point of the picture's edge instead,
        ay = min(max(ay, 0.0), frame[1])  # where every place around it is not already outside
    reach = math.hypot(dx, dy)
    base = math.atan2(dy, dx) if reach > 1e-9 else -math.pi / 2  # no direction: start above
    half_w, half_h = label.natural.width / 2, label.natural.height / 2
    for scale in REACHES:
        for turn in TURNS:
            angle = base + turn * math.pi / 8
            ux, uy = math.cos(angle), math.sin(angle)
            # far enough along (ux, uy) that the box clears the anchor, plus the natural gap
            clearance = abs(ux) * half_w + abs(uy) * half_h
            gap = max(reach - clearance, 4.0)
            distance = scale * (clearance + gap)
            yield label.natural.moved_to((ax + ux * distance, ay + uy * distance))


def _cost(box: Box, taken: list[Box], frame, margin: float) -> float:
    grown = Box(box.left - margin, box.top - margin, box.width + 2 * margin, box.height + 2 * margin)
    cost = sum(grown.overlap(other) for other in taken)
    if frame is not None:
        cost += 4.0 * box.outside(*frame)
    return cost


def overlaps(boxes: list[Box]) -> list[tuple[int, int, float]]:
    """Every pair of boxes that overlap, with the area they share (for tests and checks).

    >>> overlaps([Box(0, 0, 10, 10), Box(5, 5, 10, 10), Box(30, 0, 5, 5)])
    [(0, 1, 25)]
    """
    return [(i, j, boxes[i].overlap(boxes[j])) for i in range(len(boxes)) for j in range(i + 1, len(boxes))
            if boxes[i].overlap(boxes[j]) > 0]
