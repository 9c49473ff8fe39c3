"""ML lab speed: PCA of a million-row CSV through the command line, gradient descent, SVD facts.

Prints JSON lines (see ``_stats.emit``):

* ``ml_pca_cli_1e6x2`` — wall time of ``python -m viz pca --csv …`` on a generated
  1,000,000 × 2 CSV (floats), the whole process from start to exit; target ≤ 2000 ms.
* ``ml_pca_cli_1e6x2_integers`` — the same with whole numbers (the exact covariance).
* ``ml_gd_10000_steps`` — :func:`viz.labs.ml.descent.descend` for 10,000 heavy-ball steps of a
  2×2 bowl, with the losses and the per-direction errors; target ≤ 50 ms.
* ``ml_svd_facts_3x3`` — :func:`viz.labs.ml.singular.singular_facts` of exact 3×3 matrices
  (rational σ², and a cubic for σ²), the kernel's eigen caches emptied before each repeat.

Median and p95 over repeats.

    python bench/ml.py [--quick]
"""

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from _stats import emit, summary  # noqa: E402
from kernels import eigen, parse_matrix  # noqa: E402
from viz.labs.ml.descent import descend, quadratic  # noqa: E402
from viz.labs.ml.singular import singular_facts  # noqa: E402

PCA_TARGET_MS = 2000.0
GD_TARGET_MS = 50.0


def write_csv(path: Path, integers: bool) -> None:
    rng = np.random.default_rng(0)
    points = rng.multivariate_normal([1, 2], [[3, 1], [1, 2]], size=1_000_000)
    with open(path, "w") as handle:
        handle.write("x,y\n")
        if integers:
            np.savetxt(handle, np.round(points * 100), delimiter=",", fmt="%d")
        else:
            np.savetxt(handle, points, delimiter=",", fmt="%.6f")


def time_cli(path: Path, repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "viz", "pca", "--csv", str(path)], check=True,
                       capture_output=True)
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats")
    repeats = 3 if parser.parse_args().quick else 7
    with tempfile.TemporaryDirectory() as folder:
        for integers, name in ((False, "ml_pca_cli_1e6x2"), (True, "ml_pca_cli_1e6x2_integers")):
            path = Path(folder) / f"{name}.csv"
            write_csv(path, integers)
            emit(name, **summary(time_cli(path, repeats)), target_ms=PCA_TARGET_MS,
                 file_mb=round(path.stat().st_size / 1e6, 1))
    bowl = quadratic(parse_matrix("50.5 49.5; 49.5 50.5"))
    samples = []
    for _ in range(repeats * 10):
        start = time.perf_counter()
        descend(bowl, [2.0, 1.0], 0.0198, 0.5, 10_000)
        samples.append((time.perf_counter() - start) * 1000)
    emit("ml_gd_10000_steps", **summary(samples), target_ms=GD_TARGET_MS)
    for text, kind in (("2 0 1; 0 3 0; 1 0 2", "rational_sigma_squared"),
                       ("1 2 0; 0 1 3; 1 0 1", "cubic_sigma_squared")):
        matrix = parse_matrix(text)
        samples = []
        for _ in range(repeats * 20):
            eigen._cached_spectrum.cache_clear()
            eigen._cached_eigenvectors.cache_clear()
            start = time.perf_counter()
            singular_facts(matrix)
            samples.append((time.perf_counter() - start) * 1000)
        emit(f"ml_svd_facts_3x3_{kind}", **summary(samples))


if __name__ == "__main__":
    main()
