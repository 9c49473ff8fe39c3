"""What the Multiply mode shows, worked out once per change: two ways to read Mx, and AB
built one column at a time.

* **The column picture.** Mx = x₁·(column 1 of M) + x₂·(column 2) (+ x₃·(column 3)): M sends
  î to its first column and ĵ to its second, so it sends x = x₁î + x₂ĵ to the same
  combination of its columns. Drawn tip to tail, the columns' multiples end at Mx.
* **The row picture.** Entry i of Mx is the dot product of row i of M with x.
* **AB by columns.** Column j of AB is A times column j of B: AB = A[b₁ b₂] = [Ab₁ Ab₂].
  In the animation each bⱼ moves to Abⱼ the way A moves the plane, one column after another.

Exact input stays exact: every number here is the kernel's. The pictures are the studio's
scenes (:mod:`viz.scene`), so the studio's views, items and exports draw them. Qt-free.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from functools import cached_property

import numpy as np

from kernels import Matrix, Vector
from kernels.notation import coefficient_text, combination_text, scalar_text, vector_text

from ...interpolation import TransformPath
from ...palette import VECTOR_SEQUENCES, palette_for
from ...report import latex_matrix, latex_scalar
from ...scene import Combination, Scene, SceneState, VectorStyle, accept, build_scene

MATRIX_CHOICES = ("A", "B", "AB")
SUBSCRIPTS = "₁₂₃"


def chosen_matrix(a: Matrix, b: Matrix, which: str) -> Matrix:
    """The matrix the column picture shows: A, B or their product AB."""
    if which not in MATRIX_CHOICES:
        raise ValueError(f"M is one of {', '.join(MATRIX_CHOICES)}, not {which!r}")
    return a @ b if which == "AB" else {"A": a, "B": b}[which]


def _latex_vector(v) -> str:
    return r"\begin{bmatrix} " + r" \\ ".join(latex_scalar(c) for c in v) + r" \end{bmatrix}"


@dataclass(frozen=True)
class ColumnPicture:
    """M and x, read both ways: Mx as a combination of M's columns and as dot products with
    its rows (``name`` is how M is called on screen: A, B or AB)."""
    name: str
    matrix: Matrix
    x: Vector

    @property
    def columns(self) -> tuple:
        return self.matrix.columns

    @property
    def image(self) -> Vector:
        """Mx, exact when M and x are."""
        return self.matrix @ self.x

    def column_names(self) -> list[str]:
        return [f"col{SUBSCRIPTS[j]}" for j in range(len(self.x))]

    def combination_text(self) -> str:
        """"Mx = 1·col₁ + 2·col₂ = 1·(1, 0) + 2·(1, 1) = (3, 2)"."""
        terms = " + ".join(f"{coefficient_text(c)}·{vector_text(column)}"
                           for c, column in zip(self.x, self.columns))
        return (f"{self.name}x = {combination_text(list(self.x), self.column_names())} "
                f"= {terms} = {vector_text(self.image)}")

    def row_lines(self) -> list[str]:
        """One line per entry: "entry 1 = row₁·x = 1·1 + 1·2 = 3"."""
        lines = []
        for i, (row, value) in enumerate(zip(self.matrix.rows, self.image)):
            products = " + ".join(f"{coefficient_text(r)}·{coefficient_text(c)}" for r, c in zip(row, self.x))
            lines.append(f"entry {i + 1} = row{SUBSCRIPTS[i]}·x = {products} = {scalar_text(value)}")
        return lines

    def column_lines(self) -> list[str]:
        """"col₁ = (1, 0)", one per column."""
        return [f"{name} = {vector_text(column)}" for name, column in zip(self.column_names(), self.columns)]

    def latex(self) -> str:
        """Mx as a combination of columns and as dot products, in LaTeX display maths."""
        combination = " + ".join(latex_scalar(c) + _latex_vector(column)
                                 for c, column in zip(self.x, self.columns)).replace("+ -", "- ")
        rows = r" \\ ".join(" + ".join(f"({latex_scalar(r)})({latex_scalar(c)})" for r, c in zip(row, self.x))
                            for row in self.matrix.rows)
        return "\n".join([
            f"$${self.name}x = {latex_matrix(self.matrix)}{_latex_vector(self.x)} = {combination}"
            f" = {_latex_vector(self.image)}$$",
            f"$$\\text{{row by row: }} {self.name}x = \\begin{{bmatrix}} {rows} \\end{{bmatrix}}$$"])


@dataclass(frozen=True)
class ProductColumns:
    """AB = [Ab₁ Ab₂ …]: the columns bⱼ of B and where A sends each (AB's columns)."""
    a: Matrix
    b: Matrix

    @property
    def product(self) -> Matrix:
        return self.a @ self.b

    @property
    def count(self) -> int:
        return self.b.shape[1]

    def column_lines(self) -> list[str]:
        """One line per column: "Ab₁ = A·(0, 1) = 0·a₁ + 1·a₂ = (1, 1)"."""
        names = [f"a{SUBSCRIPTS[k]}" for k in range(self.a.shape[1])]
        return [f"Ab{SUBSCRIPTS[j]} = A·{vector_text(column)} = {combination_text(list(column), names)} "
                f"= {vector_text(self.a @ column)}"
                for j, column in enumerate(self.b.columns)]

    def display(self, position: float) -> np.ndarray:
        """The columns on screen at ``position`` ∈ [0, count]: columns before ⌊position⌋ have
        arrived at Abⱼ, the next is that far along A's motion of the plane
        (:class:`~viz.interpolation.TransformPath` from I to A), the rest are still bⱼ."""
        position = min(max(float(position), 0.0), float(self.count))
        a, b = self._floats
        shown = b.copy()
        done = int(position)
        shown[:, :done] = a @ b[:, :done]
        if done < self.count:
            shown[:, done] = self._motion_of_a(position - done) @ b[:, done]
        return shown

    @cached_property
    def _floats(self) -> tuple:
        return np.array(self.a.to_floats(), dtype=float), np.array(self.b.to_floats(), dtype=float)

    @cached_property
    def _motion_of_a(self):
        """t ↦ the matrix moving the plane from I (t = 0) to A (t = 1): the studio's path, or a
        straight line when A's entries are too large for it."""
        a = self._floats[0]
        try:
            return TransformPath(np.eye(len(a)), a).at
        except (ValueError, ArithmeticError):
            return lambda t: (1 - t) * np.eye(len(a)) + t * a

    def latex(self) -> str:
        columns = " & ".join(f"A{_latex_vector(column)}" for column in self.b.columns)
        return (f"$$AB = A{latex_matrix(self.b)} = \\begin{{bmatrix}} {columns} \\end{{bmatrix}}"
                f" = {latex_matrix(self.product)}$$")


def column_scene(picture: ColumnPicture, theme: str, palette: str) -> Scene:
    """The plane under M: î and ĵ land on M's columns (in their own colours), x stays faint
    where it is, and the studio's tip-to-tail combination x₁·col₁ + x₂·col₂ ends at Mx.
    (In space the image Mx is drawn as an arrow too.) M's eigen-directions are left out:
    the lesson here is the columns."""
    n = picture.matrix.shape[0]
    state = SceneState(picture.matrix, (("x", picture.x),),
                       {"x": VectorStyle(show="vector" if n == 2 else "both")}, theme=theme, palette=palette)
    scene = build_scene(state.checked(), accept(picture.matrix))
    arrows = tuple(replace(arrow, name=f"{picture.name}x") if arrow.name == "Mx" else arrow
                   for arrow in scene.arrows)
    combination = Combination(tuple(picture.x), tuple(column.to_floats() for column in picture.columns),
                              f"{picture.name}x")
    return replace(scene, arrows=arrows, eigen_lines=(), eigen_planes=(), combination=combination)


def column_frame(picture: ColumnPicture, scene: Scene) -> tuple:
    """The (scene, display) pictures the plane's range must keep whole: M itself, and M with
    its columns scaled by x₁, x₂ — whose parallelogram has the corners of the legs in both
    orders, 0, x₁·col₁, Mx and x₂·col₂."""
    m = scene.matrix_floats
    return ((scene, m), (scene, m * np.array(picture.x.to_floats(), dtype=float)[None, :]))


def row_scene(picture: ColumnPicture, theme: str, palette: str) -> Scene:
    """The rows of M as arrows, with x. The rows of M are the columns of Mᵀ, so this is the
    plane under Mᵀ with î, ĵ renamed row₁, row₂ (in colours of their own: they are not M's
    columns); entry i of Mx is rowᵢ·x."""
    transpose = picture.matrix.T
    n = transpose.shape[0]
    state = SceneState(transpose, (("x", picture.x),), {"x": VectorStyle(show="vector")}, theme=theme,
                       palette=palette)
    scene = build_scene(state.checked(), accept(transpose))
    colours = VECTOR_SEQUENCES[palette]
    rows = tuple(replace(arrow, name=f"row{SUBSCRIPTS[i]}", color=colours[i % len(colours)], handle=None)
                 for i, arrow in enumerate(scene.arrows[-n:]))
    return replace(scene, arrows=scene.arrows[:-n] + rows, eigen_lines=(), eigen_planes=())


def product_scene(product: ProductColumns, started: int, theme: str, palette: str) -> Scene:
    """The plane under AB with B's columns b₁, b₂ (, b₃) drawn faint where they start, in the
    colours of î, ĵ (, k̂). The moving columns are the images of î, ĵ (, k̂) under the display
    (:meth:`ProductColumns.display`); the first ``started`` of them, which have set off, are
    called Ab₁, Ab₂, …, and the others, still on their bⱼ, go unnamed (bⱼ names that point)."""
    n = product.count
    colors = palette_for(palette, theme)
    column_colors = (colors.i_hat, colors.j_hat, colors.k_hat)
    names = [f"b{SUBSCRIPTS[j]}" for j in range(n)]
    styles = {name: VectorStyle(color=column_colors[j], show="vector") for j, name in enumerate(names)}
    state = SceneState(product.product, tuple(zip(names, product.b.columns)), styles, theme=theme,
                       palette=palette)
    scene = build_scene(state.checked(), accept(product.product))
    columns = tuple(replace(arrow, name=f"Ab{SUBSCRIPTS[j]}" if j < started else "", handle=None)
                    for j, arrow in enumerate(scene.arrows[-n:]))
    return replace(scene, arrows=scene.arrows[:-n] + columns)
