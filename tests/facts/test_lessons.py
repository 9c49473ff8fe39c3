"""Lesson files: every shipped lesson validates (its claims checked by the kernel), a broken file
is reported with its file and line while the others still load, and the session's lesson key."""

import json
import shutil
from pathlib import Path

import pytest

from viz.highlights import target_point
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
            found = step_scene(lesson, number)
            if step.highlight is not None:
                scene, _rect = found
                assert target_point(scene, scene.matrix_floats, step.highlight) is not None


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
