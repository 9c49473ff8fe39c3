"""Edit latency: Enter in a matrix cell → the first animation frame painted, in the real window.

Each edit types a value into a cell of the studio's matrix editor and presses Return (a real
key event: the cell's ``editingFinished`` → the grid's ``committed`` → the undo stack → the
model → the animator). The clock stops once the animator has delivered its first frame to the
view (synchronously, at t = 0) *and* the view has painted it, forced: a repaint of the plane
view's viewport, or for the 3D view a render read back with ``grabFramebuffer``. Before each
edit the previous animation is finished and the event loop has run, so every edit starts from
rest. Every edit makes a matrix not seen before (no cached kernel analysis): the cells in turn,
each set alternately near its identity value and 0.5 above it.

Prints JSON lines for the 2×2 (plane) and, when OpenGL is available, the 3×3 (space) studio:

* ``edit_latency_NxN``: the figure above, against its target (p95 ≤ 16 ms, one 60 Hz frame),
  with the forced repaint with no edit as a baseline measured in the same run, and the ratio;
* ``edit_latency_NxN_baseline_repaint``: that baseline;
* ``edit_latency_NxN_repeated_values``: one cell alternating between two values, so after the
  first two edits the kernel's analysis of both matrices is cached;
* ``edit_latency_NxN_event_loop_paint``: no forced paint, the event loop's own paint of the view
  (with the rest of the window that changed), as a user sees it;
* ``edit_latency_NxN_first_moving_frame``: until the first frame with t > 0 (the animator's
  timer, one tick after the commit) is delivered and painted.

The 3×3 part needs OpenGL, hence a display; otherwise it prints why it was skipped:

    python bench/edit_latency.py [--edits 60]
    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb python bench/edit_latency.py
"""

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from viz.gl_support import share_gl_contexts  # noqa: E402

share_gl_contexts()

from PyQt6 import QtCore, QtWidgets  # noqa: E402
from PyQt6.QtTest import QTest  # noqa: E402

from _stats import emit, summary  # noqa: E402
from viz.app import MainWindow  # noqa: E402
from viz.gl_support import opengl_problem  # noqa: E402
from viz.preferences import Preferences  # noqa: E402

TARGET_P95_MS = 16.0
WARMUP = 5  # edits (and repaints) run first and not counted: they warm caches
TIMEOUT_MS = 5000  # an event-loop wait that takes longer than this is a failure


class FrameProbe:
    """Records each frame the animator emits. Connected after the studio's own slot, so when it
    runs the view has already been handed the frame (``show_matrix``)."""

    def __init__(self, animator):
        self.frames: list[tuple[float, float]] = []  # (perf_counter, t)
        animator.frame.connect(self._on_frame)

    def _on_frame(self, _matrix, t: float) -> None:
        self.frames.append((time.perf_counter(), t))


class PaintWatcher(QtCore.QObject):
    """Quits ``loop`` when ``widget`` gets a paint event (the paint runs before the loop returns)."""

    def __init__(self, widget: QtWidgets.QWidget):
        super().__init__()
        self.loop: QtCore.QEventLoop | None = None
        widget.installEventFilter(self)

    def eventFilter(self, _obj, event) -> bool:
        if event.type() == QtCore.QEvent.Type.Paint and self.loop is not None:
            self.loop.quit()
            self.loop = None
        return False


def wait_for_paint(watcher: PaintWatcher) -> None:
    """Run the event loop until the watched widget has been painted."""
    loop = QtCore.QEventLoop()
    timeout = QtCore.QTimer(loop)  # dies with the loop: never quits a later one
    timeout.setSingleShot(True)
    timeout.timeout.connect(loop.quit)
    timeout.start(TIMEOUT_MS)
    watcher.loop = loop
    loop.exec()
    if watcher.loop is not None:
        watcher.loop = None
        raise RuntimeError("the view was not painted within the timeout")


def wait_for_moving_frame(app, probe: FrameProbe) -> None:
    """Run the event loop until the animator has emitted a frame with t > 0 (its timer ticked)."""
    deadline = time.perf_counter() + TIMEOUT_MS / 1000
    while not any(t > 0 for _, t in probe.frames):
        app.processEvents(QtCore.QEventLoop.ProcessEventsFlag.AllEvents)
        if time.perf_counter() > deadline:
            raise RuntimeError("the animator delivered no moving frame within the timeout")


def new_values(n: int, count: int, first: int):
    """``count`` edits ``(row, column, text)``, each one a matrix never seen before in this run:
    the cells in turn, alternately near their identity value and 0.5 above it, plus a unique
    millionth (``first`` + the edit's index, so each call must be given its own range)."""
    cells = [(row, column) for row in range(n) for column in range(n)]
    for k in range(count):
        row, column = cells[k % len(cells)]
        serial = first + k + 1
        if serial >= 500_000:
            raise ValueError("too many edits for unique values")
        micro = 1_000_000 * int(row == column) + 500_000 * ((k // len(cells)) % 2 == 0) + serial
        yield row, column, f"{micro // 1_000_000}.{micro % 1_000_000:06d}"


def repeated_values(n: int, count: int):
    """One cell (row 1, column n) alternating between 1 and 0: two matrices, analysed once each."""
    for k in range(count):
        yield 0, n - 1, "1" if k % 2 == 0 else "0"


class Bench:
    """The window and the studio's current view, with a forced paint for that view."""

    def __init__(self, app, window: MainWindow):
        self.app, self.window, self.studio = app, window, window.studio
        self.probe = FrameProbe(self.studio.animator)
        view = self.studio.current_view()
        if self.studio.model.dimension == 2:
            self.painted = view.viewport()
            self.paint = self.painted.repaint  # PlotWidget.repaint() would paint nothing
        else:
            self.painted = view
            self.paint = view.grabFramebuffer  # render + wait (read back); repaint() may skip paintGL
        self.view = view
        self.watcher = PaintWatcher(self.painted)

    def settle(self) -> None:
        """Finish the animation, paint it and let the event loop do everything pending."""
        self.studio.animator.finish()
        self.paint()
        self.app.processEvents()
        self.app.processEvents()

    def baseline(self, count: int) -> list[float]:
        self.settle()
        samples = []
        for _ in range(count + WARMUP):
            start = time.perf_counter()
            self.paint()
            samples.append((time.perf_counter() - start) * 1000)
        return samples[WARMUP:]

    def edits(self, values, mode: str) -> dict[str, list[float]]:
        """Time each edit; ``mode`` is "forced", "event_loop" or "first_moving"."""
        total, to_frame, handled = [], [], []
        for index, (row, column, text) in enumerate(values):
            self.settle()
            cell = self.studio.matrix_editor.cell(row, column)
            cell.setFocus()
            cell.setText(text)
            self.app.processEvents()
            before = self.studio.model.matrix
            self.probe.frames.clear()
            start = time.perf_counter()
            QTest.keyClick(cell, QtCore.Qt.Key.Key_Return)
            returned = time.perf_counter()
            if mode == "forced":
                self.paint()
            elif mode == "event_loop":
                wait_for_paint(self.watcher)
            else:
                wait_for_moving_frame(self.app, self.probe)
                self.paint()
            end = time.perf_counter()
            if self.studio.model.matrix == before or not self.probe.frames:
                raise RuntimeError(f"typing {text!r} into cell ({row + 1}, {column + 1}) changed nothing")
            frame_at = next(at for at, t in self.probe.frames if mode != "first_moving" or t > 0)
            if index >= WARMUP:
                total.append((end - start) * 1000)
                to_frame.append((frame_at - start) * 1000)
                handled.append((returned - start) * 1000)
        return {"total": total, "to_frame": to_frame, "handled": handled}


def measure(bench: Bench, n: int, count: int) -> None:
    """All the figures for the current (n×n) studio."""
    name = f"edit_latency_{n}x{n}"
    common = {"view": f"{bench.view.width()}x{bench.view.height()}",
              "platform": bench.app.platformName(), "edits": count}
    base = summary(bench.baseline(count))
    runs = count + WARMUP
    forced = bench.edits(new_values(n, runs, 0), "forced")
    repeated = bench.edits(repeated_values(n, runs), "forced")
    looped = bench.edits(new_values(n, runs, runs), "event_loop")
    moving = bench.edits(new_values(n, runs, 2 * runs), "first_moving")
    paint = "grabFramebuffer (render + read-back)" if n == 3 else "viewport().repaint()"

    def parts(samples: dict[str, list[float]]) -> dict:
        """Where the time goes (medians): the frame reaches the view, the key event returns
        (the rest of the commit: panels, editor), and the rest (the paint, or the loop's wait)."""
        return {"breakdown_median_ms": {
            "first_frame_delivered": summary(samples["to_frame"])["median_ms"],
            "key_event_returned": summary(samples["handled"])["median_ms"]}}

    emit(f"{name}_baseline_repaint", **common, **base, paint=paint, note="the forced paint, no edit")
    figure = summary(forced["total"])
    emit(name, **common, **figure, target="p95 ≤ 16 ms", target_p95_ms=TARGET_P95_MS,
         meets_target=figure["p95_ms"] <= TARGET_P95_MS, baseline_median_ms=base["median_ms"],
         ratio_to_baseline=round(figure["median_ms"] / max(base["median_ms"], 1e-9), 2),
         **parts(forced), paint=paint, values="a new matrix every edit (kernel analysis not cached)")
    emit(f"{name}_repeated_values", **common, **summary(repeated["total"]), **parts(repeated),
         paint=paint, values="one cell alternating 1 / 0 (kernel analysis cached)")
    emit(f"{name}_event_loop_paint", **common, **summary(looped["total"]), **parts(looped),
         paint="the event loop's own paint of the view (no forced paint)",
         values="a new matrix every edit")
    emit(f"{name}_first_moving_frame", **common, **summary(moving["total"]), **parts(moving),
         paint=paint, values="a new matrix every edit",
         note="until the first frame with t > 0 (the animator's timer: one 16 ms tick) is painted")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edits", type=int, default=60, help="timed edits per figure (≥ 50 advised)")
    args = parser.parse_args()
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    with tempfile.TemporaryDirectory() as folder:
        # default preferences (1 s, smooth easing), whatever this user chose; no autosave
        window = MainWindow(data_folder=folder, preferences=Preferences())
        window.show()
        QTest.qWaitForWindowExposed(window)
        app.processEvents()
        measure(Bench(app, window), 2, args.edits)

        problem = opengl_problem()
        if problem:
            emit("edit_latency_3x3", skipped=problem, platform=app.platformName())
        else:
            window.studio.switch_dimension(3)
            app.processEvents()
            QTest.qWait(50)  # the new GL widget is created and exposed
            measure(Bench(app, window), 3, args.edits)
        window.undo_stack.setClean()  # the edits were throwaway: no "Save changes?" on a display
        window.close()


if __name__ == "__main__":
    main()
