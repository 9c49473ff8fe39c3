"""Regenerate the gallery: ``python docs/make_gallery.py`` writes docs/gallery/*.png,
docs/gallery.md and a contact sheet (docs/gallery/contact-sheet.png) to look them over at a glance.

Every picture comes from a lab of :data:`viz.labs.LABS` (and one from a lesson), 2D and 3D, dark
and light, drawn by the code the app and the command line use — nothing is drawn here:

* the studio: :func:`viz.export.export_picture` in the plane; in space the SVG painter
  (:class:`~viz.views.space_painter.SpacePainter` with its caption), so no OpenGL is needed;
* the Compose mode: :func:`~viz.labs.compose.shows.show_for` and
  :func:`~viz.labs.compose.show_export.export_show_picture`, as ``export --compose`` does;
* Eliminate, Multiply and the ML lab's views: a :class:`~viz.app.MainWindow` built off-screen,
  its lab fed through its own ``push``/``switch_mode`` and written by the mode's
  ``export_picture`` — File → Export, without the dialog;
* a lesson step: :func:`viz.lessons.pictures.draw_step`, as ``lesson export`` does.

``--only NAME …`` redraws some pictures (docs/gallery.md and the sheet are left alone);
``--list`` prints the pictures without drawing them.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PyQt6 import QtCore, QtGui, QtWidgets  # noqa: E402

from kernels import Vector, parse_matrix  # noqa: E402

SIZE = (1200, 750)  # one canvas
WIDE = (1800, 825)  # three canvases side by side (AB | BA | AB − BA), as export --compose's 2400×1100
FOLDER = ROOT / "docs" / "gallery"
PALETTE = "okabe-ito"


def vector(text: str) -> Vector:
    return Vector([x for row in parse_matrix(text).rows for x in row])


# -- the window, for the labs whose pictures are the modes' own exports ---------------------------
class Bench:
    """A main window built off-screen the first time a picture needs it, with its settings and
    data in a temporary folder (the learner's own are never read or written)."""

    FOLDERS = ("LINEAR_LENS_CONFIG_DIR", "LINEAR_LENS_DATA_DIR")

    def __init__(self):
        self._window = None
        self._home: tempfile.TemporaryDirectory | None = None

    @property
    def window(self):
        if self._window is None:
            from viz.app import MainWindow
            from viz.preferences import Preferences

            self._home = tempfile.TemporaryDirectory(prefix="linear-lens-gallery-")
            kept = {name: os.environ.get(name) for name in self.FOLDERS}
            for name in self.FOLDERS:
                os.environ[name] = str(Path(self._home.name) / name.lower())
            try:  # the default look and timing, whatever the learner chose
                self._window = MainWindow(preferences=Preferences())
            finally:
                for name, value in kept.items():
                    if value is None:
                        del os.environ[name]
                    else:
                        os.environ[name] = value
            self._window.resize(1280, 800)
            self._window.show()  # laid out at its size, so each view frames what it shows
            QtWidgets.QApplication.processEvents()
        return self._window

    def lab(self, name: str, mode: str):
        """The lab called ``name`` on screen, showing its mode ``mode``."""
        self.window.switch_lab(name)
        lab = self.window.lab(name)
        lab.switch_mode(mode)
        return lab

    def close(self) -> None:
        if self._window is not None:
            self._window.undo_stack.setClean()  # nothing here is the learner's: close without asking
            self._window.close()
            self._window.deleteLater()
            QtWidgets.QApplication.processEvents()
            self._window = None
        if self._home is not None:
            self._home.cleanup()
            self._home = None


# (bench, path, theme) → the path written
Draw = Callable[[Bench, Path, str], Path]


@dataclass(frozen=True)
class Picture:
    """One picture of the gallery: its file name (without .png), the lab it comes from (a key of
    :data:`viz.labs.LABS`, or ``lessons``), its theme, the sentence under it, and how it is drawn.
    ``slow`` pictures (a network trained for 3,000 steps) can be left out of a quick check."""
    name: str
    lab: str
    theme: str
    caption: str
    draw: Draw
    slow: bool = False

    @property
    def file(self) -> str:
        return f"{self.name}.png"


# -- the studio -------------------------------------------------------------------------------------
def studio(matrix: str, vectors, ticked=()) -> Draw:
    """The studio's picture of ``matrix`` with ``vectors`` ((name, "x y") pairs), ``ticked`` ones
    compared — in the plane as ``export`` writes it; in space by the painter of its SVGs."""
    def draw(bench: Bench, path: Path, theme: str) -> Path:
        from viz.export import export_picture
        from viz.export3d import caption_box, paint_caption
        from viz.model import SceneModel
        from viz.picture import picture_scale
        from viz.scene import SceneState
        from viz.views.space_painter import SpacePainter

        named = tuple((name, vector(text)) for name, text in vectors)
        state = SceneState(parse_matrix(matrix), named, selection=tuple(ticked), theme=theme, palette=PALETTE)
        scene = SceneModel(state=state).scene
        if scene.dimension == 2:
            return export_picture(scene, path, size=SIZE)
        image = QtGui.QImage(*SIZE, QtGui.QImage.Format.Format_RGB32)
        painter = QtGui.QPainter(image)
        scale = picture_scale(SIZE)
        SpacePainter(scene, scene.matrix_floats, scene.camera(), SIZE,
                     reserved=[caption_box(scene, scale)], frame=True).paint(painter)
        paint_caption(painter, scene, scale)
        painter.end()
        image.save(str(path), "PNG")
        return path
    return draw


# -- Compose & Eliminate ----------------------------------------------------------------------------
def compose(kind: str, a: str | None = None, b: str | None = None, x: str | None = None,
            sequence: str | None = None, dimension: int = 2, position: float | None = None,
            size=SIZE) -> Draw:
    """The Compose mode's show ``kind`` ("pair", "sequence" or "undo" of A) of the lab's opening
    state with A, B, x or the sequence replaced, at ``position`` (default: its end)."""
    def draw(bench: Bench, path: Path, theme: str) -> Path:
        from viz.labs.compose.show_export import export_show_picture
        from viz.labs.compose.shows import show_for
        from viz.labs.compose.state import ComposeState

        state = ComposeState.fresh(dimension)
        state = replace(state, a=parse_matrix(a) if a else state.a, b=parse_matrix(b) if b else state.b,
                        x=vector(x) if x else state.x, sequence=sequence or state.sequence).checked()
        return export_show_picture(show_for(state, kind, theme, PALETTE), path, size, position, theme)
    return draw


def eliminate(a: str, rhs: str | None = None, position: float | None = None) -> Draw:
    """The Eliminate mode after the kernel's elimination of ``a`` has played to ``position``
    (default: its end); with ``rhs``, the augmented system [A | b] and its solutions."""
    def draw(bench: Bench, path: Path, theme: str) -> Path:
        from viz.labs.compose.state import ComposeState

        lab = bench.lab("compose", "eliminate")
        state = replace(ComposeState.fresh(2), a=parse_matrix(a), rhs=vector(rhs) if rhs else None)
        lab.push(state, "Gallery: eliminate")
        mode = lab.mode
        mode.show_track("kernel")
        mode.player.seek(mode.trace.count if position is None else position)
        return lab.export_picture(path, SIZE, theme)
    return draw


def multiply_columns(a: str, x: str) -> Draw:
    """The Multiply mode's column picture of Ax beside its row picture."""
    def draw(bench: Bench, path: Path, theme: str) -> Path:
        from viz.labs.compose.state import ComposeState

        lab = bench.lab("compose", "multiply")
        lab.push(replace(ComposeState.fresh(2), a=parse_matrix(a), x=vector(x)), "Gallery: multiply")
        lab.mode.tabs.setCurrentIndex(0)
        lab.mode.choose("A")
        return lab.export_picture(path, SIZE, theme)
    return draw


# -- ML -----------------------------------------------------------------------------------------------
def ml(mode_name: str, matrix: str, prepare: Callable | None = None) -> Draw:
    """The ML lab's view ``mode_name`` of ``matrix`` (every view's settings fresh), at the end of
    its motion; ``prepare(lab, mode)`` may change the view first (a preset, training)."""
    def draw(bench: Bench, path: Path, theme: str) -> Path:
        from viz.labs.ml.state import MLState

        lab = bench.lab("ml", mode_name)
        lab.push(MLState.fresh(lab.codecs, matrix=parse_matrix(matrix)), "Gallery: matrix")
        mode = lab.mode
        if prepare is not None:
            prepare(lab, mode)
        if hasattr(mode, "player"):
            mode.player.finish()
        return lab.export_picture(path, SIZE, theme)
    return draw


def descent_preset(name: str) -> Callable:
    """Apply the gradient-descent preset called ``name`` (as its button does)."""
    def prepare(lab, mode) -> None:
        from viz.labs.ml.descent import PRESETS

        mode.apply_preset(next(preset for preset in PRESETS if preset.name == name))
    return prepare


def trained(hidden_units: int) -> Callable:
    """Train the network 2 → k → 2 on the circles (the Train button), and wait for its end."""
    def prepare(lab, mode) -> None:
        mode.tabs.setCurrentIndex(1)
        mode.units_spin.setValue(hidden_units)
        mode.start_training()
        mode.worker.wait()
        QtWidgets.QApplication.processEvents()  # the last progress reports, queued to this thread
    return prepare


def layer_page(lab, mode) -> None:
    """The first page of the neural-layer view: the layer typed (W follows A)."""
    mode.tabs.setCurrentIndex(0)


# -- lessons ------------------------------------------------------------------------------------------
def lesson_step(lesson: str, number: int) -> Draw:
    """Step ``number`` of the lesson called ``lesson``, its ring on what the step points at."""
    def draw(bench: Bench, path: Path, theme: str) -> Path:
        from viz.lessons.format import load_lessons
        from viz.lessons.pictures import draw_step

        lessons, _problems = load_lessons()
        found = next(item for item in lessons if item.name == lesson)
        return draw_step(found, number, path, theme, PALETTE)
    return draw


PICTURES = (
    # the studio
    Picture("shear", "studio", "dark", "A shear: the x-axis stays put, the area stays 1 and the grid leans.",
            studio("1 1; 0 1", [("v", "1 2")])),
    Picture("projection", "studio", "light",
            "Projection onto the x-axis: the plane collapses onto a line, det = 0.",
            studio("1 0; 0 0", [("v", "1 2")])),
    Picture("singular", "studio", "dark",
            "A singular matrix: everything lands on the line y = 2x, and λ = 5 along it.",
            studio("1 2; 2 4", [("v", "1 2")])),
    Picture("reflection", "studio", "light",
            "A reflection in y = x: the orientation flips, so the area is drawn in a second colour.",
            studio("0 1; 1 0", [("v", "2 1")])),
    Picture("symmetric", "studio", "dark",
            "A symmetric matrix: two perpendicular eigen-directions, λ = 3 and λ = 1.",
            studio("2 1; 1 2", [("v", "1 0")])),
    Picture("dot-product", "studio", "light",
            "Two vectors compared: their angle, the shadow of one on the other, and their span.",
            studio("1 0; 0 1", [("u", "3 1"), ("w", "1 3")], (0, 1))),
    Picture("defective", "studio", "dark", "A Jordan block: λ = 2 twice but only one eigen-direction.",
            studio("2 1; 0 2", [("v", "-1 1")])),
    Picture("space-shear", "studio", "dark",
            "A shear in space with a stretch along z: the cube becomes a parallelepiped of volume 2.",
            studio("1 1 0; 0 1 0; 0 0 2", [("v", "1 2 1")])),
    Picture("space-rotation", "studio", "light",
            "A quarter turn about the z-axis, counter-clockwise seen from +z.",
            studio("0 -1 0; 1 0 0; 0 0 1", [("v", "1 2 1")])),
    Picture("space-rank-2", "studio", "dark", "Rank 2: all of space is flattened onto one plane.",
            studio("1 0 1; 0 1 1; 1 1 2", [("v", "1 2 1")])),
    Picture("space-span", "studio", "light", "The span of two vectors in space is a plane.",
            studio("1 0 0; 0 1 0; 0 0 1", [("v", "1 2 1"), ("v1", "1 0 0"), ("v2", "0 1 0")], (1, 2))),
    # Compose & Eliminate
    Picture("compose-ab-ba", "compose", "dark",
            "AB beside BA for a shear and a quarter turn: x lands in two places, and AB − BA ≠ 0.",
            compose("pair", size=WIDE)),
    Picture("compose-ab-ba-space", "compose", "light",
            "AB beside BA in space: a shear and a turn about z do not commute either.",
            compose("pair", dimension=3, size=WIDE)),
    Picture("compose-sequence", "compose", "light",
            "A sequence half-way through its second step: rot(45), then a shear, then A⁻¹.",
            compose("sequence", position=1.5)),
    Picture("compose-no-undo", "compose", "dark",
            "A singular A has no undo: it sends two different vectors, x and w, to one point.",
            compose("undo", a="1 2; 2 4")),
    Picture("eliminate-midway", "compose", "dark",
            "Gaussian elimination after two of its three steps: a scaling, then a shear that keeps det.",
            eliminate("2 1; 2 2", position=2)),
    Picture("eliminate-end", "compose", "light",
            "The elimination's end: E₃E₂E₁·A = I, so the product of the steps is A⁻¹.",
            eliminate("2 1; 2 2")),
    Picture("eliminate-solutions", "compose", "dark",
            "[A | b] with A singular and b on its line: the solutions x₀ + t·d form a line.",
            eliminate("1 2; 2 4", rhs="3 6")),
    Picture("multiply-columns", "compose", "light",
            "The column picture: Ax = x₁·(column 1) + x₂·(column 2), laid tip to tail.",
            multiply_columns("2 -1; 1 1", "1 2")),
    # ML
    Picture("ml-svd", "ml", "dark",
            "SVD: the unit circle becomes an ellipse, its semi-axes σ₁u₁ and σ₂u₂.",
            ml("svd", "3 1; 1 2")),
    Picture("ml-svd-space", "ml", "light",
            "SVD in space: M = UΣVᵀ for a 3×3 matrix, its singular values σ₁ ≥ σ₂ ≥ σ₃ written out.",
            ml("svd", "3 1 0; 1 2 1; 0 1 2")),
    Picture("ml-pca", "ml", "light",
            "PCA of a cloud with covariance AAᵀ: the principal directions are A's left singular vectors.",
            ml("pca", "2 1; 1 1")),
    Picture("ml-layer", "ml", "dark",
            "A neural layer σ(Wx + b): W moves the plane and ReLU folds it onto the quadrant.",
            ml("layer", "1 -1; 1/2 1", layer_page)),
    Picture("ml-layer-trained", "ml", "light",
            "A network 2 → 3 → 2 lifts the disc out of the ring, and a line splits the classes.",
            ml("layer", "3 1; 1 2", trained(3)), slow=True),
    Picture("ml-descent-zigzag", "ml", "dark",
            "Gradient descent with κ = 100: the steep direction zig-zags while the shallow one crawls.",
            ml("descent", "3 1; 1 2", descent_preset("zig-zag"))),
    Picture("ml-descent-momentum", "ml", "light",
            "Heavy momentum (β = 0.9): the iterates overshoot and spiral into the minimum.",
            ml("descent", "3 1; 1 2", descent_preset("ripples"))),
    # a lesson
    Picture("lesson-determinant", "lessons", "light",
            "A lesson step: the determinant as the area of the unit square's image, ringed.",
            lesson_step("05-determinant", 2)),
)


def produce(picture: Picture, bench: Bench, folder: Path = FOLDER) -> Path:
    """Draw ``picture`` into ``folder``; the path written."""
    folder.mkdir(parents=True, exist_ok=True)
    return picture.draw(bench, folder / picture.file, picture.theme)


def contact_sheet(paths: list[Path], out: Path, columns: int = 4) -> None:
    """Every picture shrunk into one tile of a grid, kept in proportion."""
    width, height = SIZE[0] // 4, SIZE[1] // 4
    rows = (len(paths) + columns - 1) // columns
    sheet = QtGui.QImage(columns * width, rows * height, QtGui.QImage.Format.Format_RGB32)
    sheet.fill(QtGui.QColor("#808080"))
    painter = QtGui.QPainter(sheet)
    for index, path in enumerate(paths):
        image = QtGui.QImage(str(path)).scaled(width - 4, height - 4,
                                               QtCore.Qt.AspectRatioMode.KeepAspectRatio,
                                               QtCore.Qt.TransformationMode.SmoothTransformation)
        left = index % columns * width + (width - image.width()) // 2
        top = index // columns * height + (height - image.height()) // 2
        painter.drawImage(left, top, image)
    painter.end()
    sheet.save(str(out), "PNG")


LAB_TITLES = {"studio": "Studio", "compose": "Compose & Eliminate", "ml": "ML", "lessons": "Lessons"}


def gallery_markdown(pictures) -> str:
    """docs/gallery.md: the pictures lab by lab, each under its caption."""
    count = len(pictures)
    themes = sorted({picture.theme for picture in pictures})
    lines = ["# Gallery", "",
             f"{count} pictures exported by Linear Lens — from every lab and a lesson, in 2D and 3D, "
             f"{' and '.join(themes)}. Each is drawn by the app's own export code. "
             "Regenerate them all with `python docs/make_gallery.py`.", "",
             "![Every picture at a glance](gallery/contact-sheet.png)", ""]
    for lab, title in LAB_TITLES.items():
        lines += [f"## {title}", ""]
        for picture in (p for p in pictures if p.lab == lab):
            lines += [f"**{picture.name}** ({picture.theme}) — {picture.caption}", "",
                      f"![{picture.caption}](gallery/{picture.file})", ""]
    return "\n".join(lines)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description="Regenerate docs/gallery.")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="draw only these pictures")
    parser.add_argument("--list", action="store_true", help="list the pictures and draw nothing")
    args = parser.parse_args(argv)
    if args.list:
        for picture in PICTURES:
            print(f"{picture.file:28} {picture.lab:8} {picture.theme:6} {picture.caption}")
        return 0
    chosen = PICTURES if not args.only else tuple(p for p in PICTURES if p.name in args.only)
    unknown = set(args.only or ()) - {p.name for p in PICTURES}
    if unknown:
        parser.error(f"no picture called {', '.join(sorted(unknown))}")
    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["linear-lens"])
    bench = Bench()
    try:
        for picture in chosen:
            path = produce(picture, bench)
            print(f"wrote {path.relative_to(ROOT)}")
    finally:
        bench.close()
    if not args.only:
        listed = {p.file for p in PICTURES} | {"contact-sheet.png"}
        for stale in sorted(set(FOLDER.glob("*.png")) - {FOLDER / name for name in listed}):
            stale.unlink()  # a picture no longer in the list
            print(f"removed {stale.relative_to(ROOT)}")
        contact_sheet([FOLDER / p.file for p in PICTURES], FOLDER / "contact-sheet.png")
        (ROOT / "docs" / "gallery.md").write_text(gallery_markdown(PICTURES), encoding="utf-8")
        print("wrote docs/gallery/contact-sheet.png and docs/gallery.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
