"""Transformations applied one after another, each on top of the last — the motion behind
"AB means B first, then A", a typed sequence, and Gaussian elimination as row operations.

With steps M₁, …, M_k the plane is moved by M₁, then by M₂ on top of that, and so on: after
step j it sits at the running product S_j = M_j ⋯ M₁ (the *last* step is written *first*, just
as in AB = "B, then A"). During step j the picture is ``P_j(t) · S_{j−1}``, where ``P_j`` is the
studio's motion from I to M_j (:class:`~viz.interpolation.TransformPath`), so a shear stays a
shear and the area changes monotonically within each step.

A :class:`Timeline` turns seconds into (step, progress): each step takes ``step_seconds`` and
is followed by a pause of ``pause_seconds`` at its result, where the picture is at rest.
Qt-free: the window, the exports and the command line share it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from kernels import Matrix, evaluate
from kernels.errors import ExpressionError

from .interpolation import TransformPath

MAX_STEPS = 24


class SequenceError(ValueError):
    """A sequence that cannot be played (empty, a bad step, a shape mismatch); one line."""


def split_steps(text: str) -> list[tuple[str, int]]:
    """The comma-separated steps of ``text`` with where each starts, keeping commas inside
    brackets (``[[1, 2], [3, 4]]``, ``rot(45)``) within their step.

    >>> split_steps("rot(45), [[1, 2], [0, 1]], A^{-1}")
    [('rot(45)', 0), ('[[1, 2], [0, 1]]', 9), ('A^{-1}', 27)]
    """
    steps, depth, start = [], 0, 0
    for position, character in enumerate(text + ","):
        if character in "([{":
            depth += 1
        elif character in ")]}":
            depth = max(depth - 1, 0)
        elif character == "," and depth == 0:
            piece = text[start:position]
            steps.append((piece.strip(), start + len(piece) - len(piece.lstrip())))
            start = position + 1
    return steps


def parse_sequence(text: str, names: dict, dimension: int) -> tuple[list[str], list[Matrix]]:
    """The steps of a comma list and their matrices (each ``dimension``×``dimension``), or one
    SequenceError naming the step that is wrong."""
    pieces = split_steps(text)
    if not text.strip() or all(not piece for piece, _ in pieces):
        raise SequenceError("the sequence is empty: give matrices separated by commas, "
                            "e.g. rot(45), [1 1; 0 1], A^{-1}")
    if len(pieces) > MAX_STEPS:
        raise SequenceError(f"the sequence has {len(pieces)} steps (at most {MAX_STEPS})")
    labels, matrices = [], []
    for number, (piece, _start) in enumerate(pieces, start=1):
        if not piece:
            raise SequenceError(f"step {number} is empty (two commas in a row?)")
        try:
            value = evaluate(piece, names, identity_size=dimension)
        except (ExpressionError, ArithmeticError, ValueError) as error:
            raise SequenceError(f"step {number} ({piece}): {str(error).splitlines()[0]}") from None
        if not isinstance(value, Matrix) or value.shape != (dimension, dimension):
            shape = "a number" if not isinstance(value, Matrix) else f"{value.shape[0]}×{value.shape[1]}"
            raise SequenceError(f"step {number} ({piece}) is {shape}, but every step must be "
                                f"{dimension}×{dimension}")
        labels.append(piece)
        matrices.append(value)
    return labels, matrices


@dataclass(frozen=True)
class Stages:
    """Steps M₁…M_k applied in turn (see the module docstring); ``products[j]`` is S_j (S₀ = I),
    exact when the steps are."""
    steps: tuple  # of Matrix
    labels: tuple = ()  # how each step is written ("rot(45)", "B", "R2 ← R2 − 2·R1")
    products: tuple = field(init=False)
    _paths: tuple = field(init=False, repr=False, compare=False)
    _floats: tuple = field(init=False, repr=False, compare=False)
    _last: list = field(init=False, repr=False, compare=False)  # [position, picture]: canvases ask twice

    def __post_init__(self):
        if not self.steps:
            raise SequenceError("there are no steps to play")
        n = self.steps[0].shape[0]
        products = [Matrix.identity(n)]
        for step in self.steps:
            products.append(step @ products[-1])
        floats = tuple(np.array(p.to_floats(), dtype=float) for p in products)
        paths = tuple(TransformPath(np.eye(n), np.array(step.to_floats(), dtype=float))
                      for step in self.steps)
        object.__setattr__(self, "_last", [None, None])
        object.__setattr__(self, "products", tuple(products))
        object.__setattr__(self, "_floats", floats)
        object.__setattr__(self, "_paths", paths)
        if len(self.labels) != len(self.steps):
            object.__setattr__(self, "labels", tuple(f"M{j}" for j in range(1, len(self.steps) + 1)))

    @property
    def count(self) -> int:
        return len(self.steps)

    def product(self, done: int):
        """S_done = M_done ⋯ M₁ as floats (the picture at rest after ``done`` steps)."""
        return self._floats[done]

    def at(self, position: float) -> np.ndarray:
        """The picture at ``position`` ∈ [0, count]: whole numbers are rest points; in between,
        step ⌊position⌋ + 1 is that far along (eased by the caller, if at all)."""
        position = min(max(float(position), 0.0), float(self.count))
        if self._last[0] == position:
            return self._last[1]
        done = int(position)
        if done >= self.count:
            picture = self._floats[-1]
        else:
            picture = self._paths[done].at(position - done) @ self._floats[done]
        self._last[:] = [position, picture]
        return picture


@dataclass(frozen=True)
class Timeline:
    """Seconds ↔ positions: each step takes ``step_seconds``, then rests ``pause_seconds``."""
    count: int
    step_seconds: float = 1.2
    pause_seconds: float = 0.4

    @property
    def total(self) -> float:
        """Seconds from the first step to the end (no pause after the last)."""
        return self.count * self.step_seconds + max(self.count - 1, 0) * self.pause_seconds

    def position(self, seconds: float, easing=None) -> float:
        """Where the picture is after ``seconds``: ``done + easing(t)`` mid-step, a whole number
        during a pause."""
        seconds = min(max(seconds, 0.0), self.total)
        period = self.step_seconds + self.pause_seconds
        done = min(int(seconds // period), self.count - 1)
        into = seconds - done * period
        if into >= self.step_seconds:
            return float(done + 1)
        t = into / self.step_seconds
        return done + (easing(t) if easing else t)

    def seconds(self, position: float) -> float:
        """The first moment the picture reaches ``position`` (the inverse of a linear easing)."""
        position = min(max(position, 0.0), float(self.count))
        done = min(int(position), self.count - 1)
        return done * (self.step_seconds + self.pause_seconds) + (position - done) * self.step_seconds
