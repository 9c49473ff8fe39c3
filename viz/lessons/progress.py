"""How far the learner got: the steps they have seen, and their attempts at each exercise.

Kept as ``lesson-progress.json`` in the data folder (beside the autosave), written atomically
(:func:`viz.files.write_atomically`) after every change::

    {"format": 1,
     "seen": {"05-determinant": [1, 2, 3]},
     "attempts": {"05-determinant": {"3": {"tries": 2, "solved": true}}}}

A step is *done* once it has been seen and, if it has an exercise, that exercise was solved;
a lesson is done when all its steps are. A file that cannot be read (damaged, hand-edited
badly, not a regular file) is reported once and the learner starts afresh, instead of the
lessons refusing to open; the next change writes a good file in its place. No Qt here.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..files import UnreadableFile, read_regular_file, write_atomically
from .format import Lesson

FILE_NAME = "lesson-progress.json"
MAX_BYTES = 1024 * 1024


@dataclass
class Attempts:
    """The tries at one step's exercise, and whether one of them was right."""
    tries: int = 0
    solved: bool = False


@dataclass
class Progress:
    """Seen steps (numbered from 1) and exercise attempts, by lesson name."""
    seen: dict[str, set[int]] = field(default_factory=dict)
    attempts: dict[str, dict[int, Attempts]] = field(default_factory=dict)

    def mark_seen(self, lesson: str, step: int) -> None:
        self.seen.setdefault(lesson, set()).add(step)

    def record_attempt(self, lesson: str, step: int, correct: bool) -> Attempts:
        record = self.attempts.setdefault(lesson, {}).setdefault(step, Attempts())
        record.tries += 1
        record.solved = record.solved or correct
        return record

    def attempts_at(self, lesson: str, step: int) -> Attempts:
        return self.attempts.get(lesson, {}).get(step, Attempts())

    def step_done(self, lesson: Lesson, step: int) -> bool:
        """Seen, and its exercise (if it has one) solved."""
        if step not in self.seen.get(lesson.name, set()):
            return False
        return lesson.steps[step - 1].exercise is None or self.attempts_at(lesson.name, step).solved

    def done_count(self, lesson: Lesson) -> int:
        return sum(self.step_done(lesson, k) for k in range(1, len(lesson.steps) + 1))

    def lesson_done(self, lesson: Lesson) -> bool:
        return self.done_count(lesson) == len(lesson.steps)

    def reset(self) -> None:
        self.seen.clear()
        self.attempts.clear()

    def to_json(self) -> str:
        return json.dumps({
            "format": 1,
            "seen": {name: sorted(steps) for name, steps in sorted(self.seen.items())},
            "attempts": {name: {str(step): {"tries": a.tries, "solved": a.solved}
                                for step, a in sorted(steps.items())}
                         for name, steps in sorted(self.attempts.items())},
        }, indent=1) + "\n"


def _whole(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 1


def progress_from_json(text: str) -> Progress:
    """Parse what :meth:`Progress.to_json` wrote; ValueError on anything else."""
    data = json.loads(text)
    if not isinstance(data, dict) or data.get("format") != 1:
        raise ValueError("not a lesson progress file of format 1")
    progress = Progress()
    for name, steps in dict(data.get("seen", {})).items():
        if not isinstance(steps, list) or not all(_whole(step) for step in steps):
            raise ValueError(f"seen {name}: expected step numbers")
        progress.seen[str(name)] = set(steps)
    for name, steps in dict(data.get("attempts", {})).items():
        for step, record in dict(steps).items():
            tries, solved = record.get("tries"), record.get("solved")
            if not (step.isdigit() and _whole(int(step)) and _whole(tries) and isinstance(solved, bool)):
                raise ValueError(f"attempts {name} {step}: expected tries and solved")
            progress.attempts.setdefault(str(name), {})[int(step)] = Attempts(tries, solved)
    return progress


def load_progress(folder) -> tuple[Progress, str | None]:
    """The progress kept in ``folder``, and why it could not be read (None when it could, or
    when there is none yet: a first start)."""
    path = Path(folder) / FILE_NAME
    if not path.exists():
        return Progress(), None
    try:
        return progress_from_json(read_regular_file(path, MAX_BYTES, "progress file").decode("utf-8")), None
    except (UnreadableFile, UnicodeDecodeError, ValueError, AttributeError, TypeError) as error:
        return Progress(), f"{FILE_NAME} could not be read ({error}); lesson progress starts afresh"


def save_progress(progress: Progress, folder) -> Path:
    """Write ``progress`` to ``folder`` atomically; OSError when it cannot be written."""
    path = Path(folder) / FILE_NAME
    write_atomically(path, progress.to_json())
    return path
