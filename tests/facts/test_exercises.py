"""Exercises: for every kind and many seeds, the truth against numpy/sympy, the right answer
accepted exactly, every named mistake recomputed independently and recognised, and random wrong
answers left undiagnosed unless they coincide with a mistake."""

from fractions import Fraction

import numpy as np
import pytest
import sympy
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels import Matrix, Vector
from viz.labs.ml.descent import quadratic, verdict
from viz.lessons.exercises import (
    KINDS,
    CollapseExercise,
    DeterminantExercise,
    EigenvalueExercise,
    Feedback,
    LandExercise,
    OrderExercise,
    RateExercise,
    SpanExercise,
    exercise_from_table,
)
from viz.lessons.transform_game import TransformGame

SEEDS = range(60)


def as_np(M: Matrix) -> np.ndarray:
    return np.array(M.to_floats(), dtype=float)


def as_sympy(M: Matrix) -> sympy.Matrix:
    return sympy.Matrix([[sympy.Rational(x.numerator, x.denominator) for x in row] for row in M.rows])


def vec(v: Vector) -> np.ndarray:
    return np.array(v.to_floats(), dtype=float)


def cross(u, v) -> float:
    """The 2D cross product u₁v₂ − u₂v₁: zero exactly when u and v are parallel."""
    return float(u[0] * v[1] - u[1] * v[0])


# -- the numbers each kind draws ------------------------------------------------------------
@pytest.mark.parametrize("kind", list(KINDS))
def test_a_seed_gives_the_same_problem_and_a_retry_a_new_similar_one(kind):
    cls = KINDS[kind]
    for seed in range(20):
        first = cls.drawn(seed)
        assert first == cls.drawn(seed)
        again = first.retry()
        assert type(again) is cls and again.attempt == 1 and again.seed == seed
        assert again != first
        assert again.seed_text == f"seed {seed}, variant 2" and first.seed_text == f"seed {seed}"
        assert exercise_from_table({"kind": kind, "seed": seed}) == first


@pytest.mark.parametrize("kind", list(KINDS))
def test_the_right_answer_is_accepted_exactly(kind):
    for seed in SEEDS:
        exercise = KINDS[kind].drawn(seed)
        answers = exercise.truth if kind == "span" else (exercise.truth,)
        for answer in answers:
            feedback = exercise.check(answer)
            assert isinstance(feedback, Feedback)
            assert feedback.correct and feedback.mistakes == () and feedback.message.startswith("Right")


@pytest.mark.parametrize("kind", list(KINDS))
def test_every_named_mistake_is_recognised_as_itself(kind):
    for seed in SEEDS:
        exercise = KINDS[kind].drawn(seed)
        for slip in exercise.slips():
            feedback = exercise.check(slip.answer)
            assert not feedback.correct
            assert slip.name in feedback.mistakes, (seed, slip)
            assert slip.why[1:] in feedback.message


# -- land: Mv and ABî against numpy -------------------------------------------------------------
def test_land_truth_and_mistakes_against_numpy():
    for seed in SEEDS:
        exercise = LandExercise.drawn(seed)
        v = vec(exercise.vector)
        if exercise.composed:
            A, B = (as_np(M) for M in exercise.factors)
            P = A @ B
            expected = {"BA instead of AB": B @ A @ v, "Aᵀ instead of A": A.T @ B @ v,
                        "rows instead of columns": P.T @ v, "only B": B @ v, "only A": A @ v,
                        "ĵ instead of î": P @ np.array([0.0, 1.0]),
                        "(AB)⁻¹ instead of AB": np.linalg.solve(P, v)}
        else:
            P = as_np(exercise.factors[0])
            expected = {"rows instead of columns": P.T @ v, "v left where it is": v,
                        "M⁻¹ instead of M": np.linalg.solve(P, v)}
        truth = P @ v
        assert np.allclose(vec(exercise.truth), truth)
        for k in (-1, 2, 0.5, -2, 3, 1 / 3):
            expected[f"scaled by {Fraction(k).limit_denominator(3)}".replace("-", "−")] = k * truth
        slips = {slip.name: slip.answer for slip in exercise.slips()}
        for name, answer in slips.items():
            assert np.allclose(vec(answer), expected[name]), (seed, name)
        # only the mistakes that coincide with the truth are left out
        left_out = {name for name in expected if name not in slips}
        assert all(np.allclose(expected[name], truth) for name in left_out), (seed, left_out)


def test_land_drawn_problems_are_sensible_and_on_the_grid():
    for seed in SEEDS:
        exercise = LandExercise.drawn(seed)
        assert exercise.snap_step == 1 and all(x.denominator == 1 for x in exercise.truth)
        assert 0 < max(abs(x) for x in exercise.truth) <= 5
        assert "rows instead of columns" in {slip.name for slip in exercise.slips()}


def test_a_drag_is_snapped_to_the_exercise_grid_exactly():
    exercise = LandExercise.fixed({"matrix": "2 1; 0 1", "vector": "1 2"}, 0)
    assert exercise.snap(3.6, 2.4) == Vector([4, 2])
    assert exercise.check(exercise.snap(3.6, 2.4)).correct
    halves = LandExercise.fixed({"matrix": "1/2 0; 0 1", "vector": "1 1"}, 0)
    assert halves.snap_step == Fraction(1, 2)
    assert halves.snap(0.6, 1.2) == Vector([Fraction(1, 2), 1])


def test_land_message_names_the_mistake_in_plain_english():
    exercise = LandExercise.fixed({"a": "0 -1; 1 0", "b": "1 1; 0 2"}, 0)  # ABî = A(1, 0) = (0, 1)
    feedback = exercise.check(Vector([1, 2]))  # BAî = B(0, 1) = (1, 2)
    assert feedback.mistakes == ("BA instead of AB",)
    assert "AB means B first, then A" in feedback.message
    assert feedback.truth == Vector([0, 1])
    both = exercise.check(Vector([0, 2]))  # 2 × the truth, and also… only 2 × the truth
    assert both.mistakes == ("scaled by 2",)


# -- det against sympy --------------------------------------------------------------------------
def test_det_truth_and_mistakes_against_sympy():
    for seed in SEEDS:
        exercise = DeterminantExercise.drawn(seed)
        S = as_sympy(exercise.matrix)
        truth = S.det()
        assert exercise.truth == Fraction(int(truth.p), int(truth.q)) and truth != 0
        n = S.shape[0]
        expected = {"the sign of det flipped": -truth,
                    "the diagonal product only": sympy.prod(S[i, i] for i in range(n)),
                    "the trace instead of det": S.trace()}
        if n == 2:
            expected["ad + bc instead of ad − bc"] = S[0, 0] * S[1, 1] + S[0, 1] * S[1, 0]
        for k in (2, sympy.Rational(1, 2), -2, 3, sympy.Rational(1, 3)):
            expected[f"scaled by {k}".replace("-", "−")] = k * truth
        for slip in exercise.slips():
            assert slip.answer == expected[slip.name], (seed, slip.name)


def test_typed_answers_are_read_by_the_kernel_never_eval():
    exercise = DeterminantExercise.fixed({"matrix": "2 1; 1 3"}, 0)
    assert exercise.check_text("10/2").correct and exercise.check_text("5.0").correct
    assert exercise.check_text("−5").mistakes == ("the sign of det flipped",)
    assert exercise.check_text("7").mistakes == ("ad + bc instead of ad − bc",)
    assert exercise.check_text("6").mistakes == ("the diagonal product only",)
    with pytest.raises(ValueError):
        exercise.check_text("__import__('os')")
    with pytest.raises(ValueError, match="exact number"):
        exercise.check_text("sqrt(2)")


# -- eigenvalue against sympy ------------------------------------------------------------------
def test_eigenvalue_truth_and_mistakes_against_sympy():
    for seed in SEEDS:
        exercise = EigenvalueExercise.drawn(seed)
        S, v = as_sympy(exercise.matrix), sympy.Matrix(list(exercise.vector))
        values = S.eigenvals()
        assert len(values) == 2 and all(value.is_rational for value in values)
        truth = exercise.truth
        assert S * v == truth * v and truth in values
        image = S * v
        expected = {("the other eigenvalue", value) for value in values if value != truth}
        expected |= {("a diagonal entry", S[i, i]) for i in range(2)}
        expected |= {("a component of Mv", image[i]) for i in range(2)}
        expected |= {("the sign flipped", -truth), ("the trace instead of λ", S.trace()),
                     ("det instead of λ", S.det())}
        expected = {(name, answer) for name, answer in expected if answer != truth}
        assert {(slip.name, slip.answer) for slip in exercise.slips()} == expected, seed


def test_eigenvalue_other_eigenvalue_is_named():
    exercise = EigenvalueExercise.fixed({"matrix": "4 1; 2 3", "vector": "1 -2"}, 0)  # λ = 2; other 5
    assert exercise.truth == 2
    feedback = exercise.check_text("5")
    assert feedback.mistakes == ("the other eigenvalue",)
    assert "another eigenvector" in feedback.message


# -- order ----------------------------------------------------------------------------------
def test_order_pictures_are_ab_and_ba():
    for seed in SEEDS:
        exercise = OrderExercise.drawn(seed)
        A, B = as_np(exercise.a), as_np(exercise.b)
        assert np.allclose(as_np(exercise.pictures[exercise.truth]), A @ B)
        assert np.allclose(as_np(exercise.pictures[1 - exercise.truth]), B @ A)
        assert not np.allclose(A @ B, B @ A)
        assert exercise.check(1 - exercise.truth).mistakes == ("BA instead of AB",)
    assert {OrderExercise.drawn(seed).truth for seed in SEEDS} == {0, 1}  # shuffled by the seed


# -- span -----------------------------------------------------------------------------------
def test_span_truth_against_numpy_rank():
    for seed in SEEDS:
        exercise = SpanExercise.drawn(seed)
        vectors = [vec(v) for v in exercise.vectors]
        n = len(vectors)
        pairs = {frozenset((i, j)) for i in range(n) for j in range(i + 1, n)
                 if np.linalg.matrix_rank(np.column_stack([vectors[i], vectors[j]])) == 2}
        assert set(exercise.truth) == pairs and pairs
        assert any(np.linalg.matrix_rank(np.column_stack([vectors[i], vectors[j]])) == 1
                   for i in range(n) for j in range(i + 1, n))  # a parallel pair to trip on


@given(st.integers(0, 200), st.data())
@settings(max_examples=80, deadline=None)
def test_span_every_ticking_is_right_or_named(seed, data):
    exercise = SpanExercise.drawn(seed)
    n = len(exercise.vectors)
    ticked = frozenset(data.draw(st.sets(st.integers(0, n - 1))))
    feedback = exercise.check(ticked)
    rank = np.linalg.matrix_rank(np.column_stack([vec(exercise.vectors[i]) for i in ticked])) if ticked else 0
    if rank == 2 and len(ticked) == 2:
        assert feedback.correct
    else:
        expected = ("nothing ticked" if not ticked else "one vector spans a line" if len(ticked) == 1
                    else "more than needed" if rank == 2 else "parallel vectors")
        assert feedback.mistakes == (expected,)


def test_span_names_the_dependency():
    exercise = SpanExercise.fixed({"vectors": ["1 2", "2 4", "0 1"]}, 0)
    assert "2·v1 − 1·v2 = 0" in exercise.check(frozenset({0, 1})).message
    assert exercise.check(frozenset({0, 1, 2})).mistakes == ("more than needed",)


# -- rate: max|1 − αλ| against numpy and the ML lab ------------------------------------------------
def test_rate_truth_against_numpy_and_the_ml_lab():
    for seed in SEEDS:
        exercise = RateExercise.drawn(seed)
        values = np.linalg.eigvalsh(as_np(exercise.matrix))
        assert values.min() > 0 and np.allclose(sorted(values, reverse=True), [float(x) for x in exercise.eigenvalues])
        bowl = quadratic(exercise.matrix)
        rates = []
        for index, alpha in enumerate(exercise.rates):
            float_rate = max(abs(1 - float(alpha) * values))
            assert float(exercise.rate(index)) == pytest.approx(float_rate)
            assert verdict(bowl, alpha).rate == pytest.approx(float_rate)
            rates.append(float_rate)
        assert exercise.truth == int(np.argmin(rates))
        assert sorted(rates)[0] < sorted(rates)[1]  # one clear winner
        assert exercise.rates[exercise.truth] == 2 / sum(exercise.eigenvalues)


def test_rate_wrong_choices_name_the_direction_that_sets_the_pace():
    for seed in SEEDS:
        exercise = RateExercise.drawn(seed)
        steep, flat = exercise.eigenvalues
        for index, alpha in enumerate(exercise.rates):
            if index == exercise.truth:
                continue
            if alpha * steep >= 2:
                expected = "diverges"
            elif alpha > 2 / (steep + flat):
                expected = "overshoots the steep direction"
            else:
                expected = "crawls along the flat direction"
            assert exercise.check(index).mistakes == (expected,), (seed, alpha)


# -- collapse ---------------------------------------------------------------------------------
def test_collapse_line_against_numpy():
    for seed in SEEDS:
        exercise = CollapseExercise.drawn(seed)
        M = as_np(exercise.matrix)
        assert np.linalg.matrix_rank(M) == 1
        d = vec(exercise.truth)
        column = M[:, np.argmax(np.abs(M).sum(axis=0))]
        assert abs(cross(d, column)) < 1e-12
        for k in (1, -2, 3):
            assert exercise.check(k * exercise.truth).correct  # any point of the line
        null = np.linalg.svd(M)[2][-1]
        row = M[np.argmax(np.abs(M).sum(axis=1))]
        slips = {slip.name: vec(slip.answer) for slip in exercise.slips()}
        assert abs(cross(slips["the null space instead"], null)) < 1e-9
        assert abs(cross(slips["rows instead of columns"], row)) < 1e-9
        assert exercise.check(2 * Vector(slips["rows instead of columns"])).mistakes == ("rows instead of columns",)
        assert exercise.check(Vector([0, 0])).mistakes == ("the origin",)


# -- random wrong answers get no false diagnosis ------------------------------------------------
@given(st.sampled_from(["land", "det", "eigenvalue", "collapse"]), st.integers(0, 500),
       st.integers(-6, 6), st.integers(-6, 6))
@settings(max_examples=300, deadline=None)
def test_a_random_wrong_answer_is_diagnosed_only_when_it_coincides(kind, seed, x, y):
    exercise = KINDS[kind].drawn(seed)
    answer = Vector([x, y]) if kind in ("land", "collapse") else Fraction(x, y or 1)
    feedback = exercise.check(answer)
    if feedback.correct:
        return
    if kind == "collapse":
        fits = {slip.name for slip in exercise.slips()
                if any(answer) and slip.answer[0] * answer[1] == slip.answer[1] * answer[0]}
        fits |= {"the origin"} if not any(answer) else set()
    else:
        fits = {slip.name for slip in exercise.slips() if slip.answer == answer}
    assert set(feedback.mistakes) == fits
    if not fits:
        assert exercise.hint in feedback.message


# -- lesson tables -----------------------------------------------------------------------------
def test_tables_fix_the_numbers():
    assert exercise_from_table({"kind": "det", "matrix": "2 1; 1 3"}).truth == 5
    assert exercise_from_table({"kind": "det", "matrix": [[2, 1], [1, 3]]}).truth == 5
    land = exercise_from_table({"kind": "land", "a": "0 -1; 1 0", "b": "1 1; 0 1", "seed": 4})
    assert land.composed and land.truth == Vector([0, 1]) and land.retry() == LandExercise.drawn(4, 1)
    rate = exercise_from_table({"kind": "rate", "matrix": "3 1; 1 3"})
    assert rate.rates[rate.truth] == Fraction(1, 3)
    game = exercise_from_table({"kind": "transform", "start": "5 4; 6 5", "seed": 2})
    assert isinstance(game, TransformGame) and game.optimum == 6


@pytest.mark.parametrize("table, message", [
    ({"matrix": "1 2; 3 4"}, "needs a kind"),
    ({"kind": "guess", "seed": 1}, "unknown exercise kind 'guess'"),
    ({"kind": "det"}, "needs a seed, or its numbers: matrix"),
    ({"kind": "det", "seed": -1}, "seed must be a whole number"),
    ({"kind": "det", "seed": "7"}, "seed must be a whole number"),
    ({"kind": "det", "matrix": "1 2; 2 4"}, "det M is 0"),
    ({"kind": "det", "matrix": "1 2 3"}, "exact 2×2 or 3×3 matrix"),
    ({"kind": "det", "matrix": "1 2; 3"}, "matrix: row 2 has 1 entry"),
    ({"kind": "det", "matrix": 5}, "write it as text"),
    ({"kind": "land", "matrix": "1 2; 3 4"}, "vector is missing"),
    ({"kind": "land", "matrix": "1 2; 3 4", "vector": "1 2 3"}, "a plane vector"),
    ({"kind": "land", "a": "1 0; 0 1", "b": "1 0; 0 1", "vector": "1 2"}, "not both"),
    ({"kind": "eigenvalue", "matrix": "0 -1; 1 0"}, "not two different rational"),
    ({"kind": "eigenvalue", "matrix": "2 1; 1 2", "vector": "1 0"}, "not an eigenvector"),
    ({"kind": "order", "a": "2 0; 0 2", "b": "1 1; 0 1"}, "AB ≠ BA"),
    ({"kind": "span", "vectors": ["1 2", "2 4"]}, "do not span the plane"),
    ({"kind": "span", "vectors": "1 2"}, "a list of 2 to 5 vectors"),
    ({"kind": "rate", "matrix": "1 2; 3 4"}, "symmetric"),
    ({"kind": "rate", "matrix": "3 1; 1 3", "rates": ["1/4", "3/8"]}, "equally fast"),
    ({"kind": "rate", "matrix": "3 1; 1 3", "rates": ["1/4", "-1"]}, "not an exact positive"),
    ({"kind": "collapse", "matrix": "1 0; 0 1"}, "rank 2"),
    ({"kind": "collapse", "matrix": "1 2; 3 4", "vector": "1 1"}, "does not take vector"),
    ({"kind": "transform"}, "needs a start"),
    ({"kind": "transform", "start": "2 0; 0 1"}, "keep det"),
    ({"kind": "transform", "start": "1 0; 0 1", "moves": "spins"}, "not a move set"),
    ({"kind": "transform", "start": "1/2 0; 0 2"}, "whole numbers"),
])
def test_a_bad_table_says_what_is_wrong(table, message):
    with pytest.raises(ValueError, match=message):
        exercise_from_table(table)
