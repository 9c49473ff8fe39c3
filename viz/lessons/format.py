"""Lesson files: reading them, checking them whole, and turning a step into a session to open.

A lesson is a TOML file under ``assets/lessons/`` (the format is explained key by key in
``assets/lessons/README.md``, for teachers). Its name is the file name without ``.toml``;
the names sort in the order of the path (``01-vectors``, ``02-span``, …). In short::

    title = "The determinant"
    summary = "How much a matrix scales area, and what its sign means."

    [[steps]]
    title = "Area scales by det M"
    text = "The unit square lands on a parallelogram of area 6."
    highlight = "area"            # what to point at (viz.highlights)
    expect = { det = "6" }        # claims the text makes, checked by the kernel

    [steps.studio]                # the lab's part of a session file (viz.session)
    dimension = 2
    matrix = [[3, 1], [0, 2]]

A step sets the scene as a *partial session*: the section of the lab it names (``lab``,
default the studio), exactly as a ``.lens.json`` file holds it. A step without a section keeps
the previous step's scene for that lab. Everything is checked when the file is read: the TOML,
every key and type, the lab, the section (through the same readers File → Open uses), that the
highlighted thing exists in that scene, and every claim in ``expect`` against the kernel. A
problem is one :class:`LessonError` naming the file and the line; :func:`load_lessons` reports
it and still loads every other lesson.

No Qt here: the command line lists lessons and the tests check them without a window.
"""

from __future__ import annotations

import math
import re
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from kernels import (
    ExpressionError,
    LinearAlgebraError,
    Matrix,
    Vector,
    condition_number,
    det,
    dot,
    eigenvalues,
    inverse,
    norm,
    parse_scalar,
    rank,
    svd,
    trace,
)

from ..files import UnreadableFile, assets_dir, read_regular_file
from ..highlights import TargetError, target_point
from ..labs import LAB_NAMES
from ..scene import accept, build_scene
from ..session import LESSON_NAME, STUDIO, Session, SessionError, check_fits, session_from_dict
from .exercises import exercise_from_table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10 reads TOML with the tomli backport
    import tomli as tomllib

SUFFIX = ".toml"
MAX_BYTES = 256 * 1024  # a lesson is a few kilobytes
MIN_STEPS, MAX_STEPS = 4, 10
COMPOSE = "compose"
ML = "ml"
_LESSON_KEYS = {"title", "summary", "steps"}
_STEP_KEYS = {"title", "text", "lab", "highlight", "compare", "expect", "exercise"}


class LessonError(ValueError):
    """A lesson file that cannot be used; the message names the file and the line."""


@dataclass(frozen=True)
class Step:
    """One step: what it says, which lab it opens with which section, and what it points at.

    ``section`` is the lab's part of a session file (a decoded object, like the JSON one);
    ``compare`` names the studio's vectors to compare (their span, angle and shadow);
    ``expect`` holds the claims the text makes, each checked against the kernel on loading;
    ``exercise`` is the exercise table, checked by :func:`viz.lessons.exercises.exercise_from_table`.
    """
    title: str
    text: str
    lab: str
    section: Mapping[str, Any]
    highlight: str | None = None
    compare: tuple[str, ...] = ()
    expect: Mapping[str, Any] = field(default_factory=dict)
    exercise: Mapping[str, Any] | None = None
    line: int = 1  # where the step starts in its file


@dataclass(frozen=True)
class Lesson:
    """A lesson file, read and checked: its name (the file name without ``.toml``), title,
    one-sentence summary and its steps in order."""
    name: str
    title: str
    summary: str
    steps: tuple[Step, ...]
    path: Path

    @property
    def exercise_count(self) -> int:
        return sum(step.exercise is not None for step in self.steps)


# -- where in the text ----------------------------------------------------------------------
class _Lines:
    """Finds the line of a key (or a table header) in a lesson's text, for error messages.

    TOML's reader reports lines for syntax errors only; a schema problem is found afterwards
    in the decoded data, so the key it is about is looked up in the text: in the part of the
    file that belongs to step ``index`` (from its ``[[steps]]`` to the next), or before the
    first step for the lesson's own keys."""

    _STEP = re.compile(r"^\s*\[\[\s*steps\s*\]\]")

    def __init__(self, text: str):
        self.lines = text.splitlines()
        self.starts = [number for number, line in enumerate(self.lines, start=1) if self._STEP.match(line)]

    def step(self, index: int | None) -> tuple[int, int]:
        """The first and last line of step ``index`` (None: the lesson's keys, before the steps)."""
        end = len(self.lines)
        if index is None:
            return 1, (self.starts[0] - 1 if self.starts else end)
        if index >= len(self.starts):  # steps written some other way (an inline array)
            return 1, end
        last = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else end
        return self.starts[index], last

    def of(self, index: int | None, *keys: str) -> int:
        """The line of the first of ``keys`` written in that part (``key =`` or ``[steps.key]``),
        else where the part starts."""
        first, last = self.step(index)
        for key in keys:
            pattern = re.compile(rf'^\s*(\[\s*steps\.|"?){re.escape(key)}"?\s*(=|\]|\.)')
            for number in range(first, last + 1):
                if pattern.match(self.lines[number - 1]):
                    return number
        return first


# -- numbers and claims ---------------------------------------------------------------------
def _value(raw, where: str):
    """A number written in a lesson: a TOML integer, or text a matrix cell accepts ("1/3")."""
    if isinstance(raw, bool) or not isinstance(raw, (int, float, str)):
        raise ValueError(f"{where}: expected a number, or a number in quotes like \"1/3\"")
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        return raw
    try:
        return parse_scalar(raw)
    except (ExpressionError, LinearAlgebraError, ArithmeticError) as error:
        raise ValueError(f"{where}: {raw!r} is not a number ({str(error).splitlines()[0]})") from None


def _same(expected, actual) -> bool:
    """Exact values must be equal; anything irrational is compared to 1e-9."""
    if isinstance(expected, complex) or isinstance(actual, complex):
        return abs(complex(expected) - complex(actual)) <= 1e-9 * max(1.0, abs(complex(actual)))
    if isinstance(expected, Fraction) and isinstance(actual, (Fraction, int)):
        return expected == actual
    return math.isclose(float(expected), float(actual), rel_tol=1e-9, abs_tol=1e-12)


def _numbers(raw, where: str) -> list:
    if not isinstance(raw, list) or not raw:
        raise ValueError(f"{where}: expected a list of numbers, like [\"3\", \"1\"]")
    return [_value(x, f"{where} item {k}") for k, x in enumerate(raw, start=1)]


def _matrix(raw, where: str) -> Matrix:
    if not isinstance(raw, list) or not raw or not all(isinstance(row, list) for row in raw):
        raise ValueError(f"{where}: expected a list of rows, like [[1, 0], [0, 1]]")
    return Matrix([[_value(x, f"{where} row {i}") for x in row] for i, row in enumerate(raw, start=1)])


def _claim(name: str, expected, actual) -> None:
    if not _same(expected, actual):
        raise ValueError(f"the text claims {name} = {expected}, but the kernel finds {actual}")


def _claim_list(name: str, raw, actual: list) -> None:
    """A claimed list of numbers (eigenvalues, singular values), in any order."""
    expected = _numbers(raw, f"expect {name}")
    left = list(actual)
    for value in expected:
        match = next((k for k, candidate in enumerate(left) if _same(value, candidate)), None)
        if match is None or len(expected) != len(actual):
            shown = ", ".join(str(x) for x in actual)
            raise ValueError(f"the text claims {name} = {', '.join(map(str, raw))}, "
                             f"but the kernel finds {shown}")
        left.pop(match)


def _claim_matrix(name: str, raw, actual: Matrix | None) -> None:
    if raw == "none":
        if actual is not None:
            raise ValueError(f"the text claims there is no {name}, but the kernel finds\n{actual}")
        return
    expected = _matrix(raw, f"expect {name}")
    if actual is None or expected.shape != actual.shape or not all(
            _same(e, a) for row_e, row_a in zip(expected.rows, actual.rows) for e, a in zip(row_e, row_a)):
        raise ValueError(f"the text claims {name} = {raw}, but the kernel finds {actual}")


def _inverse_or_none(matrix: Matrix) -> Matrix | None:
    try:
        return inverse(matrix)
    except LinearAlgebraError:
        return None


def _matrix_claims(m: Matrix) -> dict[str, Callable[[Any], None]]:
    """The claims a step may make about its lab's one matrix (the studio's M, the ML lab's A)."""
    def eigen(raw) -> None:
        values = [e.value for e in eigenvalues(m) for _ in range(e.multiplicity)]
        _claim_list("the eigenvalues", raw, values)

    return {
        "det": lambda raw: _claim("det M", _value(raw, "expect det"), det(m)),
        "trace": lambda raw: _claim("trace M", _value(raw, "expect trace"), trace(m)),
        "rank": lambda raw: _claim("rank M", _value(raw, "expect rank"), rank(m)),
        "eigenvalues": eigen,
        "inverse": lambda raw: _claim_matrix("M⁻¹", raw, _inverse_or_none(m)),
        "singular_values": lambda raw: _claim_list("the singular values", raw,
                                                   list(svd(m).singular_values)),
        "condition": lambda raw: _claim("the condition number", _value(raw, "expect condition"),
                                        condition_number(m)),
    }


def _studio_claims(session: Session, compared: tuple) -> dict[str, Callable[[Any], None]]:
    """The claims a studio step may make, each a check of the written value by the kernel."""
    m = session.matrix
    vectors = dict(session.vectors)

    def pair() -> tuple[Vector, Vector]:
        if len(compared) != 2:
            raise ValueError("dot and cos are about two compared vectors: add compare = [\"u\", \"w\"]")
        return vectors[compared[0]], vectors[compared[1]]

    def cos(raw) -> None:
        u, w = pair()
        _claim("cos θ", _value(raw, "expect cos"), float(dot(u, w)) / (float(norm(u)) * float(norm(w))))

    def images(raw) -> None:
        if not isinstance(raw, dict):
            raise ValueError("expect images: expected a table like { v = [\"3\", \"1\"] }")
        for name, entries in raw.items():
            if name not in vectors:
                raise ValueError(f"expect images: there is no vector called {name!r}")
            actual = m @ vectors[name]
            expected = _numbers(entries, f"expect images {name}")
            if len(expected) != len(actual) or not all(_same(e, a) for e, a in zip(expected, actual)):
                raise ValueError(f"the text claims M{name} = {entries}, but the kernel finds {list(actual)}")

    return {
        **_matrix_claims(m),
        "dot": lambda raw: _claim("u·w", _value(raw, "expect dot"), dot(*pair())),
        "cos": cos,
        "images": images,
    }


def _compose_claims(state) -> dict[str, Callable[[Any], None]]:
    a, b = state.a, state.b

    def commute(raw) -> None:
        if not isinstance(raw, bool):
            raise ValueError("expect commute: expected true or false")
        if (a @ b == b @ a) != raw:
            raise ValueError(f"the text claims AB {'=' if raw else '≠'} BA, but the kernel finds otherwise")

    return {
        "AB": lambda raw: _claim_matrix("AB", raw, a @ b),
        "BA": lambda raw: _claim_matrix("BA", raw, b @ a),
        "commute": commute,
        "det_AB": lambda raw: _claim("det(AB)", _value(raw, "expect det_AB"), det(a @ b)),
    }


def _ml_claims(state) -> dict[str, Callable[[Any], None]]:
    """The claims an ML step may make: about A, and about what its views compute from their
    settings: descent's verdict and rate (from A's eigenvalues, :func:`~viz.labs.ml.descent.verdict`),
    the covariance PCA's clusters are drawn with and its eigenvalues (the variances along the
    principal axes) with their shares of the total, and whether a line separates the two
    classes after the layers."""
    from ..labs.ml.datasets import two_class_cloud
    from ..labs.ml.descent import quadratic, verdict
    from ..labs.ml.layer_picture import LayerPlay
    from ..labs.ml.network import LayerMotion

    a = state.matrix
    descent, pca, layer = (state.settings[name] for name in ("descent", "pca", "layer"))
    covariance = pca.covariance_for(a)

    def descent_verdict():
        return verdict(quadratic(a), descent.learning_rate, descent.momentum)

    def variances() -> list:
        return [e.value for e in eigenvalues(covariance) for _ in range(e.multiplicity)]

    def truth(name: str, raw, actual: bool) -> None:
        if not isinstance(raw, bool):
            raise ValueError(f"expect {name}: expected true or false")
        if raw != actual:
            raise ValueError(f"the text claims {name} = {str(raw).lower()}, but the kernel finds "
                             f"{str(actual).lower()}")

    def separable() -> bool:
        cloud = two_class_cloud(layer.dataset, layer.count, layer.noise, layer.seed)
        return LayerPlay(LayerMotion(layer.layers_for(a)), cloud).fit.separable

    return {
        **_matrix_claims(a),
        "converges": lambda raw: truth("converges", raw, descent_verdict().converges),
        "rate": lambda raw: _claim("the rate per step", _value(raw, "expect rate"), descent_verdict().rate),
        "covariance": lambda raw: _claim_matrix("the covariance", raw, covariance),
        "variances": lambda raw: _claim_list("the variances", raw, variances()),
        "explained": lambda raw: _claim_list("the shares of the variance", raw,
                                             [v / trace(covariance) for v in variances()]),
        "separable": lambda raw: truth("separable", raw, separable()),
    }


# -- each lab's section -----------------------------------------------------------------------
@dataclass(frozen=True)
class _Scene:
    """A step's section, read: what the claims and the highlight are checked against."""
    session: Session | None = None  # the studio's
    compose: Any = None  # the compose lab's ComposeState
    ml: Any = None  # the ML lab's MLState
    view: str | None = None  # the mode shown, in a lab with modes (Compose, Eliminate; SVD, PCA, …)


def _read_studio(section: Mapping, compared: tuple) -> _Scene:
    session = session_from_dict({"format": 2, "lab": STUDIO, STUDIO: dict(section)})
    names = [name for name, _ in session.vectors]
    for name in compared:
        if name not in names:
            raise SessionError(f"compare: there is no vector called {name!r} (vectors: {', '.join(names)})")
    selection = tuple(names.index(name) for name in compared)
    session = replace(session, state=replace(session.state, selection=selection))
    check_fits(session)
    return _Scene(session=session)


def _read_compose(section: Mapping, compared: tuple) -> _Scene:
    from ..labs.compose.state import state_from_section

    if compared:
        raise SessionError("compare is for the studio's vectors")
    state, mode = state_from_section(dict(section))
    return _Scene(compose=state, view=mode)


def _read_ml(section: Mapping, compared: tuple) -> _Scene:
    from ..labs.ml.sections import read_section

    if compared:
        raise SessionError("compare is for the studio's vectors")
    state, mode = read_section(dict(section))
    return _Scene(ml=state, view=mode)


# the labs whose sections a lesson can set, and how each is read without a window
SECTION_READERS: dict[str, Callable[[Mapping, tuple], _Scene]] = {
    STUDIO: _read_studio, COMPOSE: _read_compose, ML: _read_ml}


# -- reading a lesson -------------------------------------------------------------------------
def _text(raw, where: str, lines: _Lines, index: int | None, key: str) -> str:
    if not isinstance(raw, str) or not raw.strip():
        raise _at(lines, index, key, f"{where} must be text (in quotes)")
    return " ".join(raw.split())


class _Problem(ValueError):
    """A problem found at a line; the loader adds the file name."""

    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def _at(lines: _Lines, index: int | None, key: str, message: str) -> _Problem:
    where = "" if index is None else f"step {index + 1}: "
    return _Problem(lines.of(index, key), where + message)


def _step(raw, index: int, lines: _Lines, previous: dict[str, Mapping]) -> Step:
    """Step ``index`` of the lesson, checked whole (``previous``: the last section of each lab)."""
    if not isinstance(raw, dict):
        raise _Problem(lines.step(index)[0], f"step {index + 1}: expected a table [[steps]]")
    for key in raw:
        if key not in _STEP_KEYS and key not in LAB_NAMES:
            known = ", ".join(sorted(_STEP_KEYS)) + " and a lab's section (" + ", ".join(LAB_NAMES) + ")"
            raise _at(lines, index, key, f"unknown key {key!r} (known: {known})")
    title = _text(raw.get("title"), "'title'", lines, index, "title")
    text = _text(raw.get("text"), "'text'", lines, index, "text")
    lab = raw.get("lab", STUDIO)
    if lab not in SECTION_READERS:
        raise _at(lines, index, "lab", f"unknown lab {lab!r} (lessons can use: {', '.join(SECTION_READERS)})")
    for other in LAB_NAMES:
        if other != lab and other in raw:
            raise _at(lines, index, other, f"the step opens the {lab} lab, but gives the {other} "
                                           f"lab's section: set lab = \"{other}\", or name it [steps.{lab}]")
    section = raw.get(lab, previous.get(lab))
    if section is None:
        raise _at(lines, index, "title", f"the first {lab} step needs its scene: a [steps.{lab}] table")
    if not isinstance(section, dict):
        raise _at(lines, index, lab, f"the {lab} section must be a table")
    compare = raw.get("compare", [])
    if not isinstance(compare, list) or not all(isinstance(name, str) for name in compare):
        raise _at(lines, index, "compare", "'compare' must be a list of vector names, like [\"u\", \"w\"]")
    if len(set(compare)) != len(compare):
        raise _at(lines, index, "compare", "'compare' names each vector once")
    try:
        scene = SECTION_READERS[lab](section, tuple(compare))
    except (SessionError, ValueError) as error:
        message = str(error)
        keys = [key for key in ("compare", "dimension", "matrix", "vectors", "view", "mode", "A", "B", "x",
                                "sequence", "svd", "pca", "layer", "descent")
                if key in message.split(":")[0] or message.startswith(key)]
        where = lines.of(index, *keys, lab) if lab in raw else lines.of(index, *keys, "title")
        raise _Problem(where, f"step {index + 1}: the {lab} scene: {message}") from None
    previous[lab] = section
    highlight = raw.get("highlight")
    if highlight is not None:
        _check_highlight(highlight, lab, scene, lines, index)
    expect = raw.get("expect", {})
    if not isinstance(expect, dict):
        raise _at(lines, index, "expect", "'expect' must be a table, like { det = \"3\" }")
    claims = (_studio_claims(scene.session, tuple(compare)) if lab == STUDIO
              else _compose_claims(scene.compose) if lab == COMPOSE else _ml_claims(scene.ml))
    for key, value in expect.items():
        if key not in claims:
            raise _at(lines, index, "expect", f"expect: unknown claim {key!r} for the {lab} lab "
                                              f"(known: {', '.join(claims)})")
        try:
            claims[key](value)
        except (ValueError, LinearAlgebraError) as error:
            raise _at(lines, index, "expect", f"expect {key}: {error}") from None
    exercise = raw.get("exercise")
    if exercise is not None:
        if not isinstance(exercise, dict):
            raise _at(lines, index, "exercise",
                      "'exercise' must be a table, like { kind = \"det\", seed = 7 }")
        try:
            exercise_from_table(dict(exercise))
        except ValueError as error:
            raise _at(lines, index, "exercise", f"exercise: {error}") from None
    return Step(title, text, lab, section, highlight, tuple(compare), expect, exercise, lines.step(index)[0])


def _studio_target(scene: _Scene, target: str) -> None:
    session = scene.session
    assert session is not None
    picture = build_scene(session.state.checked(), accept(session.matrix))
    if target_point(picture, picture.matrix_floats, target) is None:
        arrows = ", ".join(arrow.name for arrow in picture.arrows)
        raise TargetError(f"there is nothing to point at for {target!r} in this scene "
                          f"(arrows: {arrows}; a highlight works in the plane only)")


def _compose_target(scene: _Scene, target: str) -> None:
    from ..labs.compose.targets import check_target

    assert scene.view is not None
    check_target(scene.compose, scene.view, target)


def _ml_target(scene: _Scene, target: str) -> None:
    from ..labs.ml.targets import target_point as ml_point
    from ..labs.ml.targets import target_view

    view = target_view(target)
    if view != scene.view:
        raise TargetError(f"{target!r} is drawn in the {view} view: set mode = \"{view}\" in [steps.ml]")
    if ml_point(scene.ml, target) is None:
        raise TargetError(f"there is nothing to point at for {target!r} with this A "
                          "(a highlight works in the plane, and a minimum needs a bowl)")


# how each lab's targets are checked against a step's scene: each lab lists its own targets
# (the studio's in viz.highlights, the others' in their packages' Qt-free ``targets`` module)
TARGET_CHECKS: dict[str, Callable[[_Scene, str], None]] = {
    STUDIO: _studio_target, COMPOSE: _compose_target, ML: _ml_target}


def _check_highlight(highlight, lab: str, scene: _Scene, lines: _Lines, index: int) -> None:
    if not isinstance(highlight, str):
        raise _at(lines, index, "highlight", "'highlight' must be text, like \"arrow:î\" or \"area\"")
    try:
        TARGET_CHECKS[lab](scene, highlight)
    except TargetError as error:
        raise _at(lines, index, "highlight", f"highlight: {error}") from None


def parse_lesson(text: str, name: str, path: Path | None = None) -> Lesson:
    """Check the text of a lesson file; LessonError ``"<file>, line <n>: <problem>"``."""
    filename = f"{name}{SUFFIX}"
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:  # its message ends "(at line 3, column 7)"
        raise LessonError(f"{filename}: not valid TOML: {error}") from None
    lines = _Lines(text)
    try:
        lesson = _lesson(data, name, lines, path or Path(filename))
    except _Problem as problem:
        raise LessonError(f"{filename}, line {problem.line}: {problem}") from None
    return lesson


def _lesson(data: dict, name: str, lines: _Lines, path: Path) -> Lesson:
    if not LESSON_NAME.fullmatch(name):
        raise _Problem(1, "a lesson's file name is lower-case letters, digits and dashes, "
                          "like 01-vectors.toml")
    for key in data:
        if key not in _LESSON_KEYS:
            raise _at(lines, None, key, f"unknown key {key!r} (known: {', '.join(sorted(_LESSON_KEYS))})")
    title = _text(data.get("title"), "'title'", lines, None, "title")
    summary = _text(data.get("summary"), "'summary'", lines, None, "summary")
    steps = data.get("steps")
    if not isinstance(steps, list) or not MIN_STEPS <= len(steps) <= MAX_STEPS:
        count = len(steps) if isinstance(steps, list) else 0
        raise _Problem(lines.of(None, "steps") if count == 0 else lines.step(0)[0],
                       f"a lesson has {MIN_STEPS} to {MAX_STEPS} steps ([[steps]] tables), found {count}")
    previous: dict[str, Mapping] = {}
    return Lesson(name, title, summary, tuple(_step(raw, k, lines, previous) for k, raw in enumerate(steps)),
                  path)


def load_lesson(path) -> Lesson:
    """Read and check one lesson file (regular files only, at most :data:`MAX_BYTES`)."""
    path = Path(path)
    try:
        data = read_regular_file(path, MAX_BYTES, "lesson file")
    except UnreadableFile as error:
        raise LessonError(str(error)) from None
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise LessonError(f"{path.name}: not UTF-8 text (bad byte at offset {error.start})") from None
    return parse_lesson(text, path.stem, path)


def lessons_folder() -> Path:
    """``lessons`` in the app's assets folder (:func:`viz.files.assets_dir`)."""
    return assets_dir() / "lessons"


def load_lessons(folder=None) -> tuple[list[Lesson], list[str]]:
    """Every lesson in ``folder`` (default :func:`lessons_folder`) in name order, and one
    message per file that could not be used: a bad file never stops the others."""
    folder = Path(folder) if folder is not None else lessons_folder()
    lessons, problems = [], []
    for path in sorted(folder.glob(f"*{SUFFIX}")):
        try:
            lessons.append(load_lesson(path))
        except LessonError as error:
            problems.append(str(error))
    return lessons, problems


def find_lesson(lessons: list[Lesson], name: str) -> Lesson:
    """The lesson called ``name`` (its file name, or its number: "3" finds 03-…), or a
    LessonError listing the names."""
    for lesson in lessons:
        if name in (lesson.name, lesson.name.split("-")[0], lesson.name.split("-")[0].lstrip("0")):
            return lesson
    raise LessonError(f"there is no lesson called {name!r} (lessons: {', '.join(x.name for x in lessons)})")


# -- a step as a session ------------------------------------------------------------------------
def step_session(lesson: Lesson, number: int, base: Session) -> Session:
    """What opening step ``number`` (from 1) puts on screen: ``base`` (the window now) with the
    step's lab open and its section in place; the learner's theme and palette stay; the
    studio's compared vectors are those the step names."""
    step = lesson.steps[number - 1]
    if step.lab == STUDIO:
        opened = _read_studio(step.section, step.compare).session
        assert opened is not None
        state = replace(opened.state, theme=base.theme, palette=base.palette)
        return replace(base, state=state, view_rect=opened.view_rect, lab=STUDIO,
                       lesson=(lesson.name, number))
    sections = {**base.sections, step.lab: dict(step.section)}
    return replace(base, lab=step.lab, sections=sections, lesson=(lesson.name, number))


def step_scene(lesson: Lesson, number: int, theme: str = "dark", palette: str = "okabe-ito"):
    """The studio scene of step ``number`` (None for another lab's step): for pictures."""
    step = lesson.steps[number - 1]
    if step.lab != STUDIO:
        return None
    session = _read_studio(step.section, step.compare).session
    assert session is not None
    state = replace(session.state, theme=theme, palette=palette).checked()
    return build_scene(state, accept(state.matrix)), session.view_rect


def claims_text(step: Step) -> str:
    """The step's checked claims, as a reader would write them: "det = 3; rank = 2"."""
    def shown(value) -> str:
        if isinstance(value, list):
            return ", ".join(map(str, value))
        if isinstance(value, dict):
            return "; ".join(f"M{k} = ({', '.join(map(str, v))})" for k, v in value.items())
        return str(value).lower() if isinstance(value, bool) else str(value)
    return "; ".join(f"{key.replace('_', ' ')} = {shown(value)}" for key, value in step.expect.items())
