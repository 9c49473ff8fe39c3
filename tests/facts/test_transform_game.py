"""The transform game: the optimum is a true shortest path (checked against a wider search and
against random products of moves), moves act after the picture (E·C), undo and feedback."""

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels import Matrix, inverse
from viz.lessons.transform_game import MOVE_SETS, GameRun, TransformGame, shortest_moves


def play(game, moves) -> Matrix:
    run = GameRun(game)
    for move in moves:
        run.apply(move)
    return run.current


@pytest.mark.parametrize("start, optimum", [("5 4; 6 5", 6), ("3 2; 1 1", 3), ("1 3; 0 1", 3), ("1 0; 0 1", 0)])
def test_the_optimum_reaches_the_goal_and_no_wider_search_beats_it(start, optimum):
    for move_set in MOVE_SETS:
        game = TransformGame.undo(start, move_set)
        assert game.optimum == optimum
        assert play(game, game.shortest) == game.goal
        assert len(shortest_moves(game.start, game.goal, move_set, 4 * game.bound)) == optimum


def test_a_move_acts_after_the_picture_and_the_moves_multiply_to_the_inverse():
    game = TransformGame.undo("5 4; 6 5")
    product = Matrix.identity(2)
    for move in game.shortest:
        product = move.matrix @ product
    assert product == inverse(game.start)
    run = GameRun(game)
    shear = game.move("x += y")
    assert run.after(shear) == Matrix([[1, 1], [0, 1]]) @ game.start and run.steps == 0  # a preview only
    assert np.allclose(np.array(run.after(shear).to_floats(), dtype=float),
                       np.array([[1, 1], [0, 1]]) @ np.array([[5, 4], [6, 5]]))


@given(st.lists(st.sampled_from(range(len(MOVE_SETS["shears"]))), max_size=5))
@settings(max_examples=60, deadline=None)
def test_a_start_made_by_k_moves_is_undone_in_at_most_k(indices):
    moves = MOVE_SETS["shears"]
    start = Matrix.identity(2)
    for index in indices:
        start = moves[index].matrix @ start
    game = TransformGame(start, Matrix.identity(2))
    assert game.optimum <= len(indices)
    assert play(game, game.shortest) == game.goal


def test_a_run_counts_undoes_and_compares_with_the_optimum():
    game = TransformGame.undo("3 2; 1 1")
    run = GameRun(game)
    assert not run.feedback().correct and "reached in 3" in run.feedback().message
    detour = game.move("y += x")
    run.apply(detour)
    run.undo()
    assert run.steps == 0 and run.current == game.start
    run.undo()  # nothing left to undo
    run.apply(detour).apply(game.move("y −= x"))
    for move in game.shortest:
        run.apply(move)
    feedback = run.feedback()
    assert run.solved and feedback.correct and feedback.truth == 3
    assert feedback.mistakes == ("more moves than needed",) and "5 moves; the fewest possible is 3" in feedback.message
    best = play(game, game.shortest)
    assert best == game.goal
    perfect = GameRun(game)
    for move in game.shortest:
        perfect.apply(move)
    assert perfect.feedback().message == "Reached in 3 moves: the fewest possible."


def test_row_operations_reach_what_shears_cannot():
    with pytest.raises(ValueError, match="keep det"):
        TransformGame.undo("0 1; 1 0")
    swap = TransformGame.undo("0 1; 1 0", "row operations")
    assert swap.optimum == 1 and swap.shortest[0].name == "swap x, y"
    with pytest.raises(KeyError, match="no move"):
        swap.move("spin")
