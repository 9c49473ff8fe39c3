"""``linear-lens info --eliminate``: each step, its elementary matrix, the matrix after it,
det so far, and the closing check — in text, JSON and LaTeX; bad input in one line."""

import json
from fractions import Fraction

import pytest

from kernels import Matrix, det, parse_matrix, rref
from viz.cli import main


def run(capsys, *argv):
    status = main(["info", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_text_lists_each_step_and_ends_with_the_check(capsys):
    status, out, err = run(capsys, "--eliminate", "2 1; 4 3")
    assert status == 0 and err == ""
    assert "step 1: R1 ← (1/2)·R1" in out
    assert "step 2: R2 ← R2 − 4·R1" in out and "shear" in out
    assert "det 2 → 1: scaling a row by c multiplies det by c" in out
    assert "E3·E2·E1 = A⁻¹ = [[3/2, −1/2], [−2, 1]]" in out
    assert out.rstrip().splitlines()[-3] == "check: E3·E2·E1·A = rref(A) holds"


@pytest.mark.parametrize("rows", ["2 1; 4 3", "0 1; 1 0", "1 2; 2 4", "0 1 2; 1 0 3; 4 -3 8",
                                  "1 2 3; 4 5 6; 7 8 9", "1/2 1/3 0; 1/3 1/4 1; 0 1 1/5"])
def test_json_steps_are_exact_and_consistent(capsys, rows):
    status, out, _ = run(capsys, "--eliminate", rows, "--format", "json")
    assert status == 0
    data = json.loads(out)
    M = parse_matrix(rows)

    def matrix(grid):
        return Matrix([[Fraction(x) for x in row] for row in grid])

    before, product = M, Matrix.identity(M.shape[0])
    for step in data["steps"]:
        E, after = matrix(step["elementary_matrix"]), matrix(step["after"])
        assert E @ before == after
        assert Fraction(step["det_so_far"]) == det(after)
        before, product = after, E @ product
    assert matrix(data["rref"]) == rref(M).matrix == product @ M == before
    assert data["check"]["holds"] is True
    assert (data["inverse"] is None) == (det(M) == 0)


def test_latex_is_one_aligned_block(capsys):
    status, out, _ = run(capsys, "--eliminate", "0 1; 1 0", "--format", "latex")
    assert status == 0
    assert out.startswith(r"\begin{align*}") and out.rstrip().endswith(r"\end{align*}")
    assert r"R_{1} \leftrightarrow R_{2}" in out and r"\text{ (reflection)}" in out
    assert r"E_{1} &= A^{-1}" in out


@pytest.mark.parametrize("argv, words", [
    (["--eliminate", "1 2 3; 4 5 6"], "2×2 or 3×3"),
    (["--eliminate", "2 1; 4"], "row 2 has 1 entry"),
    (["--eliminate", "1e400 0; 0 1"], "too large"),
    (["--eliminate", "x y; 1 2"], "linear-lens info:"),
    (["--eliminate", "2 1; 4 3", "--steps"], "--steps does not go with --eliminate"),
    (["--eliminate", "2 1; 4 3", "--format", "markdown"], "--format markdown does not go"),
    (["--eliminate", "2 1; 4 3", "--target", "1 2"], "--target does not go"),
])
def test_bad_input_is_one_line_and_exit_2(capsys, argv, words):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert words in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("other", [["--matrix", "1 0; 0 1"], ["--expr", "I"], ["--vectors", "1 2"]])
def test_eliminate_goes_alone(capsys, other):
    with pytest.raises(SystemExit) as exit_:
        main(["info", "--eliminate", "2 1; 4 3", *other])
    _, err = capsys.readouterr()
    assert exit_.value.code == 2
    assert "not allowed with argument --eliminate" in err and len(err.strip().splitlines()) == 1
