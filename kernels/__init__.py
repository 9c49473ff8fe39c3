"""Linear Lens kernels: linear algebra from first principles, in pure Python.

Exact ``Fraction`` arithmetic for rational input, floats otherwise; no numpy, no Qt.
Every function explains its maths in its docstring, with a small example.

>>> from kernels import Matrix, det, inverse, eigenvalues, describe, parse_matrix
>>> M = parse_matrix("2 1; 1 2")
>>> det(M), [ev.value for ev in eigenvalues(M)]
(Fraction(3, 1), [Fraction(3, 1), Fraction(1, 1)])
>>> print(inverse(M))
[  2/3  -1/3 ]
[ -1/3   2/3 ]
"""

from .decompositions import SVD, Polar, condition_number, polar, rotation_angle, rotation_axis_angle, svd
from .describe import describe, describe_collapse, line_equation, line_name
from .eigen import (
    Eigenspace,
    Eigenvalue,
    characteristic_polynomial,
    eigenvalues,
    eigenvectors,
    is_diagonalizable,
)
from .elimination import (
    InverseResult,
    RowOperation,
    RrefResult,
    SolveResult,
    cofactor_expansion_steps,
    column_space,
    default_tolerance,
    det,
    det_cofactor,
    inverse,
    inverse_steps,
    null_space,
    rank,
    rref,
    solve,
)
from .errors import (
    ExpressionError,
    FloatRangeError,
    LinearAlgebraError,
    NonFiniteError,
    ShapeError,
    SingularMatrixError,
)
from .expressions import evaluate, parse_matrix, parse_scalar
from .matrix import Matrix, Vector, trace
from .multiplication import matmul_blocked, matmul_ikj, matmul_naive, matmul_optimized
from .radicals import ExactDot, Radical, exact_dot, exact_sqrt
from .scalars import as_scalar, format_scalar, is_exact
from .vectors import (
    CombinationResult,
    DependencyRelation,
    SpanResult,
    angle,
    combination,
    cross,
    dot,
    linear_combination,
    norm,
    project,
    span,
)

__all__ = [
    "angle",
    "as_scalar",
    "characteristic_polynomial",
    "cofactor_expansion_steps",
    "column_space",
    "combination",
    "CombinationResult",
    "condition_number",
    "cross",
    "default_tolerance",
    "DependencyRelation",
    "describe",
    "describe_collapse",
    "det",
    "det_cofactor",
    "dot",
    "Eigenspace",
    "Eigenvalue",
    "eigenvalues",
    "eigenvectors",
    "evaluate",
    "exact_dot",
    "exact_sqrt",
    "ExactDot",
    "ExpressionError",
    "FloatRangeError",
    "format_scalar",
    "inverse",
    "inverse_steps",
    "InverseResult",
    "is_diagonalizable",
    "is_exact",
    "line_equation",
    "line_name",
    "linear_combination",
    "LinearAlgebraError",
    "matmul_blocked",
    "matmul_ikj",
    "matmul_naive",
    "matmul_optimized",
    "Matrix",
    "NonFiniteError",
    "norm",
    "null_space",
    "parse_matrix",
    "parse_scalar",
    "Polar",
    "polar",
    "project",
    "Radical",
    "rank",
    "rotation_angle",
    "rotation_axis_angle",
    "RowOperation",
    "rref",
    "RrefResult",
    "ShapeError",
    "SingularMatrixError",
    "solve",
    "SolveResult",
    "span",
    "SpanResult",
    "SVD",
    "svd",
    "trace",
    "Vector",
]
