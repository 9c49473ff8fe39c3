"""What the neural-layer view keeps in the lab's state: the layers the learner typed, the point
cloud they act on, and the network to train — and how that is written to, and read back from, a
session file. Qt-free.

A layer's W may be left to follow the lab's matrix A (``weights`` None): then the layer is
the matrix the other views show, followed by a shift and a bend.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

import numpy as np

from kernels import Matrix

from ...session import SessionError, decode_scalar, encode_scalar, read_matrix
from .datasets import DATASETS, MAX_NOISE, MAX_POINTS
from .network import ACTIVATIONS, HIDDEN_UNITS, MAX_LAYERS, TRAINING_ACTIVATIONS, Layer

MAX_SEED = 2 ** 31 - 1
_KEYS = {"layers", "dataset", "seed", "noise", "count", "hidden_units", "training_activation"}
_LAYER_KEYS = {"weights", "bias", "activation"}


@dataclass(frozen=True)
class LayerSpec:
    """One typed layer: W (a 2×2 kernel Matrix, or None for the lab's A), b and σ's name."""

    weights: Matrix | None = None
    bias: tuple = (Fraction(0), Fraction(0))
    activation: str = "relu"

    def layer(self, matrix: Matrix) -> Layer:
        """The layer as numbers, W being A when it follows A (the identity when A is 3×3)."""
        weights = self.weights if self.weights is not None else (
            matrix if matrix.shape == (2, 2) else Matrix.identity(2))
        return Layer(np.array(weights.to_floats(), dtype=float),
                     np.array([float(x) for x in self.bias]), self.activation)


@dataclass(frozen=True)
class LayerSettings:
    """The stacked layers, the two-class cloud (``dataset``, ``count`` points, ``seed``,
    ``noise``) and the network 2 → ``hidden_units`` → 2 trained with ``training_activation``."""

    layers: tuple = (LayerSpec(),)
    dataset: str = "circles"
    seed: int = 0
    noise: float = 0.05
    count: int = 400
    hidden_units: int = 3
    training_activation: str = "tanh"

    def layers_for(self, matrix: Matrix) -> list[Layer]:
        return [spec.layer(matrix) for spec in self.layers]


# -- session section -----------------------------------------------------------------------------
def section_of(settings: LayerSettings) -> dict:
    return {
        "layers": [{"weights": None if spec.weights is None else
                    [[encode_scalar(x, "layer W entry") for x in row] for row in spec.weights.rows],
                    "bias": [encode_scalar(x, "layer b entry") for x in spec.bias],
                    "activation": spec.activation} for spec in settings.layers],
        "dataset": settings.dataset,
        "seed": settings.seed,
        "noise": settings.noise,
        "count": settings.count,
        "hidden_units": settings.hidden_units,
        "training_activation": settings.training_activation,
    }


def _whole(raw: dict, key: str, low: int, high: int, default: int) -> int:
    value = raw.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SessionError(f"layer {key} must be a whole number from {low} to {high:,}")
    return value


def _choice(raw: dict, key: str, choices, default: str) -> str:
    value = raw.get(key, default)
    if value not in choices:
        raise SessionError(f"layer {key} must be one of {', '.join(choices)}")
    return value


def _layer_spec(raw, number: int) -> LayerSpec:
    where = f"layer {number}"
    if not isinstance(raw, dict) or set(raw) - _LAYER_KEYS:
        raise SessionError(f"{where} must be an object with weights, bias and activation")
    weights = None if raw.get("weights") is None else read_matrix(raw["weights"], 2, f"{where} W")
    bias = raw.get("bias", [0, 0])
    if not isinstance(bias, list) or len(bias) != 2:
        raise SessionError(f"{where} b must be a list of 2 numbers")
    return LayerSpec(weights, tuple(decode_scalar(x, f"{where} b") for x in bias),
                     _choice(raw, "activation", ACTIVATIONS, "relu"))


def settings_from_section(raw) -> LayerSettings:
    """The settings a session object describes, checked whole, or one SessionError."""
    if not isinstance(raw, dict):
        raise SessionError("the layer settings must be an object")
    unknown = set(raw) - _KEYS
    if unknown:
        raise SessionError(f"the layer settings have unknown keys: {', '.join(sorted(unknown))}")
    default = LayerSettings()
    layers = raw.get("layers", [{}])
    if not isinstance(layers, list) or not 1 <= len(layers) <= MAX_LAYERS:
        raise SessionError(f"layer layers must be a list of 1 to {MAX_LAYERS} layers")
    noise = raw.get("noise", default.noise)
    if isinstance(noise, bool) or not isinstance(noise, (int, float)) or not 0 <= noise <= MAX_NOISE:
        raise SessionError(f"layer noise must be a number from 0 to {MAX_NOISE}")
    return LayerSettings(
        tuple(_layer_spec(layer, number) for number, layer in enumerate(layers, start=1)),
        _choice(raw, "dataset", DATASETS, default.dataset),
        _whole(raw, "seed", 0, MAX_SEED, default.seed),
        float(noise),
        _whole(raw, "count", 2, MAX_POINTS, default.count),
        _whole(raw, "hidden_units", HIDDEN_UNITS.start, HIDDEN_UNITS.stop - 1, default.hidden_units),
        _choice(raw, "training_activation", TRAINING_ACTIVATIONS, default.training_activation))
