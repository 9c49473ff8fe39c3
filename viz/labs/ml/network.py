"""A neural-network layer is a matrix, a shift and a bend: x ↦ σ(Wx + b).

Wx is linear (lines stay lines, the origin stays put), + b moves everything by b, and the
activation σ acts on each coordinate alone — it is *not* a matrix, so it bends the plane:
ReLU (max(0, z)) folds each negative half onto an axis, tanh and the sigmoid squash the plane
into a square. A layer's motion is played in three stages (:class:`LayerMotion`), several layers
one after another.

After the layers, can a straight line split the two classes? :func:`fit_line` fits one by
logistic regression and reports how many points it puts on the right side.

A small network 2 → k → 2 (:class:`Network`) learns its W and b by gradient descent on the
cross-entropy of a softmax (:func:`gradients`, :class:`Training`): all in numpy, written out.

>>> layer = Layer(np.array([[1.0, -1.0], [1.0, 1.0]]), np.array([0.0, -1.0]), "relu")
>>> layer(np.array([[1.0, 0.0], [0.0, 2.0]])).tolist()
[[1.0, 0.0], [0.0, 1.0]]
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

import numpy as np

from ...interpolation import TransformPath

ACTIVATIONS = ("none", "relu", "leaky-relu", "tanh", "sigmoid")
ACTIVATION_TITLES = {"none": "none", "relu": "ReLU", "leaky-relu": "leaky ReLU", "tanh": "tanh",
                     "sigmoid": "sigmoid"}
LEAK = 0.1  # leaky ReLU's slope for z < 0
STAGES_PER_LAYER = 3  # Wx, + b, σ
STAGE_TITLES = ("W x", "+ b", "σ")
MAX_LAYERS = 3
HIDDEN_UNITS = range(2, 9)  # k of the network 2 → k → 2
TRAINING_ACTIVATIONS = ("tanh", "relu")
FLAT_DET = 1e-12  # |det W| at most this (relative to the entries' size) counts as 0
#: gradient descent's defaults: enough for 2 → 3 → 2 (tanh) to separate a disc from a ring
TRAINING_STEPS = 3000
LEARNING_RATE = 0.3
MOMENTUM = 0.9


# -- activations ------------------------------------------------------------------------------
def activate(name: str, z: np.ndarray) -> np.ndarray:
    """σ(z) applied to each entry: none (z), ReLU max(0, z), leaky ReLU (z, or 0.1·z below 0),
    tanh, or the sigmoid 1/(1 + e^−z).

    >>> activate("leaky-relu", np.array([-2.0, 3.0])).tolist(), activate("sigmoid", np.array([0.0])).tolist()
    ([-0.2, 3.0], [0.5])
    """
    if name == "none":
        return z
    if name == "relu":
        return np.maximum(z, 0.0)
    if name == "leaky-relu":
        return np.where(z < 0, LEAK * z, z)
    if name == "tanh":
        return np.tanh(z)
    if name == "sigmoid":
        return 0.5 * (1.0 + np.tanh(0.5 * z))  # = 1/(1 + e^−z), without overflow for large |z|
    raise ValueError(f"no activation {name!r}: choose one of {', '.join(ACTIVATIONS)}")


def slope(name: str, z: np.ndarray) -> np.ndarray:
    """dσ/dz at each entry (ReLU's slope at 0 is taken as 0): what backpropagation multiplies by."""
    if name == "none":
        return np.ones_like(z)
    if name == "relu":
        return (z > 0).astype(float)
    if name == "leaky-relu":
        return np.where(z < 0, LEAK, 1.0)
    if name == "tanh":
        return 1.0 - np.tanh(z) ** 2
    if name == "sigmoid":
        s = activate("sigmoid", z)
        return s * (1.0 - s)
    raise ValueError(f"no activation {name!r}: choose one of {', '.join(ACTIVATIONS)}")


# -- a layer the learner types ----------------------------------------------------------------
@dataclass(frozen=True)
class Layer:
    """x ↦ σ(Wx + b) on the plane: W a 2×2 array, b a 2-vector, σ one of :data:`ACTIVATIONS`."""

    weights: np.ndarray
    bias: np.ndarray
    activation: str

    def __call__(self, points: np.ndarray) -> np.ndarray:
        """The layer applied to each row of ``points`` (n × 2)."""
        return activate(self.activation, points @ self.weights.T + self.bias)

    @property
    def determinant(self) -> float:
        return float(np.linalg.det(self.weights))

    @property
    def collapses(self) -> bool:
        """det W = 0: W flattens the plane onto a line (or a point) before b and σ act."""
        size = max(float(np.abs(self.weights).max()), 1.0)
        return abs(self.determinant) <= FLAT_DET * size * size


class LayerMotion:
    """The layers played stage by stage, three stages each: position j ∈ [0, 3L] is a moment.

    In stage Wx the points move as the studio's honest matrix path I → W does
    (:class:`~viz.interpolation.TransformPath`); in stage + b they slide by t·b; in stage σ,
    which is no matrix, each point z moves straight to σ(z): (1 − t)·z + t·σ(z).
    """

    def __init__(self, layers):
        if not 1 <= len(layers) <= MAX_LAYERS:
            raise ValueError(f"stack 1 to {MAX_LAYERS} layers, not {len(layers)}")
        self.layers = tuple(layers)
        self._paths = tuple(TransformPath(np.eye(2), layer.weights) for layer in self.layers)

    @property
    def count(self) -> int:
        return STAGES_PER_LAYER * len(self.layers)

    def stage_title(self, stage: int) -> str:
        """``"layer 2: σ"`` for stage 6 (counting from 1) of three layers, ``"σ"`` for one layer."""
        layer, part = divmod(stage - 1, STAGES_PER_LAYER)
        title = STAGE_TITLES[part]
        return f"layer {layer + 1}: {title}" if len(self.layers) > 1 else title

    def rests(self, points: np.ndarray) -> list[np.ndarray]:
        """The points at every rest position 0, 1, …, 3L: x, Wx, Wx + b, σ(Wx + b), W₂·…"""
        rests = [np.asarray(points, dtype=float)]
        for layer in self.layers:
            linear = rests[-1] @ layer.weights.T
            shifted = linear + layer.bias
            rests += [linear, shifted, activate(layer.activation, shifted)]
        return rests

    def at(self, rests: list[np.ndarray], position: float) -> np.ndarray:
        """The points at ``position`` ∈ [0, count], from their :meth:`rests`."""
        position = min(max(float(position), 0.0), float(self.count))
        stage = min(int(position), self.count - 1)
        t = position - stage
        if t == 0.0:
            return rests[stage]
        layer_index, part = divmod(stage, STAGES_PER_LAYER)
        start = rests[stage]
        if part == 0:
            return start @ self._paths[layer_index].at(t).T
        return (1.0 - t) * start + t * rests[stage + 1]


def layer_flags(layer: Layer, points: np.ndarray) -> list[str]:
    """What the learner should notice about ``layer`` acting on ``points`` (its input), in sentences."""
    flags = []
    if layer.collapses:
        rank = int(np.linalg.matrix_rank(layer.weights))
        onto = "a line" if rank == 1 else "a single point"
        flags.append(f"det W = 0: W collapses the whole plane onto {onto}; no later layer can "
                     "pull apart points that landed on the same spot.")
    after = points @ layer.weights.T + layer.bias
    negative = (after < 0).any(axis=1)
    if layer.activation == "relu":
        share = negative.mean() if len(points) else 0.0
        flags.append(f"ReLU folds the plane onto the quadrant z₁ ≥ 0, z₂ ≥ 0: every negative "
                     f"coordinate becomes 0, so {share:.0%} of the points land on its edges.")
    elif layer.activation == "leaky-relu":
        flags.append(f"Leaky ReLU bends the plane along the axes (negative parts × {LEAK}) "
                     "but does not fold it: no two points land on the same spot.")
    elif layer.activation in ("tanh", "sigmoid"):
        box = "(−1, 1)²" if layer.activation == "tanh" else "(0, 1)²"
        flags.append(f"{ACTIVATION_TITLES[layer.activation]} squashes the plane into the open "
                     f"square {box}: far points crowd its edges, but none meet.")
    return flags


# -- is a line enough? --------------------------------------------------------------------------
@dataclass(frozen=True)
class LineFit:
    """The line n·z + c = 0 found by logistic regression; class 1 is on the side n·z + c > 0."""

    normal: np.ndarray
    offset: float
    accuracy: float

    @property
    def separable(self) -> bool:
        """Every point on its class's side: the classes are linearly separable."""
        return self.accuracy == 1.0

    def verdict(self) -> str:
        if self.separable:
            return "a line separates the two classes: every point is on its class's side"
        return (f"no line found separates the classes: the best line puts {self.accuracy:.1%} "
                "of the points on their class's side")


RIDGE = 1e-4  # a small penalty on |n|² so that separable data still give a finite line
NEWTON_STEPS = 40


def fit_line(points: np.ndarray, labels: np.ndarray) -> LineFit:
    """Logistic regression: the line that maximises Σ log p(label), p = 1/(1 + e^−(n·z + c)).

    Newton's method on the standardised coordinates (each centred and divided by its spread,
    so huge or tiny layer outputs are alike), with a small ridge penalty (the likelihood of
    separable data grows without end as |n| → ∞); the line is then mapped back.
    """
    points = np.asarray(points, dtype=float)
    labels = np.asarray(labels, dtype=float)
    centre = points.mean(axis=0)
    spread = points.std(axis=0)
    spread[spread == 0] = 1.0
    features = np.column_stack([(points - centre) / spread, np.ones(len(points))])
    theta = np.zeros(3)
    penalty = RIDGE * len(points) * np.diag([1.0, 1.0, 0.0])
    for _ in range(NEWTON_STEPS):
        p = activate("sigmoid", features @ theta)
        gradient = features.T @ (p - labels) + penalty @ theta
        hessian = (features * (p * (1 - p))[:, None]).T @ features + penalty + 1e-12 * np.eye(3)
        step = np.linalg.solve(hessian, gradient)
        theta -= step
        if np.abs(step).max() < 1e-10:
            break
    normal = theta[:2] / spread
    offset = float(theta[2] - normal @ centre)
    correct = ((points @ normal + offset > 0) == (labels == 1)).mean()
    return LineFit(normal, offset, float(correct))


# -- a network that learns --------------------------------------------------------------------
@dataclass(frozen=True)
class Network:
    """2 → k → 2: h = σ(W₁x + b₁) (k hidden units), scores s = W₂h + b₂, and the softmax
    p_c = e^{s_c} / Σ e^{s}, the probability of class c."""

    W1: np.ndarray  # k × 2
    b1: np.ndarray  # k
    W2: np.ndarray  # 2 × k
    b2: np.ndarray  # 2
    activation: str

    @property
    def hidden_units(self) -> int:
        return len(self.b1)

    def hidden(self, points: np.ndarray) -> np.ndarray:
        return activate(self.activation, points @ self.W1.T + self.b1)

    def scores(self, points: np.ndarray) -> np.ndarray:
        return self.hidden(points) @ self.W2.T + self.b2

    def probabilities(self, points: np.ndarray) -> np.ndarray:
        scores = self.scores(points)
        scores = scores - scores.max(axis=1, keepdims=True)  # the same softmax, without overflow
        e = np.exp(scores)
        return e / e.sum(axis=1, keepdims=True)

    def predict(self, points: np.ndarray) -> np.ndarray:
        scores = self.scores(points)
        return (scores[:, 1] > scores[:, 0]).astype(int)

    def accuracy(self, points: np.ndarray, labels: np.ndarray) -> float:
        return float((self.predict(points) == labels).mean())

    def loss(self, points: np.ndarray, labels: np.ndarray) -> float:
        """The mean cross-entropy −log p_label: 0 when sure and right, large when sure and wrong."""
        p = self.probabilities(points)[np.arange(len(labels)), labels]
        return float(-np.log(np.maximum(p, 1e-300)).mean())

    def parameters(self) -> tuple[np.ndarray, ...]:
        return (self.W1, self.b1, self.W2, self.b2)

    def with_parameters(self, parameters) -> Network:
        W1, b1, W2, b2 = parameters
        return replace(self, W1=W1, b1=b1, W2=W2, b2=b2)

    def readout_view(self) -> tuple[np.ndarray, np.ndarray, float]:
        """How the hidden layer is drawn: an orthonormal pair (across, up) of directions in the
        k-dimensional hidden space and a shift, so that a hidden point h is drawn at
        (across·h + shift, up·h). ``across`` is the direction the output reads, W₂'s row 1 minus
        row 0 (the score difference s₁ − s₀ = (w₁ − w₀)·h + (b₂₁ − b₂₀)), so the output's
        decision line s₁ = s₀ is the vertical line through 0; ``up`` is the hidden direction
        perpendicular to it that W₁ spreads the most (with k = 2 the hidden plane itself, turned)."""
        reading = self.W2[1] - self.W2[0]
        size = float(np.linalg.norm(reading))
        across = reading / size if size else np.eye(self.hidden_units)[0]
        shift = float(self.b2[1] - self.b2[0]) / size if size else 0.0
        rest = self.W1 - np.outer(across, across @ self.W1)  # W₁ with its reading part removed
        u, s, _ = np.linalg.svd(rest)
        up = u[:, 0] if s[0] > 1e-12 else np.roll(across, 1) * [(-1) ** i for i in range(len(across))]
        up = up - (up @ across) * across
        return across, up / np.linalg.norm(up), shift

    def hidden_picture(self, points: np.ndarray) -> np.ndarray:
        """The hidden layer's points drawn in the plane of :meth:`readout_view` (n × 2)."""
        across, up, shift = self.readout_view()
        hidden = self.hidden(points)
        return np.column_stack([hidden @ across + shift, hidden @ up])


def initial_network(hidden_units: int, activation: str, seed: int) -> Network:
    """Random weights (normal, of spread 1/√inputs, as He and Glorot suggest), zero biases."""
    if hidden_units not in HIDDEN_UNITS:
        raise ValueError(f"the hidden layer has {HIDDEN_UNITS.start} to {HIDDEN_UNITS.stop - 1} units, "
                         f"not {hidden_units}")
    if activation not in TRAINING_ACTIVATIONS:
        raise ValueError(f"train with {' or '.join(TRAINING_ACTIVATIONS)}, not {activation}")
    rng = np.random.default_rng(seed)
    k = hidden_units
    return Network(rng.normal(0, 1.0, (k, 2)), np.zeros(k), rng.normal(0, 1 / np.sqrt(k), (2, k)),
                   np.zeros(2), activation)


def gradients(network: Network, points: np.ndarray, labels: np.ndarray) -> tuple[np.ndarray, ...]:
    """∂loss/∂(W₁, b₁, W₂, b₂) by backpropagation (the chain rule, from the loss back).

    With one-hot targets Y: ∂loss/∂s = (P − Y)/n; then ∂/∂W₂ = (∂s)ᵀh, ∂/∂b₂ = Σ ∂s;
    ∂loss/∂h = ∂s·W₂; through σ, ∂/∂z = ∂h ⊙ σ'(z); then ∂/∂W₁ = (∂z)ᵀx, ∂/∂b₁ = Σ ∂z.
    """
    n = len(points)
    z = points @ network.W1.T + network.b1
    h = activate(network.activation, z)
    d_scores = network.probabilities(points)
    d_scores[np.arange(n), labels] -= 1.0
    d_scores /= n
    d_hidden = d_scores @ network.W2
    d_z = d_hidden * slope(network.activation, z)
    return (d_z.T @ points, d_z.sum(axis=0), d_scores.T @ h, d_scores.sum(axis=0))


@dataclass
class Training:
    """Gradient descent with momentum β: v ← βv − α∇loss, θ ← θ + v, one step over all points."""

    network: Network
    points: np.ndarray
    labels: np.ndarray
    rate: float = LEARNING_RATE
    momentum: float = MOMENTUM
    steps_done: int = 0

    def __post_init__(self):
        self._velocity = [np.zeros_like(p) for p in self.network.parameters()]

    def run(self, steps: int) -> float:
        """Take ``steps`` steps; the loss after them."""
        for _ in range(steps):
            grads = gradients(self.network, self.points, self.labels)
            self._velocity = [self.momentum * v - self.rate * g for v, g in zip(self._velocity, grads)]
            self.network = self.network.with_parameters(
                [p + v for p, v in zip(self.network.parameters(), self._velocity)])
            self.steps_done += 1
        return self.network.loss(self.points, self.labels)


def train(training: Training, steps: int, report_every: int,
          report: Callable[[int, float, Network], bool]) -> Training:
    """Run ``steps`` steps, calling ``report(steps_done, loss, network)`` every ``report_every``;
    stop early when it returns False (the learner pressed Stop)."""
    while training.steps_done < steps:
        loss = training.run(min(report_every, steps - training.steps_done))
        if not report(training.steps_done, loss, training.network):
            break
    return training
