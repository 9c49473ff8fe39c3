"""The ML lab's PCA view in the real window: the axes along the eigenvectors, √λ long; the
projection onto PC1; whitening; CSV import (and refusal); undo; exported pictures."""

import numpy as np
import pytest
from PIL import Image

from viz.labs.ml import pca_mode as pca_mode_module


@pytest.fixture
def pca(window):
    window.switch_lab("ml")
    lab = window.lab("ml")
    lab.switch_mode("pca")
    mode = lab.mode
    mode.player.finish()
    return lab, mode


def numpy_axes(points):
    """Each principal axis from numpy's SVD of the centred data: (spread, unit direction)."""
    centred = points - points.mean(axis=0)
    _, s, vt = np.linalg.svd(centred, full_matrices=False)
    return s / np.sqrt(len(points) - 1), vt


def drawn_axes(mode):
    return [segments.points for segments in mode.figure.axes if len(segments.points)]


def test_axes_are_drawn_along_the_eigenvectors_with_length_root_lambda(pca):
    lab, mode = pca
    points = mode.pca.data.points
    spreads, directions = numpy_axes(points)
    mode.player.seek(2)  # the axes have grown: centred data, no projection yet
    axes = drawn_axes(mode)
    assert len(axes) == 2
    for (start, tip), spread, direction in zip(axes, spreads, directions):
        assert np.allclose(start, 0)
        assert np.isclose(np.linalg.norm(tip), spread, rtol=1e-9)
        assert np.isclose(abs(tip @ direction), spread, rtol=1e-9)
    assert np.allclose(mode.figure.points.points.mean(axis=0), 0, atol=1e-9)  # centred
    assert np.allclose(mode.figure.bar_item.opts["height"], spreads ** 2 / (spreads ** 2).sum())


def test_the_projection_puts_every_point_on_the_pc1_line(pca):
    lab, mode = pca
    mode.player.seek(3)
    first = numpy_axes(mode.pca.data.points)[1][0]
    shadows = mode.figure.points.points
    assert np.allclose(shadows[:, 0] * first[1] - shadows[:, 1] * first[0], 0, atol=1e-9)
    pairs = mode.figure.residuals.points
    assert len(pairs) == 2 * len(shadows)
    assert np.allclose((pairs[0::2] - pairs[1::2]) @ first, 0, atol=1e-9)
    assert "Keeping PC1 only" in mode.figure.caption.text()


def test_the_default_cloud_follows_a_and_an_edit_of_a_is_one_undo_step(pca, qtbot):
    lab, mode = pca
    before = mode.pca.data.points.copy()
    lab._commit_cell(0, 1, 2)  # A = [[3, 2], [1, 2]]: the cloud Az changes, so does its PCA
    assert not np.array_equal(mode.pca.data.points, before)
    lab.undo_stack.undo()
    assert np.array_equal(mode.pca.data.points, before)


def test_whitening_ends_on_unit_axes_along_x_and_y(pca):
    lab, mode = pca
    mode.whiten_box.setChecked(True)
    assert mode.settings.whiten
    mode.player.finish()
    white = mode.figure.points.points
    assert np.allclose(np.cov(white.T), np.eye(2))
    for (_, tip), unit in zip(drawn_axes(mode), np.eye(2)):
        assert np.allclose(tip, unit, atol=1e-9)
    lab.undo_stack.undo()
    assert not mode.settings.whiten and not mode.whiten_box.isChecked()


def test_a_typed_covariance_is_used_exactly(pca, qtbot):
    lab, mode = pca
    mode.covariance_edit.setText("4 2; 2 2")
    mode.covariance_edit.editingFinished.emit()
    assert mode.settings.covariance.rows == ((4, 2), (2, 2))
    assert np.allclose(np.cov(mode.pca.data.points.T), [[4, 2], [2, 2]], rtol=0.2)
    mode.covariance_edit.setText("1 2; 2 1")  # λ = −1: no covariance
    mode.covariance_edit.editingFinished.emit()
    assert "negative eigenvalue" in mode.message.text()
    assert mode.settings.covariance.rows == ((4, 2), (2, 2))


def test_csv_import_with_skipped_rows_and_exact_covariance(pca, tmp_path, monkeypatch):
    lab, mode = pca
    path = tmp_path / "heights.csv"
    path.write_text("name;height;weight\nA;0;0\nB;2;2\nC;n/a;1\nD;4;4\nE;2;0\nF;2;4\n")
    monkeypatch.setattr(pca_mode_module, "choose_csv_path", lambda parent, start: str(path))
    mode.open_button.click()
    assert mode.settings.source == "csv"
    assert "1 row skipped" in mode.notice.text() and "line 4" in mode.notice.text()
    assert mode.pca.exact
    assert mode.pca.covariance.rows == ((2, 2), (2, 4))
    assert "3 + √5" in mode.facts.text()
    spreads, _ = numpy_axes(mode.pca.data.points)
    assert np.allclose([c.spread for c in mode.pca.components], spreads)


def test_a_file_that_is_not_a_csv_changes_nothing(pca, tmp_path):
    lab, mode = pca
    picture = tmp_path / "photo.csv"
    picture.write_bytes(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR")
    settings, steps = mode.settings, lab.undo_stack.count()
    assert not mode.open_csv(picture)
    assert "is not a CSV file" in mode.message.text()
    assert mode.settings is settings and lab.undo_stack.count() == steps


@pytest.mark.parametrize("theme", ["dark", "light"])
def test_exported_picture_shows_the_cloud_in_the_theme(pca, tmp_path, theme):
    lab, mode = pca
    path = lab.export_picture(tmp_path / f"pca-{theme}.png", (1600, 1000), theme)
    image = np.asarray(Image.open(path).convert("RGB")).astype(int)
    assert image.shape == (1000, 1600, 3)
    corner = image[5, 5]
    assert (corner.sum() < 100) == (theme == "dark")
    assert len(np.unique(image.reshape(-1, 3), axis=0)) > 50  # points, axes, bars, text


def view_rect(plot):
    (left, right), (bottom, top) = plot.getViewBox().viewRange()
    return left, right, bottom, top


def fills(rect, points, share=0.6):
    """Every point is inside ``rect`` and, along x or y, the points span ``share`` of it."""
    left, right, bottom, top = rect
    low, high = points.min(axis=0), points.max(axis=0)
    inside = left <= low[0] and high[0] <= right and bottom <= low[1] and high[1] <= top
    spans = (high - low) / np.array([right - left, top - bottom])
    return inside and spans.max() >= share


def test_the_whitened_cloud_fills_the_view_and_the_range_eases_between_rests(pca):
    lab, mode = pca
    mode.whiten_box.setChecked(True)
    mode.player.finish()
    points = mode.pca.data.points
    centred = points - points.mean(axis=0)
    values, vectors = np.linalg.eigh(np.cov(points.T))
    white = centred @ vectors[:, ::-1] / np.sqrt(values[::-1])  # Λ^(−½)Eᵀ(x − x̄), PC1 first
    assert np.allclose(np.abs(mode.figure.points.points), np.abs(white))  # up to each axis's sign
    at_end = view_rect(mode.figure.plot)
    assert fills(at_end, white)
    mode.player.seek(2)  # the centred cloud with its axes: √λ₁ ≈ 3.5 times wider
    at_axes = view_rect(mode.figure.plot)
    assert fills(at_axes, centred) and not fills(at_axes, white)
    mode.player.seek(2.5)  # halfway, the range is halfway
    halfway = view_rect(mode.figure.plot)
    assert at_end[1] < halfway[1] < at_axes[1]
