"""What a lesson can point at in the ML lab, in which view, and where that thing is in the
view's plane (the learner's "look here"). Qt-free: the lesson loader checks every target with
it, and the lab puts its ring where :func:`target_point` says.

- ``sigma1``, ``sigma2`` (SVD) — the ends of the ellipse's semi-axes σ₁u₁ = Mv₁ and σ₂u₂ = Mv₂:
  where the right singular vectors land, as long as the singular values;
- ``pc1`` (PCA) — the tip of the first principal axis, drawn √λ₁ long from the centred data's
  mean: the direction of most variance;
- ``minimum`` (gradient descent) — the bottom of the bowl f(x) = ½xᵀAx, where the gradient
  Ax is 0 and descent heads (only a bowl has one: A's symmetric part positive definite).
"""

from __future__ import annotations

import numpy as np

from ...highlights import TargetError
from .state import MLState

# each target, the view it is drawn in, and what it is
TARGETS = {
    "sigma1": ("svd", "the end of the ellipse's longest semi-axis, σ₁u₁ = Mv₁"),
    "sigma2": ("svd", "the end of the ellipse's shortest semi-axis, σ₂u₂ = Mv₂"),
    "pc1": ("pca", "the tip of the first principal axis, √λ₁ long"),
    "minimum": ("descent", "the bottom of the bowl, where the gradient Ax is 0"),
}


def target_view(target: str) -> str:
    """The view ``target`` is drawn in, or a TargetError listing the targets.

    >>> target_view("pc1")
    'pca'
    """
    if target not in TARGETS:
        raise TargetError(f"the ML lab cannot point at {target!r} (it can point at: {', '.join(TARGETS)})")
    return TARGETS[target][0]


def target_point(state: MLState, target: str) -> np.ndarray | None:
    """Where ``target`` is in its view's plane for ``state`` (at the end of the view's steps,
    where a view rests), or None when there is no such thing: a semi-axis or a principal axis
    off the plane (3×3 A), a bowl without a bottom."""
    view = target_view(target)
    if state.dimension != 2:
        return None
    settings = state.settings[view]
    if view == "svd":
        from .svd_scenes import svd_show

        show = svd_show(state.matrix, settings, "dark", "okabe-ito")
        return np.asarray(show.semi_axes[:, int(target[-1]) - 1], dtype=float)
    if view == "pca":
        from .pca_picture import STEP_COUNT

        return pca_steps(state).at(STEP_COUNT).tips[0]
    from .descent import quadratic

    bowl = quadratic(state.matrix)
    return bowl.minimiser if bowl.is_positive_definite else None


def pca_steps(state: MLState):
    """The PCA view's steps for ``state``: its settings' points (generated, or the CSV file)
    centred, with their principal axes and the projection (:class:`.pca_picture.PcaSteps`)."""
    from .pca import principal_components
    from .pca_picture import PcaSteps
    from .pca_settings import csv_dataset, generated_dataset

    settings = state.settings["pca"]
    csv = settings.source == "csv"
    data = csv_dataset(settings) if csv else generated_dataset(settings, state.matrix)
    return PcaSteps(principal_components(data), settings.whiten)
