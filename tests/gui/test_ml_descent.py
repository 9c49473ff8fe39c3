"""The ML lab's gradient-descent view through the real window: the verdict from the eigenvalues
against the iterates, the slider in units of 2/λ_max, the optimal α and momentum buttons, a
saddle said and shown, dragging the start, the presets, the log error plot, export."""

from dataclasses import replace
from fractions import Fraction

import numpy as np
import pytest
from PIL import Image
from PyQt6 import QtCore

from viz.palette import THEMES, seen_over

from .conftest import drag, type_into

M = np.array([[3.0, 1.0], [1.0, 2.0]])


@pytest.fixture
def lab(window):
    window.switch_lab("ml")
    lab = window.lab("ml")
    lab.switch_mode("descent")
    return lab


def descent_mode(lab):
    return lab.modes["descent"]


def click(qtbot, button):
    qtbot.mouseClick(button, QtCore.Qt.MouseButton.LeftButton)


def shrinks(path) -> bool:
    """Whether the iterates close in on the minimiser (the origin): judged from the path alone."""
    norms = np.linalg.norm(path, axis=1)
    return bool(norms[-1] < 1e-3 * norms[0])


@pytest.mark.parametrize("units, converges", [(10, True), (50, True), (99, True), (101, False), (130, False)])
def test_the_slider_is_in_units_of_two_over_lambda_max_and_the_verdict_matches_the_iterates(
        qtbot, lab, units, converges):
    mode = descent_mode(lab)
    mode.steps_box.setValue(400)
    mode.rate_slider.setValue(units)
    top = np.linalg.eigvalsh(M).max()
    alpha = float(lab.model.state.settings["descent"].learning_rate)
    assert np.isclose(alpha, units / 100 * 2 / top)
    picture = mode.picture
    assert picture.verdict.converges is converges
    assert shrinks(picture.run.path) is converges  # the eigenvalues' verdict, seen in the path
    assert ("converges" if converges else "does not converge") in mode.verdict_text.toPlainText()
    assert f"α = {units / 100:g} × 2/λ_max" in mode.rate_units.text()


def test_the_optimal_alpha_button_gives_two_over_the_sum_of_the_extreme_eigenvalues(qtbot, window, lab):
    mode = descent_mode(lab)
    lam = np.linalg.eigvalsh(M)
    click(qtbot, mode.best_rate_button)
    settings = lab.model.state.settings["descent"]
    assert np.isclose(float(settings.learning_rate), 2 / (lam.max() + lam.min())) and settings.momentum == 0
    kappa = lam.max() / lam.min()
    assert np.isclose(mode.picture.verdict.rate, (kappa - 1) / (kappa + 1))
    assert np.isclose(mode.picture.run.observed_rate, (kappa - 1) / (kappa + 1), rtol=1e-3)
    window.menus.undo_action.trigger()
    assert lab.model.state.settings["descent"].learning_rate == Fraction(1, 10)


def test_the_optimal_momentum_button_and_its_rate(qtbot, lab):
    mode = descent_mode(lab)
    lam = np.linalg.eigvalsh(M)
    click(qtbot, mode.best_momentum_button)
    settings = lab.model.state.settings["descent"]
    root_kappa = np.sqrt(lam.max() / lam.min())
    assert np.isclose(float(settings.learning_rate), (2 / (np.sqrt(lam.max()) + np.sqrt(lam.min()))) ** 2)
    assert np.isclose(float(settings.momentum), ((root_kappa - 1) / (root_kappa + 1)) ** 2)
    assert mode.picture.verdict.converges and shrinks(mode.picture.run.path)
    assert np.isclose(mode.picture.verdict.rate, (root_kappa - 1) / (root_kappa + 1), rtol=1e-6)
    assert f"β = {float(settings.momentum):.4g}" in mode.momentum_label.text()


def test_momentum_widens_the_range_of_alpha_to_two_plus_two_beta(qtbot, lab):
    mode = descent_mode(lab)
    mode.steps_box.setValue(600)
    mode.rate_slider.setValue(130)  # αλ_max = 2.6: plain descent diverges …
    assert not mode.picture.verdict.converges
    mode.momentum_slider.setValue(50)  # … but 2.6 < 2 + 2β = 3 with β = 1/2
    assert lab.model.state.settings["descent"].momentum == Fraction(1, 2)
    assert mode.picture.verdict.converges and shrinks(mode.picture.run.path)


def test_a_saddle_is_said_and_drawn_instead_of_a_bowl(qtbot, lab):
    mode = descent_mode(lab)
    for (i, j), text in {(0, 0): "1", (0, 1): "0", (1, 0): "0", (1, 1): "-1"}.items():
        type_into(qtbot, lab.editor.cell(i, j), text)
    picture = mode.picture
    assert picture.q.shape == "saddle" and not picture.verdict.converges
    assert "saddle" in mode.verdict_text.toPlainText() and "saddle" in mode.descent_canvas.title.text()
    assert not mode.best_rate_button.isEnabled() and "no best choice" in mode.best_rate_button.toolTip()
    assert any(level < 0 for level in picture.levels()) and any(level > 0 for level in picture.levels())
    for curve in mode.descent_canvas.plane.contours.curves:  # every curve is a level of f = ½(x² − y²)
        values = 0.5 * (curve[:, 0] ** 2 - curve[:, 1] ** 2)
        assert np.allclose(values, values[0])
    assert np.linalg.norm(picture.run.path[-1]) > np.linalg.norm(picture.run.path[0])  # it runs away


def test_a_valley_has_no_single_minimum(qtbot, lab):
    mode = descent_mode(lab)
    for (i, j), text in {(0, 0): "1", (0, 1): "1", (1, 0): "1", (1, 1): "1"}.items():
        type_into(qtbot, lab.editor.cell(i, j), text)
    assert mode.picture.q.shape == "valley" and "valley" in mode.verdict_text.toPlainText()
    assert mode.picture.run.errors is None


def test_dragging_the_start_is_one_undo_step_and_the_path_starts_there(qtbot, window, lab):
    mode = descent_mode(lab)
    plane = mode.descent_canvas.plane
    count = window.undo_stack.count()
    drag(qtbot, plane, (2.0, 1.0), (-1.0, 1.5), steps=12)
    assert window.undo_stack.count() == count + 1
    start = np.array([float(c) for c in lab.model.state.settings["descent"].start])
    assert np.allclose(start, (-1.0, 1.5), atol=0.03)
    assert np.allclose(plane.path.points[0], start) and np.allclose(mode.picture.run.path[0], start)
    window.menus.undo_action.trigger()
    assert [float(c) for c in lab.model.state.settings["descent"].start] == [2.0, 1.0]


def test_the_zig_zag_preset_flips_the_steep_direction_every_step(qtbot, lab):
    mode = descent_mode(lab)
    click(qtbot, mode.preset_buttons["zig-zag"])
    state = lab.model.state
    assert np.allclose(np.array(state.matrix.to_floats()), [[50.5, 49.5], [49.5, 50.5]])
    assert state.settings["descent"].learning_rate == Fraction(198, 10000)
    steep = np.array([1.0, 1.0]) / np.sqrt(2)  # the eigenvector of λ = 100
    along = mode.picture.run.path[:20] @ steep
    assert np.all(np.sign(along[1:]) == -np.sign(along[:-1]))  # the sign flips every step
    rates = mode.picture.direction_rates()
    assert np.isclose(rates[0], abs(1 - 0.0198 * 100)) and np.isclose(rates[1], 1 - 0.0198)


def test_the_error_plot_is_log_scale_and_the_small_lambda_line_is_the_flat_one(qtbot, lab):
    mode = descent_mode(lab)
    plot = mode.descent_canvas.errors
    assert plot.getPlotItem().ctrl.logYCheck.isChecked() and len(plot.shown_curves) == 2
    slopes = []
    for curve in plot.shown_curves:
        x, y = curve.xData, curve.yData
        finite = np.isfinite(y)
        slopes.append(np.polyfit(x[finite], np.log(y[finite]), 1)[0])
    lam = sorted(np.linalg.eigvalsh(M), reverse=True)
    assert np.allclose(np.exp(slopes), [abs(1 - 0.1 * value) for value in lam], rtol=1e-3)
    assert slopes[1] > slopes[0]  # the small λ shrinks slowest


def test_three_dimensions_keep_the_verdict_and_the_error_plot(qtbot, lab):
    lab.dimension_actions[3].trigger()
    mode = descent_mode(lab)
    canvas = mode.descent_canvas
    assert canvas.plane.isHidden() and not canvas.no_plane.isHidden()
    assert len(canvas.errors.shown_curves) == 3 and mode.picture.verdict.converges


@pytest.mark.parametrize("theme, background", [("dark", (14, 17, 22)), ("light", (255, 255, 255))])
def test_export_draws_the_contours_the_path_and_the_verdict(qtbot, lab, tmp_path, theme, background):
    png, svg = tmp_path / "gd.png", tmp_path / "gd.svg"
    lab.export_picture(png, (1600, 1000), theme)
    lab.export_picture(svg, (1600, 1000), theme)
    with Image.open(png) as image:
        assert image.size == (1600, 1000) and image.convert("RGB").getpixel((4, 4)) == background
    text = svg.read_text()
    assert "converges" in text and "bowl" in text


def test_sliding_alpha_keeps_the_range_and_the_level_curves_and_rewrites_the_rates(qtbot, lab):
    mode = descent_mode(lab)
    plane, errors = mode.descent_canvas.plane, mode.descent_canvas.errors
    mode.rate_slider.setValue(40)
    shown, curves = plane.view_box.viewRange(), plane.contours.curves
    rows = list(errors.legend.items)
    mode.rate_slider.setValue(45)  # the path changes, f and the picture's reach do not
    assert plane.view_box.viewRange() == shown and plane.contours.curves is curves
    assert [row[1] for row in errors.legend.items] == [row[1] for row in rows]  # rewritten in place
    alpha = float(lab.model.state.settings["descent"].learning_rate)
    texts = [label.text for _, label in errors.legend.items]
    for value, text in zip(sorted(np.linalg.eigvalsh(M), reverse=True), texts):
        assert "λ" in text and f"×{abs(1 - alpha * value):.3g}/step" in text
    for curve in errors.shown_curves:  # the log range holds every error drawn
        (_, _), (low, high) = errors.getViewBox().viewRange()
        drawn = np.log10(curve.yData[np.isfinite(curve.yData)])
        assert low <= drawn.min() and drawn.max() <= high



@pytest.mark.parametrize("theme", ["dark", "light"])
def test_the_contours_are_drawn_opaque_in_the_colour_they_show(qtbot, window, lab, theme):
    """A see-through pen wider than a pixel took Qt 2.6 ms a frame for the contours alone while
    the start was dragged; they are one pixel wide, opaque, in the faint colour mixed into the
    background."""
    window.set_preferences(replace(window.preferences, theme=theme))
    pen = descent_mode(lab).descent_canvas.plane.contours._lines._pen
    look = THEMES[theme]
    assert pen.color().alpha() == 255 and pen.widthF() <= 1.0
    assert pen.color().name().upper() == seen_over(look.faint_text, 0.72, look.background)
