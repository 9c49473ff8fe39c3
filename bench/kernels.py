"""Kernel speed: matrix multiplication four ways (against numpy), and one full 3×3 analysis.

Prints JSON lines (see ``_stats.emit``):

* ``matmul_<impl>_<kind>_n<N>`` — ms per product of two random N×N matrices for
  ``matmul_naive``, ``matmul_ikj``, ``matmul_optimized`` and ``matmul_blocked`` (block 32):
  floats at N = 32…256, with numpy's time for the same product in the same run; exact
  integers at N = 32…128; exact fractions at N = 32 and 64. Ratios: optimized vs naive,
  i-k-j vs naive, blocked vs optimized, numpy vs optimized.
* ``analysis_3x3_<kind>`` — µs for det, inverse, rref, eigenvalues + eigenvectors and
  describe of one 3×3 matrix (exact integer, exact rational, irrational eigenvalues, float):
  median and p95 over repeats, with the eigen caches warm (``cached``) and emptied before
  every repeat (``uncached``, as for a matrix the kernel has not seen).

Targets printed beside the figures: ``matmul_optimized`` ≥ 3× faster than naive at N = 128
(floats, and exact integers, where it must also take ≤ 0.6 s); a full 3×3 analysis ≤ 300 µs.
The whole script takes about two minutes on 2 cores.

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
    eigen,  # noqa: E402
    eigenvalues,
    eigenvectors,
    inverse,
    matmul_blocked,
    matmul_naive,
    matmul_optimized,
    rref,
)

try:  # the i-k-j order is new in issue 12; the script still runs on older kernels
    from kernels import matmul_ikj  # noqa: E402
except ImportError:
    matmul_ikj = None

SIZES = (32, 64, 128, 256)
SPEEDUP_TARGET_N = 128
SPEEDUP_TARGET = 3.0
EXACT_MATMUL_TARGET_MS = 600.0
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


def random_matrix(rng: random.Random, n: int, kind: str) -> Matrix:
    if kind == "exact":
        return Matrix([[Fraction(rng.randint(-99, 99), rng.randint(1, 9)) for _ in range(n)]
                       for _ in range(n)])
    if kind == "integer":
        return Matrix([[rng.randint(-99, 99) for _ in range(n)] for _ in range(n)])
    return Matrix([[rng.uniform(-1.0, 1.0) for _ in range(n)] for _ in range(n)])


def bench_matmul(rng: random.Random, n: int, kind: str) -> None:
    A, B = random_matrix(rng, n, kind), random_matrix(rng, n, kind)
    exact = kind != "float"
    implementations = {
        "naive": lambda: matmul_naive(A, B),
        "optimized": lambda: matmul_optimized(A, B),
        "blocked": lambda: matmul_blocked(A, B, block=32),
    }
    if matmul_ikj is not None:
        implementations["ikj"] = lambda: matmul_ikj(A, B)
    # they must all agree to the last bit (same additions, same order): check once
    reference = implementations["optimized"]()
    for name in ("blocked", "ikj"):
        if name in implementations:
            assert implementations[name]() == reference, f"{name} differs from optimized"
    results = {}
    for name, function in implementations.items():
        repeats = repeats_for(n, naive=(name in ("naive", "ikj")))
        if exact and name != "optimized":
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
    if "ikj" in results:
        ratios["ikj_speedup_vs_naive"] = round(naive / results["ikj"]["median_ms"], 2)
    if "numpy" in results:
        ratios["numpy_speedup_vs_optimized"] = round(optimized / max(results["numpy"]["median_ms"], 1e-6), 1)
    for name, figures in results.items():
        extra = {}
        if name == "optimized" and n == SPEEDUP_TARGET_N and kind in ("float", "integer"):
            meets = ratios["optimized_speedup_vs_naive"] >= SPEEDUP_TARGET
            extra = {"target_speedup_vs_naive": SPEEDUP_TARGET}
            if kind == "integer":
                extra["target_ms"] = EXACT_MATMUL_TARGET_MS
                meets = meets and figures["median_ms"] <= EXACT_MATMUL_TARGET_MS
            extra["meets_target"] = meets
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
    # invertible, eigenvalues 3 (twice) and 1: the common teaching case, in whole numbers
    "exact_integer": Matrix([[2, 1, 0], [1, 2, 0], [1, 0, 3]]),
    # the same with a fraction (the figure BENCHMARKS.md quoted before issue 12)
    "exact": Matrix([[2, 1, 0], [1, 2, 0], [Fraction(1, 2), 0, 3]]),
    # a generic integer matrix: three irrational eigenvalues (an irreducible cubic)
    "exact_irrational": Matrix([[1, 2, 3], [4, 5, 6], [7, 8, 10]]),
    "float": Matrix([[0.8, -0.6, 0.1], [0.6, 0.8, 0.2], [0.0, 0.3, 1.5]]),
}


def forget_eigen() -> None:
    """Empty the kernel's eigen caches, as for a matrix it has never seen."""
    for name in ("_cached_spectrum", "_cached_eigenvectors", "_eigenspaces_modulo"):
        cache = getattr(eigen, name, None)
        if cache is not None:
            cache.cache_clear()


def bench_analysis(repeats: int) -> None:
    parts = {"det": det, "inverse": inverse, "rref": rref, "eigenvalues": eigenvalues,
             "eigenvectors": eigenvectors, "describe": describe}
    for kind, M in ANALYSED.items():
        for _ in range(20):  # warm up caches and lazy imports
            full_analysis(M)
        for cached in (True, False):
            def run(M=M, cached=cached):
                if not cached:
                    forget_eigen()
                full_analysis(M)
            samples_us = [ms * 1000 for ms in time_ms(run, repeats)]
            figures = summary(samples_us)
            label = "cached" if cached else "uncached"
            emit(f"analysis_3x3_{kind}_{label}", median_us=figures["median_ms"], p95_us=figures["p95_ms"],
                 samples=figures["samples"], target_us=ANALYSIS_TARGET_US,
                 meets_target=figures["median_ms"] <= ANALYSIS_TARGET_US)
            # where the time goes, one part at a time (each part uncached, if asked)
            split = {}
            for name, function in parts.items():
                def part(f=function, M=M, cached=cached):
                    if not cached:
                        forget_eigen()
                    f(M)
                split[name] = summary([ms * 1000 for ms in time_ms(part, repeats)])["median_ms"]
            emit(f"analysis_3x3_{kind}_{label}_parts_median_us", **split)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="n ≤ 128 and fewer repeats (a smoke run)")
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    sizes = SIZES[:3] if args.quick else SIZES
    bench_analysis(200 if args.quick else 1000)
    for n in sizes:
        bench_matmul(rng, n, "float")
    for n in sizes[:3]:
        bench_matmul(rng, n, "integer")
    for n in (32, 64):
        bench_matmul(rng, n, "exact")


if __name__ == "__main__":
    main()
