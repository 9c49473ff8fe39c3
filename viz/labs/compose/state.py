"""What the composition & elimination lab holds: two matrices A and B, a vector x followed
through them, a sequence of steps, the learner's own row operations and an optional right-hand
side b — and how that is written to, and read back from, a session file.

It is Qt-free: the command line builds the same state from its flags, and a session file is
checked whole (:func:`state_from_section`) before anything on screen changes.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kernels import Matrix, Vector
from kernels.errors import LinearAlgebraError

from ...scene import DEFAULT_VECTORS, drawing_problem
from ...session import SessionError, decode_scalar, encode_scalar, read_matrix

MODES = ("compose", "eliminate", "multiply")
MODE_TITLES = {"compose": "Compose", "eliminate": "Eliminate", "multiply": "Multiply"}
DEFAULT_SEQUENCE = "rot(45), [1 1; 0 1], A^{-1}"
MAX_SEQUENCE_CHARS = 1000
MAX_ROW_OPERATIONS = 200
ROW_OPERATION_KINDS = ("swap", "scale", "add")


@dataclass(frozen=True)
class RowStep:
    """One row operation the learner chose (rows count from 0 here, from 1 on screen).

    ``swap``: rows ``target`` and ``source`` change places; ``scale``: row ``target`` is
    multiplied by ``factor`` (never 0, or the step could not be undone); ``add``: ``factor``
    times row ``source`` is added to row ``target``.
    """
    kind: str
    target: int
    source: int = 0
    factor: Fraction | float = Fraction(1)

    def problem(self, rows: int) -> str | None:
        """Why this step cannot act on a matrix with ``rows`` rows, or None."""
        if self.kind not in ROW_OPERATION_KINDS:
            return f"unknown row operation {self.kind!r} (use {', '.join(ROW_OPERATION_KINDS)})"
        if not 0 <= self.target < rows or not 0 <= self.source < rows:
            return f"there are only {rows} rows"
        if self.kind in ("swap", "add") and self.target == self.source:
            return ("adding a multiple of a row to itself is a scaling" if self.kind == "add"
                    else "swapping a row with itself changes nothing")
        if self.kind == "scale" and self.factor == 0:
            return "scaling a row by 0 loses it for good (and no step could undo it)"
        return drawing_problem([self.factor])


@dataclass(frozen=True)
class ComposeState:
    """The committed values of the lab: what a session saves and what undo swaps.

    ``a`` and ``b`` are square and of one size (2 or 3); ``x`` has that many components;
    ``sequence`` is the comma list played by "Play sequence" (names A and B allowed);
    ``row_operations`` are the learner's own steps on A (Eliminate); ``rhs`` is b of the
    augmented system [A | b], or None when the augmented mode is off.
    """
    a: Matrix
    b: Matrix
    x: Vector
    sequence: str = DEFAULT_SEQUENCE
    row_operations: tuple = ()
    rhs: Vector | None = None

    @classmethod
    def fresh(cls, dimension: int = 2) -> ComposeState:
        """The lab's opening example: a shear and a quarter turn, which do not commute."""
        if dimension == 2:
            return cls(Matrix([[1, 1], [0, 1]]), Matrix([[0, -1], [1, 0]]), DEFAULT_VECTORS[2])
        return cls(Matrix([[1, 1, 0], [0, 1, 0], [0, 0, 1]]), Matrix([[0, -1, 0], [1, 0, 0], [0, 0, 1]]),
                   DEFAULT_VECTORS[3], sequence="[0 -1 0; 1 0 0; 0 0 1], [1 0 1; 0 1 0; 0 0 1], A^{-1}")

    @property
    def dimension(self) -> int:
        return self.a.shape[0]

    def checked(self) -> ComposeState:
        """The same state, or a ValueError naming the first rule it breaks."""
        n = self.a.shape[0]
        for name, matrix in (("A", self.a), ("B", self.b)):
            if matrix.shape not in ((2, 2), (3, 3)) or matrix.shape != (n, n):
                raise ValueError(f"{name} must be {n}×{n} like A, not {matrix.shape[0]}×{matrix.shape[1]}")
            problem = drawing_problem([x for row in matrix.rows for x in row])
            if problem:
                raise ValueError(f"{name}: {problem}")
        for name, vector in (("x", self.x), ("b", self.rhs)):
            if vector is None:
                continue
            if len(vector) != n:
                raise ValueError(f"{name} needs {n} components, not {len(vector)}")
            problem = drawing_problem(list(vector))
            if problem:
                raise ValueError(f"{name}: {problem}")
        if len(self.sequence) > MAX_SEQUENCE_CHARS:
            raise ValueError(f"the sequence is {len(self.sequence)} characters long "
                             f"(at most {MAX_SEQUENCE_CHARS})")
        if len(self.row_operations) > MAX_ROW_OPERATIONS:
            raise ValueError(f"at most {MAX_ROW_OPERATIONS} row operations are kept")
        for number, step in enumerate(self.row_operations, start=1):
            problem = step.problem(n)
            if problem:
                raise ValueError(f"row operation {number}: {problem}")
        return self



# -- session section -----------------------------------------------------------------------
_KEYS = {"mode", "dimension", "A", "B", "x", "sequence", "row_operations", "b"}


def section_of(state: ComposeState, mode: str) -> dict:
    """The lab's section of a session file (exact entries as text, like the studio's), with
    the mode on screen (which is not an undoable part of the state)."""
    def matrix(m: Matrix, name: str) -> list:
        return [[encode_scalar(x, f"{name} entry") for x in row] for row in m.rows]

    return {
        "mode": mode,
        "dimension": state.dimension,
        "A": matrix(state.a, "A"),
        "B": matrix(state.b, "B"),
        "x": [encode_scalar(c, "x") for c in state.x],
        "sequence": state.sequence,
        "row_operations": [{"kind": s.kind, "target": s.target + 1, "source": s.source + 1,
                            "factor": encode_scalar(s.factor, "row operation factor")}
                           for s in state.row_operations],
        "b": None if state.rhs is None else [encode_scalar(c, "b") for c in state.rhs],
    }


def _vector(raw, n: int, where: str) -> Vector:
    if not isinstance(raw, list) or len(raw) != n:
        raise SessionError(f"{where} must be a list of {n} numbers")
    return Vector([decode_scalar(c, f"{where} component {i}") for i, c in enumerate(raw, start=1)])


def _row_step(raw, number: int) -> RowStep:
    where = f"compose row operation {number}"
    if not isinstance(raw, dict) or set(raw) - {"kind", "target", "source", "factor"}:
        raise SessionError(f"{where} must be an object with kind, target, source and factor")
    target, source = raw.get("target"), raw.get("source", 1)
    if not (isinstance(target, int) and isinstance(source, int)) or isinstance(target, bool) \
            or isinstance(source, bool):
        raise SessionError(f"{where}: rows are whole numbers counted from 1")
    return RowStep(str(raw.get("kind")), target - 1, source - 1,
                   decode_scalar(raw.get("factor", "1"), f"{where} factor"))


def state_from_section(raw) -> tuple[ComposeState, str]:
    """The state and mode a session section describes, checked whole, or one SessionError."""
    if not isinstance(raw, dict):
        raise SessionError("the compose section must be an object")
    unknown = set(raw) - _KEYS
    if unknown:
        raise SessionError(f"the compose section has unknown keys: {', '.join(sorted(unknown))}")
    n = raw.get("dimension", 2)
    if n not in (2, 3) or isinstance(n, bool):
        raise SessionError("the compose section's dimension must be 2 or 3")
    sequence = raw.get("sequence", DEFAULT_SEQUENCE)
    operations = raw.get("row_operations", [])
    if not isinstance(sequence, str):
        raise SessionError("the compose sequence must be text")
    if not isinstance(operations, list) or len(operations) > MAX_ROW_OPERATIONS:
        raise SessionError(f"the compose row operations must be a list of at most {MAX_ROW_OPERATIONS}")
    rhs = raw.get("b")
    state = ComposeState(
        a=read_matrix(raw.get("A"), n, "compose A"), b=read_matrix(raw.get("B"), n, "compose B"),
        x=_vector(raw.get("x"), n, "compose x"), sequence=sequence,
        row_operations=tuple(_row_step(item, i) for i, item in enumerate(operations, start=1)),
        rhs=None if rhs is None else _vector(rhs, n, "compose b"))
    mode = raw.get("mode", "compose")
    if mode not in MODES:
        raise SessionError(f"the compose mode must be one of {', '.join(MODES)}")
    try:
        return state.checked(), mode
    except (ValueError, LinearAlgebraError) as error:
        raise SessionError(f"compose: {error}") from None
