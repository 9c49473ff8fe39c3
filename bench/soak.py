"""Soak: one process, one MainWindow, many frames and edits — does anything pile up?

Off-screen, it plays 10 000 animation frames (random paths between random matrices, each
frame pushed through ``window.studio._on_frame`` and painted with ``view.viewport().repaint()``)
and 1 000 matrix edits through the undo stack (``window.studio.apply_matrix``: random exact and
float matrices, a fifth of them singular), with ``processEvents`` between edits. It prints
RSS memory and the number of QGraphicsItems in the view's scene after a warm-up and at the
end, plus the time taken. Target: RSS growth ≤ a few MB, a constant item count.

    python bench/soak.py [--frames 10000] [--edits 1000] [--seed 7]
"""

import argparse
import gc
import os
import random
import sys
import time
from fractions import Fraction
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402
from PyQt6 import QtWidgets  # noqa: E402

from _stats import emit  # noqa: E402
from kernels import Matrix  # noqa: E402
from viz.app import MainWindow  # noqa: E402
from viz.interpolation import TransformPath  # noqa: E402

RSS_GROWTH_TARGET_MB = 5.0
WARMUP_FRAMES = 300
WARMUP_EDITS = 30


def rss_mb() -> float:
    """Resident set size of this process now (VmRSS), in MiB."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    raise RuntimeError("no VmRSS in /proc/self/status")


def random_matrix(rng: random.Random) -> Matrix:
    """A 2×2 a learner might type: small integers, simple fractions or floats; some singular."""
    exact = rng.random() < 0.5
    def entry():
        if exact:
            return Fraction(rng.randint(-6, 6), rng.choice((1, 1, 2, 3, 4)))
        return round(rng.uniform(-3.0, 3.0), rng.choice((1, 2, 6)))
    a, b, c = entry(), entry(), entry()
    if rng.random() < 0.2:  # singular: second row a multiple of the first (or zero)
        k = entry()
        return Matrix([[a, b], [k * a, k * b]])
    return Matrix([[a, b], [c, entry()]])


def scene_items(window) -> int:
    return len(window.studio.view.scene().items())


def play_frames(app, window, rng: random.Random, frames: int, per_path: int = 60) -> None:
    viewport = window.studio.view.viewport()
    done = 0
    while done < frames:
        start = np.array(random_matrix(rng).to_floats())
        end = np.array(random_matrix(rng).to_floats())
        path = TransformPath(start, end)
        steps = min(per_path, frames - done)
        for k in range(steps):
            t = k / max(per_path - 1, 1)
            window.studio._on_frame(path.at(t), t)
            viewport.repaint()
        done += steps
        app.processEvents()


def make_edits(app, window, rng: random.Random, edits: int) -> None:
    for k in range(edits):
        window.studio.apply_matrix(random_matrix(rng), "Soak edit")
        app.processEvents()
        if k % 10 == 9:  # let an animation run its course now and then, then settle
            window.studio.animator.finish()
            window.studio.view.viewport().repaint()
            app.processEvents()
    window.studio.animator.finish()
    app.processEvents()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=10_000)
    parser.add_argument("--edits", type=int, default=1_000)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    app = QtWidgets.QApplication.instance() or QtWidgets.QApplication([])
    window = MainWindow()
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    rss_launch = rss_mb()

    # warm-up: first paints, font and pen caches, lazy imports are one-time costs, not leaks
    play_frames(app, window, rng, WARMUP_FRAMES)
    make_edits(app, window, rng, WARMUP_EDITS)
    gc.collect()
    rss_start, items_start = rss_mb(), scene_items(window)

    started = time.perf_counter()
    play_frames(app, window, rng, args.frames)
    gc.collect()
    rss_after_frames, items_after_frames = rss_mb(), scene_items(window)
    frames_s = time.perf_counter() - started

    started = time.perf_counter()
    make_edits(app, window, rng, args.edits)
    gc.collect()
    rss_end, items_end = rss_mb(), scene_items(window)
    edits_s = time.perf_counter() - started

    growth = rss_end - rss_start
    emit("soak_frames", frames=args.frames, seconds=round(frames_s, 2),
         ms_per_frame=round(1000 * frames_s / max(args.frames, 1), 3),
         rss_start_mb=round(rss_start, 1), rss_end_mb=round(rss_after_frames, 1),
         rss_growth_mb=round(rss_after_frames - rss_start, 2),
         items_start=items_start, items_end=items_after_frames)
    emit("soak_edits", edits=args.edits, seconds=round(edits_s, 2),
         ms_per_edit=round(1000 * edits_s / max(args.edits, 1), 3),
         rss_start_mb=round(rss_after_frames, 1), rss_end_mb=round(rss_end, 1),
         rss_growth_mb=round(rss_end - rss_after_frames, 2),
         items_start=items_after_frames, items_end=items_end,
         undo_stack_count=window.undo_stack.count())
    emit("soak", frames=args.frames, edits=args.edits, seconds=round(frames_s + edits_s, 2),
         rss_at_launch_mb=round(rss_launch, 1), rss_start_mb=round(rss_start, 1),
         rss_end_mb=round(rss_end, 1), rss_growth_mb=round(growth, 2),
         target_rss_growth_mb=RSS_GROWTH_TARGET_MB, items_start=items_start, items_end=items_end,
         meets_target=growth <= RSS_GROWTH_TARGET_MB and items_end == items_start)
    window.undo_stack.setClean()  # nothing to save: closing must not ask
    window.close()


if __name__ == "__main__":
    main()
