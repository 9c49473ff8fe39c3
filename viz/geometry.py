"""Pure geometry for the 2D view: what to draw, computed without Qt (with numpy, or with
plain floats where there are only a few dozen numbers).

Points are rows ``(x, y)``; a set of line segments is an array of shape (2N, 2) whose
rows pair up as start, end — the layout pyqtgraph draws with ``connect="pairs"``.
A rectangle is ``(x_min, x_max, y_min, y_max)``.
"""

import math

import numpy as np

FAR = 1e30  # farther than any view reaches: a point beyond it is drawn at this distance
MAX_LINES_PER_FAMILY = 48  # denser than this (under ~16 px apart), lines merge into a solid mesh
PARALLEL = 1e-300  # a line moving no more than this along x (or y) runs parallel to that axis


def clip_lines(points: np.ndarray, directions: np.ndarray, rect) -> np.ndarray:
    """Clip the infinite lines ``points[i] + s·directions[i]`` to ``rect`` (Liang–Barsky).

    Returns the visible segments in pairs layout; lines that miss the rectangle are dropped.

    >>> clip_lines(np.array([[0.0, 0.0]]), np.array([[1.0, 1.0]]), (-1, 2, -1, 1))
    array([[-1., -1.],
           [ 1.,  1.]])
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    directions = np.asarray(directions, dtype=float).reshape(-1, 2)
    return _segments(points, directions, _visible_span(points, directions, rect))


def _visible_span(points: np.ndarray, directions: np.ndarray, rect):
    """For each line p + s·d, the interval of s inside ``rect`` and whether it is not empty:
    the intersection of the s-intervals of the two slabs x_min ≤ x ≤ x_max and y_min ≤ y ≤ y_max."""
    x_min, x_max, y_min, y_max = rect
    low = np.array([x_min, y_min], dtype=float)
    high = np.array([x_max, y_max], dtype=float)
    moving = np.abs(directions) > PARALLEL
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # replaced where not moving
        a = (low - points) / directions
        b = (high - points) / directions
    a[~moving], b[~moving] = -np.inf, np.inf
    s_low = np.minimum(a, b).max(axis=1)
    s_high = np.maximum(a, b).min(axis=1)
    inside = (points >= low) & (points <= high)
    keep = np.all(moving | inside, axis=1)  # a line parallel to a slab must lie in it
    keep &= (s_low < s_high) & np.isfinite(s_low) & np.isfinite(s_high)
    return s_low, s_high, keep


def _segments(points: np.ndarray, directions: np.ndarray, span) -> np.ndarray:
    """The visible segments (pairs layout) of the lines kept by ``span``."""
    s_low, s_high, keep = span
    starts = points[keep] + s_low[keep, None] * directions[keep]
    ends = points[keep] + s_high[keep, None] * directions[keep]
    segments = np.empty((2 * len(starts), 2))
    segments[0::2], segments[1::2] = starts, ends
    return segments


def _line_family(step, direction, rect, max_lines: int) -> range:
    """The integers k for which the line k·step + s·direction crosses ``rect`` (vectors as
    pairs of floats).

    When more than ``max_lines`` would cross, every n-th is kept (k = 0 always among them).
    """
    dx, dy = direction
    length = math.hypot(dx, dy)
    if length < 1e-12:
        return range(0)  # a collapsed column: this family is only points
    nx, ny = -dy / length, dx / length  # the unit normal: no overflow for huge entries
    spacing = nx * step[0] + ny * step[1]  # how far apart (along it) the lines lie
    x_min, x_max, y_min, y_max = rect
    reach = [nx * x + ny * y for x in (x_min, x_max) for y in (y_min, y_max)]  # the corners' offsets
    if abs(spacing) < 1e-12 * max(math.hypot(*step), 1.0):
        return range(1)  # every line is the same line through the origin: k = 0
    low, high = sorted((min(reach) / spacing, max(reach) / spacing))
    low, high = max(low, -1e9), min(high, 1e9)
    first, last = math.ceil(low), math.floor(high)
    if last < first:
        return range(0)
    stride = nice_step(math.ceil((last - first + 1) / max_lines))
    # keep k = 0 (the image of an axis) among the drawn lines when thinning
    first = first + (-first) % stride if first <= 0 <= last else first
    return range(first, last + 1, stride)


def _clip_parallel_lines(step, direction, ks, rect) -> dict[int, tuple[float, float, float, float]]:
    """Clip the parallel lines k·step + s·direction (for k in ``ks``) to ``rect``: the clip of
    :func:`clip_lines`, number for number, for lines that share one direction, so which edges
    they cross the rectangle by is settled once for all of them. In plain floats: for a few
    dozen lines, numpy's cost per call outweighs its speed per number.

    Returns ``{k: (start x, start y, end x, end y)}`` for the lines that cross the rectangle.
    """
    x_min, x_max, y_min, y_max = rect
    (step_x, step_y), (dx, dy) = step, direction
    # a line parallel to a slab (as x_min ≤ x ≤ x_max) is in it for every s, or for none
    if abs(dx) <= PARALLEL:
        ks = [k for k in ks if x_min <= k * step_x <= x_max]
    if abs(dy) <= PARALLEL:
        ks = [k for k in ks if y_min <= k * step_y <= y_max]
    x_entry, x_exit, x_rate = _slab_edges(x_min, x_max, dx)
    y_entry, y_exit, y_rate = _slab_edges(y_min, y_max, dy)
    segments: dict[int, tuple[float, float, float, float]] = {}
    for k in ks:
        x, y = k * step_x, k * step_y  # the point k·step of line k
        x_in, x_out = (x_entry - x) / x_rate, (x_exit - x) / x_rate
        y_in, y_out = (y_entry - y) / y_rate, (y_exit - y) / y_rate
        enter = x_in if x_in > y_in else y_in  # in the rectangle once in both slabs,
        leave = x_out if x_out < y_out else y_out  # out of it once out of either
        if -math.inf < enter < leave < math.inf:
            segments[k] = (x + enter * dx, y + enter * dy, x + leave * dx, y + leave * dy)
    return segments


def _slab_edges(low: float, high: float, rate: float) -> tuple[float, float, float]:
    """How lines whose coordinate changes by ``rate`` per unit of s cross the slab
    low ≤ coordinate ≤ high: ``(entry, exit, rate)``, so that a line at coordinate c is in the
    slab for (entry − c) / rate ≤ s ≤ (exit − c) / rate. A line parallel to the slab (the
    caller keeps only those in it) never crosses an edge: it enters at s = −∞ and leaves at +∞.
    """
    if abs(rate) <= PARALLEL:
        return -math.inf, math.inf, 1.0
    return (low, high, rate) if rate > 0 else (high, low, rate)  # moving down: in at ``high``


def nice_step(at_least: int) -> int:
    """The smallest of 1, 2, 5, 10, 20, 50, … that is at least ``at_least``: when the grid must
    thin out, it keeps every 2nd, 5th or 10th line, as a ruler does.

    >>> [nice_step(n) for n in (0, 1, 2, 3, 6, 11, 2100)]
    [1, 1, 2, 5, 10, 20, 5000]
    """
    step = 1
    while step < at_least:
        for factor in (2, 5, 10):
            if step * factor >= at_least:
                return step * factor
        step *= 10
    return step


def lattice_segments(matrix, rect, max_lines: int = MAX_LINES_PER_FAMILY):
    """The image under ``matrix`` of the integer grid lines x = k and y = k, clipped to ``rect``.

    Returns ``(grid, axes)``: the segments of all lines, and separately those of the two
    lines through the origin (the images of the x- and y-axes). A singular matrix sends
    every line onto one line (or the origin), which is what gets drawn.

    >>> grid, axes = lattice_segments(np.eye(2), (-1.5, 1.5, -1.5, 1.5))
    >>> len(grid) // 2, len(axes) // 2       # x = ±1, y = ±1; and the axes x = 0, y = 0
    (4, 2)
    """
    i_hat, j_hat = np.asarray(matrix, dtype=float).T.tolist()  # the columns: where î and ĵ land
    rect = tuple(map(float, rect))  # plain floats overflow to ±inf quietly, numpy's with a warning
    grid: list[float] = []
    axes: list[float] = []
    # lines x = k map to k·î' + s·ĵ'; lines y = k map to k·ĵ' + s·î'
    for step, direction in ((i_hat, j_hat), (j_hat, i_hat)):
        ks = _line_family(step, direction, rect, max_lines)
        segments = _clip_parallel_lines(step, direction, ks, rect)
        axes += segments.pop(0, ())  # the line k = 0, through the origin
        for segment in segments.values():
            grid += segment
    return np.array(grid, dtype=float).reshape(-1, 2), np.array(axes, dtype=float).reshape(-1, 2)


def parallelogram(matrix) -> np.ndarray:
    """Corners of the image of the unit square: 0, î', î' + ĵ', ĵ' (closed back to 0).

    >>> parallelogram([[2, 0], [0, 3]]).tolist()
    [[0.0, 0.0], [2.0, 0.0], [2.0, 3.0], [0.0, 3.0], [0.0, 0.0]]
    """
    corners = [image_point(matrix, unit) for unit in ((1.0, 0.0), (1.0, 1.0), (0.0, 1.0))]
    return np.array([[0.0, 0.0], *corners, [0.0, 0.0]])  # î' + ĵ' never overflows: image_point


def signed_area(matrix) -> float:
    """ad − bc: the area of the parallelogram, negative when î' → ĵ' turns clockwise.

    Plain Python floats, so an area too large for a float is ±inf, not a numpy warning.
    """
    (a, b), (c, d) = np.asarray(matrix, dtype=float).tolist()
    return a * d - b * c


def fit_rect(points, aspect: float, margin: float = 0.25, minimum: float = 2.0):
    """A rectangle centred on the origin that shows every point, with ``aspect`` = width / height.

    >>> fit_rect([[3, 1]], aspect=2.0)
    (-5.0, 5.0, -2.5, 2.5)
    """
    points = np.asarray(points, dtype=float).reshape(-1, 2)
    points = np.clip(points[np.all(np.isfinite(points), axis=1)], -FAR, FAR)
    half_w = max(minimum, float(np.abs(points[:, 0]).max(initial=0.0)))
    half_h = max(minimum, float(np.abs(points[:, 1]).max(initial=0.0)))
    half_w, half_h = max(half_w, half_h * aspect), max(half_h, half_w / aspect)
    half_w, half_h = half_w * (1 + margin), half_h * (1 + margin)
    return (round(-half_w, 12), round(half_w, 12), round(-half_h, 12), round(half_h, 12))



def image_points(matrix, points) -> np.ndarray:
    """``points @ matrix.T`` (each point's image) for drawing: an image that would pass
    ±:data:`FAR` (or overflow a float, as 1e308·2 does) is drawn at distance FAR in its own
    direction instead. Works for the plane and for space.

    >>> image_points([[1e308, 0.0], [0.0, 1e308]], [[2.0, 1.0], [0.5, 0.0]]).tolist()
    [[1e+30, 5e+29], [1e+30, 0.0]]
    """
    matrix, points = np.asarray(matrix, dtype=float), np.asarray(points, dtype=float)
    with np.errstate(over="ignore", invalid="ignore"):
        plain = points @ matrix.T
    if (np.abs(plain) <= FAR).all():  # the usual case (and False for inf or NaN): done
        return plain
    matrix_scale = float(np.abs(matrix).max(initial=0.0)) or 1.0
    point_scale = float(np.abs(points).max(initial=0.0)) or 1.0
    directions = (points / point_scale) @ (matrix / matrix_scale).T  # entries ≤ n: no overflow
    sizes = np.abs(directions).max(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):  # np.where picks the sane side
        too_far = np.log10(sizes) + np.log10(matrix_scale) + np.log10(point_scale) > np.log10(FAR)
        far = np.where(sizes > 0, directions / sizes * FAR, 0.0)
        return np.where(too_far, far, directions * matrix_scale * point_scale)


def image_point(matrix, vector) -> np.ndarray:
    """One point's image, as :func:`image_points` draws it.

    An image inside ±:data:`FAR` (nearly every one) is worked out in plain floats: for one
    small vector, numpy's overhead per call is most of the cost, and arrows ask every frame.

    >>> image_point([[2.0, 0.0], [0.0, 1.0]], [1.0, 1.0]).tolist()
    [2.0, 1.0]
    """
    rows = np.asarray(matrix, dtype=float).tolist()
    vector = [float(c) for c in vector]
    image = [sum(a * b for a, b in zip(row, vector)) for row in rows]  # inf or nan on overflow
    if all(abs(c) <= FAR for c in image):  # False for inf and nan: image_points decides those
        return np.array(image)
    return image_points(matrix, [vector])[0]
