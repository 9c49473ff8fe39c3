"""Maths for notes: the facts as Markdown (tables with inline LaTeX) and as LaTeX (no Qt)."""

import pytest

from kernels import parse_matrix
from viz.facts import analyse
from viz.report import as_latex, as_markdown


def table(markdown: str) -> dict:
    rows = [line for line in markdown.splitlines() if line.startswith("| ") and line != "| | |"]
    return {cells[0]: cells[1] for cells in (r.strip("| ").split(" | ", 1) for r in rows)}


def test_markdown_for_an_invertible_matrix_pairs_exact_and_decimal_values():
    markdown = as_markdown(analyse(parse_matrix("2 1; 1 1/3")))
    assert markdown.startswith(r"$$M = \begin{bmatrix} 2 & 1 \\ 1 & \frac{1}{3} \end{bmatrix}$$")
    facts = table(markdown)
    assert facts["$\\det M$"] == "-1/3 ≈ -0.333333"
    assert facts["$\\operatorname{tr} M$"] == "7/3 ≈ 2.33333"
    assert facts["rank"] == "2"
    assert facts["$M^{-1}$"].startswith("$\\begin{bmatrix} -1 & 3")


def test_markdown_for_a_singular_matrix_says_why_there_is_no_inverse():
    facts = table(as_markdown(analyse(parse_matrix("1 2; 2 4"))))
    assert facts["$M^{-1}$"].startswith("none — det = 0: the plane collapses onto the line y = 2x")
    assert facts["collapses onto"] == "the line y = 2x"
    assert facts["eigenvalues"] == "5, 0"


@pytest.mark.parametrize("rows", ["1 -1; 1 1", "0 -1; 1 0", "2 1; 0 2", "0 0; 0 0", "1 0; 0 1"])
def test_markdown_is_a_well_formed_table(rows):
    markdown = as_markdown(analyse(parse_matrix(rows)))
    lines = markdown.splitlines()
    header = lines.index("| | |")
    assert lines[header + 1] == "|---|---|"
    for line in lines[header + 2:]:
        # exactly three unescaped pipes: a cell never breaks the table
        assert line.replace("\\|", "").count("|") == 3, line
    assert "**What M does:**" in markdown


def test_latex_lines_are_display_maths():
    latex = as_latex(analyse(parse_matrix("0 -1; 1 0")))
    assert all(line.startswith("$$") and line.endswith("$$") for line in latex.splitlines())
    assert r"\det M = 1" in latex
