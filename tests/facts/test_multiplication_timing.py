"""The timing loop behind the Multiply mode's chart (Qt-free): every method timed at every size,
a median per point, progress and cancel between products, and ratios to the naive loop."""

import random

import numpy as np
import pytest

from viz.labs.compose.timing import METHODS, Point, measure, random_matrices, ratios_to

SIZES = (2, 5)


def test_every_method_is_timed_at_every_size_in_order():
    points = measure(SIZES, repeats=3)
    assert [(p.method, p.n) for p in points] == [(m.name, n) for n in SIZES for m in METHODS]
    for point in points:
        assert len(point.samples) == 3
        assert point.seconds == sorted(point.samples)[1]  # the median of three
        assert point.seconds > 0


def test_every_method_computes_the_same_product():
    a, b = random_matrices(6, random.Random(1))
    expected = np.array(a.rows) @ np.array(b.rows)
    for method in METHODS:
        operands = (np.array(a.rows), np.array(b.rows)) if method.takes_arrays else (a, b)
        result = method.multiply(*operands)
        rows = result if method.takes_arrays else result.rows
        np.testing.assert_allclose(np.array(rows, dtype=float), expected, rtol=1e-12)


def test_progress_counts_every_product_and_points_arrive_as_measured():
    progress, arrived = [], []
    points = measure(SIZES, repeats=2, on_progress=progress.append, on_point=arrived.append)
    total = len(SIZES) * len(METHODS) * 2
    assert [p.done for p in progress] == list(range(total))
    assert {p.total for p in progress} == {total}
    assert arrived == points


def test_cancel_keeps_the_points_finished_so_far():
    asked = []

    def cancelled():
        asked.append(1)
        return len(asked) > 7  # seven products, then stop: three whole points of two repeats

    points = measure(SIZES, repeats=2, cancelled=cancelled)
    assert [(p.method, p.n) for p in points] == [(m.name, 2) for m in METHODS[:3]]


def test_ratios_to_naive():
    points = [Point("matmul_naive", 4, 2.0, (2.0,)), Point("numpy @", 4, 0.5, (0.5,)),
              Point("numpy @", 8, 0.1, (0.1,))]
    assert ratios_to(points) == {("matmul_naive", 4): 1.0, ("numpy @", 4): 0.25}


@pytest.mark.parametrize("sizes, repeats", [((0,), 1), ((4,), 0)])
def test_refuses_what_cannot_be_timed(sizes, repeats):
    with pytest.raises(ValueError):
        measure(sizes, repeats)
