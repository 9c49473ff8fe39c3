"""Labels never collide in the exported SVG files themselves (issue 16, measured on the file).

``test_labels.py`` checks the boxes the views *report* (``PlaneView.label_box``,
``SpacePainter.placed_labels``). A bug on the way from the view to the file would pass it: a
text drawn at another place or size in the SVG than on screen, a caption drawn over labels, a
label written twice. This file exports SVGs through the real export path — the functions the
command line calls (``viz.export.export_picture``, ``viz.export3d.export_space``) and the command
line itself (``python -m viz export``) — then reads the file back and measures every text.

What Qt's ``QSvgGenerator`` writes, and how a text's box is measured:

* ``<svg viewBox="0 0 W H">``: the 2D exports' view box is the view's logical size (the picture
  size ÷ ``picture_scale``), the 3D one is the picture size. Boxes are scaled to the picture's
  pixels (the ``--size`` asked for), where the tolerances below are meant.
* every ``drawText`` becomes a ``<text x= y=>`` whose x, y is the start of its baseline
  (``text-anchor`` start), inside a ``<g transform="matrix(a,b,c,d,e,f)">``; the transforms are
  composed from the root down. ``font-family``, ``font-size`` (in user units), ``font-weight``
  and ``font-style`` sit on the ``<g>`` and again on the ``<text>``.
* a text's box is its logical box in that font, measured with ``QFontMetricsF`` at 72 dpi (so
  that a point is one user unit, as ``font-size`` means): from the baseline start, the advance
  width across and the ascent above to the descent below; its corners are mapped through the
  composed transform.
* a label of several lines ("det = −1" / "orientation flipped") is several ``<text>`` elements
  at one transform, each a line lower than the last: they are one block.
* the caption is drawn last, over a translucent backing ``<rect>`` in the top-left corner: that
  rectangle and every text after it are one block. Its own texts may touch each other, but no
  label may touch it.

Asserted for each picture: no two label blocks (and no label and the caption block) share more
than ``TOLERANCE`` px², no label leaves the picture, every caption text lies on its backing; the
labels in the file are exactly the labels the export's own view (or 3D painter) placed, each
once ("v = Mv" as one label, never "v" and "Mv" besides), and each is drawn where it was placed
and as large, within ``EDGE_SLACK`` px per edge. That last check is what found the SVGs drawing
every text at ¾ of its size (QSvgGenerator's 72 dpi against the screen's 96; fixed in
``viz.export.svg_bytes``): smaller text never overlaps, but it is not the picture that was laid
out.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from unittest import mock

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PyQt6 import QtGui

import viz.export
from kernels import Matrix, Vector, parse_matrix
from viz.export import export_picture
from viz.export3d import export_space
from viz.geometry3d import CAMERA_PRESETS
from viz.labels import Box
from viz.model import SceneModel
from viz.scene import SceneState
from viz.views.space_painter import SpacePainter

SIZE = (1200, 800)
TOLERANCE = 0.5  # px² two boxes may share (rounding), and a label may lie outside the picture
CAPTION_SLACK = 2.0  # px² of a caption text that may poke out of its backing (rounding)
EDGE_SLACK = 2.0  # px an edge of a text in the file may lie from where the view placed it
SVG = "{http://www.w3.org/2000/svg}"
FONT_KEYS = ("font-family", "font-size", "font-weight", "font-style")


# -- reading an SVG back ------------------------------------------------------------------------
@dataclass(frozen=True)
class Text:
    """One label (or caption) block in the file: its text and its box in picture pixels."""
    text: str
    box: Box


@dataclass(frozen=True)
class Picture:
    labels: list[Text]
    caption: Box | None  # the caption's backing and all its texts, one block
    backing: Box | None  # the caption's translucent rectangle
    caption_texts: list[Text]
    size: tuple[int, int]


def _matrix(transform: str | None) -> np.ndarray:
    """The 3×3 matrix of an SVG ``transform`` (QSvgGenerator writes only ``matrix(…)``)."""
    if not transform:
        return np.eye(3)
    match = re.fullmatch(r"\s*matrix\(([^)]*)\)\s*", transform)
    assert match, f"a transform this test does not read: {transform!r}"
    a, b, c, d, e, f = (float(x) for x in re.split(r"[\s,]+", match.group(1).strip()))
    return np.array([[a, c, e], [b, d, f], [0.0, 0.0, 1.0]])


@cache
def _metrics(family: str, size: float, weight: int, italic: bool) -> QtGui.QFontMetricsF:
    font = QtGui.QFont(family)
    font.setPointSizeF(size)  # at 72 dpi a point is one user unit, as the SVG's font-size means
    font.setWeight(QtGui.QFont.Weight(weight))
    font.setItalic(italic)
    return QtGui.QFontMetricsF(font, _device_at_72_dpi())


@cache
def _device_at_72_dpi() -> QtGui.QImage:
    image = QtGui.QImage(1, 1, QtGui.QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(2835)  # 72 dpi
    image.setDotsPerMeterY(2835)
    return image


def _box(points: np.ndarray) -> Box:
    left, top = points.min(axis=0)
    right, bottom = points.max(axis=0)
    return Box(float(left), float(top), float(right - left), float(bottom - top))


def _union(a: Box, b: Box) -> Box:
    return _box(np.array([[a.left, a.top], [a.left + a.width, a.top + a.height],
                          [b.left, b.top], [b.left + b.width, b.top + b.height]]))


def _walk(element, transform: np.ndarray, style: dict, found: list) -> None:
    """Every <text> and <rect> in document (= painting) order, with its composed transform
    and the font and fill it inherits."""
    transform = transform @ _matrix(element.get("transform"))
    style = {**style, **{key: element.get(key) for key in (*FONT_KEYS, "fill", "fill-opacity")
                         if element.get(key) is not None}}
    tag = element.tag.removeprefix(SVG)
    if tag == "text":
        found.append(("text", element, transform, style))
    elif tag == "rect":
        found.append(("rect", element, transform, style))
    for child in element:
        _walk(child, transform, style, found)


def _text_box(element, transform: np.ndarray, style: dict, scale: np.ndarray) -> Box:
    """The logical box of a <text> in picture pixels: x, y is the start of its baseline."""
    metrics = _metrics(style["font-family"], float(style["font-size"]),
                       int(style.get("font-weight", 400)), style.get("font-style") == "italic")
    x, y = float(element.get("x", 0)), float(element.get("y", 0))
    right = x + metrics.horizontalAdvance(element.text or "")
    top, bottom = y - metrics.ascent(), y + metrics.descent()
    corners = np.array([[x, top, 1], [right, top, 1], [x, bottom, 1], [right, bottom, 1]]) @ transform.T
    return _box(corners[:, :2] * scale)


def _rect_box(element, transform: np.ndarray, scale: np.ndarray) -> Box:
    x, y = float(element.get("x", 0)), float(element.get("y", 0))
    w, h = float(element.get("width")), float(element.get("height"))
    corners = np.array([[x, y, 1], [x + w, y, 1], [x, y + h, 1], [x + w, y + h, 1]]) @ transform.T
    return _box(corners[:, :2] * scale)


def read_svg(path, size, caption: bool = True) -> Picture:
    """The label blocks and the caption block of an exported SVG, in picture pixels."""
    root = ET.parse(path).getroot()
    _, _, view_width, view_height = (float(x) for x in root.get("viewBox").split())
    scale = np.array([size[0] / view_width, size[1] / view_height])
    found: list = []
    _walk(root, np.eye(3), {}, found)
    start = len(found)
    if caption:  # the caption's backing: the last translucent rectangle
        backings = [i for i, (kind, _, _, style) in enumerate(found) if kind == "rect"
                    and style.get("fill", "none") != "none" and 0 < float(style.get("fill-opacity", 1)) < 1]
        assert backings, "the picture has no caption backing"
        start = backings[-1]
    lines: list[tuple[Text, np.ndarray, float, float, str]] = []  # text, transform, x, y, fill
    for kind, element, transform, style in found[:start]:
        if kind != "text":
            continue
        text = Text(element.text or "", _text_box(element, transform, style, scale))
        x, y, fill = float(element.get("x", 0)), float(element.get("y", 0)), style.get("fill", "")
        if lines:  # the next line of the same label: same place and colour, one line lower
            last, last_transform, last_x, last_y, last_fill = lines[-1]
            if np.allclose(transform, last_transform) and x == last_x and y > last_y and fill == last_fill:
                text = Text(f"{last.text}\n{text.text}", _union(last.box, text.box))
                lines.pop()
        lines.append((text, transform, x, y, fill))
    labels = [line[0] for line in lines]
    if not caption:
        return Picture(labels, None, None, [], size)
    _, element, transform, _ = found[start]
    backing = _rect_box(element, transform, scale)
    texts = [Text(element.text or "", _text_box(element, transform, style, scale))
             for kind, element, transform, style in found[start + 1:] if kind == "text"]
    block = backing
    for text in texts:
        block = _union(block, text.box)
    return Picture(labels, block, backing, texts, size)


# -- what is asserted -----------------------------------------------------------------------------
def assert_apart(picture: Picture) -> None:
    """No two label blocks overlap, no label covers the caption, and none leaves the picture."""
    blocks = [(text.text, text.box) for text in picture.labels]
    if picture.caption is not None:
        blocks.append(("<caption>", picture.caption))
    clashes = [(a, b, round(box_a.overlap(box_b), 1))
               for i, (a, box_a) in enumerate(blocks) for b, box_b in blocks[i + 1:]
               if box_a.overlap(box_b) > TOLERANCE]
    assert clashes == [], f"texts overlap in the SVG: {clashes}\n{_describe(blocks)}"
    outside = [(text.text, text.box) for text in picture.labels if text.box.outside(*picture.size) > TOLERANCE]
    assert outside == [], f"labels leave the {picture.size} picture: {outside}"
    if picture.backing is not None:
        assert picture.caption_texts, "the caption's backing has no text on it"
        backing = picture.backing
        off = [(text.text, text.box) for text in picture.caption_texts
               if text.box.width * text.box.height - text.box.overlap(backing) > CAPTION_SLACK]
        assert off == [], f"caption texts off their backing {backing}: {off}"


def label_texts(labels: Picture | list[Text]) -> list[str]:
    return sorted(text.text for text in (labels.labels if isinstance(labels, Picture) else labels))


def assert_drawn_as_placed(picture: Picture, placed: list[Text]) -> None:
    """The file shows exactly the labels the view placed, each once, where it placed them and
    as large (each edge within ``EDGE_SLACK`` px: the view measures with the text layout)."""
    assert label_texts(picture) == label_texts(placed), "the SVG's labels are not the labels placed, once each"
    unmatched = list(placed)
    moved = []
    for text in picture.labels:  # the nearest placed label of the same text ("λ = 1" may be twice)
        box = text.box
        want = min((other for other in unmatched if other.text == text.text),
                   key=lambda other: abs(other.box.left - box.left) + abs(other.box.top - box.top))
        unmatched.remove(want)
        edges = (box.left - want.box.left, box.top - want.box.top,
                 box.left + box.width - want.box.left - want.box.width,
                 box.top + box.height - want.box.top - want.box.height)
        if max(map(abs, edges)) > EDGE_SLACK:
            moved.append((text.text, [round(edge, 1) for edge in edges]))
    assert moved == [], f"labels drawn elsewhere or at another size than placed (left, top, right, bottom): {moved}"


def _describe(blocks) -> str:
    return "\n".join(f"  {text!r}: ({box.left:.1f}, {box.top:.1f}) {box.width:.1f}×{box.height:.1f}"
                     for text, box in blocks)


# -- exporting through the real paths -------------------------------------------------------------
def state_of(matrix: str, vectors, selection=()) -> SceneState:
    return SceneState(parse_matrix(matrix), tuple((n, Vector(v)) for n, v in vectors), selection=selection)


@contextmanager
def placed_labels():
    """Record (text, box in picture pixels) of every label the export's own view (2D) or
    painter (3D) places while it draws: where the file should show it, and how large."""
    placed: list[Text] = []
    render, paint_labels = viz.export.render, SpacePainter.placed_labels

    def recording_render(view, path, size):
        scale = size[0] / view.viewport().width()
        for item in view.label_items():
            box, margin = view.label_box(item), item.textItem.document().documentMargin()
            placed.append(Text(item.toPlainText(), Box((box.left + margin) * scale, (box.top + margin) * scale,
                                                       (box.width - 2 * margin) * scale,
                                                       (box.height - 2 * margin) * scale)))
        return render(view, path, size)

    def recording_placed_labels(painter):
        boxes = paint_labels(painter)
        placed.extend(Text(text, box) for box, text, _ in boxes)
        return boxes

    with mock.patch.object(viz.export, "render", recording_render), \
            mock.patch.object(SpacePainter, "placed_labels", recording_placed_labels):
        yield placed


def export_plane(tmp_path, state: SceneState, name: str = "plane.svg", size=SIZE,
                 caption: bool = True) -> tuple[Picture, list[Text]]:
    """The SVG ``export_picture`` writes (read back), and the labels its view placed."""
    scene = SceneModel(state=state).scene
    with placed_labels() as placed:
        path = export_picture(scene, tmp_path / name, size=size, caption=caption)
    return read_svg(path, size, caption), placed


def export_space_svg(tmp_path, state: SceneState, camera=None, name: str = "space.svg",
                     size=SIZE) -> tuple[Picture, list[Text]]:
    """The 3D SVG ``export_space`` writes (read back), and the labels its painter placed."""
    scene = SceneModel(state=state).scene
    with placed_labels() as placed:
        path = export_space(scene, tmp_path / name, size, camera=camera or scene.camera())
    return read_svg(path, size), placed


def run_cli(*args: str) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "viz", "export", "--quiet", *args],
                            capture_output=True, text=True, env=env, timeout=120)
    assert result.returncode == 0, result.stderr


def test_the_measure_sees_two_texts_on_one_spot(qtbot, tmp_path):
    """The reader and the checks themselves, on an SVG from the same generator: two labels
    drawn on one spot overlap; drawn apart they do not."""
    from PyQt6 import QtCore

    def picture_of(second_x: float) -> Picture:
        def paint(painter: QtGui.QPainter) -> None:
            font = QtGui.QFont()
            font.setPointSizeF(13)
            font.setBold(True)
            painter.setFont(font)
            painter.drawText(QtCore.QPointF(100, 100), "v")
            painter.translate(second_x, 0)  # a <g transform> as the views write it
            painter.drawText(QtCore.QPointF(100, 100), "Mv")

        path = tmp_path / f"two texts {second_x}.svg"
        path.write_bytes(viz.export.svg_bytes(400, 200, "two texts", paint))
        return read_svg(path, (800, 400), caption=False)

    apart = picture_of(60)
    assert label_texts(apart) == ["Mv", "v"]
    assert_apart(apart)
    with pytest.raises(AssertionError, match="texts overlap"):
        assert_apart(picture_of(0))


# -- the scenes of the issue ----------------------------------------------------------------------
PLANE_SCENES = {  # name: (matrix, vectors, selection, labels that must be there, labels that must not)
    "projection preset: det = 0 beside î": ("1 0; 0 0", [("v", [1, 2])], (), {"det = 0", "î"}, set()),
    "[[1,2],[2,4]]: λ = 5 beside Mv": ("1 2; 2 4", [("v", [1, 2])], (), {"λ = 5", "Mv"}, set()),
    "two ticked: det = 1 beside θ": ("1 0; 0 1", [("v", [1, 2]), ("v1", [3, -1])], (0, 1),
                                     {"det = 1", "θ = 81.87°"}, set()),
    "identity: v = Mv as one label": ("1 0; 0 1", [("v", [1, 2])], (), {"v = Mv"}, {"v", "Mv"}),
    "after Add vector: î, Mv1, proj of v at (1, 0)": ("1 1; 0 1", [("v", [1, 2]), ("v1", [1, 0])], (0, 1),
                                                      {"î", "v1 = Mv1", "proj of v"}, {"Mv1", "v1"}),
    "a reflection: a label of two lines": ("0 1; 1 0", [("v", [1, 2])], (),
                                           {"det = −1\norientation flipped"}, set()),
}


@pytest.mark.parametrize("name", list(PLANE_SCENES))
def test_labels_in_the_svg_of_a_reported_scene_are_apart(qtbot, tmp_path, name):
    matrix, vectors, selection, present, absent = PLANE_SCENES[name]
    picture, placed = export_plane(tmp_path, state_of(matrix, vectors, selection))
    texts = set(label_texts(picture))
    assert present <= texts and not absent & texts, texts
    assert picture.caption is not None and len(picture.labels) >= 4
    assert_drawn_as_placed(picture, placed)
    assert_apart(picture)


def test_the_svg_without_a_caption_has_the_labels_alone(qtbot, tmp_path):
    picture, placed = export_plane(tmp_path, state_of("1 0; 0 0", [("v", [1, 2])]), caption=False)
    assert picture.caption is None
    assert_drawn_as_placed(picture, placed)
    assert_apart(picture)


def test_the_command_line_svg_of_the_projection_keeps_labels_apart(qtbot, tmp_path):
    """The very command of the issue, run as a learner runs it: the same labels, in the same
    places, as the export the window makes."""
    out = tmp_path / "projection.svg"
    run_cli("--matrix", "1 0; 0 0", "--out", str(out), "--size", "1200x800")
    picture = read_svg(out, SIZE)
    _, placed = export_plane(tmp_path, state_of("1 0; 0 0", [("v", [1, 2])]))
    assert {"det = 0", "î"} <= set(label_texts(picture))
    assert_drawn_as_placed(picture, placed)
    assert_apart(picture)


SPACE_SCENES = ["1 0 0; 0 1 0; 0 0 1", "1 1 0; 0 1 0; 0 0 2", "1 0 1; 0 1 1; 1 1 2"]


@pytest.mark.parametrize("matrix", SPACE_SCENES)
def test_labels_in_a_3d_svg_from_the_isometric_camera_are_apart(qtbot, tmp_path, matrix):
    """3D: from the isometric camera the default v = (1, 2, 1) lands on ĵ's spot."""
    picture, placed = export_space_svg(tmp_path, state_of(matrix, [("v", [1, 2, 1])]), CAMERA_PRESETS["iso"])
    assert "ĵ" in label_texts(picture) and len(picture.labels) >= 4
    assert_drawn_as_placed(picture, placed)
    assert_apart(picture)


def test_the_command_line_3d_svg_keeps_labels_apart(qtbot, tmp_path):
    out = tmp_path / "space.svg"
    run_cli("--matrix", "1 1 0; 0 1 0; 0 0 2", "--camera", "iso", "--out", str(out), "--size", "1200x800")
    picture = read_svg(out, SIZE)
    _, placed = export_space_svg(tmp_path, state_of("1 1 0; 0 1 0; 0 0 2", [("v", [1, 2, 1])]),
                                 CAMERA_PRESETS["iso"])
    assert {"ĵ", "v", "Mv"} <= set(label_texts(picture))
    assert_drawn_as_placed(picture, placed)
    assert_apart(picture)


# -- random scenes --------------------------------------------------------------------------------
small = st.integers(-3, 3)


@settings(max_examples=40, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(small, min_size=4, max_size=4),
       vectors=st.lists(st.tuples(small, small), min_size=1, max_size=3), tick=st.booleans())
def test_labels_in_the_svg_of_random_plane_scenes_are_apart(qtbot, tmp_path, entries, vectors, tick):
    a, b, c, d = entries
    named = tuple(("v" if k == 0 else f"v{k}", Vector(list(v))) for k, v in enumerate(vectors))
    state = SceneState(Matrix([[a, b], [c, d]]), named, selection=tuple(range(min(2, len(named)))) if tick else ())
    picture, placed = export_plane(tmp_path, state)
    assert_drawn_as_placed(picture, placed)
    assert_apart(picture)


@settings(max_examples=30, deadline=None, derandomize=True,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(entries=st.lists(st.integers(-2, 2), min_size=9, max_size=9),
       vector=st.tuples(small, small, small), iso=st.booleans())
def test_labels_in_the_svg_of_random_space_scenes_are_apart(qtbot, tmp_path, entries, vector, iso):
    state = SceneState(Matrix([entries[0:3], entries[3:6], entries[6:9]]), (("v", Vector(list(vector))),))
    picture, placed = export_space_svg(tmp_path, state, CAMERA_PRESETS["iso"] if iso else None)
    assert_drawn_as_placed(picture, placed)
    assert_apart(picture)
