"""A lesson as a handout: Markdown with one picture per step and LaTeX for each matrix.

``linear-lens lesson export <name> --out DIR`` writes ``DIR/<name>.md`` and ``DIR/step-01.png``,
``step-02.png``…; the pictures are drawn by a function handed in (:mod:`viz.lessons.pictures`,
the app's own export paths), so this module stays Qt-free and can be read on its own: it
decides what the handout says, not how a picture is painted.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..files import write_atomically
from ..report import latex_matrix
from ..session import STUDIO, read_matrix
from .exercises import exercise_from_table
from .format import ML, Lesson, Step, claims_text


def picture_name(number: int) -> str:
    """``step-03.png``: the picture of step ``number``."""
    return f"step-{number:02d}.png"


def step_latex(step: Step) -> str:
    """The matrices of a step as display LaTeX: ``M = …`` (studio), ``A = …, B = …`` (compose),
    ``A = …`` (the ML lab's one matrix)."""
    section = step.section
    if step.lab == STUDIO:
        dimension = section["dimension"]
        return f"$$M = {latex_matrix(read_matrix(section['matrix'], dimension))}$$"
    if step.lab == ML:
        rows = section["matrix"]
        return f"$$A = {latex_matrix(read_matrix(rows, len(rows), 'A'))}$$"
    dimension = section.get("dimension", 2)
    a, b = read_matrix(section["A"], dimension, "A"), read_matrix(section["B"], dimension, "B")
    return (f"$$A = {latex_matrix(a)}, \\quad B = {latex_matrix(b)}, \\quad "
            f"AB = {latex_matrix(a @ b)}$$")


def handout_markdown(lesson: Lesson) -> str:
    """The handout's text: the title and summary, then per step its picture, its sentences,
    its matrices in LaTeX, the claims the kernel checked, and its exercise (with the seed)."""
    lines = [f"# {lesson.title}", "", lesson.summary, ""]
    for number, step in enumerate(lesson.steps, start=1):
        lines += [f"## {number}. {step.title}", "",
                  f"![Step {number}: {step.title}]({picture_name(number)})", "",
                  step.text, "", step_latex(step), ""]
        if step.expect:
            lines += [f"*Checked by the kernel:* {claims_text(step)}", ""]
        if step.exercise is not None:
            table = dict(step.exercise)
            origin = f"seed {table['seed']}" if "seed" in table else "numbers set by the lesson"
            lines += [f"**Try it** ({table['kind']}, {origin}): {exercise_from_table(table).question}", ""]
    lines.append(f"*Lesson `{lesson.name}` of Linear Lens; `linear-lens lesson export {lesson.name}` "
                 "writes this handout again.*")
    return "\n".join(lines) + "\n"


def write_handout(lesson: Lesson, folder, draw: Callable[[Lesson, int, Path], Path]) -> Path:
    """Write the pictures (``draw(lesson, number, path)`` each) and then ``<name>.md`` into
    ``folder`` (made if missing); returns the Markdown file's path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for number in range(1, len(lesson.steps) + 1):
        draw(lesson, number, folder / picture_name(number))
    path = folder / f"{lesson.name}.md"
    write_atomically(path, handout_markdown(lesson))
    return path
