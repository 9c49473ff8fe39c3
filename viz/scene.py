"""The scene: everything a picture of the studio shows, worked out once per model change.

A :class:`SceneState` is what the learner committed (the matrix, the named vectors and how they
are drawn, which vectors are compared, the look). :func:`build_scene` turns a state and the
kernel's :class:`~viz.facts.MatrixFacts` into a :class:`Scene`: the arrows, the span of the
compared vectors, the eigen-lines and eigen-planes, the collapse, the determinant's label and
every other label with its anchor. Both views, the 3D painter, the panels, every export and the
command line read this one value; none of them asks the kernel again.

Most of a scene is fixed while an animation plays; what moves is a linear function of the
*display* matrix on screen (an image arrow's tip is ``display @ vector``), so the few methods
that take ``display`` are cheap enough to run every frame.

No Qt here (numpy is fine): the command line builds scenes without starting a GUI.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy as np

from kernels import LinearAlgebraError, Matrix, Vector
from kernels.notation import scalar_text

from .facts import MatrixFacts, analyse, direction_floats, eigenvalue_text
from .palette import PALETTES, THEMES, Palette, Theme, palette_for
from .vector_facts import DotFacts, ExactDot, SpanFacts, dot_facts, exact_dot, span_facts

SHOW_MODES = ("both", "vector", "image")  # the vector as it is, its image under M, or both
DEFAULT_VECTORS = {2: Vector([1, 2]), 3: Vector([1, 2, 1])}
DEFAULT_THEME = "dark"
DEFAULT_PALETTE = "okabe-ito"
BASIS_NAMES = ("î", "ĵ", "k̂")
LABEL_OFFSET = 1.08  # a 3D label sits this far along its arrow, just past the head


@dataclass(frozen=True)
class VectorStyle:
    """How one named vector is drawn: its colour (None: the palette's) and what is shown."""
    color: str | None = None
    show: str = "both"

    def __post_init__(self):
        if self.show not in SHOW_MODES:
            raise ValueError(f"show must be one of {', '.join(SHOW_MODES)}, not {self.show!r}")


def checked_vectors(vectors, dimension: int) -> tuple:
    """``(name, Vector)`` pairs fit for a scene: at least one, unique names, each of the scene's
    dimension — or a ValueError saying which rule is broken."""
    vectors = tuple((str(name), Vector(vector)) for name, vector in vectors)
    if not vectors:
        raise ValueError("the scene needs at least one vector")
    if len({name for name, _ in vectors}) != len(vectors):
        raise ValueError("vector names must be different")
    if any(len(vector) != dimension for _, vector in vectors):
        raise ValueError(f"every vector needs {dimension} components in a {dimension}D scene")
    for name, vector in vectors:
        problem = drawing_problem(vector)
        if problem:
            raise ValueError(f"{name}: {problem}")
    return vectors


@dataclass(frozen=True)
class SceneState:
    """The committed values of one studio scene: what a session saves and what undo swaps.

    ``vectors`` holds ``(name, Vector)`` pairs, v first; ``styles`` maps a name to its
    :class:`VectorStyle` for vectors not drawn the default way; ``selection`` holds the indices
    of the vectors being compared; ``combination`` the coefficients c1… of their combination
    being shown (or None).
    """
    matrix: Matrix
    vectors: tuple
    styles: Mapping[str, VectorStyle] = field(default_factory=dict)
    selection: tuple = ()
    combination: tuple | None = None
    theme: str = DEFAULT_THEME
    palette: str = DEFAULT_PALETTE

    @classmethod
    def fresh(cls, dimension: int = 2, theme: str = DEFAULT_THEME,
              palette: str = DEFAULT_PALETTE) -> SceneState:
        """The identity and the default v of ``dimension``: File → New, or a switch of 2D ↔ 3D."""
        return cls(Matrix.identity(dimension), (("v", DEFAULT_VECTORS[dimension]),),
                   theme=theme, palette=palette)

    @property
    def dimension(self) -> int:
        """2 for the plane, 3 for space."""
        return self.matrix.shape[0]

    def checked(self) -> SceneState:
        """The same state with every rule applied, or a ValueError naming the broken one.

        Styles of vectors that no longer exist (or that equal the default) are dropped,
        selected indices are kept only while their vector exists, and the combination only
        while it has one coefficient per selected vector.
        """
        n = self.matrix.require_square("a scene")
        vectors = checked_vectors(self.vectors, n)
        names = {name for name, _ in vectors}
        styles = {name: style for name, style in self.styles.items()
                  if name in names and style != VectorStyle()}
        selection = tuple(sorted({int(i) for i in self.selection if 0 <= int(i) < len(vectors)}))
        combination = None if self.combination is None else tuple(float(c) for c in self.combination)
        if combination is not None and len(combination) != len(selection):
            combination = None
        if self.theme not in THEMES:
            raise ValueError(f"unknown theme {self.theme!r}")
        if self.palette not in PALETTES:
            raise ValueError(f"unknown palette {self.palette!r}")
        return replace(self, vectors=vectors, styles=styles, selection=selection,
                       combination=combination)

    def style(self, name: str) -> VectorStyle:
        return self.styles.get(name, VectorStyle())


# -- what is drawn ------------------------------------------------------------------------
@dataclass(frozen=True)
class Arrow:
    """One arrow from the origin. An *image* arrow (î, ĵ, k̂, Mv…) points at ``display @ vector``
    and so moves with the animation; a plain one points at ``vector`` itself."""
    name: str  # its label: "î", "v", "Mv1"
    vector: tuple  # floats
    is_image: bool
    color: str
    width: float
    opacity: float = 1.0
    handle: str | None = None  # what dragging its tip edits: "i", "j", "vector:0", …

    def tip(self, display) -> np.ndarray:
        """Where the arrow points when ``display`` is on screen (never beyond ±1e30)."""
        from .geometry import image_point

        if self.is_image:
            return image_point(display, self.vector)
        return image_point(np.eye(len(self.vector)), self.vector)


@dataclass(frozen=True)
class EigenLine:
    """A line of eigenvectors: every vector on it is only scaled, by ``value``."""
    direction: tuple  # floats
    value: object
    exact: object = None  # the kernel's closed form of λ (1 + √2), if it has one

    @property
    def label(self) -> str:
        return f"λ = {eigenvalue_text(self.value, self.exact)}"


@dataclass(frozen=True)
class EigenPlane:
    """A 2-dimensional eigenspace of a 3×3 matrix: a plane scaled by ``value``."""
    normal: tuple
    value: object


@dataclass(frozen=True)
class Collapse:
    """Where a singular matrix sends all of space: onto lines (directions), a plane (normal),
    or the origin alone. ``text`` says it: "everything lands on the line y = 2x"."""
    text: str
    lines: tuple = ()
    planes: tuple = ()
    origin_only: bool = False


@dataclass(frozen=True)
class SceneSpan:
    """The span of the compared vectors: exact facts, and a float basis to draw. ``through`` is
    a point it is moved to when it stands for a set like x₀ + span{d} (every solution of
    Ax = b), and ``title`` then says what it is; by default it passes through the origin."""
    names: tuple
    facts: SpanFacts
    basis: tuple  # floats, one tuple per basis vector
    through: tuple | None = None
    title: str = ""

    @property
    def dimension(self) -> int:
        return self.facts.dimension

    @property
    def normal(self) -> tuple | None:
        """A plane span's normal (3D), for drawing the plane."""
        return plane_normal(*self.basis) if len(self.basis) == 2 else None


@dataclass(frozen=True)
class Curve:
    """A closed curve drawn under the display matrix in space, like the lattice: ``points``
    (3-tuples) are where it starts, before the matrix acts — a circle of the unit sphere, whose
    image is an ellipse on the ellipsoid."""
    points: tuple
    color: str
    width: float = 2.0


@dataclass(frozen=True)
class Comparison:
    """Two compared vectors: their dot product, angle and the shadow of the first on the second."""
    names: tuple
    vectors: tuple  # floats, (u, v)
    facts: DotFacts
    exact: ExactDot | None

    @property
    def projection(self) -> tuple | None:
        """u's shadow on v (floats), or None when there is none to draw (perpendicular or zero)."""
        shadow = self.facts.projection
        if shadow is None or all(x == 0 for x in shadow):
            return None
        return tuple(float(x) for x in shadow)


@dataclass(frozen=True)
class Combination:
    """c1·u1 + c2·u2 + …, drawn tip to tail."""
    coefficients: tuple
    vectors: tuple  # floats
    label: str


@dataclass(frozen=True)
class Label:
    """A text and the point (scene coordinates) it belongs to."""
    text: str
    anchor: tuple
    color: str


class ReadsState:
    """Read-only shortcuts to the :class:`SceneState` a value carries as ``state``."""
    state: SceneState

    @property
    def matrix(self) -> Matrix:
        return self.state.matrix

    @property
    def dimension(self) -> int:
        return self.state.dimension

    @property
    def vectors(self) -> tuple:
        return self.state.vectors

    @property
    def styles(self) -> Mapping[str, VectorStyle]:
        return self.state.styles

    @property
    def theme(self) -> str:
        return self.state.theme

    @property
    def palette(self) -> str:
        return self.state.palette


@dataclass(frozen=True)
class Scene(ReadsState):
    """Everything to draw for one committed state (see the module docstring)."""
    state: SceneState
    facts: MatrixFacts
    look: Theme
    colors: Palette
    arrows: tuple  # of Arrow: the named vectors and their images, then î, ĵ (, k̂) on top
    eigen_lines: tuple  # of EigenLine
    eigen_planes: tuple  # of EigenPlane (3D)
    collapse: Collapse | None
    span: SceneSpan | None
    comparison: Comparison | None
    combination: Combination | None
    analysis_problem: str | None  # why the compared vectors could not be analysed, if so
    matrix_floats: np.ndarray = field(repr=False, compare=False)  # the committed matrix, as floats
    curves: tuple = ()  # of Curve (3D): moved by the display matrix, drawn with the lattice

    @property
    def description(self) -> str:
        return self.facts.description

    def at_rest(self, display) -> bool:
        """True when ``display`` (the matrix on screen) is the committed matrix: only then are
        the exact determinant, the eigen-directions and the collapse shown, since they are
        facts about the committed matrix and would be wrong mid-animation."""
        display = np.asarray(display, dtype=float)
        matrix = self.matrix_floats
        # np.allclose's test (|a − b| ≤ 1e-8 + 1e-5·|b|) written out: a quarter of its time, every frame
        if display.shape != matrix.shape:
            return False
        return bool((np.abs(display - matrix) <= 1e-8 + 1e-5 * np.abs(matrix)).all())

    def arrow_names(self, display, tips=None) -> list[str]:
        """The label of each arrow (in :attr:`arrows` order) when ``display`` is on screen. A
        vector that its image lands on shares one label with it, "v = Mv" (the identity leaves v
        where it is), and the image's own label is "" so that two labels never print on one
        point. Other arrows that meet keep their own labels, placed apart. ``tips`` are the
        arrows' tips under ``display`` when the caller has them already."""
        if tips is None:
            tips = [arrow.tip(display) for arrow in self.arrows]
        shown = [arrow.name for arrow in self.arrows]
        for i, arrow in enumerate(self.arrows):
            for j in range(i + 1, len(self.arrows)):
                if self.arrows[j].name == f"M{arrow.name}" and _same_point(tips[i], tips[j]):
                    shown[i], shown[j] = f"{arrow.name} = M{arrow.name}", ""
        return shown

    def determinant_label(self, display) -> str:
        """"det = 2" (2D) or "volume = 2" (3D): exact at rest, two decimals while moving; a
        reversed orientation is said in words."""
        from .geometry import signed_area
        from .geometry3d import signed_volume

        display = np.asarray(display, dtype=float)
        value = signed_area(display) if self.dimension == 2 else signed_volume(display)
        shown = scalar_text(self.facts.det) if self.at_rest(display) else f"{value:.2f}".replace("-", "−")
        if self.dimension == 2:
            return f"det = {shown}" + ("\norientation flipped" if value < 0 else "")
        return f"volume = {shown}" + (" (flipped)" if value < 0 else "")

    def labels(self, display) -> list[Label]:
        """Every label of the 3D picture with its anchor: arrows, the volume, eigenvalues."""
        from .geometry3d import line_through_origin, parallelepiped

        display = np.asarray(display, dtype=float)
        out = [Label(name, tuple(arrow.tip(display) * LABEL_OFFSET), arrow.color)
               for arrow, name in zip(self.arrows, self.arrow_names(display)) if name]
        corners, _, _ = parallelepiped(display)
        out.append(Label(self.determinant_label(display), tuple(corners.mean(axis=0)), self.look.text))
        if self.at_rest(display):
            for line in self.eigen_lines:
                end = line_through_origin(line.direction)[1] * 0.9
                out.append(Label(line.label, tuple(end), self.colors.eigen))
        return out

    def camera(self):
        """A camera (3D) from which î, ĵ, k̂ and the vectors look apart on screen, and the
        parallelepiped's edges too (so it does not look flat) — the isometric view unless two
        of them would come within 15° of each other there."""
        from .geometry3d import best_camera

        return best_camera([arrow.tip(self.matrix_floats) for arrow in self.arrows],
                           edges=np.asarray(self.matrix_floats, dtype=float).T)

    def with_theme(self, theme: str | None) -> Scene:
        """The same scene in another theme (an export in light for printed notes)."""
        if theme is None or theme == self.theme:
            return self
        return build_scene(replace(self.state, theme=theme), self.facts)


class RefusedMatrix(ValueError):
    """A matrix the scene cannot show (the kernel cannot analyse it, or an entry is beyond what
    a float can draw): it is never committed, and the last valid matrix stays on screen."""


def accept(matrix: Matrix) -> MatrixFacts:
    """The one rule that decides which matrices a scene accepts: those the kernel can analyse
    and whose entries can be drawn. Whatever it accepts, every later stage handles — the scene,
    the views, the facts, ``linear-lens info`` in every format and every export (tested).

    Returns the kernel's facts (cached, so checking a typed cell and then committing it costs
    one analysis), or raises :class:`RefusedMatrix` with the kernel's reason.
    """
    # 1 == 1.0, but the exact 1 and the float 1.0 have different facts ("1" and "1.0")
    kinds = tuple(type(x) for row in matrix.rows for x in row)
    return _accept(matrix, kinds)


@lru_cache(maxsize=32)
def _accept(matrix: Matrix, _kinds: tuple) -> MatrixFacts:
    problem = drawing_problem(matrix.rows)
    if problem:
        raise RefusedMatrix(problem)
    try:
        return analyse(matrix)
    except (ValueError, ArithmeticError) as error:
        raise RefusedMatrix(f"the kernel cannot work with this matrix: {error}") from None


def drawing_problem(entries) -> str | None:
    """Why numbers cannot be drawn (one is beyond the largest float, ±1.8·10^308), or None.

    >>> drawing_problem([1, 10 ** 400]) is not None, drawing_problem([1, 2.5]) is None
    (True, True)
    """
    for row in entries:
        for x in (row if isinstance(row, (list, tuple, Vector)) else [row]):
            try:
                if math.isfinite(float(x)):
                    continue
            except OverflowError:
                pass
            return "an entry is too large to draw (a float goes up to about 1.8e308)"
    return None


def build_scene(state: SceneState, facts: MatrixFacts) -> Scene:
    """Work out everything to draw for ``state``; ``facts`` are the kernel's facts about its matrix."""
    if facts.matrix != state.matrix:
        raise ValueError("the facts are about another matrix")
    colors = palette_for(state.palette, state.theme)
    problem = None
    try:
        span, comparison, combination = _compared(state)
    except (LinearAlgebraError, ArithmeticError) as error:
        span = comparison = combination = None
        problem = str(error)
    lines, planes = _eigenspaces(facts)
    return Scene(state=state, facts=facts, look=THEMES[state.theme], colors=colors,
                 arrows=_arrows(state, colors), eigen_lines=lines, eigen_planes=planes,
                 collapse=_collapse(facts), span=span, comparison=comparison,
                 combination=combination, analysis_problem=problem,
                 matrix_floats=np.array(state.matrix.to_floats(), dtype=float))


def _same_point(a, b) -> bool:
    """Whether two drawn points coincide (to a millionth of their size)."""
    scale = max(float(np.abs(a).max(initial=0.0)), float(np.abs(b).max(initial=0.0)), 1e-300)
    return bool(np.all(np.abs(np.asarray(a) - np.asarray(b)) <= 1e-6 * scale))


def plane_normal(u, v) -> tuple | None:
    """A direction perpendicular to the plane of two directions (u × v, scaled so its largest
    entry is ±1), or None when floats cannot tell them apart (the cross product underflows).

    >>> plane_normal((1.0, 0.0, 0.0), (0.0, 2.0, 0.0))
    (0.0, 0.0, 1.0)
    """
    normal = np.cross(np.asarray(u, dtype=float), np.asarray(v, dtype=float))
    largest = float(np.abs(normal).max())
    if largest == 0.0 or not np.isfinite(largest):
        return None
    return tuple(float(x) for x in normal / largest)


def _floats(vector) -> tuple:
    return tuple(float(x) for x in vector)


def _arrows(state: SceneState, colors: Palette) -> tuple:
    """The named vectors (as they are, faint, and their images, bold) in the style each asks
    for, then the images of the basis vectors on top."""
    arrows = []
    for index, (name, vector) in enumerate(state.vectors):
        style = state.style(name)
        color = style.color or colors.vector
        width = 2.5 if index == 0 else 2.0
        if style.show in ("both", "vector"):
            arrows.append(Arrow(name, _floats(vector), False, color, width, 0.55, f"vector:{index}"))
        if style.show in ("both", "image"):
            arrows.append(Arrow(f"M{name}", _floats(vector), True, color, width + 1.0))
    n = state.dimension
    basis_colors = (colors.i_hat, colors.j_hat, colors.k_hat)
    handles = ("i", "j") if n == 2 else (None, None, None)
    for k in range(n):
        unit = tuple(1.0 if i == k else 0.0 for i in range(n))
        arrows.append(Arrow(BASIS_NAMES[k], unit, True, basis_colors[k], 4.0, 1.0, handles[k]))
    return tuple(arrows)


def _eigenspaces(facts: MatrixFacts) -> tuple[tuple, tuple]:
    """Real eigenspaces as lines (one per basis vector in 2D; the 1-dimensional ones in 3D)
    and planes (the 2-dimensional ones in 3D). Complex eigenvalues have no line to draw."""
    lines: list[EigenLine] = []
    planes: list[EigenPlane] = []
    n = facts.matrix.shape[0]
    for space in facts.eigenspaces:
        if isinstance(space.value, complex):
            continue
        vectors = [direction_floats(v) for v in space.vectors]
        if n == 2 or len(vectors) == 1:
            lines.extend(EigenLine(v, space.value, space.exact) for v in vectors)
        elif len(vectors) == 2:
            normal = plane_normal(*vectors)
            if normal is not None:
                planes.append(EigenPlane(normal, space.value))
    return tuple(lines), tuple(planes)


def _collapse(facts: MatrixFacts) -> Collapse | None:
    """What a singular matrix squashes space onto (None for an invertible one)."""
    if facts.collapse is None:
        return None
    text = f"everything lands on {facts.collapse}"
    basis = facts.column_basis
    if facts.rank == 0:
        return Collapse(text, origin_only=True)
    if len(basis) == 1:
        return Collapse(text, lines=(basis[0],))
    normal = plane_normal(*basis)
    return Collapse(text, planes=(normal,) if normal is not None else ())


def _compared(state: SceneState):
    """The span of the compared vectors; with two, their dot product; their combination."""
    if not state.selection:
        return None, None, None
    chosen = [state.vectors[i] for i in state.selection]
    names = tuple(name for name, _ in chosen)
    vectors = [vector for _, vector in chosen]
    facts = span_facts(vectors, names)
    basis = tuple(direction_floats(vectors[i]) for i in facts.basis_indices)
    span = SceneSpan(names, facts, basis)
    comparison = None
    if len(vectors) == 2:
        comparison = Comparison(names, (_floats(vectors[0]), _floats(vectors[1])),
                                dot_facts(vectors[0], vectors[1], names=names),
                                exact_dot(vectors[0], vectors[1]))
    combination = None
    if state.combination is not None:
        total = " + ".join(f"{c:g}·{name}" for c, name in zip(state.combination, names))
        combination = Combination(state.combination, tuple(_floats(v) for v in vectors),
                                  total.replace("+ -", "− "))
    return span, comparison, combination
