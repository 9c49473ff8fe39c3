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
