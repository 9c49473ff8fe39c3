"""What the ML lab holds: one matrix A, followed through every view, and each view's own settings
— and how that is written to, and read back from, a session file.

The matrix is shared (the SVD of A, gradient descent on A's symmetric part, …); everything else
belongs to one mode and is kept under its name in ``settings``, as that mode's frozen settings
value. A mode reads and writes its settings through three class-level hooks (see
:class:`SettingsCodec`), so modes stay independent: adding one never touches another's.

Qt-free: the command line builds the same settings from its flags, and a session section is
checked whole (:func:`state_from_section`) before anything on screen changes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Protocol

from kernels import Matrix
from kernels.errors import LinearAlgebraError

from ...scene import RefusedMatrix, accept
from ...session import SessionError, encode_scalar, read_matrix

DIMENSIONS = (2, 3)
# A = [[3, 1], [1, 2]]: symmetric and positive definite, so every view has something to show
DEFAULT_MATRICES = {2: Matrix([[3, 1], [1, 2]]), 3: Matrix([[3, 1, 0], [1, 2, 1], [0, 1, 2]])}


class SettingsCodec(Protocol):
    """What the lab needs from a mode class to keep its settings: defaults for a dimension, the
    settings as a session section (JSON-ready), and back (SessionError on bad input, checked
    whole). ``settings_problem`` says why settings cannot go with a matrix of a dimension."""

    @classmethod
    def default_settings(cls, dimension: int) -> object: ...

    @classmethod
    def settings_section(cls, settings) -> dict: ...

    @classmethod
    def settings_from_section(cls, raw) -> object: ...

    @classmethod
    def settings_problem(cls, settings, dimension: int) -> str | None: ...


@dataclass(frozen=True)
class MLState:
    """The committed values of the lab: A (2×2 or 3×3) and ``settings[mode]`` for each mode."""

    matrix: Matrix
    settings: Mapping[str, object] = field(default_factory=dict)

    @classmethod
    def fresh(cls, codecs: Mapping[str, SettingsCodec], dimension: int = 2,
              matrix: Matrix | None = None) -> MLState:
        """The opening matrix of ``dimension`` (or ``matrix``) with every mode's default settings."""
        matrix = DEFAULT_MATRICES[dimension] if matrix is None else matrix
        n = matrix.shape[0]
        return cls(matrix, {name: codec.default_settings(n) for name, codec in codecs.items()})

    @property
    def dimension(self) -> int:
        return self.matrix.shape[0]

    def with_settings(self, mode: str, settings) -> MLState:
        """The same state with ``mode``'s settings replaced."""
        return replace(self, settings={**self.settings, mode: settings})

    def checked(self, codecs: Mapping[str, SettingsCodec] | None = None) -> MLState:
        """The same state, or a ValueError naming the first rule it breaks: A square of size 2
        or 3 and drawable (the studio's one rule, :func:`viz.scene.accept`), and — given the
        modes — settings for each of them that fit A's dimension."""
        if self.matrix.shape not in ((2, 2), (3, 3)):
            raise ValueError(f"A must be 2×2 or 3×3, not {self.matrix.shape[0]}×{self.matrix.shape[1]}")
        try:
            accept(self.matrix)
        except RefusedMatrix as error:
            raise ValueError(f"A: {error}") from None
        for name, codec in (codecs or {}).items():
            if name not in self.settings:
                raise ValueError(f"the {name} view has no settings")
            problem = codec.settings_problem(self.settings[name], self.dimension)
            if problem:
                raise ValueError(f"{name}: {problem}")
        return self


# -- session section -----------------------------------------------------------------------
def section_of(state: MLState, mode: str, codecs: Mapping[str, SettingsCodec]) -> dict:
    """The lab's section of a session file: A (exact entries as text), the mode on screen, and
    one object per mode with its settings."""
    section: dict = {
        "matrix": [[encode_scalar(x, "A entry") for x in row] for row in state.matrix.rows],
        "mode": mode,
    }
    for name, codec in codecs.items():
        section[name] = codec.settings_section(state.settings[name])
    return section


def state_from_section(raw, codecs: Mapping[str, SettingsCodec]) -> tuple[MLState, str]:
    """The state and mode a session section describes, checked whole, or one SessionError. A
    mode without a section (a file saved before it existed) gets its default settings."""
    if not isinstance(raw, dict):
        raise SessionError("the ml section must be an object")
    unknown = set(raw) - {"matrix", "mode", *codecs}
    if unknown:
        raise SessionError(f"the ml section has unknown keys: {', '.join(sorted(unknown))}")
    rows = raw.get("matrix")
    n = len(rows) if isinstance(rows, list) else 0
    if n not in DIMENSIONS:
        raise SessionError("the ml matrix must be a list of 2 or 3 rows")
    matrix = read_matrix(rows, n, "ml matrix")
    mode = raw.get("mode", next(iter(codecs), ""))
    if mode not in codecs:
        raise SessionError(f"the ml mode must be one of {', '.join(codecs)}")
    settings = {}
    for name, codec in codecs.items():
        settings[name] = (codec.settings_from_section(raw[name]) if name in raw
                          else codec.default_settings(n))
    try:
        return MLState(matrix, settings).checked(codecs), mode
    except (ValueError, LinearAlgebraError) as error:
        raise SessionError(f"ml: {error}") from None
