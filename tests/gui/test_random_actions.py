"""A random-action run of the real window, as a restless learner would use it.

With a fixed seed and for at least a minute (``LINEAR_LENS_MONKEY_SECONDS``), it types numbers
and junk into cells, picks presets, undoes and redoes, adds, removes, renames and ticks vectors,
plays and scrubs the animation, switches 2D ↔ 3D where OpenGL exists, and saves and opens.
After every action it checks the invariants:

- at rest, the view shows the committed matrix;
- the title has a ``*`` exactly when the undo stack is not clean;
- undo k steps then redo k steps gives back the same scene — the document, that is: the
  matrix, the vectors, their styles and the look. Which vectors are ticked for comparison,
  and the combination on the sliders, are exploration, not edits: they are neither undone
  nor saved in a session.

pytest-qt fails the test on any exception raised in a slot, so the run must record none.
Also here: the regressions of issue 11 defect A (removing a ticked vector raised IndexError).
"""

import os
import random
import time
from dataclasses import replace

import numpy as np
import pytest
from PyQt6 import QtCore

from kernels import Matrix, Vector
from viz.gl_support import opengl_problem
from viz.views.space_view import SpaceView

from .conftest import type_into

SECONDS = float(os.environ.get("LINEAR_LENS_MONKEY_SECONDS", "60"))
SEED = 20261130
CELL_TEXTS = ["0", "1", "-1", "2", "1/3", "0.5", "-2.5", "sqrt(2)/2", "cos(30deg)", "1e-20", "1e200",
              "2^-1074", "3", "", "abc", "1/0", "((", "1e400", "nan", "2*", "pi"]  # ASCII only: QTest types nothing else


def _visible_view(window):
    studio = window.studio
    return studio.view if studio.model.dimension == 2 else studio.space_view


def check_invariants(window) -> None:
    studio = window.studio
    modified = not window.undo_stack.isClean()
    assert ("*" in window.windowTitle()) == modified, window.windowTitle()
    view = _visible_view(window)
    if not studio.animator.playing and studio.animator.progress >= 1.0 and hasattr(view, "display"):
        assert np.allclose(view.display, studio.model.scene.matrix_floats), "at rest, not on the committed matrix"


def document(window):
    """What undo and redo (and a session) keep: the state without the exploration."""
    return replace(window.studio.model.state, selection=(), combination=None)


def check_undo_redo(window, rng) -> None:
    stack = window.undo_stack
    k = rng.randint(1, 4)
    k = min(k, stack.index())
    if k == 0:
        return
    before = document(window)
    for _ in range(k):
        stack.undo()
    for _ in range(k):
        stack.redo()
    texts = [stack.text(i) for i in range(max(0, stack.index() - k), stack.index())]
    assert document(window) == before, f"undo/redo of {texts}"


def test_random_actions_keep_every_invariant(qtbot, window, tmp_path, dialogs):
    rng = random.Random(SEED)
    studio = window.studio
    studio.animator.duration = 0.05
    can_3d = opengl_problem() is None
    saved = tmp_path / "monkey.lens.json"
    counts: dict[str, int] = {}

    def type_cell():
        n = studio.model.dimension
        cell = studio.matrix_editor.cell(rng.randrange(n), rng.randrange(n))
        type_into(qtbot, cell, rng.choice(CELL_TEXTS))

    def type_vector():
        rows = studio.vector_panel.rows[:len(studio.model.vectors)]
        row = rng.choice(rows)
        type_into(qtbot, rng.choice(row.cells), rng.choice(CELL_TEXTS))

    def preset():
        actions = [a for menu in studio.menus_.presets_menu.actions() if menu.menu()
                   for a in menu.menu().actions() if a.menu() is None and a.isEnabled()]
        if actions:
            rng.choice(actions).trigger()

    def undo_redo():
        (window.undo_stack.undo if rng.random() < 0.6 else window.undo_stack.redo)()

    def add_vector():
        if len(studio.model.vectors) < 6:
            studio.vector_panel.add_vector()

    def remove_vector():
        if len(studio.model.vectors) > 1:
            studio.vector_panel.remove_vector(rng.randrange(1, len(studio.model.vectors)))

    def tick():
        rows = studio.vector_panel.rows[:len(studio.model.vectors)]
        rng.choice(rows).compare.click()

    def play_or_scrub():
        if rng.random() < 0.5:
            studio.play_from_identity()
        else:
            studio.animator.seek(rng.random())
        qtbot.wait(rng.choice([0, 10, 40]))
        if rng.random() < 0.5:
            studio.animator.finish()

    def switch_dimension():
        if can_3d:
            studio.switch_dimension(5 - studio.model.dimension)

    def save_or_open():
        if rng.random() < 0.5 or not saved.exists():
            assert window.documents.save_to(saved)
        else:
            assert window.documents.open_file(saved), dialogs.told[-1:]

    def new_scene():
        window.documents.new_scene()

    actions = [(type_cell, 6), (type_vector, 3), (preset, 3), (undo_redo, 4), (add_vector, 2),
               (remove_vector, 2), (tick, 3), (play_or_scrub, 2), (switch_dimension, 1),
               (save_or_open, 1), (new_scene, 1)]
    population = [action for action, weight in actions for _ in range(weight)]
    deadline = time.monotonic() + SECONDS
    steps = 0
    history: list = []
    window.undo_stack.indexChanged.connect(lambda i: history.append(("index", i, window.undo_stack.text(i - 1) if i else "")))
    while time.monotonic() < deadline:
        action = rng.choice(population)
        history.append((action.__name__, window.undo_stack.index(), window.undo_stack.count()))
        action()
        counts[action.__name__] = counts.get(action.__name__, 0) + 1
        steps += 1
        if not studio.animator.playing:
            check_invariants(window)
        if steps % 10 == 0:
            studio.animator.finish()
            try:
                check_undo_redo(window, rng)
            except AssertionError:
                print(history[-30:])
                raise
            check_invariants(window)
    studio.animator.finish()
    qtbot.wait(20)
    check_invariants(window)
    print(f"\nrandom actions: {steps} in {SECONDS:.0f} s, {counts}")
    assert steps > 100 and all(counts.get(a.__name__, 0) > 0 for a, _ in actions if a is not switch_dimension)
    if can_3d:
        assert isinstance(studio.space_view, SpaceView)


# -- issue 11, defect A: removing a ticked vector ---------------------------------------------
@pytest.fixture
def ticked_v1(window):
    panel = window.studio.vector_panel
    panel.add_vector()
    panel.rows[1].compare.click()
    assert window.studio.model.selection == (1,)
    return window


def test_removing_a_ticked_vector_keeps_the_scene_whole(qtbot, ticked_v1):
    window = ticked_v1
    window.studio.vector_panel.rows[1].remove.click()
    assert window.studio.model.vectors == (("v", Vector([1, 2])),) and window.studio.model.selection == ()
    assert window.studio.model.scene.span is None


def test_undoing_the_addition_of_a_ticked_vector_keeps_the_scene_whole(qtbot, ticked_v1):
    window = ticked_v1
    while window.undo_stack.canUndo():
        window.undo_stack.undo()
    assert len(window.studio.model.vectors) == 1 and window.studio.model.selection == ()
    window.undo_stack.redo()
    assert len(window.studio.model.vectors) == 2


def test_new_scene_with_a_ticked_vector(qtbot, ticked_v1):
    window = ticked_v1
    window.studio.apply_matrix(Matrix([[2, 0], [0, 1]]))
    assert window.documents.new_scene()
    assert window.studio.model.selection == () and window.studio.model.scene.span is None
    assert window.studio.view.span.dimension is None


def test_removing_a_ticked_vector_in_3d(qtbot, ticked_v1):
    window = ticked_v1
    if opengl_problem() is not None and os.environ.get("LINEAR_LENS_REQUIRE_GL") != "1":
        pytest.skip("no OpenGL")
    window.studio.switch_dimension(3)
    panel = window.studio.vector_panel
    panel.add_vector()
    panel.rows[1].compare.click()
    panel.rows[1].remove.click()
    qtbot.wait(10)
    assert window.studio.model.selection == () and window.studio.space_view.picture.span is None
    assert QtCore.QCoreApplication.instance() is not None
