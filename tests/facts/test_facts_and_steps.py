"""The facts and the working shown by the window and printed by ``linear-lens info`` (no Qt)."""

from fractions import Fraction

import pytest

from kernels import Matrix, parse_matrix
from viz import report, steps
from viz.facts import analyse


@pytest.mark.parametrize("rows, det, rank, description", [
    ("1 0; 0 1", Fraction(1), 2, "identity"),
    ("0 -1; 1 0", Fraction(1), 2, "rotation by 90°"),
    ("1 1; 0 1", Fraction(1), 2, "shear along x by 1"),
    ("0 1; 1 0", Fraction(-1), 2, "reflection across the line y = x"),
    ("1/5 2/5; 2/5 4/5", Fraction(0), 1, "projection onto the line y = 2x"),
    ("2 0; 0 3", Fraction(6), 2, "scales x by 2 and y by 3"),
    ("1 -1; 1 1", Fraction(2), 2, "rotates by 45° and scales by √2"),
    ("0 0; 0 0", Fraction(0), 0, "zero"),
])
def test_facts_table(rows, det, rank, description):
    facts = analyse(parse_matrix(rows))
    assert facts.det == det and type(facts.det) is Fraction
    assert facts.rank == rank
    assert description in facts.description


def test_singular_facts_name_the_collapse_line_and_refuse_an_inverse():
    facts = analyse(parse_matrix("1 2; 2 4"))
    assert facts.inverse is None
    assert facts.collapse == "the line y = 2x"
    assert facts.no_inverse_reason == "det = 0: the plane collapses onto the line y = 2x, so no matrix can undo it"
    x, y = facts.column_basis[0]
    assert y == pytest.approx(2 * x)


def test_complex_eigenvalues_are_explained_in_words():
    facts = analyse(parse_matrix("1 -1; 1 1"))
    assert all(isinstance(space.value, complex) for space in facts.eigenspaces)
    assert facts.eigen_summary.startswith("complex eigenvalues 1 ± i")
    assert "turned by 45°" in facts.eigen_summary and "1.414" in facts.eigen_summary


def test_jordan_block_reports_one_direction():
    facts = analyse(parse_matrix("2 1; 0 2"))
    assert [len(space.vectors) for space in facts.eigenspaces] == [1]
    assert "not diagonalizable" in facts.eigen_summary


@pytest.mark.parametrize("rows, words", [
    ("2 1; 0 2", "λ = 2 along (1, 0) (repeated 2× but only 1 eigen-direction: not diagonalizable)"),
    ("2 1 0; 0 2 1; 0 0 2", "(repeated 3× but only 1 eigen-direction: not diagonalizable)"),
    ("2 1 0; 0 2 0; 0 0 2", "λ = 2 along (1, 0, 0), (0, 0, 1) (repeated 3× but only 2 eigen-directions: "
                            "not diagonalizable)"),
])
def test_a_defective_eigenvalue_counts_its_directions_in_good_english(rows, words):
    assert words in analyse(parse_matrix(rows)).eigen_summary


def test_report_json_values_are_exact_strings():
    data = report.as_dict(analyse(parse_matrix("1/2 0; 0 -3")))
    assert data["det"] == "-3/2" and data["det_float"] == -1.5
    assert data["inverse"] == [["2", "0"], ["0", "-1/3"]]


def test_latex_has_balanced_environments_and_exact_fractions():
    latex = report.as_latex(analyse(parse_matrix("1/2 1; 0 2")))
    assert latex.count(r"\begin{bmatrix}") == latex.count(r"\end{bmatrix}") == 2
    assert r"\frac{1}{2}" in latex and latex.count("$$") % 2 == 0


def test_working_for_an_invertible_matrix_ends_in_the_inverse():
    M = parse_matrix("2 1; 1 2")
    determinant, reduction, inversion = steps.working(M)
    assert determinant.lines[-1].strip() == "= 3"
    assert reduction.steps[-1].result == Matrix.identity(2)
    final = inversion.steps[-1].result
    assert Matrix([row[2:] for row in final.rows]) == Matrix([[Fraction(2, 3), Fraction(-1, 3)],
                                                              [Fraction(-1, 3), Fraction(2, 3)]])
    assert [s.label for s in reduction.steps][:2] == ["R1 ← (1/2)·R1", "R2 ← R2 − R1"]


def test_working_for_a_singular_matrix_says_why_there_is_no_inverse():
    *_, inversion = steps.working(parse_matrix("1 2; 2 4"))
    assert inversion.steps == () and "column 2 = 2·column 1" in inversion.explanation


def test_latex_row_operations():
    assert steps.latex_operation("R2 ← R2 − 3·R1") == r"R_{2} \gets R_{2} - 3 \cdot R_{1}"
    latex = steps.as_latex(steps.working(parse_matrix("0 1; 1 0")))
    assert r"\xrightarrow{R_{1} \leftrightarrow R_{2}}" in latex


def test_close_eigenvalues_are_shown_in_closed_form_not_as_one_rounded_float():
    """Issue 12's matrix: λ = 1 ± √2·10⁻¹⁰ printed as "λ = 1" twice before; the panels and the
    eigen-line labels now read the kernel's closed form."""
    from viz.scene import DEFAULT_VECTORS, SceneState, accept, build_scene

    matrix = parse_matrix("1 1/10000000000; 2/10000000000 1")
    facts = accept(matrix)
    assert "λ = 1 + √2·10⁻¹⁰" in facts.eigen_summary and "λ = 1 − √2·10⁻¹⁰" in facts.eigen_summary
    scene = build_scene(SceneState(matrix, (("v", DEFAULT_VECTORS[2]),)), facts)
    assert sorted(line.label for line in scene.eigen_lines) == ["λ = 1 + √2·10⁻¹⁰", "λ = 1 − √2·10⁻¹⁰"]
