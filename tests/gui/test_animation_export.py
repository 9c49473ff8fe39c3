"""Animation export: frames, timing and loop of the GIF, its ends against the stills, MP4,
and never a partial file — on cancel, on failure, on bad requests."""

import sys

import numpy as np
import pytest
from PIL import Image
from PyQt6 import QtWidgets

from conftest import deadline
from kernels import Matrix
from viz import animation_export
from viz.animation_export import AnimationCancelled, export_animation
from viz.export import ExportError, export_picture
from viz.interpolation import rotation
from viz.model import SceneModel

SIZE = (320, 200)
RECT = (-4.0, 4.0, -2.5, 2.5)  # the same 8:5 aspect as SIZE


def shear() -> SceneModel:
    return SceneModel(Matrix([[1, 1], [0, 1]]))


def gif_frame(path, index) -> np.ndarray:
    with Image.open(path) as gif:
        gif.seek(index)
        return np.asarray(gif.convert("RGB"), dtype=float)


def png(path) -> np.ndarray:
    with Image.open(path) as image:
        return np.asarray(image.convert("RGB"), dtype=float)


def assert_close(frame: np.ndarray, still: np.ndarray) -> None:
    """Equal up to the GIF's 255-colour palette: tiny mean error, few pixels off by much."""
    error = np.abs(frame - still).max(axis=2)
    assert error.mean() < 1.5, error.mean()
    assert (error > 32).mean() < 0.002


def test_gif_has_every_frame_at_the_right_size_time_and_loop(qtbot, tmp_path):
    path = export_animation(shear().scene, tmp_path / "shear.gif", size=SIZE, fps=10, duration=1.0)
    assert path == tmp_path / "shear.gif"
    with Image.open(path) as gif:
        assert gif.n_frames == 11  # round(fps · duration) + 1: both ends
        assert gif.size == SIZE
        assert gif.info["loop"] == 0  # for ever
        delays = []
        for index in range(gif.n_frames):
            gif.seek(index)
            delays.append(gif.info["duration"])
    assert delays == [100] * 11
    once = export_animation(shear().scene, tmp_path / "once.gif", size=SIZE, fps=30, duration=0.2, loop=False)
    with Image.open(once) as gif:
        assert gif.n_frames == 7 and "loop" not in gif.info
        assert sum(gif.seek(i) or gif.info["duration"] for i in range(6)) == 200  # 30, 40, 30, …
    assert sorted(p.name for p in tmp_path.iterdir()) == ["once.gif", "shear.gif"]  # no leftovers


def test_the_ends_are_the_stills_and_the_middle_moves(qtbot, tmp_path):
    model = shear()
    gif = export_animation(model.scene, tmp_path / "a.gif", size=SIZE, fps=10, duration=1.0, rect=RECT)
    start = export_picture(model.scene, tmp_path / "t0.png", size=SIZE, t=0.0, rect=RECT)
    end = export_picture(model.scene, tmp_path / "t1.png", size=SIZE, rect=RECT)  # eigen-line, exact det
    assert_close(gif_frame(gif, 0), png(start))
    assert_close(gif_frame(gif, 10), png(end))
    middle = gif_frame(gif, 5)
    assert np.abs(middle - png(end)).mean() > 3 and np.abs(middle - png(start)).mean() > 3


def test_by_default_the_last_frame_is_framed_like_the_still(qtbot, tmp_path):
    size = (640, 360)
    gif = export_animation(shear().scene, tmp_path / "a.gif", size=size, fps=5, duration=0.2)
    still = export_picture(shear().scene, tmp_path / "t1.png", size=size)
    assert_close(gif_frame(gif, 1), png(still))


def test_a_motion_that_leaves_the_still_is_framed_wider(qtbot, tmp_path):
    model = SceneModel(Matrix([[0.5, 0], [0, 0.5]]))
    gif = export_animation(model.scene, tmp_path / "a.gif", size=SIZE, fps=5, duration=0.2,
                           start=np.eye(2) * 3)
    first = export_picture(model.scene, tmp_path / "first.png", size=SIZE, display=np.eye(2) * 3)
    assert_close(gif_frame(gif, 0), png(first))  # the big start is in view as in its own still


def test_the_last_transition_starts_from_the_given_matrix(qtbot, tmp_path):
    model = SceneModel(Matrix([[2, 0], [0, 1]]))
    turn = rotation(np.pi / 2)
    gif = export_animation(model.scene, tmp_path / "b.gif", size=SIZE, fps=10, duration=0.5, start=turn,
                           rect=RECT, theme="light")
    first = export_picture(model.scene, tmp_path / "first.png", size=SIZE, display=turn, rect=RECT,
                           theme="light")
    last = export_picture(model.scene, tmp_path / "last.png", size=SIZE, rect=RECT, theme="light")
    assert_close(gif_frame(gif, 0), png(first))
    assert_close(gif_frame(gif, 5), png(last))
    assert model.theme == "dark"  # the light export did not change the scene


def test_cancel_leaves_nothing(qtbot, tmp_path):
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 3

    with pytest.raises(AnimationCancelled):
        export_animation(shear().scene, tmp_path / "c.gif", size=SIZE, fps=10, duration=1.0, progress=progress)
    assert calls == [(1, 11), (2, 11), (3, 11)]
    assert list(tmp_path.iterdir()) == []  # neither the file nor its temporary


def test_a_failure_midway_leaves_nothing_and_keeps_an_old_file(qtbot, tmp_path, monkeypatch):
    target = tmp_path / "d.gif"
    target.write_bytes(b"the previous animation")
    real, calls = animation_export.render_image, []

    def failing(*args, **kwargs):
        calls.append(1)
        if len(calls) > 5:
            raise RuntimeError("the painter fell over")
        return real(*args, **kwargs)

    monkeypatch.setattr(animation_export, "render_image", failing)
    with pytest.raises(ExportError, match="the painter fell over"):
        export_animation(shear().scene, target, size=SIZE, fps=10, duration=1.0)
    assert target.read_bytes() == b"the previous animation"
    assert list(tmp_path.iterdir()) == [target]


@pytest.mark.parametrize("name, options, fragment", [
    ("a.gif", {"fps": 0}, "frames per second"),
    ("a.gif", {"fps": 61}, "frames per second"),
    ("a.gif", {"duration": 0.05}, "duration"),
    ("a.gif", {"duration": 31}, "duration"),
    ("a.gif", {"size": (8, 200)}, "size"),
    ("a.gif", {"size": (5000, 200)}, "size"),
    ("a.png", {}, ".gif or .mp4"),
    ("missing/a.gif", {}, "does not exist"),
])
def test_bad_requests_are_refused_before_writing(qtbot, tmp_path, name, options, fragment):
    with pytest.raises(ExportError, match=fragment):
        export_animation(shear().scene, tmp_path / name, **{"size": SIZE, **options})
    assert list(tmp_path.iterdir()) == []


def test_mp4_without_imageio_ffmpeg_says_how_to_get_it(qtbot, tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "imageio_ffmpeg", None)  # import fails as if not installed
    with pytest.raises(ExportError, match=r"pip install 'linear-lens\[video\]'"):
        export_animation(shear().scene, tmp_path / "a.mp4", size=SIZE)
    assert list(tmp_path.iterdir()) == []


def test_mp4_with_imageio_ffmpeg(qtbot, tmp_path):
    imageio_ffmpeg = pytest.importorskip("imageio_ffmpeg")
    path = export_animation(shear().scene, tmp_path / "a.mp4", size=SIZE, fps=10, duration=0.5)
    assert path.read_bytes()[4:8] == b"ftyp"  # an MP4 container
    frames, seconds = imageio_ffmpeg.count_frames_and_secs(str(path))
    assert frames == 6 and seconds == pytest.approx(0.6, abs=0.05)
    assert list(tmp_path.iterdir()) == [path]



def mp4_frames(path, size) -> list[np.ndarray]:
    """Every frame of the video, decoded by ffmpeg to RGB."""
    import subprocess

    import imageio_ffmpeg

    decoded = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-loglevel", "error", "-i", str(path),
                              "-f", "rawvideo", "-pix_fmt", "rgb24", "-"], capture_output=True, check=True).stdout
    frames = np.frombuffer(decoded, np.uint8).reshape(-1, size[1], size[0], 3).astype(float)
    return list(frames)


def test_every_mp4_frame_is_its_own_moment_in_order(qtbot, tmp_path):
    """The frames go to ffmpeg from a ring of reused images on another thread: each decoded frame
    must match a fresh rendering of its own moment, closer than its neighbours' (an image drawn
    into again before it was written would show a later moment, or one twice)."""
    pytest.importorskip("imageio_ffmpeg")
    scene = SceneModel(Matrix([[0, -1], [1, 0]])).scene  # a quarter turn: every frame differs
    path = export_animation(scene, tmp_path / "turn.mp4", size=SIZE, fps=10, duration=1.0, rect=RECT)
    frames = mp4_frames(path, SIZE)
    assert len(frames) == 11
    source = animation_export.PlaneFrames(scene, SIZE, animation_export.TransformPath(np.eye(2), scene.matrix_floats),
                                          11, RECT, True)
    try:
        expected = [_rgb(image) for image in animation_export._images(
            _FreshImages(source), source_motion(scene), scene.matrix_floats, 11)]
    finally:
        source.close()
    for index, frame in enumerate(frames):
        errors = [np.abs(frame - still).mean() for still in expected]
        others = min(error for other, error in enumerate(errors) if other != index)
        assert errors[index] < 6.0, (index, errors)  # H.264 is lossy (thin lines, 4:2:0), but not by much
        assert errors[index] < others / 2, (index, errors)  # and it is this moment, not a neighbour


class _FreshImages:
    """A frame source that draws every frame into a new image (the reference for the ring)."""

    def __init__(self, source):
        self.source = source

    def render(self, display, t, _image=None):
        return self.source.render(display, t, None)


def source_motion(scene):
    return animation_export.TransformPath(np.eye(2), scene.matrix_floats)


def _rgb(image) -> np.ndarray:
    bits = image.constBits()
    bits.setsize(image.sizeInBytes())
    bgrx = np.frombuffer(bits, np.uint8).reshape(image.height(), image.bytesPerLine() // 4, 4)
    return bgrx[:, : image.width(), 2::-1].astype(float)



def test_mp4_colours_are_the_screen_colours_and_say_so(qtbot, tmp_path):
    """Frames are converted with the BT.709 matrix and the video is tagged so: decoded as its tags
    say, a flat Okabe–Ito orange comes back as itself (an untagged BT.601 video shows #EC9B00 in
    players that assume BT.709 for HD)."""
    import subprocess

    from PyQt6 import QtGui
    imageio_ffmpeg = pytest.importorskip("imageio_ffmpeg")
    orange = QtGui.QImage(64, 64, QtGui.QImage.Format.Format_RGB32)
    orange.fill(QtGui.QColor("#E69F00"))
    path = animation_export.write_animation(tmp_path / "orange.mp4", lambda: iter([orange] * 4), None,
                                            (64, 64), 10, True, 4, None)
    header = subprocess.run([imageio_ffmpeg.get_ffmpeg_exe(), "-i", str(path)], capture_output=True,
                            text=True).stderr
    assert "bt709/bt709/iec61966-2-1" in header
    centre = mp4_frames(path, (64, 64))[0][32, 32]
    assert np.abs(centre - [0xE6, 0x9F, 0x00]).max() <= 3, centre

def test_ffmpeg_failing_midway_is_one_error_and_leaves_nothing(qtbot, tmp_path, monkeypatch):
    """ffmpeg dying while frames stream (disk full, killed) surfaces as an ExportError on the
    drawing thread — no hang on the frames still queued — and no partial file is left."""
    imageio_ffmpeg = pytest.importorskip("imageio_ffmpeg")
    real = imageio_ffmpeg.write_frames

    def dying(*args, **kwargs):
        writer = real(*args, **kwargs)
        writer.send(None)  # start ffmpeg
        yield
        for _ in range(3):  # three frames go through, then ffmpeg is gone
            writer.send((yield))
        writer.close()
        raise OSError("ffmpeg: No space left on device")

    monkeypatch.setattr(imageio_ffmpeg, "write_frames", dying)
    target = tmp_path / "full.mp4"
    with deadline(30), pytest.raises(ExportError, match="No space left on device"):
        export_animation(shear().scene, target, size=SIZE, fps=10, duration=2.0)
    assert list(tmp_path.iterdir()) == []


class _NumberedFrames:
    """A frame source that paints frame k all in the blue value k, into the image it is given."""

    def __init__(self, size):
        self.size, self.drawn = size, 0

    def render(self, _display, _t, image=None):
        from PyQt6 import QtGui

        if image is None:
            image = QtGui.QImage(*self.size, QtGui.QImage.Format.Format_RGB32)
        image.fill(QtGui.QColor(0, 0, self.drawn))
        self.drawn += 1
        return image


def test_the_frame_pipe_writes_every_frame_whole_and_in_order_however_slow_ffmpeg_is(qtbot):
    """Frames are drawn into a ring of reused images while a writer thread hands earlier ones to
    ffmpeg: with ffmpeg slow, the drawing runs as far ahead as the pipe lets it, and still no
    image may be drawn into before its pixels were written (each payload must be its own frame,
    in order)."""
    import time

    assert animation_export.FRAME_RING >= animation_export.PIPE_DEPTH + 2
    size, count, written = (8, 4), 20, []

    def slow_ffmpeg(pixels):
        time.sleep(0.005)
        written.append(bytes(pixels))

    motion = animation_export.TransformPath(np.eye(2), np.eye(2))
    with deadline(30), animation_export.FramePipe(slow_ffmpeg) as pipe:
        for image in animation_export._images(_NumberedFrames(size), motion, np.eye(2), count):
            pipe.put(image, animation_export._pixels(image, size))
    assert [payload[0] for payload in written] == list(range(count))  # blue of the first pixel
    assert all(len(set(payload[0::4])) == 1 for payload in written)  # every pixel of one frame


def test_mp4_cancel_leaves_nothing(qtbot, tmp_path):
    pytest.importorskip("imageio_ffmpeg")
    with deadline(30), pytest.raises(AnimationCancelled):
        export_animation(shear().scene, tmp_path / "c.mp4", size=SIZE, fps=10, duration=1.0,
                         progress=lambda done, total: done < 4)
    assert list(tmp_path.iterdir()) == []

# -- the dialog ---------------------------------------------------------------------------
def make_dialog(qtbot, window, tmp_path, name="dialog.gif", start=None):
    from viz.animation_export_dialog import AnimationExportDialog

    dialog = AnimationExportDialog(window.studio.model, window.studio.view, window, start=start)
    qtbot.addWidget(dialog)
    dialog.path.setText(str(tmp_path / name))
    dialog.width_box.setValue(SIZE[0])
    dialog.height_box.setValue(SIZE[1])
    dialog.fps.setValue(10)
    dialog.duration.setValue(0.5)
    return dialog


def test_dialog_writes_the_animation_and_accepts(qtbot, tmp_path, window):
    window.studio.apply_matrix(Matrix([[1, 1], [0, 1]]))
    window.studio.animator.finish()
    dialog = make_dialog(qtbot, window, tmp_path)
    assert not dialog.from_last.isEnabled()  # no start given: only "from the identity"
    assert dialog.save()
    assert dialog.saved_path == tmp_path / "dialog.gif"
    assert dialog.result() == QtWidgets.QDialog.DialogCode.Accepted
    with Image.open(dialog.saved_path) as gif:
        assert gif.n_frames == 6 and gif.size == SIZE


def test_dialog_offers_the_last_transition_and_mp4_only_when_installed(qtbot, tmp_path, window,
                                                                       monkeypatch):
    import viz.animation_export_dialog as module

    monkeypatch.setattr(module, "video_available", lambda: False)
    dialog = make_dialog(qtbot, window, tmp_path, start=np.eye(2) * 2)
    assert dialog.from_last.isEnabled()
    assert dialog.options()["start"] is None
    dialog.from_last.setChecked(True)
    assert np.array_equal(dialog.options()["start"], np.eye(2) * 2)
    mp4 = dialog.format.model().item(1)
    assert not mp4.isEnabled() and "linear-lens[video]" in mp4.toolTip()
    dialog.format.setCurrentIndex(0)
    assert dialog.path.text().endswith(".gif")


def test_dialog_cancel_and_failure_leave_no_file(qtbot, tmp_path, window, monkeypatch):
    dialog = make_dialog(qtbot, window, tmp_path)
    monkeypatch.setattr(QtWidgets.QProgressDialog, "wasCanceled", lambda self: True)
    assert not dialog.save()
    assert dialog.saved_path is None and list(tmp_path.iterdir()) == []
    monkeypatch.undo()
    warnings = []
    monkeypatch.setattr(QtWidgets.QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    dialog.path.setText(str(tmp_path / "no such folder" / "a.gif"))
    assert not dialog.save()
    assert warnings and "does not exist" in warnings[0]
    assert dialog.saved_path is None and list(tmp_path.iterdir()) == []
