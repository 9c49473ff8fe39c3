"""The transform game: reach a goal matrix from a start using only allowed moves, in few moves.

The picture is the grid after the current matrix C. A move is an elementary matrix E applied
after C, so the picture becomes E·C: a shear "x += y" is E = [[1, 1], [0, 1]], which is also
the row operation "add row 2 to row 1". "Undo [[5, 4], [6, 5]] with shears only" starts at
C = [[5, 4], [6, 5]] and ends at the identity: then E_k ⋯ E_1 · C = I, so the product of the
moves is C⁻¹.

The fewest moves (the optimum) is found by breadth-first search over the matrices the moves
reach, with every entry at most ``bound`` in size (entries never need to grow much beyond the
start's and the goal's); moves keep integer matrices integer, so the search is exact.

A lesson step declares a game like an exercise (see :mod:`viz.lessons.exercises`)::

    [steps.exercise]
    kind = "transform"
    start = "5 4; 6 5"
    goal = "1 0; 0 1"      # optional: the identity
    moves = "shears"       # or "row operations" (shears, swapping and negating rows)

>>> game = TransformGame.undo("5 4; 6 5")
>>> game.optimum
6
>>> run = GameRun(game)
>>> run.apply(game.move("y −= x")).current
Matrix([[5, 4], [1, 1]])
"""

from __future__ import annotations

import functools
from collections import deque
from dataclasses import dataclass

from kernels import Matrix, det, parse_matrix
from kernels.notation import matrix_text

from .exercises import Feedback

__all__ = ["MOVE_SETS", "GameRun", "Move", "TransformGame", "game_from_table", "shortest_moves"]


@dataclass(frozen=True)
class Move:
    """One allowed move: its ``name`` (on its button), what it does in words, and its matrix E
    (the picture C becomes E·C)."""

    name: str
    meaning: str
    matrix: Matrix


SHEARS = (
    Move("x += y", "shear sideways: add row 2 to row 1", Matrix([[1, 1], [0, 1]])),
    Move("x −= y", "shear sideways the other way: subtract row 2 from row 1", Matrix([[1, -1], [0, 1]])),
    Move("y += x", "shear upwards: add row 1 to row 2", Matrix([[1, 0], [1, 1]])),
    Move("y −= x", "shear downwards: subtract row 1 from row 2", Matrix([[1, 0], [-1, 1]])),
)
ROW_OPERATIONS = SHEARS + (
    Move("swap x, y", "reflect in the line y = x: swap the rows", Matrix([[0, 1], [1, 0]])),
    Move("x → −x", "reflect in the y-axis: negate row 1", Matrix([[-1, 0], [0, 1]])),
    Move("y → −y", "reflect in the x-axis: negate row 2", Matrix([[1, 0], [0, -1]])),
)
#: The move sets a lesson can allow, by name.
MOVE_SETS: dict[str, tuple[Move, ...]] = {"shears": SHEARS, "row operations": ROW_OPERATIONS}
#: How far beyond the larger of start and goal the search lets an entry grow.
HEADROOM = 2


@functools.cache
def shortest_moves(start: Matrix, goal: Matrix, move_set: str, bound: int) -> tuple[Move, ...] | None:
    """The fewest moves from ``start`` to ``goal`` (breadth-first search, entries at most
    ``bound`` in size), or None when the goal is out of reach."""
    moves = MOVE_SETS[move_set]
    previous: dict[Matrix, tuple[Matrix, Move] | None] = {start: None}
    queue = deque([start])
    while queue:
        matrix = queue.popleft()
        if matrix == goal:
            path: list[Move] = []
            step = previous[matrix]
            while step is not None:
                matrix, move = step
                path.append(move)
                step = previous[matrix]
            return tuple(reversed(path))
        for move in moves:
            after = move.matrix @ matrix
            if after not in previous and max(abs(x) for row in after.rows for x in row) <= bound:
                previous[after] = (matrix, move)
                queue.append(after)
    return None


@dataclass(frozen=True)
class TransformGame:
    """Reach ``goal`` from ``start`` with the moves of ``move_set``; :attr:`optimum` is the fewest."""

    start: Matrix
    goal: Matrix
    move_set: str = "shears"

    def __post_init__(self):
        if self.move_set not in MOVE_SETS:
            raise ValueError(f"moves: {self.move_set!r} is not a move set; "
                             f"use {' or '.join(map(repr, MOVE_SETS))}")
        for name, matrix in (("start", self.start), ("goal", self.goal)):
            integral = matrix.is_exact and all(x.denominator == 1 for row in matrix.rows for x in row)
            if matrix.shape != (2, 2) or not integral:
                raise ValueError(f"{name}: the game needs a 2×2 matrix of whole numbers, "
                                 f"not {matrix_text(matrix.rows)}")
        if self.shortest is None:
            kept = "det" if self.move_set == "shears" else "|det|"
            ends = f"{matrix_text(self.start.rows)} to {matrix_text(self.goal.rows)}"
            raise ValueError(f"no way from {ends} with {self.move_set} "
                             f"(they keep {kept}: {det(self.start)} and {det(self.goal)})")

    @classmethod
    def undo(cls, start: str, move_set: str = "shears") -> TransformGame:
        """The game "undo ``start``": back to the identity."""
        return cls(parse_matrix(start), Matrix.identity(2), move_set)

    @property
    def moves(self) -> tuple[Move, ...]:
        return MOVE_SETS[self.move_set]

    def move(self, name: str) -> Move:
        """The allowed move called ``name``."""
        for move in self.moves:
            if move.name == name:
                return move
        raise KeyError(f"no move {name!r} among {', '.join(m.name for m in self.moves)}")

    @property
    def bound(self) -> int:
        """The largest entry the search allows: the start's or the goal's, plus headroom."""
        return HEADROOM + int(max(abs(x) for m in (self.start, self.goal) for row in m.rows for x in row))

    @property
    def shortest(self) -> tuple[Move, ...] | None:
        """A shortest sequence of moves (None if the goal is out of reach)."""
        return shortest_moves(self.start, self.goal, self.move_set, self.bound)

    @property
    def optimum(self) -> int:
        """The fewest moves that reach the goal."""
        return len(self.shortest or ())

    @property
    def question(self) -> str:
        goal = "the identity" if self.goal == Matrix.identity(2) else matrix_text(self.goal.rows)
        return (f"Bring {matrix_text(self.start.rows)} to {goal} using only {self.move_set}, "
                "in as few moves as you can.")


class GameRun:
    """One learner's play of a game: the moves made so far (undoable) and the picture now."""

    def __init__(self, game: TransformGame):
        self.game = game
        self.history: list[Move] = []
        self.current = game.start

    @property
    def steps(self) -> int:
        return len(self.history)

    @property
    def solved(self) -> bool:
        return self.current == self.game.goal

    def after(self, move: Move) -> Matrix:
        """The picture if ``move`` were made now (the ghost preview)."""
        return move.matrix @ self.current

    def apply(self, move: Move) -> GameRun:
        """Make ``move``: the picture C becomes E·C."""
        self.current = self.after(move)
        self.history.append(move)
        return self

    def undo(self) -> None:
        """Take back the last move: the moves left are replayed from the start."""
        if self.history:
            self.history.pop()
            self.current = self.game.start
            for move in self.history:
                self.current = move.matrix @ self.current

    def feedback(self) -> Feedback:
        """How the run compares with the optimum (right once the goal is reached)."""
        best = self.game.optimum
        if not self.solved:
            return Feedback(False, f"{self.steps} moves so far; the goal can be reached in {best}.", (), best)
        if self.steps == best:
            return Feedback(True, f"Reached in {self.steps} moves: the fewest possible.", (), best)
        shortest = ", ".join(move.name for move in self.game.shortest or ())
        return Feedback(True, f"Reached in {self.steps} moves; the fewest possible is {best} ({shortest}).",
                        ("more moves than needed",), best)


def game_from_table(table: dict) -> TransformGame:
    """The game a lesson's ``[steps.exercise]`` table with ``kind = "transform"`` declares."""
    allowed = {"kind", "seed", "start", "goal", "moves"}
    unknown = sorted(set(table) - allowed)
    if unknown:
        raise ValueError(f"a transform game does not take {', '.join(unknown)}; "
                         f"it takes {', '.join(sorted(allowed))}")
    if "start" not in table:
        raise ValueError("a transform game needs a start matrix, such as start = \"5 4; 6 5\"")
    matrices = {}
    for key in ("start", "goal"):
        if key in table:
            if not isinstance(table[key], str):
                raise ValueError(f"{key}: write the matrix as text, such as \"5 4; 6 5\"")
            try:
                matrices[key] = parse_matrix(table[key])
            except ValueError as error:
                raise ValueError(f"{key}: {error}") from None
    moves = table.get("moves", "shears")
    return TransformGame(matrices["start"], matrices.get("goal", Matrix.identity(2)), moves)
