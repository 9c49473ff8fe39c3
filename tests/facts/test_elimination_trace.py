"""The elimination trace behind the Eliminate mode and ``info --eliminate``: every step checked
against exact arithmetic (and numpy), the determinant followed, where it ends."""

from fractions import Fraction

import numpy as np
import pytest

from kernels import Matrix, Vector, det, inverse, parse_matrix, rank, rref, solve
from viz.labs.compose.elimination import (
    as_dict,
    as_latex,
    as_text,
    echelon_form,
    eliminate,
    leading_entries,
    learner_trace,
    right_hand_side,
    row_parts,
    solution_text,
)
from viz.labs.compose.state import RowStep

# (name, rows): invertible, singular, rank-deficient, zero pivots that need a swap, 3×3
EXAMPLES = {
    "2×2 invertible": "2 1; 4 3",
    "2×2 zero pivot (swap)": "0 1; 1 0",
    "2×2 swap then scale": "0 2; 3 1",
    "2×2 singular (rank 1)": "1 2; 2 4",
    "2×2 zero matrix": "0 0; 0 0",
    "2×2 identity (no steps)": "1 0; 0 1",
    "2×2 negative det": "1 2; 3 4",
    "3×3 invertible with a swap": "0 1 2; 1 0 3; 4 -3 8",
    "3×3 singular (rank 2)": "1 2 3; 4 5 6; 7 8 9",
    "3×3 rank 1": "1 2 3; 2 4 6; -1 -2 -3",
    "3×3 zero middle pivot": "1 1 1; 1 1 2; 1 2 3",
    "3×3 fractions": "1/2 1/3 0; 1/3 1/4 1; 0 1 1/5",
}


def _floats(M: Matrix) -> np.ndarray:
    return np.array(M.to_floats(), dtype=float)


@pytest.fixture(params=list(EXAMPLES), ids=list(EXAMPLES))
def matrix(request) -> Matrix:
    return parse_matrix(EXAMPLES[request.param])


def test_every_step_is_its_elementary_matrix_times_the_matrix_before(matrix):
    trace = eliminate(matrix)
    before = matrix
    for step in trace.steps:
        E = step.operation.matrix
        assert step.before == before
        assert E @ before == step.operation.result  # exact
        assert np.allclose(_floats(E) @ _floats(before), _floats(step.operation.result))  # and numpy agrees
        before = step.operation.result


def test_det_so_far_is_the_det_of_the_matrix_after_each_step(matrix):
    trace = eliminate(matrix)
    assert trace.det == det(matrix)
    for j, step in enumerate(trace.steps, start=1):
        assert step.det == det(step.operation.result) == trace.det_after(j)
        assert np.isclose(float(step.det), np.linalg.det(_floats(step.operation.result)))
        rule = {"swap": -step.det_before, "scale": row_parts(step.operation)[2] * step.det_before,
                "add": step.det_before}[step.operation.kind]
        assert step.det == rule


def test_the_product_of_the_steps_times_a_is_its_rref(matrix):
    trace = eliminate(matrix)
    product = Matrix.identity(matrix.shape[0])
    for step in trace.steps:
        product = step.operation.matrix @ product
    assert trace.product == product
    assert product @ matrix == rref(matrix).matrix == trace.reduced
    assert echelon_form(trace.reduced) == "reduced row echelon form"


def test_the_product_is_the_inverse_exactly_when_a_is_invertible(matrix):
    trace = eliminate(matrix)
    n = matrix.shape[0]
    if rank(matrix) == n:
        assert trace.inverse == inverse(matrix)
        assert np.allclose(_floats(trace.inverse), np.linalg.inv(_floats(matrix)))
        assert "ends on I" in trace.ending()
    else:
        assert trace.inverse is None
        assert f"Rank {rank(matrix)}" in trace.ending()
        assert trace.steps == () or trace.steps[-1].det == 0


def test_each_kind_of_step_names_its_geometry():
    trace = eliminate(parse_matrix("0 2; 3 1"))
    kinds = [(step.operation.kind, step.geometry) for step in trace.steps]
    assert kinds[0] == ("swap", "reflection")
    assert ("scale", "stretch") in kinds and ("add", "shear") in kinds
    swap = trace.steps[0]
    assert swap.label == "R1 ↔ R2" and swap.det_before == -6 and swap.det == 6
    assert "flips the sign" in swap.det_change and "mirror in the line x = y" in swap.motion


def test_a_swap_is_needed_for_a_zero_pivot():
    trace = eliminate(parse_matrix("0 1 2; 1 0 3; 4 -3 8"))
    assert trace.steps[0].operation.kind == "swap"
    assert [float(step.det) for step in trace.steps][0] == 2.0  # −2 flipped
    assert trace.reduced == Matrix.identity(3)


# -- the learner's own steps ---------------------------------------------------------------
def test_learner_steps_match_their_elementary_matrices():
    A = parse_matrix("2 1; 4 3")
    steps = (RowStep("add", 1, 0, Fraction(-2)), RowStep("scale", 0, 0, Fraction(1, 2)),
             RowStep("swap", 0, 1))
    trace = learner_trace(A, steps)
    assert [s.label for s in trace.steps] == ["R2 ← R2 − 2·R1", "R1 ← (1/2)·R1", "R1 ↔ R2"]
    assert trace.steps[0].operation.result == Matrix([[2, 1], [0, 1]])
    assert trace.steps[1].operation.result == Matrix([[1, Fraction(1, 2)], [0, 1]])
    assert trace.reduced == Matrix([[0, 1], [1, Fraction(1, 2)]])
    assert [s.det for s in trace.steps] == [2, 1, -1]
    assert trace.product @ A == trace.reduced


def test_echelon_forms_are_named():
    assert echelon_form(Matrix([[2, 1], [0, 1]])) == "row echelon form"
    assert echelon_form(Matrix([[1, 0], [0, 1]])) == "reduced row echelon form"
    assert echelon_form(Matrix([[1, 2], [0, 0]])) == "reduced row echelon form"
    assert echelon_form(Matrix([[0, 0], [1, 2]])) is None  # a zero row above a nonzero one
    assert echelon_form(Matrix([[1, 2, 3], [0, 0, 1], [0, 0, 0]])) == "row echelon form"
    assert echelon_form(Matrix([[1, 2], [1, 2]])) is None
    assert leading_entries(Matrix([[0, 3], [0, 0]])) == ((0, 1),)


# -- the augmented system [A | b] ----------------------------------------------------------
@pytest.mark.parametrize("rows, b, kind, words", [
    ("2 1; 4 3", [1, 2], "unique", "the only solution"),
    ("1 2; 2 4", [1, 2], "infinite", "a whole line of solutions"),
    ("1 2; 2 4", [1, 0], "none", "is not on the line y = 2x"),
    ("1 2 3; 4 5 6; 7 8 9", [1, 2, 3], "infinite", "a whole line"),
    ("1 2 3; 4 5 6; 7 8 9", [1, 0, 0], "none", "is not on the plane"),
    ("0 1 2; 1 0 3; 4 -3 8", [1, 2, 1], "unique", "the only solution"),
])
def test_augmented_systems(rows, b, kind, words):
    A, b = parse_matrix(rows), Vector(b)
    assert solve(A, b).kind == kind
    assert words in solution_text(A, b)
    trace = eliminate(A)
    c = right_hand_side(trace, b, trace.count)
    augmented = rref(Matrix([list(row) + [x] for row, x in zip(A.rows, b)]))
    if kind == "unique":  # [A | b] → [I | x]
        assert c == solve(A, b).solution
        assert A @ c == b
    else:  # the same row operations on b: c = E_k⋯E₁ b, and A x = b ⇔ rref(A) x = c
        assert c == trace.product @ b
        zero_rows = [i for i, row in enumerate(trace.reduced.rows) if not any(row)]
        assert any(c[i] != 0 for i in zero_rows) == (kind == "none")
        assert (len(augmented.pivots) > rank(A)) == (kind == "none")


# -- the written trace ---------------------------------------------------------------------
def test_text_json_and_latex_list_every_step(matrix):
    trace = eliminate(matrix)
    text, data, latex = as_text(trace), as_dict(trace), as_latex(trace)
    assert len(data["steps"]) == trace.count
    for j, step in enumerate(trace.steps, start=1):
        assert f"step {j}: {step.label}" in text
        assert data["steps"][j - 1]["operation"] == step.label
        assert data["steps"][j - 1]["det_so_far"] == str(step.det)
        assert f"E_{{{j}}} &=" in latex
    assert data["check"]["holds"] is True and "rref(A) holds" in text
    assert r"\operatorname{rref}(A)" in latex and r"\neq" not in latex
    assert data["rank"] == rank(matrix)
