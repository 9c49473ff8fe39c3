"""The kinds of thing that can go wrong, each with a message a learner can act on.

All of them are ``ValueError`` subclasses, so ``except ValueError`` catches any bad input.
"""


class LinearAlgebraError(ValueError):
    """Base class for every error the kernel raises on purpose."""


class ShapeError(LinearAlgebraError):
    """The shapes do not fit: e.g. a 2×3 times a 2×3, or a determinant of a non-square matrix."""


class NonFiniteError(LinearAlgebraError):
    """An entry is NaN or infinite; no answer computed from it could be trusted."""


class SingularMatrixError(LinearAlgebraError):
    """The matrix has no inverse: it squashes space into fewer dimensions, which cannot be undone."""


class FloatRangeError(LinearAlgebraError, OverflowError):
    """A float answer would overflow to ``inf`` or underflow to ``0.0`` (floats span about
    5e-324 to 1.8e308). Showing ``inf`` or a false ``0`` would be wrong, so the kernel says so."""


class ExpressionError(LinearAlgebraError):
    """Text that could not be read as a number, matrix or expression.

    ``position`` is the 0-based index in the text where the problem is (or ``None``).

    >>> err = ExpressionError("unexpected ')'", text="1 + )", position=4)
    >>> str(err)
    "unexpected ')' at position 5: 1 + )"
    >>> err.position, err.reason
    (4, "unexpected ')'")
    """

    def __init__(self, reason: str, text: str | None = None, position: int | None = None):
        self.reason = reason
        self.text = text
        self.position = position
        message = reason
        if position is not None:
            message += f" at position {position + 1}"
        if text is not None:
            shown = text if len(text) <= 60 else text[:57] + "..."
            message += f": {shown}"
        super().__init__(message)
