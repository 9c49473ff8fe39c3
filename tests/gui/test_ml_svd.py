"""The ML lab's SVD view through the real window: σ and the ellipse against numpy, the three
stages of M = UΣVᵀ ending on M, κ, dragging x to paint the ellipse, keeping σ₁ only, export."""

import numpy as np
import pytest
from PIL import Image
from PyQt6 import QtCore

from .conftest import drag, type_into


@pytest.fixture
def lab(window):
    window.switch_lab("ml")
    lab = window.lab("ml")
    lab.switch_mode("svd")
    lab.modes["svd"].player.set_durations(0.2, 0.3)  # real playing, just quicker
    return lab


def svd_mode(lab):
    return lab.modes["svd"]


def type_matrix(qtbot, lab, rows):
    for i, row in enumerate(rows):
        for j, text in enumerate(row):
            type_into(qtbot, lab.editor.cell(i, j), text)


def tip(mode, name):
    return np.array(mode.stage_canvas.view.arrow(name).tip)


def test_sigma_and_the_ellipse_axes_agree_with_numpy(qtbot, lab):
    type_matrix(qtbot, lab, [["2", "1"], ["-1/2", "3/2"]])
    M = np.array([[2, 1], [-0.5, 1.5]])
    U, sigma, Vt = np.linalg.svd(M)
    mode = svd_mode(lab)
    shown = [s.value for s in mode.show.facts.singular_values]
    assert np.allclose(shown, sigma)
    for i, name in enumerate(("σ₁u₁", "σ₂u₂")):  # the semi-axes, up to the sign of each pair
        assert np.isclose(np.linalg.norm(tip(mode, name)), sigma[i])
        assert np.isclose(abs(tip(mode, name) @ U[:, i]), sigma[i])
    radii = np.linalg.norm(mode.overlay.ellipse.points, axis=1)
    assert np.isclose(radii.max(), sigma[0], rtol=1e-3) and np.isclose(radii.min(), sigma[1], rtol=1e-3)
    text = mode.facts_text.toPlainText()
    assert "σ₁ = " in text and "κ = σ₁/σ₂" in text and "rank 2" in text


def test_the_three_stages_play_turn_stretch_turn_and_end_on_m(qtbot, lab):
    mode = svd_mode(lab)
    M = np.array([[3.0, 1.0], [1.0, 2.0]])
    U, sigma, Vt = np.linalg.svd(M)
    qtbot.mouseClick(mode.play_button, QtCore.Qt.MouseButton.LeftButton)
    assert mode.player.playing
    qtbot.waitUntil(lambda: mode.player.position == 1.0, timeout=3000)  # resting after Vᵀ
    display = mode.stage_canvas.display
    assert np.allclose(display @ display.T, np.eye(2))  # a turn: lengths kept …
    assert np.allclose(np.abs(display @ mode.show.facts.V), np.eye(2))  # … the vᵢ on the axes
    assert np.allclose(np.linalg.norm(tip(mode, "e₁")), 1) and "Vᵀ" in mode.stage_canvas.caption.text()
    qtbot.waitUntil(lambda: mode.player.position == 2.0, timeout=3000)  # after Σ: axes stretched
    assert np.allclose(np.abs(mode.stage_canvas.display @ mode.show.facts.V), np.diag(sigma))
    qtbot.waitUntil(lambda: not mode.player.playing, timeout=3000)
    assert np.allclose(mode.stage_canvas.display, M) and mode.stage_canvas.view.settled
    assert np.allclose(np.abs(tip(mode, "σ₁u₁")), np.abs(sigma[0] * U[:, 0]))


def test_a_singular_matrix_has_infinite_kappa_and_a_flat_ellipse(qtbot, lab):
    type_matrix(qtbot, lab, [["1", "2"], ["2", "4"]])
    mode = svd_mode(lab)
    assert "κ = ∞" in mode.footer.text() and "rank 1" in mode.facts_text.toPlainText()
    points = mode.overlay.ellipse.points
    direction = np.array([1.0, 2.0]) / np.sqrt(5)
    assert np.allclose(points[:, 0] * direction[1] - points[:, 1] * direction[0], 0, atol=1e-9)


def test_dragging_x_paints_the_ellipse_with_mx_in_one_undo_step(qtbot, window, lab):
    mode = svd_mode(lab)
    M = np.array([[3.0, 1.0], [1.0, 2.0]])
    view = mode.stage_canvas.view
    start = np.array(lab.model.state.settings["svd"].probe)
    end = np.array([np.cos(np.radians(200)), np.sin(np.radians(200))])
    count = window.undo_stack.count()
    drag(qtbot, view, start, end, steps=24)
    assert window.undo_stack.count() == count + 1  # one drag, one step
    assert abs(lab.model.state.settings["svd"].probe_degrees - 200) < 3
    dots = mode.overlay.trail.points
    assert len(dots) >= 20
    assert np.allclose(np.linalg.norm(np.linalg.solve(M, dots.T), axis=0), 1)  # every dot is on the ellipse
    assert np.allclose(tip(mode, "Mx"), M @ lab.model.state.settings["svd"].probe)
    window.menus.undo_action.trigger()
    assert lab.model.state.settings["svd"].probe_degrees == 30.0
    qtbot.mouseClick(mode.clear_trail_button, QtCore.Qt.MouseButton.LeftButton)
    assert len(mode.overlay.trail.points) == 0


def test_keeping_sigma_one_collapses_the_ellipse_and_marks_the_error_sigma_two(qtbot, window, lab):
    mode = svd_mode(lab)
    M = np.array([[3.0, 1.0], [1.0, 2.0]])
    U, sigma, Vt = np.linalg.svd(M)
    mode.rank_one_box.setChecked(True)
    assert lab.model.state.settings["svd"].rank_one
    rank_one = sigma[0] * np.outer(U[:, 0], Vt[0])
    assert np.allclose(mode.stage_canvas.display, rank_one)
    points = mode.overlay.ellipse.points
    assert np.allclose(points[:, 0] * U[1, 0] - points[:, 1] * U[0, 0], 0, atol=1e-9)  # a segment on u₁
    start, end = mode.overlay.error.ends
    assert np.isclose(np.linalg.norm(end - start), sigma[1]) and mode.overlay.error.visible
    assert "error σ₂ ≈ 1.382" in mode.overlay.error.text()
    assert np.isclose(np.linalg.norm(M - rank_one, 2), sigma[1])  # the error is σ₂ (Eckart–Young)
    window.menus.undo_action.trigger()
    assert not mode.rank_one_box.isChecked() and not mode.overlay.error.visible
    assert np.allclose(mode.stage_canvas.display, M)


@pytest.mark.parametrize("theme, background", [("dark", (14, 17, 22)), ("light", (255, 255, 255))])
def test_export_draws_the_ellipse_with_its_captions(qtbot, lab, tmp_path, theme, background):
    png, svg = tmp_path / "svd.png", tmp_path / "svd.svg"
    lab.export_picture(png, (1600, 1000), theme)
    lab.export_picture(svg, (1600, 1000), theme)
    with Image.open(png) as image:
        assert image.size == (1600, 1000) and image.convert("RGB").getpixel((4, 4)) == background
    text = svg.read_text()
    assert "Vᵀ: turn, stretch, turn" in text and "σ₁ = 5/2 + √5/2 ≈ 3.61803" in text  # text runs by font
    assert "κ = σ₁/σ₂ = 3/2 + √5/2" in text and "U: rotate by 31.72°" in text


def test_the_command_line_exports_both_views_and_refuses_bad_input_in_one_line(tmp_path, capsys):
    from viz.cli import main

    svd, gd = tmp_path / "svd.png", tmp_path / "gd.svg"
    assert main(["export", "--lab", "svd", "--matrix", "3 1; 1 2", "--rank-one", "--out", str(svd)]) == 0
    assert main(["export", "--lab", "gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "0.1",
                 "--momentum", "0.5", "--steps", "80", "--out", str(gd)]) == 0
    with Image.open(svd) as image:
        assert image.size == (1600, 1000)
    assert "converges" in gd.read_text()
    capsys.readouterr()
    for argv in (["--lab", "gd", "--matrix", "3 1; 1 2", "--lr", "-1"],
                 ["--lab", "gd", "--matrix", "3 1; 1 2", "--steps", "-5"],
                 ["--lab", "svd", "--matrix", "3 1; 1 2", "--momentum", "0.5"],
                 ["--matrix", "3 1; 1 2", "--rank-one"]):
        assert main(["export", *argv, "--out", str(tmp_path / "x.png")]) == 2
        error = capsys.readouterr().err
        assert error.count("\n") == 1 and error.startswith("linear-lens export:")
    assert not (tmp_path / "x.png").exists()


def test_dragging_x_keeps_the_svd_and_moves_only_x_and_its_images(qtbot, window, lab):
    mode = svd_mode(lab)
    M = np.array([[3.0, 1.0], [1.0, 2.0]])
    facts, stages, facts_html = mode.show.facts, mode.show.stages, mode.facts_text.toHtml()
    start = np.array(lab.model.state.settings["svd"].probe)
    end = np.array([np.cos(np.radians(120)), np.sin(np.radians(120))])
    drag(qtbot, mode.stage_canvas.view, start, end, steps=12)
    assert mode.show.facts is facts and mode.show.stages is stages  # the exact SVD is not redone
    assert mode.facts_text.toHtml() == facts_html
    x = np.array(lab.model.state.settings["svd"].probe)
    assert np.allclose(tip(mode, "x"), x) and np.allclose(tip(mode, "Mx"), M @ x)
    assert f"|Mx| = {np.linalg.norm(M @ x):.4g}" in mode.footer.text()
    sigma = np.linalg.svd(M, compute_uv=False)
    assert np.allclose([s.value for s in mode.show.facts.singular_values], sigma)


def test_export_animation_plays_vt_sigma_u_and_ends_on_the_still_picture(lab, tmp_path, monkeypatch):
    from viz import animation_export_dialog
    from viz.animation_export import frame_count
    from viz.labs.ml import svd_mode as svd_module
    from viz.panels_picture import render_panels
    from viz.stages import Timeline

    mode = svd_mode(lab)
    mode.player.set_durations(0.5, 0.5)  # the export plays at the window's pace
    assert lab.animation_problem() is None
    size, fps = (480, 300), 10
    frames = []
    write = svd_module.write_animation

    def keep_frames(path, images, ends, *rest):  # the frames as rendered, before the GIF's palette
        frames.extend(image.copy() for image in images())
        return write(path, lambda: iter(frames), ends, *rest)

    monkeypatch.setattr(svd_module, "write_animation", keep_frames)

    def run(dialog):
        dialog.path.setText(str(tmp_path / "svd.gif"))
        dialog.width_box.setValue(size[0])
        dialog.height_box.setValue(size[1])
        dialog.fps.setValue(fps)
        return dialog.save()

    monkeypatch.setattr(animation_export_dialog.AnimationExportDialog, "exec", run)
    monkeypatch.setattr(animation_export_dialog.QtWidgets.QMessageBox, "warning",
                        lambda _parent, _title, text: pytest.fail(text))
    path = lab.export_animation()
    timeline = Timeline(mode.show.count, mode.player.timeline.step_seconds, mode.player.timeline.pause_seconds)
    count = frame_count(fps, timeline.total)
    assert path == tmp_path / "svd.gif" and len(frames) == count == 26  # 2.5 s at 10 fps
    with Image.open(path) as gif:
        assert gif.n_frames == count and gif.size == size
    seconds = [timeline.total * i / (count - 1) for i in range(count)]
    positions = [timeline.position(s) for s in seconds]
    for rest in range(1, mode.show.count):  # each pause holds one picture
        held = [frame for frame, position in zip(frames, positions) if position == rest]
        assert len(held) >= 4 and all(frame == held[0] for frame in held)
    def still(position):
        panels, footer = svd_module.svd_panels(mode.show, position)
        return render_panels(panels, size, footer)

    assert frames[0] == still(0.0) and frames[-1] == still(mode.show.count)  # the circle; the end picture
    assert frames[0] != frames[-1]


def test_in_space_the_sphere_becomes_the_ellipsoid_of_numpy_svd(qtbot, lab, tmp_path):
    """A 3×3 matrix: the unit sphere's circles are drawn under the matrix on screen, so at the end
    every drawn point y = Mp lies on the ellipsoid yᵀ(MMᵀ)⁻¹y = 1 whose semi-axes are σᵢuᵢ."""
    from dataclasses import replace

    from kernels import Matrix
    from viz.views.space_view import SpaceView

    lab.switch_dimension(3)
    rows = [[2, 1, 0], [0, 1, 1], [1, 0, 1]]
    lab.push(replace(lab.model.state, matrix=Matrix(rows)), "M")
    mode = lab.mode
    mode.player.finish()
    M = np.array(rows, dtype=float)
    inverse_gram = np.linalg.inv(M @ M.T)
    scene = mode.show.scene(mode.player.position)
    display = mode.show.display(mode.player.position)
    assert np.allclose(display, M) and len(scene.curves) == 5
    for curve in scene.curves:
        drawn = np.asarray(curve.points) @ display.T
        assert np.allclose(np.einsum("ij,jk,ik->i", drawn, inverse_gram, drawn), 1.0)
    view = mode.stage_canvas.view
    if isinstance(view, SpaceView):  # the GL items hold the same points
        item = view.curves._items[0]
        assert np.allclose(item.pos, np.asarray(scene.curves[0].points) @ M.T)
    svg = tmp_path / "ellipsoid.svg"
    lab.export_picture(svg, (800, 600), None)
    assert svg.read_text().count("<polyline") >= 5 and "ellipsoid" in svg.read_text()
