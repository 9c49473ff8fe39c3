"""Small helpers shared by the benchmarks: percentiles and one JSON line per figure."""

import json
import platform
import statistics


def summary(samples_ms: list[float]) -> dict:
    """Median and 95th percentile (nearest rank) of samples in milliseconds."""
    ordered = sorted(samples_ms)
    p95 = ordered[min(len(ordered) - 1, max(0, round(0.95 * len(ordered)) - 1))]
    return {"median_ms": round(statistics.median(ordered), 3), "p95_ms": round(p95, 3),
            "samples": len(ordered)}


def emit(name: str, **fields) -> None:
    """Print one JSON line describing one measured figure."""
    print(json.dumps({"bench": name, **fields, "python": platform.python_version()}), flush=True)


def time_frames(frame, viewports, frames: int, warm_up: int = 5) -> list[float]:
    """Milliseconds per frame: ``frame(i)`` for i = 0 … frames − 1, then a repaint of every
    viewport; the first ``warm_up`` frames (caches filling) are dropped."""
    import time

    samples = []
    for i in range(frames):
        start = time.perf_counter()
        frame(i)
        for viewport in viewports:
            viewport.repaint()
        samples.append((time.perf_counter() - start) * 1000)
    return samples[warm_up:]
