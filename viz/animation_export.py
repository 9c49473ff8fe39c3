"""Animations for notes and slides: the identity (or the last start) → the matrix, as GIF or MP4.

The plane: one off-screen :class:`PlaneView` is built (:func:`viz.export.build_view`) and moved
frame by frame along the same :class:`TransformPath` and ``smooth`` easing the window plays, so
the animation looks like the app. Space: each frame is painted by the same
:class:`~viz.views.space_painter.SpacePainter` that writes 3D SVGs — no OpenGL needed — seen by
the picture's camera, which may orbit slowly as the matrix plays. Either way the last frame is
the settled still — eigen-lines, the exact determinant — as the still export draws it at t = 1.

GIF frames share one adaptive palette (made once from the first and last frames, which hold
every colour the motion uses) and are written one by one as they are drawn: each frame keeps
only the rectangle that changed, so memory stays flat however long the animation is. MP4 is
written through ``imageio-ffmpeg`` when it is installed (``pip install 'linear-lens[video]'``).

The file appears only when it is complete: frames go to a temporary file in the target folder
which replaces the target at the end; a cancel or a failure removes it
(:func:`viz.files.write_through`).
"""

import queue
import threading
from pathlib import Path

import numpy as np
from PIL import GifImagePlugin, Image, ImageChops

from .animation import eased_displays, smooth
from .export import ExportError, build_view, render_image
from .files import reason, write_through
from .geometry import fit_rect, parallelogram
from .interpolation import TransformPath
from .picture import picture_scale
from .scene import Scene

FORMATS = ("gif", "mp4")
FPS_RANGE = (1, 60)
DURATION_RANGE = (0.1, 30.0)
SIZE_RANGE = (16, 4096)
UNCHANGED = 255  # the GIF palette index kept free to mean "as in the frame before"
SAME = [255] + [0] * 255  # maps a zero index difference to 1 in a mask
# x264's fastest preset: the file is larger than the default's, the quality is not lower at this
# constant rate factor (measured against a lossless encode: BENCHMARKS.md, bench/export.py).
# The screen's colours (sRGB) are converted with the BT.709 matrix and the video says so: a
# player guessing BT.709 for an untagged HD video would otherwise show #E69F00 as #EC9B00.
VIDEO_OPTIONS = ("-vf", "scale=out_color_matrix=bt709:out_range=tv,"
                 "setparams=colorspace=bt709:color_primaries=bt709:color_trc=iec61966-2-1:range=tv",
                 "-preset", "ultrafast", "-tune", "zerolatency", "-crf", "23", "-movflags", "+faststart")
PIPE_DEPTH = 1  # frames queued for ffmpeg beyond the one being written
FRAME_RING = PIPE_DEPTH + 2  # images drawn in turn: the one drawn, the one queued, the one written
VIDEO_HINT = "MP4 needs imageio-ffmpeg: pip install 'linear-lens[video]'"


class AnimationCancelled(Exception):
    """The progress callback asked to stop; no file was written."""


def animation_format(path) -> str:
    """``gif`` or ``mp4`` from the file name, or an ExportError naming what is supported."""
    suffix = Path(path).suffix.lower().lstrip(".")
    if suffix not in FORMATS:
        raise ExportError(f"cannot export an animation to '{Path(path).name}': "
                          "use a .gif or .mp4 file name")
    return suffix


def video_available() -> bool:
    """True when MP4 can be written (the optional ``imageio-ffmpeg`` package is installed)."""
    try:
        import imageio_ffmpeg  # noqa: F401
    except ImportError:
        return False
    return True


def frame_count(fps: float, duration: float) -> int:
    """Frames in an animation, both ends included: round(fps · duration) + 1.

    >>> frame_count(30, 3.0), frame_count(10, 0.1)
    (91, 2)
    """
    return round(fps * duration) + 1


def validate(size, fps, duration) -> None:
    """Refuse an animation that is too big, too long or too fast, with the reason."""
    width, height = size
    low, high = SIZE_RANGE
    if not (low <= width <= high and low <= height <= high):
        raise ExportError(f"animation size {width}×{height} is out of range ({low} to {high} pixels a side)")
    if not FPS_RANGE[0] <= fps <= FPS_RANGE[1]:
        raise ExportError(f"frames per second must be from {FPS_RANGE[0]} to {FPS_RANGE[1]}, not {fps}")
    if not DURATION_RANGE[0] <= duration <= DURATION_RANGE[1]:
        raise ExportError(f"duration must be from {DURATION_RANGE[0]:g} to {DURATION_RANGE[1]:g} "
                          f"seconds, not {duration:g}")


def motion_points(path: TransformPath, vector, count: int) -> np.ndarray:
    """Every point the framing must show over the motion: the parallelograms, v and Mv."""
    points = [np.array([vector])]
    for matrix in eased_displays(path, count):
        points += [parallelogram(matrix), (matrix @ vector)[None, :]]
    return np.vstack(points)


def motion_rect(points, current, aspect: float):
    """``current`` (the still's framing) if every point of the motion stays well inside it,
    else a framing wide enough for all of them (centred on the origin, like the still's)."""
    x_min, x_max, y_min, y_max = current
    inset_x, inset_y = 0.05 * (x_max - x_min), 0.05 * (y_max - y_min)
    inside = ((points[:, 0] >= x_min + inset_x) & (points[:, 0] <= x_max - inset_x)
              & (points[:, 1] >= y_min + inset_y) & (points[:, 1] <= y_max - inset_y))
    if np.all(inside | ~np.all(np.isfinite(points), axis=1)):
        return tuple(current)
    return fit_rect(points, aspect=aspect)


def export_animation(scene: Scene, path, size=(1280, 720), fps=30, duration=3.0, theme=None, loop=True,
                     start=None, rect=None, caption=True, progress=None, camera=None,
                     orbit: float = 0.0) -> Path:
    """Write the animation start → ``scene.matrix`` to ``path`` (.gif, or .mp4 with imageio-ffmpeg).

    ``start`` is a square array of the scene's size (the last transition's start) or None for
    the identity. In the plane, ``rect`` = (x_min, x_max, y_min, y_max) fixes the framing; by
    default it is the still's, widened when the motion leaves it. In space, ``camera`` (default:
    the scene's own, arrows apart), backed off or slid only as far as the whole motion needs to
    stay in the picture and off the caption (:func:`viz.export3d.motion_camera`), sees the motion
    and turns by ``orbit`` degrees of azimuth over it. ``progress(done, total)`` is called after
    each frame; a False return cancels (:class:`AnimationCancelled`). Any other failure is an ExportError.
    Either way nothing is left behind. Returns the path written.
    """
    path = Path(path)
    size = (int(size[0]), int(size[1]))
    check_video(path, size, fps, duration)
    scene = scene.with_theme(theme)
    target = scene.matrix_floats
    n = scene.dimension
    begin = np.eye(n) if start is None else np.asarray(start, dtype=float)
    if begin.shape != (n, n) or not np.all(np.isfinite(begin)):
        raise ExportError(f"the animation must start from a finite {n}×{n} matrix")
    motion = TransformPath(begin, target)
    count = frame_count(fps, duration)
    if n == 3:
        from .export3d import motion_camera  # one camera for every frame: in frame, off the caption
        still = motion_camera(scene, size, camera, motion, count, caption)
        source: PlaneFrames | SpaceFrames = SpaceFrames(scene, size, still, orbit, caption)
    else:
        source = PlaneFrames(scene, size, motion, count, rect, caption)
    try:
        return write_animation(path, lambda: _images(source, motion, target, count),
                               lambda: (source.render(motion.at(0.0), 0.0), source.render(target, 1.0)),
                               size, fps, loop, count, progress)
    finally:
        source.close()


def check_video(path: Path, size, fps, duration) -> None:
    """ExportError unless a .gif or .mp4 of ``size`` at ``fps`` for ``duration`` can be written."""
    kind = animation_format(path)
    validate(size, fps, duration)
    if kind == "mp4":
        if not video_available():
            raise ExportError(VIDEO_HINT)
        if size[0] % 2 or size[1] % 2:
            raise ExportError(f"MP4 (H.264) needs an even width and height, not {size[0]}×{size[1]}")


def write_animation(path: Path, images, ends, size, fps, loop, count, progress) -> Path:
    """Write ``count`` frames as a GIF or MP4 (by the suffix of ``path``), atomically.

    ``images()`` yields the frames as RGB32 QImages; an image may be drawn into again once
    ``FRAME_RING − 1`` later frames have been yielded, not sooner (the video is written behind
    the drawing). ``ends()`` gives the first and last frames, from which a GIF's one shared
    palette is made. ``progress(done, total)`` after each frame; a False return cancels.
    Nothing is left behind on failure.
    """
    kind = animation_format(path)

    def write(temporary: Path) -> None:
        if kind == "gif":
            first, last = ends()
            palette = make_palette(_to_pil(first), _to_pil(last))
            _write_gif(temporary, (_to_pil(image) for image in images()), size, fps, loop, count, progress,
                       palette)
        else:
            _write_mp4(temporary, images(), size, fps, count, progress)

    try:
        write_through(path, write)  # a cancel, a failure or Ctrl+C leaves no partial file
    except (AnimationCancelled, ExportError):
        raise
    except Exception as error:  # any other failure: one clear message
        text = reason(error) if isinstance(error, OSError) else error
        raise ExportError(f"could not write {path}: {text}") from error
    return path


class PlaneFrames:
    """Frames of the plane: an off-screen view framed like the still at t = 1 (widened when the
    motion would leave it), moved to each display matrix and rendered."""

    def __init__(self, scene: Scene, size, motion: TransformPath, count: int, rect, caption: bool):
        self.size = size
        self.view = view = build_view(scene, size, scene.matrix_floats, rect, caption)
        if rect is None:  # the still's framing, unless the motion would leave it
            aspect = max(view.width(), 1) / max(view.height(), 1)
            points = motion_points(motion, np.array(scene.vectors[0][1].to_floats()), count)
            wide = motion_rect(points, view.visible_rect(), aspect)
            if wide != tuple(view.visible_rect()):
                view.set_range(wide)
                view.redraw_for_range()
            if caption:  # as the still does: nothing of the motion hides under the caption
                view.clear_caption(points)

    def render(self, display, _t: float, image=None):
        self.view.show_matrix(display)
        return render_image(self.view, self.size, image)

    def close(self) -> None:
        self.view.close()
        self.view.deleteLater()


class SpaceFrames:
    """Frames of space, painted with QPainter (no OpenGL), seen by one ``camera`` framed for the
    whole motion (:func:`viz.export3d.motion_camera`); the camera turns by ``orbit`` degrees of
    azimuth, eased like the motion, and is then framed again each frame, since turning moves
    what fits. The caption keeps its corner."""

    def __init__(self, scene: Scene, size, camera, orbit: float, caption: bool):
        from .export3d import caption_reserve

        self.scene, self.size, self.camera, self.orbit, self.caption = scene, size, camera, orbit, caption
        self.reserved = caption_reserve(scene, size, caption)

    def render(self, display, t: float, image=None):
        from dataclasses import replace

        from PyQt6 import QtGui

        from .export3d import paint_caption
        from .views.space_painter import SpacePainter

        width, height = self.size
        if image is None:
            image = QtGui.QImage(width, height, QtGui.QImage.Format.Format_RGB32)
        camera = replace(self.camera, azimuth=self.camera.azimuth + self.orbit * smooth(t))
        painter = QtGui.QPainter(image)
        SpacePainter(self.scene, display, camera, self.size, reserved=self.reserved,
                     frame=bool(self.orbit)).paint(painter)
        if self.caption:
            paint_caption(painter, self.scene, picture_scale(self.size))
        painter.end()
        return image

    def close(self) -> None:
        """Nothing to close: the frames are painted straight into an image."""


def _images(source, motion: TransformPath, target, count):
    """Yield each frame as a QImage (RGB32), drawn into a ring of :data:`FRAME_RING` reused images:
    an image is drawn into again only after the frames behind it have been written."""
    ring: list = [None] * FRAME_RING
    for i in range(count):
        t = i / (count - 1)
        display = motion.at(smooth(t)) if i < count - 1 else target
        ring[i % FRAME_RING] = image = source.render(display, t, ring[i % FRAME_RING])
        yield image


def _to_pil(image):
    """A QImage (RGB32, i.e. B, G, R, X bytes) as an RGB PIL image, unpacked in one pass."""
    bits = image.constBits()
    bits.setsize(image.sizeInBytes())
    return Image.frombuffer("RGB", (image.width(), image.height()), bits, "raw", "BGRX",
                            image.bytesPerLine(), 1)


def _check(progress, done: int, total: int) -> None:
    if progress is not None:
        answer = progress(done, total)
        if answer is not None and not answer:
            raise AnimationCancelled("the animation export was cancelled")


def make_palette(first, last):
    """One adaptive 255-colour palette for every frame, from the first and last frames.

    The two ends hold every colour the motion draws (the last adds the eigen-lines and the
    exact determinant); fast octree quantization of both side by side takes ~20 ms at 720p and
    is closer to the originals than median cut.
    """
    both = Image.new("RGB", (first.width, first.height + last.height))
    both.paste(first, (0, 0))
    both.paste(last, (0, first.height))
    # 255 colours: index 255 (UNCHANGED) is never a colour, only "see-through"
    return both.quantize(UNCHANGED, method=Image.Quantize.FASTOCTREE, dither=Image.Dither.NONE)


def gif_delays(fps: float, count: int) -> list[int]:
    """Each frame's delay in hundredths of a second (all a GIF can say), rounded so the
    running total stays on time: 30 fps is 3, 4, 3, 3, 4, 3, … not 3 throughout (33 fps).

    >>> gif_delays(30, 6), sum(gif_delays(30, 90))
    ([3, 4, 3, 3, 4, 3], 300)
    """
    return [round((i + 1) * 100 / fps) - round(i * 100 / fps) for i in range(count)]


def _write_gif(name, frames, size, fps, loop, count, progress, palette) -> None:
    """Quantize each frame to the shared palette and append it at once (only what changed)."""
    delays = gif_delays(fps, count)
    info = {"duration": 10 * delays[0], "optimize": False}
    if loop:
        info["loop"] = 0  # 0: for ever
    previous = None
    with open(name, "wb") as out:
        for index, frame in enumerate(frames):
            indexed = frame.quantize(palette=palette, dither=Image.Dither.NONE)
            extra = {}
            if previous is None:
                header, _ = GifImagePlugin.getheader(indexed, None, dict(info))
                out.writelines(header)
                box, part = (0, 0, *size), indexed
            else:
                # only the rectangle that changed, its unchanged pixels see-through: the
                # previous frame stays (disposal 1) and long see-through runs pack small
                delta = ImageChops.subtract_modulo(indexed, previous)  # 0 where the index is the same
                box = delta.getbbox() or (0, 0, 1, 1)  # an unchanged frame still keeps its time
                part = indexed.crop(box)
                part.paste(UNCHANGED, mask=delta.crop(box).point(SAME, "1"))
                extra["transparency"] = UNCHANGED
            out.writelines(GifImagePlugin.getdata(part, offset=box[:2], duration=10 * delays[index],
                                                  disposal=1, **extra))
            previous = indexed
            _check(progress, index + 1, count)
        out.write(b";")  # the GIF trailer


def _write_mp4(name, images, size, fps, count, progress) -> None:
    """Stream the frames to ffmpeg's H.264 encoder while they are drawn.

    Drawing, piping and encoding overlap: each frame is handed to a second thread
    (:class:`FramePipe`) that writes its pixels down ffmpeg's pipe, without a copy, while this
    thread draws the next one, and x264 encodes on the other core. x264's ``ultrafast`` preset
    with ``zerolatency`` (no look-ahead buffer of frames) keeps the encoder quick and its memory
    small; against the default preset it trades a larger file for the same quality: at crf 23,
    4.5 MB instead of 0.9 MB for 3 s of 1080p at 60 fps, SSIM 0.997 against a lossless encode
    for both.
    """
    import imageio_ffmpeg

    writer = imageio_ffmpeg.write_frames(name, size, fps=fps, codec="libx264", pix_fmt_in="bgr0",
                                         quality=None, macro_block_size=1, ffmpeg_log_level="error",
                                         output_params=list(VIDEO_OPTIONS))
    writer.send(None)  # start ffmpeg
    pipe = FramePipe(writer.send)
    try:
        with pipe:
            for index, image in enumerate(images):
                pipe.put(image, _pixels(image, size))
                _check(progress, index + 1, count)
    finally:
        if not pipe.thread.is_alive():  # Ctrl+C while the last frames were still being written:
            writer.close()  # closing ffmpeg under the writer would hide the interrupt; it ends with us


class FramePipe:
    """Hands frames to ``send`` on a thread of its own, at most :data:`PIPE_DEPTH` frames behind.

    Writing a Full-HD frame down a pipe blocks until ffmpeg has read all 8 MB of it; on the
    drawing thread that time would be lost. The writer thread waits instead (a pipe write
    releases the GIL). Each frame's image is kept until its pixels are written, and the drawing
    reuses an image only :data:`FRAME_RING` frames later, past every frame still in flight. A
    failure of ``send`` (ffmpeg gone) is raised on the drawing thread, at the next :meth:`put` or
    when the ``with`` block ends; frames after it are dropped, never blocked on.
    """

    def __init__(self, send):
        self.send, self.error = send, None
        self.frames: queue.Queue = queue.Queue(maxsize=PIPE_DEPTH)
        self.thread = threading.Thread(target=self._drain, name="mp4-frames", daemon=True)

    def __enter__(self) -> "FramePipe":
        self.thread.start()
        return self

    def put(self, image, pixels) -> None:
        """Queue ``pixels`` (a buffer of ``image``'s memory, which must stay unchanged until written)."""
        if self.error is not None:
            raise self.error
        self.frames.put((image, pixels))

    def __exit__(self, kind, _value, _traceback) -> None:
        self.frames.put(None)  # the end: the thread finishes what is queued, then stops
        self.thread.join()
        if kind is None and self.error is not None:
            raise self.error

    def _drain(self) -> None:
        while (frame := self.frames.get()) is not None:
            if self.error is None:
                try:
                    self.send(frame[1])
                except Exception as error:  # raised on the drawing thread
                    self.error = error


def _pixels(image, size):
    """The image's pixels as a buffer: its own memory when its rows carry no padding, else a copy."""
    if image.bytesPerLine() != 4 * size[0]:
        return _packed(image, size)
    bits = image.constBits()
    bits.setsize(image.sizeInBytes())
    return memoryview(bits)


def _packed(image, size) -> bytes:
    """The image's pixels without the padding some rows carry."""
    bits = image.constBits()
    bits.setsize(image.sizeInBytes())
    rows = np.frombuffer(bits, dtype=np.uint8).reshape(size[1], image.bytesPerLine())
    return rows[:, : 4 * size[0]].tobytes()
