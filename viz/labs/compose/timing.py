"""The kernel's four matrix products and numpy's ``@``, timed on random float matrices.

All five compute the same C = AB, C[i][j] = Σ_k A[i][k]·B[k][j]: n³ multiplications and
additions for n×n matrices. How long that takes depends on how the work reaches the machine —
how many interpreted steps each term costs, and whether the numbers come from the cache or
from main memory. :data:`METHODS` says what each one teaches; :func:`measure` times them.

Qt-free: the lab runs :func:`measure` on a worker thread (it reports each point and its
progress through callbacks and asks ``cancelled()`` between measurements), and a bench
script can call it as it is.
"""

from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass

import numpy as np

from kernels import Matrix
from kernels.multiplication import matmul_blocked, matmul_ikj, matmul_naive, matmul_optimized

DEFAULT_SIZES = (32, 64, 128, 256)
DEFAULT_REPEATS = 3


@dataclass(frozen=True)
class Method:
    """One way to multiply: its name (as the chart's legend shows it), the function, whether it
    takes numpy arrays (else kernel matrices), and what it teaches, in a sentence."""
    name: str
    multiply: Callable
    lesson: str
    takes_arrays: bool = False


METHODS = (
    Method("matmul_naive", matmul_naive,
           "the definition, loop by loop: every A[i][k] and B[k][j] is a fresh lookup the "
           "interpreter works out, n³ times, and B is read down its columns."),
    Method("matmul_ikj", matmul_ikj,
           "the loop order C programmers pick so the inner loop walks rows of B and C straight "
           "through memory; Python's lists hold pointers to numbers scattered over the heap, so "
           "here the order changes little."),
    Method("matmul_optimized", matmul_optimized,
           "the same additions with fewer interpreted steps: B transposed once, and each dot "
           "product run by map and sum inside the interpreter's C code."),
    Method("matmul_blocked", matmul_blocked,
           "tiles of 32, the way BLAS keeps a block of A and B in cache while it is reused; "
           "in pure Python the tiling is only bookkeeping."),
    Method("numpy @", np.matmul,
           "compiled BLAS: unboxed doubles side by side in memory, blocked for the caches and "
           "multiplied several at a time by vector instructions.", takes_arrays=True),
)

BLOCKING_LESSON = (
    "Blocking pays in C because there the time goes to fetching numbers from memory: a tile "
    "that fits the cache is fetched once and used n/32 times. In pure Python the time goes "
    "to the interpreter (each multiply-add is a dozen bytecodes on boxed float objects), "
    "which blocking does not reduce — the cache was never what held Python back.")


@dataclass(frozen=True)
class Point:
    """One point of the chart: ``method`` multiplied two n×n matrices in ``seconds`` (the
    median of ``samples``, each one product timed alone)."""
    method: str
    n: int
    seconds: float
    samples: tuple


@dataclass(frozen=True)
class Progress:
    """How far a run has come: ``done`` of ``total`` products timed, ``method`` at ``n`` now."""
    done: int
    total: int
    method: str
    n: int


def random_matrices(n: int, rng: random.Random) -> tuple[Matrix, Matrix]:
    """Two n×n matrices of floats drawn uniformly from [−1, 1)."""
    def one() -> Matrix:
        return Matrix([[rng.uniform(-1.0, 1.0) for _ in range(n)] for _ in range(n)])

    return one(), one()


def measure(sizes: Iterable[int] = DEFAULT_SIZES, repeats: int = DEFAULT_REPEATS,
            methods: Iterable[Method] = METHODS, *, seed: int = 0,
            on_point: Callable[[Point], None] | None = None,
            on_progress: Callable[[Progress], None] | None = None,
            cancelled: Callable[[], bool] = lambda: False) -> list[Point]:
    """Time every method on the same random matrices for each n in ``sizes``: ``repeats``
    products each, the median kept.

    Sizes come first, so a run stopped early has every method at the small sizes.
    ``cancelled()`` is asked before each product; once it says True the run returns the
    points finished so far (a point whose repeats were cut short is dropped).

    >>> points = measure(sizes=(4,), repeats=1)
    >>> [point.method for point in points]
    ['matmul_naive', 'matmul_ikj', 'matmul_optimized', 'matmul_blocked', 'numpy @']
    >>> measure(sizes=(4,), cancelled=lambda: True)
    []
    """
    sizes, methods = tuple(sizes), tuple(methods)
    if repeats < 1:
        raise ValueError("time each product at least once")
    if any(n < 1 for n in sizes):
        raise ValueError("matrix sizes are whole numbers of at least 1")
    rng = random.Random(seed)
    total, done = len(sizes) * len(methods) * repeats, 0
    points: list[Point] = []
    for n in sizes:
        a, b = random_matrices(n, rng)
        arrays = (np.array(a.rows, dtype=float), np.array(b.rows, dtype=float))
        for method in methods:
            operands = arrays if method.takes_arrays else (a, b)
            samples = []
            for _ in range(repeats):
                if on_progress is not None:
                    on_progress(Progress(done, total, method.name, n))
                if cancelled():
                    return points
                start = time.perf_counter()
                method.multiply(*operands)
                samples.append(time.perf_counter() - start)
                done += 1
            point = Point(method.name, n, statistics.median(samples), tuple(samples))
            points.append(point)
            if on_point is not None:
                on_point(point)
    return points


def ratios_to(points: Iterable[Point], baseline: str = "matmul_naive") -> dict:
    """``{(method, n): seconds / baseline's seconds at that n}`` for every n the baseline was
    timed at: below 1 is faster than the baseline."""
    points = tuple(points)
    base = {point.n: point.seconds for point in points if point.method == baseline}
    return {(point.method, point.n): point.seconds / base[point.n]
            for point in points if point.n in base and base[point.n] > 0}
