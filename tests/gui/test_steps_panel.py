"""The Steps tab fits its width: the working wraps where it can be read, never scrolls sideways."""


import pytest
from PyQt6 import QtGui

from conftest import require_opengl
from kernels import Matrix, parse_matrix
from viz.controls.steps_panel import StepsPanel, matrix_text, wrap_expansion_line
from viz.model import SceneModel

MATRICES = ["2 -1 3; 1 5 7; 4 1 -2", "1/3 2 3; 4 5/7 6; 7 8 10/11", "0.5 1.25 3; 0.333 5 7; 4 1 -2",
            "1 2 3; 4 5 6; 7 8 9", "2 1; 1 3"]


def working_lines(panel: StepsPanel) -> list[tuple[str, int]]:
    """Each line of working (a block in the monospace font) and how many lines Qt laid it out on."""
    lines = []
    block = panel.document().begin()
    while block.isValid():
        fragment = block.begin().fragment()
        if fragment.isValid() and "monospace" in fragment.charFormat().font().families():
            lines.append((block.text(), block.layout().lineCount()))
        block = block.next()
    return lines


def assert_fits(panel: StepsPanel) -> None:
    assert panel.horizontalScrollBar().maximum() == 0
    assert panel.document().idealWidth() <= panel.viewport().width()
    lines = working_lines(panel)
    assert lines, "no working shown"
    wrapped = [text for text, count in lines if count != 1]
    assert not wrapped, f"lines Qt had to wrap (the panel should have broken them): {wrapped}"


def test_an_expansion_breaks_between_terms_and_keeps_brackets_whole():
    line = "det = (1/3)·det[[5/7, 6], [8, 10/11]] − 2·det[[4, 6], [7, 10/11]] + 3·det[[4, 5/7], [7, 8]]"
    lines = wrap_expansion_line(line, 45)
    assert lines == ["det = (1/3)·det[[5/7, 6], [8, 10/11]]", "      − 2·det[[4, 6], [7, 10/11]]",
                     "      + 3·det[[4, 5/7], [7, 8]]"]
    assert "".join(part.strip() + " " for part in lines).split() == line.split()  # nothing lost
    assert wrap_expansion_line("    = 2·(−17) − (−1)·(−30) + 3·(−19)", 30) == [
        "    = 2·(−17) − (−1)·(−30)", "      + 3·(−19)"]
    assert wrap_expansion_line(line, 200) == [line]


def test_the_augmented_matrix_has_a_bar_and_stacks_its_halves_when_narrow():
    augmented = Matrix([[1, 2, 1, 0], [3, 4, 0, 1]])
    assert matrix_text(augmented, 80, augmented=True) == "[ 1  2 | 1  0 ]\n[ 3  4 | 0  1 ]"
    assert matrix_text(augmented, 10, augmented=True).splitlines() == [
        "left half", "[ 1  2 ]", "[ 3  4 ]", "right half", "[ 1  0 ]", "[ 0  1 ]"]
    assert matrix_text(augmented, 10) == str(augmented)


@pytest.mark.parametrize("width", [360, 545])  # the panel as the window first shows it, and wider
@pytest.mark.parametrize("rows", MATRICES)
def test_the_working_fits_the_width_of_the_tab(qtbot, rows, width):
    panel = StepsPanel(SceneModel(parse_matrix(rows)))
    qtbot.addWidget(panel)
    panel.resize(width, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert_fits(panel)


@pytest.mark.parametrize("rows", MATRICES)
def test_narrower_still_nothing_scrolls_sideways(qtbot, rows):
    """At 240 px a single term or matrix row can be wider than a line: Qt wraps it, as a last resort."""
    panel = StepsPanel(SceneModel(parse_matrix(rows)))
    qtbot.addWidget(panel)
    panel.resize(240, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.horizontalScrollBar().maximum() == 0
    assert panel.document().idealWidth() <= panel.viewport().width()


def test_the_working_is_laid_out_again_when_the_tab_is_resized(qtbot):
    panel = StepsPanel(SceneModel(parse_matrix(MATRICES[1])))
    qtbot.addWidget(panel)
    panel.resize(900, 700)
    panel.show()
    qtbot.waitExposed(panel)
    wide = [text for text, _ in working_lines(panel)]
    assert any(" | " in text for text in wide) and "left half" not in wide
    panel.resize(360, 700)
    qtbot.waitUntil(lambda: panel._columns < 45)
    narrow = [text for text, _ in working_lines(panel)]
    assert len(narrow) > len(wide) and "left half" in narrow
    assert_fits(panel)


def test_a_number_too_long_for_any_line_still_does_not_scroll_sideways(qtbot):
    panel = StepsPanel(SceneModel(Matrix([[2 ** 200 + 1, 1, 0], [0, 1, 0], [0, 0, 1]])))
    qtbot.addWidget(panel)
    panel.resize(300, 700)
    panel.show()
    qtbot.waitExposed(panel)
    assert panel.horizontalScrollBar().maximum() == 0
    assert panel.document().idealWidth() <= panel.viewport().width()


def test_the_3x3_steps_tab_fits_the_default_window(qtbot, window, tmp_path):
    """Issue 16: at the default width the 3×3 Steps tab scrolled sideways."""
    require_opengl()
    window.studio.switch_dimension(3)
    window.studio.apply_matrix(parse_matrix(MATRICES[0]))
    window.studio.side_tabs.setCurrentIndex(window.studio.side_tabs.indexOf(window.studio.steps_panel))
    panel = window.studio.steps_panel
    qtbot.waitExposed(panel)
    text = panel.toPlainText()
    assert "det = 2·det[[5, 7], [1, −2]]" in text and "= −121" in text
    assert_fits(panel)
    assert window.grab().save(str(tmp_path / "steps_3x3.png"))
    assert QtGui.QGuiApplication.instance() is not None
