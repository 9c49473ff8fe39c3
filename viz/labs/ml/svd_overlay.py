"""The SVD view's own drawing over a plane of the studio: the unit circle, its image under the
matrix on screen (the ellipse, whose semi-axes are σᵢuᵢ at the end), the trail of Mx the learner
paints by dragging x, and — keeping σ₁ only — M's ellipse left faint with the error σ₂ marked as
the distance from Mv₂ to M₁v₂ = 0. The window and every export draw it through this one class."""

from __future__ import annotations

import numpy as np

from ...items.circle_image import CircleImage
from ...items.distance_mark import DistanceMark
from ...items.trail import Trail
from ...views.plane_view import PlaneView
from .svd_scenes import SVDShow


class SVDOverlay:
    """The circle, the ellipse, the trail and the rank-1 error, added to ``view``'s plane."""

    def __init__(self, view: PlaneView):
        box = view.view_box
        self.view = view
        self.circle = CircleImage(box, z=8)
        self.full_ellipse = CircleImage(box, z=8.5)
        self.ellipse = CircleImage(box, z=9)
        self.error = DistanceMark(box, z=37)
        self.trail = Trail(box, z=39)

    def show(self, show: SVDShow, display, trail=()) -> None:
        """Draw for ``show`` with ``display`` on screen; ``trail`` holds unit vectors x already
        visited (their images under the display are the dots)."""
        scene = show.scenes[0]
        look, colours = scene.look, scene.colors
        self.circle.set_style(look.faint_text, width=1.5, dashed=True)
        self.ellipse.set_style(colours.eigen, width=3.0)
        self.full_ellipse.set_style(colours.eigen, width=1.5, dashed=True, opacity=0.6)
        self.error.set_style(colours.collapse)
        self.trail.set_style(colours.vector)
        display = np.asarray(display, dtype=float)
        self.circle.set_matrix(np.eye(2))
        self.ellipse.set_matrix(display)
        self.trail.set_points(np.asarray(trail, dtype=float).reshape(-1, 2) @ display.T)
        at_end = bool(np.allclose(display, show.target_floats))
        cut = show.settings.rank_one and at_end
        self.full_ellipse.set_visible(cut)
        self.error.set_visible(cut)
        if cut:
            full = np.array(show.facts.matrix.to_floats(), dtype=float)
            self.full_ellipse.set_matrix(full)
            v2 = show.facts.V[:, 1]
            self.error.show(display @ v2, full @ v2, f"error σ₂ ≈ {show.facts.rank_one_error.value:.4g}")
