"""Pure numpy geometry for the 3D view: lattice, parallelepiped, planes, and the camera.

Points are rows ``(x, y, z)``; segments are (2N, 3) arrays in pairs layout (start, end, …).
The camera reproduces pyqtgraph's GLViewWidget (orbit about a centre: azimuth, elevation,
distance, field of view), so a vector SVG drawn from these projections lines up with the
rendered 3D picture — and can be made without any OpenGL at all.
"""

import math
from dataclasses import dataclass, replace

import numpy as np

from .geometry import image_points

LATTICE_EXTENT = 3  # the lattice fills the cube −3..3 on each axis


def lattice_segments(matrix, extent: int = LATTICE_EXTENT) -> np.ndarray:
    """The image under ``matrix`` of the lines through integer points of the cube −extent..extent.

    For each axis, one line parallel to it through every integer point of the other two
    coordinates: 3·(2·extent + 1)² lines, each from −extent to +extent.

    >>> lattice_segments(np.eye(3), extent=1).shape     # 3 axes × 3 × 3 lines, 2 ends each
    (54, 3)
    """
    matrix = np.asarray(matrix, dtype=float)
    ticks = np.arange(-extent, extent + 1, dtype=float)
    a, b = np.meshgrid(ticks, ticks, indexing="ij")
    a, b = a.ravel(), b.ravel()
    ends = []
    for axis in range(3):
        others = [k for k in range(3) if k != axis]
        start = np.zeros((len(a), 3))
        start[:, others[0]], start[:, others[1]] = a, b
        stop = start.copy()
        start[:, axis], stop[:, axis] = -extent, extent
        pairs = np.empty((2 * len(a), 3))
        pairs[0::2], pairs[1::2] = start, stop
        ends.append(pairs)
    return image_points(matrix, np.concatenate(ends))


NEIGHBOURHOOD = 2.0  # lattice units: lines fade out beyond about this far from the unit cube


def faded_lattice(matrix, extent: int = LATTICE_EXTENT, pieces: int = 6) -> tuple[np.ndarray, np.ndarray]:
    """The lattice of :func:`lattice_segments` cut into short pieces, and a weight for each
    piece end: 1 at the unit cube's centre, fading to nearly 0 at the lattice's edge. Drawn
    with those weights as opacity, the neighbourhood of the cube reads clearly and the far
    lines stay in the background instead of swamping the parallelepiped.

    >>> points, weights = faded_lattice(np.eye(3), extent=1, pieces=2)
    >>> points.shape, weights.shape, bool(weights.max() <= 1 and weights.min() > 0)
    ((108, 3), (108,), True)
    """
    ends = lattice_segments(np.eye(3), extent)
    starts, stops = ends[0::2], ends[1::2]
    steps = np.linspace(0.0, 1.0, pieces + 1)
    points = starts[:, None, :] + steps[None, :, None] * (stops - starts)[:, None, :]
    domain = np.empty((2 * len(starts) * pieces, 3))
    domain[0::2], domain[1::2] = points[:, :-1].reshape(-1, 3), points[:, 1:].reshape(-1, 3)
    weights = np.exp(-(np.linalg.norm(domain - 0.5, axis=1) / NEIGHBOURHOOD) ** 2)
    return image_points(matrix, domain), weights


CUBE_CORNERS = np.array([[x, y, z] for x in (0, 1) for y in (0, 1) for z in (0, 1)], dtype=float)
# each face of the unit cube as four corner indices (counter-clockwise seen from outside)
CUBE_FACES = np.array([[0, 2, 3, 1], [4, 5, 7, 6], [0, 1, 5, 4], [2, 6, 7, 3], [0, 4, 6, 2], [1, 3, 7, 5]])
CUBE_EDGES = np.array([[0, 1], [0, 2], [0, 4], [1, 3], [1, 5], [2, 3], [2, 6], [3, 7],
                       [4, 5], [4, 6], [5, 7], [6, 7]])


def parallelepiped(matrix) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The unit cube's image: (corners (8, 3), faces (6, 4) corner indices, edges (12, 2)).

    Its signed volume is det(matrix).

    >>> corners, faces, edges = parallelepiped(np.diag([2.0, 1.0, 1.0]))
    >>> corners.max(axis=0).tolist(), faces.shape, edges.shape
    ([2.0, 1.0, 1.0], (6, 4), (12, 2))
    """
    return image_points(matrix, CUBE_CORNERS), CUBE_FACES, CUBE_EDGES


def signed_volume(matrix) -> float:
    """det of a 3×3: the parallelepiped's volume, negative when the orientation flips (±inf
    when it is beyond the float range)."""
    with np.errstate(over="ignore", invalid="ignore"):
        return float(np.linalg.det(np.asarray(matrix, dtype=float)))


def orthonormal_pair(normal) -> tuple[np.ndarray, np.ndarray]:
    """Two unit vectors perpendicular to ``normal`` and to each other (a basis of its plane)."""
    n = np.asarray(normal, dtype=float)
    n = n / np.linalg.norm(n)
    helper = np.eye(3)[np.argmin(np.abs(n))]
    u = np.cross(n, helper)
    u /= np.linalg.norm(u)
    return u, np.cross(n, u)


def plane_patch(normal, half_size: float = LATTICE_EXTENT) -> np.ndarray:
    """Corners (4, 3) of a square patch of the plane through the origin with this normal.

    >>> corners = plane_patch([0, 0, 1], half_size=2)
    >>> np.allclose(corners[:, 2], 0), np.allclose(np.abs(corners[:, :2]).max(), 2)
    (True, True)
    """
    u, w = orthonormal_pair(normal)
    s = half_size
    return np.array([-s * u - s * w, s * u - s * w, s * u + s * w, -s * u + s * w])


def line_through_origin(direction, half_length: float = 1.5 * LATTICE_EXTENT) -> np.ndarray:
    """The segment (2, 3) of the line along ``direction``, centred on the origin."""
    d = np.asarray(direction, dtype=float)
    d = d / np.linalg.norm(d)
    return np.array([-half_length * d, half_length * d])


@dataclass(frozen=True)
class Camera:
    """An orbiting camera, as in pyqtgraph's GLViewWidget: angles in degrees."""
    azimuth: float = 45.0
    elevation: float = 25.0
    distance: float = 14.0
    fov: float = 60.0
    center: tuple = (0.0, 0.0, 0.0)


CAMERA_PRESETS = {
    "iso": Camera(azimuth=45.0, elevation=35.264),  # the isometric view: x, y, z equally foreshortened
    "x": Camera(azimuth=0.0, elevation=0.0),      # looking along the x-axis (from +x)
    "y": Camera(azimuth=90.0, elevation=0.0),
    "z": Camera(azimuth=-90.0, elevation=90.0),   # from above, x to the right, y up
}


def _rotation(angle_degrees: float, axis) -> np.ndarray:
    """4×4 rotation about ``axis`` (as QMatrix4x4.rotate does: counter-clockwise, right-handed)."""
    x, y, z = np.asarray(axis, dtype=float) / np.linalg.norm(axis)
    c, s = math.cos(math.radians(angle_degrees)), math.sin(math.radians(angle_degrees))
    r = np.array([[c + x * x * (1 - c), x * y * (1 - c) - z * s, x * z * (1 - c) + y * s],
                  [y * x * (1 - c) + z * s, c + y * y * (1 - c), y * z * (1 - c) - x * s],
                  [z * x * (1 - c) - y * s, z * y * (1 - c) + x * s, c + z * z * (1 - c)]])
    out = np.eye(4)
    out[:3, :3] = r
    return out


def _translation(offset) -> np.ndarray:
    out = np.eye(4)
    out[:3, 3] = offset
    return out


def view_matrix(camera: Camera) -> np.ndarray:
    """World → eye coordinates (4×4), the same product pyqtgraph's ``viewMatrix`` builds."""
    return (_translation([0.0, 0.0, -camera.distance])
            @ _rotation(camera.elevation - 90.0, [1, 0, 0])
            @ _rotation(camera.azimuth + 90.0, [0, 0, -1])
            @ _translation(-np.asarray(camera.center, dtype=float)))


def project(points, camera: Camera, size) -> tuple[np.ndarray, np.ndarray]:
    """Screen pixels (N, 2) — origin top-left, y down — and eye depth (N,) of world ``points``.

    Perspective with pyqtgraph's frustum: the vertical field of view shrinks with the
    aspect ratio exactly as in ``GLViewWidget.projectionMatrix``.

    >>> pixels, depth = project([[0, 0, 0]], CAMERA_PRESETS["iso"], (800, 600))
    >>> pixels.round(6).tolist(), depth.round(6).tolist()      # the centre lands mid-screen
    ([[400.0, 300.0]], [14.0])
    """
    width, height = size
    points = np.asarray(points, dtype=float).reshape(-1, 3)
    homogeneous = np.column_stack([points, np.ones(len(points))])
    eye = homogeneous @ view_matrix(camera).T
    depth = -eye[:, 2]
    # the frustum's half-width at distance 1 is tan(fov/2); the half-height scales by h/w
    half_w = math.tan(math.radians(camera.fov) / 2)
    half_h = half_w * height / width
    with np.errstate(divide="ignore", invalid="ignore"):
        ndc_x = eye[:, 0] / (depth * half_w)
        ndc_y = eye[:, 1] / (depth * half_h)
    pixels = np.column_stack([(ndc_x + 1) * width / 2, (1 - ndc_y) * height / 2])
    return pixels, depth


def screen_directions(tips, camera: Camera) -> np.ndarray:
    """The direction, in degrees on screen, in which each arrow from the origin to ``tips``
    points as ``camera`` sees it (measured on a unit square picture)."""
    pixels, _ = project(np.vstack([np.zeros(3), np.asarray(tips, dtype=float)]), camera, (1.0, 1.0))
    offsets = pixels[1:] - pixels[0]
    return np.degrees(np.arctan2(-offsets[:, 1], offsets[:, 0]))


def separation(tips, camera: Camera) -> float:
    """The smallest angle on screen between two of the arrows to ``tips`` (degrees; arrows too
    short to see are left out, and arrows to one same point — v and Mv under the identity,
    which share one label — count once): how easily a reader tells them apart from here."""
    tips = np.asarray(tips, dtype=float)
    lengths = np.linalg.norm(tips, axis=1)
    seen = tips[lengths > 1e-9 * max(float(lengths.max(initial=0.0)), 1e-300)]
    seen = np.unique(np.round(seen / np.abs(seen).max(initial=1.0), 9), axis=0)
    if len(seen) < 2:
        return 180.0
    angles = screen_directions(seen / np.linalg.norm(seen, axis=1)[:, None], camera)
    gaps = np.abs((angles[:, None] - angles[None, :] + 180.0) % 360.0 - 180.0)
    return float(gaps[np.triu_indices(len(seen), k=1)].min())


def line_separation(directions, camera: Camera) -> float:
    """The smallest angle on screen between two of the lines along ``directions`` (degrees,
    0 to 90): a parallelepiped's edges, whose faces look flat when two edges line up — even
    pointing opposite ways. Directions parallel in space count once; zero ones are left out.

    >>> round(line_separation([[1, 0, 0], [0, 1, 0], [0, 0, 1]], CAMERA_PRESETS["iso"]))
    60
    >>> line_separation([[1, 0, 0], [-2, 0, 0]], CAMERA_PRESETS["iso"])   # one line
    90.0
    >>> round(line_separation([[1e300, 0, 0], [0, 2e300, 0], [0, 0, 3e300]], CAMERA_PRESETS["iso"]))
    60
    """
    directions = np.asarray(directions, dtype=float).reshape(-1, 3)
    directions = directions[np.all(np.isfinite(directions), axis=1)]
    sizes = np.abs(directions).max(axis=1, initial=0.0)  # scaled first: 1e200² would overflow
    kept = sizes > 1e-9 * max(float(sizes.max(initial=0.0)), 1e-300)
    units = directions[kept] / sizes[kept][:, None]
    units = units / np.linalg.norm(units, axis=1)[:, None]
    lines: list[np.ndarray] = []
    for unit in units:
        if all(abs(float(unit @ line)) < 1 - 1e-9 for line in lines):
            lines.append(unit)
    if len(lines) < 2:
        return 90.0
    angles = screen_directions(np.array(lines), camera)
    gaps = np.abs((angles[:, None] - angles[None, :] + 90.0) % 180.0 - 90.0)
    return float(gaps[np.triu_indices(len(lines), k=1)].min())


def best_camera(tips, base: Camera | None = None, enough: float = 15.0, edges=()) -> Camera:
    """A camera from which the arrows to ``tips`` look far apart on screen, and the lines along
    ``edges`` (the columns of M: the parallelepiped's edges) do too, so its faces do not look
    flat: the isometric view when no two come within ``enough`` degrees of each other there,
    else the orbit position (azimuth every 10°, elevation 15° to 55°) that keeps them farthest
    apart, the nearest to the isometric view among equals.

    >>> best_camera(np.eye(3)) == CAMERA_PRESETS["iso"]      # î, ĵ, k̂ are 120° apart already
    True
    >>> tips = [[1, 0, 0], [0, 1, 0], [0, 0, 1], [1, 2, 1]]     # î, ĵ, k̂ and v = (1, 2, 1)
    >>> separation(tips, CAMERA_PRESETS["iso"]) < 15               # from iso, v lies along ĵ
    True
    >>> separation(tips, best_camera(tips)) >= 15
    True
    """
    base = base or CAMERA_PRESETS["iso"]
    tips = np.asarray(tips, dtype=float).reshape(-1, 3)

    def apart(camera: Camera) -> float:
        return min(separation(tips, camera), line_separation(edges, camera))

    if apart(base) >= enough:
        return base
    best, best_key = base, (apart(base), 0.0)
    for elevation in (15.0, 25.0, 35.264, 45.0, 55.0):
        for azimuth in np.arange(0.0, 360.0, 10.0):
            camera = Camera(azimuth=float(azimuth), elevation=elevation, distance=base.distance,
                            fov=base.fov, center=base.center)
            turn = abs((azimuth - base.azimuth + 180.0) % 360.0 - 180.0) + abs(elevation - base.elevation)
            key = (min(apart(camera), 60.0), -turn)  # apart enough, then close to iso
            if key > best_key:
                best, best_key = camera, key
    return best


FRAME_MARGIN = 0.04  # of the picture's shorter side: how far inside the edges (and clear of the caption)
WIDEST = 100.0  # a picture's camera moves back at most this many times its own distance
WIDEN_STEP = 1.02  # and in steps of 2%: never more than 2% farther back than needed
BIGGEST_AVOIDED = 0.25  # of the picture's area: a caption larger than this is not kept clear


def _fits(points: np.ndarray, camera: Camera, size, avoid, margin: float) -> np.ndarray:
    """For each point: does ``camera`` show it in front, ``margin`` pixels inside the picture
    and at least ``margin`` pixels clear of every box in ``avoid``?"""
    width, height = size
    pixels, depth = project(points, camera, size)
    x, y = pixels[:, 0], pixels[:, 1]
    with np.errstate(invalid="ignore"):
        ok = ((depth > 1e-6 * camera.distance) & (x >= margin) & (x <= width - margin)
              & (y >= margin) & (y <= height - margin))
        for left, top, box_width, box_height in avoid:
            ok &= ~((x > left - margin) & (x < left + box_width + margin)
                    & (y > top - margin) & (y < top + box_height + margin))
    return ok


def framed_camera(camera: Camera, points, size, avoid=(), margin: float | None = None) -> Camera:
    """``camera`` moved straight back from its target — same direction, only farther — just far
    enough that every point shows inside the picture of ``size`` and clear of the ``avoid`` boxes
    (left, top, width, height in pixels: the caption), each by ``margin`` pixels (default
    :data:`FRAME_MARGIN` of the shorter side) — its target also moved sideways, the picture slid
    down or right out from under the caption in the top-left corner, when that lets it stay
    nearer; unchanged when everything fits already. Without a caption in the way it zooms out
    about its target, as the 2D framing zooms out about the origin.

    Points that would not fit even :data:`WIDEST` times farther back (an entry of 1e6) are left
    out: they leave any picture. A box over more than :data:`BIGGEST_AVOIDED` of a small
    picture is not avoided (as in 2D: zooming out would only shrink the picture).

    >>> iso = CAMERA_PRESETS["iso"]
    >>> framed_camera(iso, [[1, 0, 0]], (800, 600)) == iso       # in the picture already
    True
    >>> far = [[0.0, 0.0, 12.0]]                                  # far above: off the top
    >>> wide = framed_camera(iso, far, (800, 600))
    >>> wide.distance > iso.distance, (wide.azimuth, wide.elevation) == (iso.azimuth, iso.elevation)
    (True, True)
    >>> bool(_fits(np.array(far), wide, (800, 600), (), 24.0).all())
    True
    >>> caption = [(0, 0, 500, 200)]                               # over the top middle
    >>> moved = framed_camera(iso, [[0.0, 0.0, 2.0]], (800, 600), caption)
    >>> moved.distance == iso.distance and moved.center != iso.center   # no smaller: moved down
    True
    """
    width, height = size
    margin = FRAME_MARGIN * min(width, height) if margin is None else margin
    avoid = [(float(box[0]), float(box[1]), float(box[2]), float(box[3])) if not hasattr(box, "left")
             else (box.left, box.top, box.width, box.height) for box in avoid]
    # a caption that fills a quarter of a small picture is not avoided (as in 2D): zooming out
    # would only shrink the picture
    avoid = [box for box in avoid if box[2] * box[3] <= BIGGEST_AVOIDED * width * height]
    points = np.asarray(points, dtype=float).reshape(-1, 3)
    points = points[np.all(np.isfinite(points), axis=1)]
    if len(points) == 0 or _fits(points, camera, size, avoid, margin).all():
        return camera
    widest = replace(camera, distance=camera.distance * WIDEST)
    points = points[_fits(points, widest, size, avoid, margin)]  # those a picture can hold at all
    distance = camera.distance
    while distance < widest.distance:
        candidate = replace(camera, distance=distance)
        for option in (candidate, *_slides(candidate, points, size, avoid, margin)):
            if _fits(points, option, size, avoid, margin).all():
                return option
        distance *= WIDEN_STEP
    return widest


def _slid(camera: Camera, right: float, down: float, depth: float, width: int) -> Camera:
    """``camera`` with its target moved sideways so that a point at ``depth`` slides ``right``
    and ``down`` pixels in a picture ``width`` wide (nearer points slide farther, farther less)."""
    view = view_matrix(camera)
    per_pixel = 2.0 * depth * math.tan(math.radians(camera.fov) / 2) / width
    move = per_pixel * (down * view[1, :3] - right * view[0, :3])  # eye y points up, x right
    return replace(camera, center=tuple(float(c) for c in np.asarray(camera.center, dtype=float) + move))


def _slides(camera: Camera, points: np.ndarray, size, avoid, margin: float) -> list[Camera]:
    """``camera`` with its target moved so that the picture slides down (or right) just far
    enough that none of the points lies under an ``avoid`` box any more."""
    width, _ = size
    pixels, depth = project(points, camera, size)
    x, y = pixels[:, 0], pixels[:, 1]
    options = []
    for left, top, box_width, box_height in avoid:
        bottom, side = top + box_height + margin, left + box_width + margin
        below = (x > left - margin) & (x < side) & (y < bottom)   # in the box's columns, above its foot
        beside = (y > top - margin) & (y < bottom) & (x < side)   # in its rows, left of its side
        # the farthest of them slides least: move the target as far as that one needs
        if below.any():
            options.append(_slid(camera, 0.0, float((bottom - y[below]).max()) + 1.0,
                                 float(depth[below].max()), width))
        if beside.any():
            options.append(_slid(camera, float((side - x[beside]).max()) + 1.0, 0.0,
                                 float(depth[beside].max()), width))
    return options


def picture_points(scene, display) -> np.ndarray:
    """The points (N, 3) a 3D picture of ``scene`` under ``display`` must show: every arrow's
    tip (î, ĵ, k̂, the vectors and their images), the parallelepiped's corners and every label's
    anchor."""
    display = np.asarray(display, dtype=float)
    corners, _, _ = parallelepiped(display)
    tips = [arrow.tip(display) for arrow in scene.arrows]
    anchors = [label.anchor for label in scene.labels(display)]
    return np.vstack([corners, np.reshape(tips, (-1, 3)), np.reshape(anchors, (-1, 3))])


def picture_camera(scene, display, camera: Camera, size, avoid=(), also=()) -> Camera:
    """The camera a 3D picture (a still, or one frame of an animation) of ``scene`` under
    ``display`` is drawn with: ``camera`` framed (:func:`framed_camera`) so that everything the
    picture must show (:func:`picture_points`) under ``display`` and under the scene's own matrix
    — where an animation ends, eigen-line labels and all — lies inside it and off the caption's
    box in ``avoid``; and under each matrix in ``also`` (every frame of an animation, so that one
    camera serves them all and never jumps). The one rule the SVG, the OpenGL PNG and the
    animation frames share."""
    display = np.asarray(display, dtype=float)
    points = [picture_points(scene, display)]
    for other in (scene.matrix_floats, *also):
        other = np.asarray(other, dtype=float)
        if other.shape == display.shape and not np.array_equal(other, display):
            points.append(picture_points(scene, other))
    return framed_camera(camera, np.vstack(points), size, avoid)


DEPTH_FLOOR = 0.4  # the opacity, relative to the nearest line, of the farthest line work


def view_direction(camera: Camera) -> np.ndarray:
    """The unit vector (world coordinates) along which ``camera`` looks: a point's depth is its
    dot product with this, plus a constant.

    >>> (view_direction(CAMERA_PRESETS["z"]).round(6) + 0.0).tolist()     # from above: looking down
    [0.0, 0.0, -1.0]
    """
    return -view_matrix(camera)[2, :3]


def depth_fade(depths, near: float | None = None, far: float | None = None,
               floor: float = DEPTH_FLOOR) -> np.ndarray:
    """Opacity factors (N,) for points at these ``depths``: 1 at ``near``, falling linearly to
    ``floor`` at ``far`` (both default to the depths' own extremes), held at 1 and ``floor``
    beyond them — farther lines fainter. A range of zero (or not finite) fades nothing.

    >>> depth_fade([2.0, 4.0, 6.0]).tolist()
    [1.0, 0.7, 0.4]
    >>> depth_fade([0.0, 9.0], near=3.0, far=6.0).tolist()
    [1.0, 0.4]
    """
    depths = np.asarray(depths, dtype=float).reshape(-1)
    if len(depths) == 0:
        return np.ones(0)
    near = float(np.nanmin(depths)) if near is None else near
    far = float(np.nanmax(depths)) if far is None else far
    with np.errstate(over="ignore", invalid="ignore", divide="ignore"):
        span = far - near
        if not (math.isfinite(span) and span > 0):
            return np.ones(len(depths))
        fraction = np.clip((depths - near) / span, 0.0, 1.0)
    return np.nan_to_num(1.0 - (1.0 - floor) * fraction, nan=1.0)


CUBE_CENTRE = np.full(3, 0.5)


def picture_depth_range(matrix, camera: Camera) -> tuple[float, float]:
    """(near, far): the depths, along :func:`view_direction` (offset as ``depth_alphas`` uses
    it), over which line work fades — where the lattice is bright: the ball of radius
    :data:`NEIGHBOURHOOD` about the unit cube's centre, before ``matrix`` and its image after
    (an ellipsoid: the centre's depth ± NEIGHBOURHOOD·|matrixᵀ·direction|).

    >>> near, far = picture_depth_range(np.eye(3), CAMERA_PRESETS["z"])
    >>> round(near, 6), round(far, 6)        # looking down: the top of the ball is nearest
    (-2.5, 1.5)
    """
    matrix = np.asarray(matrix, dtype=float)
    direction = view_direction(camera)
    with np.errstate(over="ignore", invalid="ignore"):
        ends = [float(CUBE_CENTRE @ direction) + r * NEIGHBOURHOOD for r in (-1.0, 1.0)]
        centre = float(direction @ (matrix @ CUBE_CENTRE))
        radius = NEIGHBOURHOOD * float(np.linalg.norm(matrix.T @ direction))
        if math.isfinite(centre) and math.isfinite(radius):
            ends += [centre - radius, centre + radius]
    return min(ends), max(ends)


def depth_alphas(points, camera: Camera, matrix) -> np.ndarray:
    """The opacity factor (N,) of line work at world ``points`` in the picture of ``matrix``
    seen by ``camera``: :func:`depth_fade` over :func:`picture_depth_range`. The one rule the
    GL view and the painted exports share, so the window and a picture of it agree.

    >>> camera = CAMERA_PRESETS["z"]                  # looking down the z-axis
    >>> depth_alphas([[0, 0, 2.5], [0, 0, 0.5], [0, 0, -1.5]], camera, np.eye(3)).round(6).tolist()
    [1.0, 0.7, 0.4]
    """
    points = np.asarray(points, dtype=float).reshape(-1, 3)
    with np.errstate(over="ignore", invalid="ignore"):
        depths = points @ view_direction(camera)
    return depth_fade(depths, *picture_depth_range(matrix, camera))


def faces_back_to_front(corners: np.ndarray, faces: np.ndarray, camera: Camera) -> np.ndarray:
    """Face indices ordered farthest first (by the depth of each face's centre): the painter's
    algorithm, so nearer translucent faces are painted over farther ones."""
    centres = corners[faces].mean(axis=1)
    _, depth = project(centres, camera, (1, 1))
    return np.argsort(-depth, kind="stable")


# OpenGL draws in float32 (up to 3.4e38), and pyqtgraph multiplies coordinates for face normals:
# 1e12 squared stays far inside float32, and nothing this far out is ever in view
GL_FAR = 1e12


def gl_points(points) -> np.ndarray:
    """``points`` ready for OpenGL's float32: coordinates beyond ±:data:`GL_FAR` (a 1e200
    entry) are pulled in to it, which changes nothing on screen but never overflows.

    >>> gl_points([[1e200, -2.0, 0.5]]).tolist()
    [[1000000000000.0, -2.0, 0.5]]
    """
    return np.clip(np.asarray(points, dtype=float), -GL_FAR, GL_FAR)
