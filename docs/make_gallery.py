"""Regenerate the gallery: ``python docs/make_gallery.py`` writes docs/gallery/*.png and
docs/gallery.md — sixteen pictures, 2D and 3D, dark and light, each exported the way
``linear-lens export`` exports it (3D through the same painter as its SVGs, so no OpenGL is
needed), and a contact sheet (docs/gallery/contact-sheet.png) to look them over at a glance.
"""

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from PyQt6 import QtGui, QtWidgets  # noqa: E402

from kernels import Vector, parse_matrix  # noqa: E402
from viz.export import export_picture  # noqa: E402
from viz.export3d import caption_box, paint_caption  # noqa: E402
from viz.model import SceneModel  # noqa: E402
from viz.picture import picture_scale  # noqa: E402
from viz.scene import SceneState  # noqa: E402
from viz.views.space_painter import SpacePainter  # noqa: E402

SIZE = (1200, 750)
FOLDER = ROOT / "docs" / "gallery"

# (file name, matrix, named vectors, ticked, theme, what the picture shows)
PICTURES = [
    ("shear", "1 1; 0 1", [("v", "1 2")], (), "dark",
     "A shear: the x-axis stays put, area stays 1, and the grid leans."),
    ("rotation", "0 -1; 1 0", [("v", "2 1")], (), "dark",
     "A quarter turn: no real eigen-direction, every vector turns by 90°."),
    ("projection", "1 0; 0 0", [("v", "1 2")], (), "light",
     "Projection onto the x-axis: the plane collapses onto a line, det = 0."),
    ("singular", "1 2; 2 4", [("v", "1 2")], (), "dark",
     "A singular matrix: everything lands on the line y = 2x; λ = 5 along it."),
    ("reflection", "0 1; 1 0", [("v", "2 1")], (), "light",
     "A reflection in y = x: the orientation flips, so the area is drawn in a second colour."),
    ("symmetric", "2 1; 1 2", [("v", "1 0")], (), "dark",
     "A symmetric matrix: two perpendicular eigen-directions, λ = 3 and λ = 1."),
    ("dot-product", "1 0; 0 1", [("u", "3 1"), ("w", "1 3")], (0, 1), "light",
     "Two vectors compared: their angle, the shadow of one on the other, and their span."),
    ("dependent", "1 0; 0 1", [("v", "1 2"), ("v1", "2 4")], (0, 1), "dark",
     "Dependent vectors: their span is only a line through the origin."),
    ("stretch", "3 0; 0 1/2", [("v", "1 1")], (), "light",
     "A stretch along x and a squeeze along y: the axes are the eigen-directions."),
    ("defective", "2 1; 0 2", [("v", "-1 1")], (), "dark",
     "A Jordan block: λ = 2 twice but only one eigen-direction."),
    ("space-shear", "1 1 0; 0 1 0; 0 0 2", [("v", "1 2 1")], (), "dark",
     "A shear in space with a stretch along z: the cube becomes a parallelepiped of volume 2."),
    ("space-rotation", "0 -1 0; 1 0 0; 0 0 1", [("v", "1 2 1")], (), "light",
     "A quarter turn about the z-axis, counter-clockwise seen from +z."),
    ("space-rank-2", "1 0 1; 0 1 1; 1 1 2", [("v", "1 2 1")], (), "dark",
     "Rank 2: all of space is flattened onto one plane."),
    ("space-eigenplane", "2 0 0; 0 2 0; 0 0 1", [("v", "1 2 1")], (), "light",
     "A 2-dimensional eigenspace: the whole xy-plane is scaled by 2."),
    ("space-reflection", "1 0 0; 0 1 0; 0 0 -1", [("v", "1 2 1")], (), "dark",
     "A reflection in the xy-plane: the volume is −1, drawn in the flipped colour."),
    ("space-span", "1 0 0; 0 1 0; 0 0 1", [("v", "1 2 1"), ("v1", "1 0 0"), ("v2", "0 1 0")], (1, 2),
     "light", "The span of two vectors in space is a plane."),
]


def model_of(matrix: str, vectors, ticked, theme: str) -> SceneModel:
    named = tuple((name, Vector([x for row in parse_matrix(text).rows for x in row]))
                  for name, text in vectors)
    return SceneModel(state=SceneState(parse_matrix(matrix), named, selection=ticked, theme=theme))


def space_png(model: SceneModel, path: Path) -> None:
    """A 3D picture painted with QPainter (the SVG painter), caption included."""
    scene = model.scene
    image = QtGui.QImage(*SIZE, QtGui.QImage.Format.Format_RGB32)
    painter = QtGui.QPainter(image)
    scale = picture_scale(SIZE)
    SpacePainter(scene, scene.matrix_floats, scene.camera(), SIZE,
                 reserved=[caption_box(scene, scale)]).paint(painter)
    paint_caption(painter, scene, scale)
    painter.end()
    image.save(str(path), "PNG")


def contact_sheet(paths: list[Path], out: Path, columns: int = 4) -> None:
    width, height = SIZE[0] // 4, SIZE[1] // 4
    rows = (len(paths) + columns - 1) // columns
    sheet = QtGui.QImage(columns * width, rows * height, QtGui.QImage.Format.Format_RGB32)
    sheet.fill(QtGui.QColor("#808080"))
    painter = QtGui.QPainter(sheet)
    for index, path in enumerate(paths):
        image = QtGui.QImage(str(path)).scaled(width - 4, height - 4)
        painter.drawImage(index % columns * width + 2, index // columns * height + 2, image)
    painter.end()
    sheet.save(str(out), "PNG")


def main() -> None:
    _app = QtWidgets.QApplication.instance() or QtWidgets.QApplication(["linear-lens"])
    FOLDER.mkdir(parents=True, exist_ok=True)
    lines = ["# Gallery", "",
             "Sixteen pictures exported by Linear Lens, in 2D and 3D, dark and light. "
             "Regenerate them with `python docs/make_gallery.py`.", ""]
    paths = []
    for name, matrix, vectors, ticked, theme, words in PICTURES:
        model = model_of(matrix, vectors, ticked, theme)
        path = FOLDER / f"{name}.png"
        if model.dimension == 2:
            export_picture(model.scene, path, size=SIZE)
        else:
            space_png(model, path)
        paths.append(path)
        lines += [f"## {name.replace('-', ' ').capitalize()}", "", words, "",
                  f"![{words}](gallery/{name}.png)", ""]
        print(f"wrote {path.relative_to(ROOT)}")
    contact_sheet(paths, FOLDER / "contact-sheet.png")
    (ROOT / "docs" / "gallery.md").write_text("\n".join(lines), encoding="utf-8")
    print("wrote docs/gallery.md")


if __name__ == "__main__":
    main()
