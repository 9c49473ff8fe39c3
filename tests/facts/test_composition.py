"""The composition maths behind the Compose mode, checked exactly and against numpy: the
running products of a sequence, the motion between rest points, AB vs BA with its reasons, the
shows' captions, and the lab's session section."""

from dataclasses import replace
from fractions import Fraction

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from kernels import Matrix, Vector, evaluate
from viz.labs.compose.commute import commute_verdict
from viz.labs.compose.shows import pair_show, sequence_show, undo_show
from viz.labs.compose.state import ComposeState, RowStep, section_of, state_from_section
from viz.session import SessionError
from viz.stages import SequenceError, Stages, Timeline, parse_sequence, split_steps

SHEAR, TURN = Matrix([[1, 1], [0, 1]]), Matrix([[0, -1], [1, 0]])
small = st.integers(-4, 4)
matrices = st.lists(small, min_size=4, max_size=4).map(lambda e: Matrix([e[:2], e[2:]]))


def test_commas_inside_brackets_stay_in_their_step():
    assert [piece for piece, _ in split_steps("[[1, 2], [3, 4]], rot(45) ,A^{-1}")] == \
        ["[[1, 2], [3, 4]]", "rot(45)", "A^{-1}"]


def test_a_sequence_is_applied_left_to_right_and_its_product_is_exact():
    labels, steps = parse_sequence("rot(90), [1 1; 0 1], A^{-1}", {"A": SHEAR}, 2)
    stages = Stages(tuple(steps), tuple(labels))
    assert stages.products[1] == TURN
    assert stages.products[2] == SHEAR @ TURN  # the second step acts on top of the first
    assert stages.products[3] == TURN  # the shear and its inverse cancel
    assert np.allclose(stages.at(3), np.array(TURN.to_floats()))


@pytest.mark.parametrize("text, message", [
    ("", "empty"), ("rot(45),, A", "step 2 is empty"), ("C", "C is not defined"),
    ("[1 2 3]", "every step must be 2×2"), ("2", "a number"), (", ".join(["I"] * 25), "at most 24"),
])
def test_a_bad_sequence_names_the_step_and_the_reason(text, message):
    with pytest.raises(SequenceError, match=message):
        parse_sequence(text, {"A": SHEAR}, 2)


@settings(max_examples=60, deadline=None)
@given(matrices, matrices, st.floats(0, 2))
def test_between_rest_points_the_motion_is_the_step_on_top_of_the_product_so_far(a, b, position):
    """At a rest point the picture is the exact product; within step k the area moves
    monotonically from det S_{k−1} to det S_k (the studio's motion, on top of the last)."""
    stages = Stages((b, a))
    for k in range(3):
        assert np.allclose(stages.at(k), np.array(stages.products[k].to_floats(), dtype=float))
    k = min(int(position), 1)
    dets = [np.linalg.det(stages.at(k + t)) for t in np.linspace(0, 1, 9)]
    steps = np.diff(dets)
    scale = max(1.0, max(abs(d) for d in dets))
    assert np.all(steps >= -1e-9 * scale) or np.all(steps <= 1e-9 * scale)


def test_the_timeline_pauses_at_every_rest_point_and_not_after_the_last():
    timeline = Timeline(3, step_seconds=1.2, pause_seconds=0.4)
    assert timeline.total == pytest.approx(3 * 1.2 + 2 * 0.4)
    assert timeline.position(1.2) == 1.0 and timeline.position(1.5) == 1.0  # resting after step 1
    assert timeline.position(1.6 + 0.6) == pytest.approx(1.5)
    assert timeline.seconds(2.0) == pytest.approx(2 * 1.6)


@pytest.mark.parametrize("a, b, commute, reason", [
    (SHEAR, TURN, False, None),
    ("rot(30)", "rot(45)", True, "both are rotations"),
    ("rot(60)", [[-2, 0], [0, -2]], True, "B = −2I"),
    ([[2, 0], [0, 1]], [[1, 0], [0, 3]], True, "share eigenvectors"),
    ([[2, 1], [1, 2]], [[3, 1], [1, 3]], True, "share eigenvectors"),
    ([[1, 2], [3, 4]], "[1 2; 3 4]^{-1}", True, "B = A⁻¹"),
    ([[1, 1], [0, 1]], [[1, 3], [0, 1]], True, "B = A^3"),
    ([[1, -2], [2, 1]], [[3, 1], [-1, 3]], True, "like complex numbers"),
    ([[1, 0], [0, -1]], [[0, 1], [1, 0]], False, None),
])
def test_the_verdict_is_exact_and_names_why(a, b, commute, reason):
    def read(m):
        return evaluate(m) if isinstance(m, str) else Matrix(m)

    A, B = read(a), read(b)
    verdict = commute_verdict(A, B)
    assert verdict.commute is commute
    assert np.allclose(np.array(verdict.difference.to_floats()),
                       np.array(A.to_floats()) @ np.array(B.to_floats()) - np.array(B.to_floats()) @ np.array(A.to_floats()))
    if reason:
        assert any(reason in r for r in verdict.reasons), verdict.reasons
    else:
        assert verdict.reasons == () and verdict.sentence == "AB ≠ BA"


@settings(max_examples=80, deadline=None)
@given(matrices, matrices)
def test_the_verdict_agrees_with_exact_multiplication(a, b):
    assert commute_verdict(a, b).commute == (a @ b == b @ a)


def test_x_is_followed_through_both_orders_with_exact_captions():
    state = ComposeState(SHEAR, TURN, Vector([1, 2]))
    show = pair_show(state, "dark", "okabe-ito")
    ab, ba, gap = show.tracks
    assert ab.caption(2.0) == ("x = (1, 2)", "Bx = (−2, 1)", "A(Bx) = (AB)x = (−1, 1)")
    assert ba.caption(2.0) == ("x = (1, 2)", "Ax = (3, 2)", "B(Ax) = (BA)x = (−2, 3)")
    assert ab.caption(1.0)[-1] == "Bx = (−2, 1)" and len(ab.caption(1.0)) == 2  # paused between
    assert gap.caption(2.0)[-1] == "= (1, −2)"
    assert np.allclose(gap.display(2.0), np.array((SHEAR @ TURN - TURN @ SHEAR).to_floats()))
    assert show.footer[0].startswith("AB ≠ BA")
    # the arrow of x ends on (AB)x in one canvas and (BA)x in the other
    tip = next(a for a in ab.scene(2.0).arrows if a.name == "A(Bx)").tip(ab.display(2.0))
    assert np.allclose(tip, (-1, 1))


def test_undo_returns_home_and_a_singular_matrix_shows_two_vectors_meeting():
    state = ComposeState(Matrix([[2, 1], [1, 1]]), TURN, Vector([1, 2]))
    show = undo_show(state, "a", "dark", "okabe-ito")
    assert np.allclose(show.tracks[0].display(2.0), np.eye(2))
    assert show.tracks[0].caption(2.0)[-1] == "A⁻¹(Ax) = x = (1, 2)"
    singular = undo_show(replace(state, a=Matrix([[1, 2], [2, 4]])), "a", "dark", "okabe-ito")
    scene, display = singular.tracks[0].scene(1.0), singular.tracks[0].display(1.0)
    tips = {a.name: a.tip(display) for a in scene.arrows}
    assert np.allclose(tips["Ax"], tips["Aw"]) and not np.allclose(tips["x"], tips["w"])
    assert "rank 1" in singular.footer[0] and scene.collapse is not None


def test_a_sequence_show_names_the_product_so_far():
    state = ComposeState(SHEAR, TURN, Vector([1, 0]), sequence="B, A, B^{-1}")
    show = sequence_show(state, "light", "classic")
    assert show.tracks[0].caption(2.0)[0] == "after 2 of 3 steps: M₂ M₁ = [[1, −1], [1, 0]]"
    assert show.count == 3 and show.step_labels == ("B", "A", "B^{-1}")


def test_the_section_round_trips_and_a_bad_one_is_refused_whole():
    state = ComposeState(Matrix([[Fraction(1, 3), 2], [0, 1]]), TURN, Vector([1, Fraction(-1, 2)]),
                         sequence="B, A", row_operations=(RowStep("add", 1, 0, Fraction(-3)),),
                         rhs=Vector([1, 2]))
    section = section_of(state, "eliminate")
    assert state_from_section(section) == (state, "eliminate")
    for key, bad, message in [("A", [[1, 2]], "expected 2 rows"), ("mode", "draw", "mode"),
                              ("row_operations", [{"kind": "scale", "target": 1, "factor": "0"}], "by 0"),
                              ("x", [1], "list of 2"), ("extra", 1, "unknown keys")]:
        with pytest.raises(SessionError, match=message):
            state_from_section({**section, key: bad})
