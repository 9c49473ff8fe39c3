"""Kernel speed: matrix multiplication three ways (against numpy), and one full 3×3 analysis.

Prints JSON lines (see ``_stats.emit``):

* ``matmul_<impl>_n<N>`` — ms per product of two random N×N float matrices for
  ``matmul_naive``, ``matmul_optimized`` and ``matmul_blocked`` (block 32), N = 32…256, with
  numpy's time for the same product in the same run and the ratios optimized vs naive,
  blocked vs optimized, numpy vs optimized; one exact ``Fraction`` row at N = 32 and 64.
* ``analysis_3x3_<kind>`` — µs for det, inverse, rref, eigenvalues + eigenvectors and
  describe of one 3×3 matrix, exact (rational) and float: median and p95 over repeats.

Targets printed beside the figures: ``matmul_optimized`` ≥ 3× faster than naive at N = 128;
a full 3×3 analysis ≤ 300 µs. The whole script takes about a minute on 2 cores.

    python bench/kernels.py [--quick]
"""

import argparse
import random
import sys
import time
from fractions import Fraction
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import numpy as np  # noqa: E402

from _stats import emit, summary  # noqa: E402
from kernels import (  # noqa: E402
    Matrix,
    describe,
    det,
    eigenvalues,
    eigenvectors,
    inverse,
    matmul_blocked,
    matmul_naive,
    matmul_optimized,
    rref,
)

SIZES = (32, 64, 128, 256)
SPEEDUP_TARGET_N = 128
SPEEDUP_TARGET = 3.0
ANALYSIS_TARGET_US = 300.0


def repeats_for(n: int, naive: bool) -> int:
    """Enough repeats for a stable median, but one naive product at n = 256 (≈ 10 s)."""
    if n >= 256:
        return 1 if naive else 3
    return {32: 15, 64: 7, 128: 3}[n]


def time_ms(function, repeats: int) -> list[float]:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def random_matrix(rng: random.Random, n: int, exact: bool = False) -> Matrix:
    if exact:
        return Matrix([[Fraction(rng.randint(-99, 99), rng.randint(1, 9)) for _ in range(n)]
                       for _ in range(n)])
    return Matrix([[rng.uniform(-1.0, 1.0) for _ in range(n)] for _ in range(n)])


def bench_matmul(rng: random.Random, n: int, exact: bool) -> None:
    A, B = random_matrix(rng, n, exact), random_matrix(rng, n, exact)
    kind = "exact" if exact else "float"
    implementations = {
        "naive": lambda: matmul_naive(A, B),
        "optimized": lambda: matmul_optimized(A, B),
        "blocked": lambda: matmul_blocked(A, B, block=32),
    }
    # the three must agree to the last bit (same additions, same order): check once
    reference = implementations["optimized"]()
    assert implementations["blocked"]() == reference, "blocked differs from optimized"
    results = {}
    for name, function in implementations.items():
        repeats = repeats_for(n, naive=(name == "naive"))
        if exact:
            repeats = max(1, repeats // 3)
        results[name] = summary(time_ms(function, repeats))
    if not exact:
        a, b = np.array(A.to_floats()), np.array(B.to_floats())
        results["numpy"] = summary(time_ms(lambda: a @ b, 50))
        assert np.allclose(a @ b, np.array(reference.to_floats()))
    naive, optimized, blocked = (results[k]["median_ms"] for k in ("naive", "optimized", "blocked"))
    ratios = {
        "optimized_speedup_vs_naive": round(naive / optimized, 2),
        "blocked_time_vs_optimized": round(blocked / optimized, 2),
    }
    if "numpy" in results:
        ratios["numpy_speedup_vs_optimized"] = round(optimized / max(results["numpy"]["median_ms"], 1e-6), 1)
    for name, figures in results.items():
        extra = {}
        if name == "optimized" and n == SPEEDUP_TARGET_N and not exact:
            extra = {"target_speedup_vs_naive": SPEEDUP_TARGET,
                     "meets_target": ratios["optimized_speedup_vs_naive"] >= SPEEDUP_TARGET}
        emit(f"matmul_{name}_{kind}_n{n}", n=n, **figures, **extra)
    emit(f"matmul_ratios_{kind}_n{n}", n=n, **ratios)


def full_analysis(M: Matrix) -> None:
    det(M)
    inverse(M)
    rref(M)
    eigenvalues(M)
    eigenvectors(M)
    describe(M)


ANALYSED = {
    # invertible, three distinct rational eigenvalues (1, 2, 3): the common teaching case
    "exact": Matrix([[2, 1, 0], [1, 2, 0], [Fraction(1, 2), 0, 3]]),
    "float": Matrix([[0.8, -0.6, 0.1], [0.6, 0.8, 0.2], [0.0, 0.3, 1.5]]),
}


def bench_analysis(repeats: int) -> None:
    for kind, M in ANALYSED.items():
        for _ in range(20):  # warm up caches and lazy imports
            full_analysis(M)
        samples_us = [ms * 1000 for ms in time_ms(lambda M=M: full_analysis(M), repeats)]
        figures = summary(samples_us)
        emit(f"analysis_3x3_{kind}", median_us=figures["median_ms"], p95_us=figures["p95_ms"],
             samples=figures["samples"], target_us=ANALYSIS_TARGET_US,
             meets_target=figures["median_ms"] <= ANALYSIS_TARGET_US)
        # where the time goes, one part at a time
        parts = {"det": det, "inverse": inverse, "rref": rref, "eigenvalues": eigenvalues,
                 "eigenvectors": eigenvectors, "describe": describe}
        split = {}
        for name, function in parts.items():
            samples_us = [ms * 1000 for ms in time_ms(lambda f=function, M=M: f(M), repeats)]
            split[name] = summary(samples_us)["median_ms"]
        emit(f"analysis_3x3_{kind}_parts_median_us", **split)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="n ≤ 128 and fewer repeats (a smoke run)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sizes = SIZES[:3] if args.quick else SIZES
    bench_analysis(200 if args.quick else 1000)
    for n in sizes:
        bench_matmul(rng, n, exact=False)
    for n in (32, 64):
        bench_matmul(rng, n, exact=True)


if __name__ == "__main__":
    main()
