"""What the SVD view plays: M = UΣVᵀ as three steps on the plane (or space), and the words for each.

The steps are Vᵀ (turn the right singular vectors vᵢ onto the axes), Σ (stretch the axes by σᵢ)
and U (turn the axes onto the left singular vectors uᵢ), played by :class:`~viz.stages.Stages`
one on top of the last, so the plane ends under M. The vᵢ are followed as image arrows: they
start on the unit circle and end as σᵢuᵢ, the semi-axes of the ellipse. With "keep σ₁ only" the
stretch drops σ₂ (and σ₃), and the plane ends under σ₁u₁v₁ᵀ, the best rank-1 approximation.

Qt-free: the window and ``export --lab svd`` draw the same show.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from kernels import Matrix, Vector

from ...scene import Arrow, Curve, Scene, SceneState, VectorStyle, accept, build_scene
from ...staged_scenes import GHOST_OPACITY, scene_at
from ...stages import Stages
from .singular import SingularFacts, singular_facts
from .svd_settings import SVDSettings

SUB = "₁₂₃"
PROBE = "x"  # the name of the draggable unit vector (its handle is PROBE_HANDLE)
PROBE_HANDLE = "probe"


def _number(value: float) -> str:
    return f"{value:.4g}".replace("-", "−")


@dataclass(frozen=True)
class SVDShow:
    """The three steps of M = UΣVᵀ (or of σ₁u₁v₁ᵀ), a scene per rest point and what each says.

    ``target`` is the matrix the plane ends under: M, or the rank-1 approximation.
    """

    facts: SingularFacts
    settings: SVDSettings
    target: Matrix
    stages: Stages
    scenes: tuple  # of Scene, one per rest point 0…3
    captions: tuple  # of tuple[str, ...], one per rest point
    look: tuple[str, str]  # the theme and palette the scenes are drawn in

    @property
    def count(self) -> int:
        return self.stages.count

    @property
    def dimension(self) -> int:
        return self.target.shape[0]

    def scene(self, position: float) -> Scene:
        return scene_at(self.scenes, position)

    def display(self, position: float) -> np.ndarray:
        return self.stages.at(position)

    def caption(self, position: float) -> tuple:
        """The words of the rest point the picture is at or heading to."""
        return self.captions[min(max(int(np.ceil(position - 1e-9)), 0), self.count)]

    def pictures(self) -> list:
        """Every (scene, display) at rest: framing them keeps the whole motion in view."""
        return [(scene, self.stages.product(k)) for k, scene in enumerate(self.scenes)]

    @property
    def target_floats(self) -> np.ndarray:
        return self.stages.product(self.count)

    @property
    def semi_axes(self) -> np.ndarray:
        """σᵢuᵢ (one per row): where the vᵢ end, the semi-axes of the ellipse under the target."""
        return self.target_floats @ self.facts.V

    def with_probe(self, probe_degrees: float) -> SVDShow:
        """The same show with x at ``probe_degrees``: only the scenes, which draw x and its
        images, are made again — the SVD, the stages and the captions do not depend on x."""
        settings = replace(self.settings, probe_degrees=probe_degrees)
        return replace(self, settings=settings, scenes=_scenes(self.facts, settings, self.stages,
                                                               self.target, *self.look))

    def probe_image(self) -> np.ndarray:
        """M x (or M₁ x) for the unit vector x being dragged."""
        return self.target_floats @ np.array(self.settings.probe)

    def footer(self) -> tuple:
        """The numbers under the picture: σ, κ and its meaning, and what keeping σ₁ costs."""
        facts, n = self.facts, self.dimension
        sigma = ", ".join(f"σ{SUB[i]} = {s.text()}" for i, s in enumerate(facts.singular_values))
        lines = [f"Singular values {sigma}: the semi-axes of the {'ellipsoid' if n == 3 else 'ellipse'}.",
                 f"{facts.condition_sentence}."]
        if self.settings.rank_one:
            lines.append(f"Keeping σ₁ only: M₁ = σ₁u₁v₁ᵀ squashes everything onto the u₁ line; its "
                         f"largest error |Mx − M₁x| is σ₂ = {facts.rank_one_error.text()}, at x = v₂.")
        if n == 2:
            x, image = self.settings.probe, self.probe_image()
            name = "M₁x" if self.settings.rank_one else "Mx"
            angle = _number(self.settings.probe_degrees)
            lines.append(f"x = ({_number(x[0])}, {_number(x[1])}) at {angle}°: "
                         f"{name} = ({_number(image[0])}, {_number(image[1])}), "
                         f"|{name}| = {_number(float(np.linalg.norm(image)))}.")
        return tuple(lines)


def svd_show(matrix: Matrix, settings: SVDSettings, theme: str, palette: str) -> SVDShow:
    """The show for ``matrix`` (2×2 or 3×3) with the view's settings, in a theme and palette."""
    facts = singular_facts(matrix)
    n = matrix.shape[0]
    vt, sigma, u = facts.stages
    kept = np.diag([s.value if (i == 0 or not settings.rank_one) else 0.0
                    for i, s in enumerate(facts.singular_values)])
    stretch_action = (f"keep σ₁ only: stretch by {facts.singular_values[0].text()} along x, "
                      f"squash the rest to 0" if settings.rank_one else sigma.action)
    steps = tuple(Matrix(m.tolist()) for m in (vt.matrix, kept, u.matrix))
    stages = Stages(steps, ("Vᵀ", "Σ₁" if settings.rank_one else "Σ", "U"))
    target = facts.rank_one if settings.rank_one else matrix
    scenes = _scenes(facts, settings, stages, target, theme, palette)
    sigmas = ", ".join(f"σ{SUB[i]} = {_number(s)}" for i, s in enumerate(np.diag(kept)))
    shape = _image_shape(int(np.count_nonzero(np.diag(kept))), n)
    singular_names = ", ".join(f"v{SUB[i]}" for i in range(n))
    captions = (
        (f"The unit {'sphere' if n == 3 else 'circle'} and the right singular vectors {singular_names} "
         "(perpendicular).",),
        (f"Vᵀ: {vt.action}: each vᵢ lands on an axis.",),
        (f"Σ: {stretch_action}: the {'sphere' if n == 3 else 'circle'} becomes {shape} ({sigmas}).",),
        (f"U: {u.action}: the axes turn onto the uᵢ, so M vᵢ = σᵢ uᵢ." if not settings.rank_one else
         f"U: {u.action}: M₁ = σ₁u₁v₁ᵀ, the best rank-1 approximation of M.",),
    )
    return SVDShow(facts, settings, target, stages, scenes, captions, (theme, palette))


def _scenes(facts: SingularFacts, settings: SVDSettings, stages: Stages, target: Matrix, theme: str,
            palette: str) -> tuple:
    """A scene per rest point: the plane under the running product (the last is the exact target)."""
    products = (*stages.products[:-1], target)
    ends = _image_names(target.shape[0], settings.rank_one)
    return tuple(_scene(product, facts, settings, ends[k], k, theme, palette)
                 for k, product in enumerate(products))


def _image_shape(rank: int, n: int) -> str:
    """What the unit circle (sphere) becomes when ``rank`` of the n stretches are not 0."""
    if rank == n:
        return "an ellipsoid" if n == 3 else "an ellipse"
    return ("a point", "a segment", "a flat ellipse")[rank]


def _image_names(n: int, rank_one: bool) -> list:
    """How the image of vᵢ (and of x) is named at each rest point."""
    final = "M₁" if rank_one else "M"
    kept = 1 if rank_one else n  # keeping σ₁ only, the other images are 0: nothing to name
    return [[f"v{SUB[i]}" for i in range(n)] + [PROBE],
            [f"e{SUB[i]}" for i in range(n)] + ["Vᵀx"],
            [f"σ{SUB[i]}e{SUB[i]}" if i < kept else "" for i in range(n)] + ["ΣVᵀx"],
            [f"σ{SUB[i]}u{SUB[i]}" if i < kept else "" for i in range(n)] + [f"{final}x"]]


def singular_colours(scene: Scene) -> tuple:
    """v₁ → σ₁u₁ in î's colour, v₂ → σ₂u₂ in ĵ's, v₃ in k̂'s (the axes Σ stretches them along)."""
    colours = scene.colors
    return (colours.i_hat, colours.j_hat, colours.k_hat)


def _scene(product: Matrix, facts: SingularFacts, settings: SVDSettings, names, k: int, theme: str,
           palette: str) -> Scene:
    """The plane under the product after ``k`` steps: the images of the vᵢ (named for the
    stage), the vᵢ themselves left faint on the circle, and in 2D the unit vector x with its image.
    The eigen-lines belong to the studio, not to this story; î, ĵ make way for the vᵢ, and the
    collapse line for the segment the ellipse flattens to."""
    n = product.shape[0]
    singular = [(f"v{SUB[i]}", Vector([float(c) for c in facts.V[:, i]])) for i in range(n)]
    probe = [(PROBE, Vector(list(settings.probe)))] if n == 2 else []
    styles = {name: VectorStyle(show="image") for name, _ in singular}
    state = SceneState(product, tuple(singular + probe), styles=styles, theme=theme, palette=palette)
    scene = build_scene(state, accept(product))
    colours = singular_colours(scene)
    arrows = []
    for i, (name, vector) in enumerate(singular):
        image = next(a for a in scene.arrows if a.name == f"M{name}")
        arrows.append(replace(image, name=names[i], color=colours[i], width=3.5))
        if k > 0:  # where vᵢ started, on the circle
            arrows.insert(0, Arrow(name, tuple(float(c) for c in vector), False, colours[i], 2.0,
                                   GHOST_OPACITY))
    if probe:
        plain = next(a for a in scene.arrows if a.name == PROBE)
        arrows.append(replace(plain, handle=PROBE_HANDLE, name=PROBE if k > 0 else ""))
        if k > 0:
            image = next(a for a in scene.arrows if a.name == f"M{PROBE}")
            arrows.append(replace(image, name=names[n]))
        else:
            arrows[-1] = replace(arrows[-1], name=PROBE, opacity=1.0, width=3.0)
    # in space the unit sphere's circles, in the ellipse's colour: their images outline the ellipsoid
    curves = sphere_circles(scene.colors.eigen) if n == 3 else ()
    return replace(scene, arrows=tuple(arrows), eigen_lines=(), eigen_planes=(), collapse=None,
                   curves=curves)


def sphere_circles(colour: str, points: int = 96) -> tuple:
    """The unit sphere as five circles — the three great circles in the coordinate planes and
    two of latitude ±1/2 — whose images under the matrix on screen outline the ellipsoid."""
    t = np.linspace(0.0, 2.0 * np.pi, points)
    c, s = np.cos(t), np.sin(t)
    zero = np.zeros_like(t)
    circles = [np.column_stack(axes) for axes in ((c, s, zero), (zero, c, s), (s, zero, c))]
    for height in (-0.5, 0.5):
        radius = np.sqrt(1.0 - height * height)
        circles.append(np.column_stack((radius * c, radius * s, np.full_like(t, height))))
    return tuple(Curve(tuple(map(tuple, circle)), colour, 2.0 if k < 3 else 1.2)
                 for k, circle in enumerate(circles))

