"""Lesson files: every shipped lesson validates (its claims checked by the kernel), a broken file
is reported with its file and line while the others still load, and the session's lesson key."""

import json
import re
import shutil
from pathlib import Path

import pytest

from viz.highlights import target_point
from viz.labs.compose.state import state_from_section
from viz.labs.compose.targets import check_target
from viz.labs.ml.sections import read_section as read_ml_section
from viz.labs.ml.targets import target_point as ml_target_point
from viz.labs.ml.targets import target_view
from viz.lessons.format import (
    MAX_STEPS,
    MIN_STEPS,
    LessonError,
    find_lesson,
    lessons_folder,
    load_lessons,
    parse_lesson,
    step_scene,
    step_session,
)
from viz.lessons.handout import handout_markdown
from viz.lessons.progress import Progress, load_progress, progress_from_json, save_progress
from viz.scene import SceneState
from viz.session import Session, SessionError, session_from_dict, session_from_json, session_to_json

PATH = ["vectors", "span", "transformations", "multiplication", "determinant", "inverse",
        "composition", "eigenvectors", "svd", "pca", "neural", "gradient"]

GOOD = '''title = "A lesson"
summary = "One line."

[[steps]]
title = "First"
text = "Two sentences. Here."
highlight = "area"
expect = { det = "3" }

[steps.studio]
dimension = 2
matrix = [[2, 1], [1, 2]]

[[steps]]
title = "Second"
text = "More."

[[steps]]
title = "Third"
text = "More."

[[steps]]
title = "Fourth"
text = "More."
'''


def test_every_shipped_lesson_validates_in_the_learners_order():
    lessons, problems = load_lessons()
    assert problems == []
    assert len(lessons) >= 12
    for topic, lesson in zip(PATH, lessons):
        assert topic in lesson.name
        assert MIN_STEPS <= len(lesson.steps) <= MAX_STEPS
        for step in lesson.steps:
            assert 1 <= step.text.count(". ") + 1 <= 4, (lesson.name, step.title)


def test_every_highlight_points_at_something_in_its_scene():
    lessons, _ = load_lessons()
    for lesson in lessons:
        for number, step in enumerate(lesson.steps, start=1):
            if step.highlight is None:
                continue
            if step.lab == "studio":
                scene, _rect = step_scene(lesson, number)
                assert target_point(scene, scene.matrix_floats, step.highlight) is not None
            elif step.lab == "ml":
                state, view = read_ml_section(dict(step.section))
                assert target_view(step.highlight) == view
                assert ml_target_point(state, step.highlight) is not None
            else:
                state, mode = state_from_section(dict(step.section))
                check_target(state, mode, step.highlight)


def test_the_ml_lessons_open_their_ideas_in_the_ml_lab_views():
    lessons, _ = load_lessons()
    views = {find_lesson(lessons, name).name: {read_ml_section(dict(step.section))[1]
                                               for step in find_lesson(lessons, name).steps if step.lab == "ml"}
             for name in ("09", "10", "11", "12")}
    assert views == {"09-svd": {"svd"}, "10-pca": {"pca"}, "11-neural-layers": {"layer"},
                     "12-gradient-descent": {"descent"}}


ML_STEPS = GOOD.replace('''highlight = "area"
expect = { det = "3" }

[steps.studio]
dimension = 2
matrix = [[2, 1], [1, 2]]''', '''lab = "ml"
highlight = "minimum"
expect = { converges = true, rate = "1/2", singular_values = ["3", "1"] }

[steps.ml]
matrix = [[3, 0], [0, 1]]
mode = "descent"
descent = { start = [2, 1], learning_rate = "1/2" }''').replace('text = "More."', 'text = "More."\nlab = "ml"')


@pytest.mark.parametrize("old, new, message", [
    (', rate = "1/2"', ', rate = "1/3"', "expect rate: the text claims the rate per step = 1/3, but the kernel finds 0.5"),
    ("converges = true", "converges = false", "the text claims converges = false, but the kernel finds true"),
    ('learning_rate = "1/2"', 'learning_rate = "3/4"', "the text claims converges = true, but the kernel finds false"),
    ('highlight = "minimum"', 'highlight = "pc1"', "'pc1' is drawn in the pca view: set mode = \"pca\""),
    ('highlight = "minimum"', 'highlight = "sigma3"', "the ML lab cannot point at 'sigma3'"),
    ('matrix = [[3, 0], [0, 1]]', 'matrix = [[-3, 0], [0, 1]]', "nothing to point at for 'minimum'"),
    ('mode = "descent"', 'mode = "gd"', "the ml mode must be one of svd, pca, layer, descent"),
])
def test_ml_steps_are_read_by_the_labs_own_rules_and_their_claims_checked(old, new, message):
    parse_lesson(ML_STEPS, "ml")
    with pytest.raises(LessonError, match=re.escape(message)):
        parse_lesson(ML_STEPS.replace(old, new), "ml")


def test_pca_and_layer_claims_are_computed_from_the_views_settings():
    lesson = find_lesson(load_lessons()[0], "10")
    step = next(step for step in lesson.steps if step.lab == "ml" and "explained" in step.expect)
    assert step.expect["explained"] == ["4/5", "1/5"]
    text = lesson.path.read_text(encoding="utf-8")
    with pytest.raises(LessonError, match=re.escape("the text claims the shares of the variance = 3/4, 1/4")):
        parse_lesson(text.replace('explained = ["4/5", "1/5"]', 'explained = ["3/4", "1/4"]'), lesson.name)
    layers = find_lesson(load_lessons()[0], "11")
    text = layers.path.read_text(encoding="utf-8")
    with pytest.raises(LessonError, match="the text claims separable = true, but the kernel finds false"):
        parse_lesson(text.replace('activation = "relu"', 'activation = "none"'), layers.name)


def test_a_compose_highlight_names_an_arrow_on_the_modes_canvases():
    lesson = find_lesson(load_lessons()[0], "11")
    text = lesson.path.read_text(encoding="utf-8")
    with pytest.raises(LessonError, match=re.escape("nothing to point at for 'arrow:A(Ax)' in the compose mode "
                                                    "(arrows: x, Bx, A(Bx), î, ĵ, Ax, B(Ax), (AB − BA)x)")):
        parse_lesson(text.replace('highlight = "arrow:A(Bx)"', 'highlight = "arrow:A(Ax)"'), lesson.name)


def test_the_claims_are_checked_by_the_kernel():
    with pytest.raises(LessonError, match=r"good\.toml, line 8: step 1: expect det: the text claims det M = 4, but the kernel finds 3"):
        parse_lesson(GOOD.replace('det = "3"', 'det = "4"'), "good")
    assert parse_lesson(GOOD, "good").steps[0].expect == {"det": "3"}


@pytest.mark.parametrize("old, new, line, message", [
    ('text = "More."\n\n[[steps]]\ntitle = "Fourth"', 'text = "More.\n\n[[steps]]\ntitle = "Fourth"', 20, "not valid TOML"),
    ('highlight = "area"', 'hilight = "area"', 7, "unknown key 'hilight'"),
    ('title = "Second"', 'title = 2', 15, "'title' must be text"),
    ('[steps.studio]', 'lab = "garden"\n[steps.studio]', 10, "unknown lab 'garden'"),
    ('matrix = [[2, 1], [1, 2]]', 'matrix = [[2, 1, 0], [1, 2, 0]]', 12, "expected 2 entries, found 3"),
    ('highlight = "area"', 'highlight = "arrow:w"', 7, "nothing to point at for 'arrow:w'"),
    ('highlight = "area"', 'highlight = "halo"', 7, "unknown target kind 'halo'"),
])
def test_a_broken_lesson_names_file_and_line_and_the_others_still_load(tmp_path, old, new, line, message):
    shutil.copy(lessons_folder() / "05-determinant.toml", tmp_path)
    assert old in GOOD
    (tmp_path / "00-broken.toml").write_text(GOOD.replace(old, new), encoding="utf-8")
    lessons, problems = load_lessons(tmp_path)
    assert [lesson.name for lesson in lessons] == ["05-determinant"]
    assert len(problems) == 1
    assert problems[0].startswith("00-broken.toml")
    assert f"line {line}" in problems[0] and message in problems[0], problems[0]


def test_a_step_opens_as_a_partial_session_keeping_the_look_and_the_other_labs():
    lessons, _ = load_lessons()
    base = Session(SceneState.fresh(theme="light", palette="classic"), sections={"compose": {"kept": True}})
    opened = step_session(find_lesson(lessons, "1"), 2, base)
    assert opened.lesson == ("01-vectors", 2) and opened.lab == "studio"
    assert opened.theme == "light" and opened.palette == "classic"
    assert [name for name, _ in opened.vectors] == ["u", "w"] and opened.state.selection == (0, 1)
    assert opened.sections == {"compose": {"kept": True}}
    composed = step_session(find_lesson(lessons, "07-composition"), 1, base)
    assert composed.lab == "compose" and composed.sections["compose"]["A"] == [[1, 1], [0, 1]]
    assert composed.state == base.state


def test_sessions_keep_the_lesson_step_and_old_files_still_load():
    session = Session(SceneState.fresh(), lesson=("05-determinant", 3))
    text = session_to_json(session)
    assert json.loads(text)["lesson"] == {"name": "05-determinant", "step": 3}
    assert session_from_json(text).lesson == ("05-determinant", 3)
    assert session_from_json(session_to_json(Session(SceneState.fresh()))).lesson is None
    old = {"format": 1, "dimension": 2, "matrix": [[1, 0], [0, 1]]}
    assert session_from_dict(old).lesson is None
    two = {"format": 2, "studio": {"dimension": 2, "matrix": [[1, 0], [0, 1]]}, "ml": {"x": 1}}
    assert session_from_dict(two).sections == {"ml": {"x": 1}}
    with pytest.raises(SessionError, match="lesson: 'step'"):
        session_from_dict({**two, "lesson": {"name": "01-vectors", "step": 0}})


def test_progress_round_trips_and_a_damaged_file_starts_afresh(tmp_path):
    lessons, _ = load_lessons()
    lesson = find_lesson(lessons, "05-determinant")
    progress = Progress()
    for number in range(1, len(lesson.steps) + 1):
        progress.mark_seen(lesson.name, number)
    assert progress.done_count(lesson) == len(lesson.steps) - 1  # step 2's exercise is not solved
    progress.record_attempt(lesson.name, 2, False)
    progress.record_attempt(lesson.name, 2, True)
    assert progress.lesson_done(lesson) and progress.attempts_at(lesson.name, 2).tries == 2
    save_progress(progress, tmp_path)
    again, problem = load_progress(tmp_path)
    assert problem is None and again.to_json() == progress.to_json()
    again.reset()
    assert again.done_count(lesson) == 0
    (tmp_path / "lesson-progress.json").write_text("{not json")
    fresh, problem = load_progress(tmp_path)
    assert fresh.seen == {} and "could not be read" in problem
    with pytest.raises(ValueError):
        progress_from_json('{"format": 1, "seen": {"x": [0]}}')


def test_the_handout_has_latex_for_each_matrix_a_picture_per_step_and_the_exercises():
    lessons, _ = load_lessons()
    lesson = find_lesson(lessons, "07-composition")
    text = handout_markdown(lesson)
    assert text.count("](step-0") == len(lesson.steps)
    assert r"A = \begin{bmatrix} 1 & 1 \\ 0 & 1 \end{bmatrix}" in text
    assert "**Try it** (transform, numbers set by the lesson)" in text
    assert Path(lessons_folder(), "README.md").exists()
