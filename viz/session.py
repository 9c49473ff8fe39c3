"""Sessions: the window's labs and the look, saved to and read from a ``.lens.json`` file.

The file is plain JSON, small enough to read and to write by hand (format 2)::

    {
      "format": 2,
      "app": "linear-lens",
      "lab": "studio",
      "theme": "dark",
      "palette": "okabe-ito",
      "studio": {
        "dimension": 2,
        "matrix": [
          ["1", "1/3"],
          [0.7071067811865476, "1"]
        ],
        "vectors": [
          {"name": "v", "entries": ["1", "2"]}
        ],
        "view": {"x": [-4.0, 4.0], "y": [-2.5, 2.5]}
      }
    }

``lab`` names the lab that was open; each lab keeps its own section under its name (the
studio's is its scene: the matrix, the named vectors and the visible rectangle). A section
of a lab this module does not know is kept as it was read, for that lab to check
(:attr:`Session.sections`). Format 1 files (the studio alone, its keys at the top) are read
through :func:`migrate`, which moves those keys into the ``studio`` section.

An optional ``"lesson": {"name": "03-transformations", "step": 2}`` says which lesson (a file
name under ``assets/lessons/``, without ``.toml``) and which step (from 1) the learner was on,
so opening the file takes them back there. ``lesson`` is not a lab's name, so it is never read
as a section; an older app of format 2 reads it as the section of a lab it does not have, and
keeps it as it was — so the key needs no new format.

Numbers (matrix and vector entries):

- an exact value is written as a *string*, ``"1/3"`` or ``"-2"``, and read back with
  :func:`kernels.parse_scalar`, so it stays an exact ``Fraction``. A hand-written file may use
  any expression a cell accepts (``"sqrt(2)/2"``, ``"cos(30deg)"``).
- what is typed can be much longer once written: ``2^-700`` is 6 characters in a cell and
  213 as the exact ``"1/5260…"``. The kernel keeps a fraction exact while its numerator and
  denominator have at most ``MAX_EXACT_BITS`` bits each (3011 digits), so
  :data:`MAX_ENTRY_CHARS` is derived from that limit, and an entry longer than any typed text
  (``MAX_TEXT_LENGTH``, 1000 characters) is read only as the plain ``p/q`` this module writes.
- a float is written as a JSON *number* (Python writes its ``repr``, the shortest text that reads
  back as the same double), so it comes back bit for bit. A float cannot be a string: the
  parser reads ``"0.1"`` as the exact 1/10, which is not the double 0.1.
- JSON integers are exact. ``NaN``/``Infinity``, booleans and ``null`` are refused.

Loading checks everything before anything is used: that the file is a regular file (not a
folder, a named pipe or a device) and its size (at most :data:`MAX_BYTES`), both before it is
opened (:func:`viz.files.read_regular_file`); then UTF-8, JSON syntax and nesting depth,
duplicate keys, the format version, every type and shape, every number, the theme and palette
names. Keys this version does not know are refused too (``"matirx"`` is a typo, not a future
feature: a newer app that adds keys writes a newer ``format``). Each problem is one
:class:`SessionError` whose message names the file and the place:
``"a.lens.json: matrix row 2: expected 2 entries, found 3"``.

``format`` is required, and so are the studio's ``dimension`` and ``matrix``; ``app`` (if
present it must be ``"linear-lens"``), ``lab`` (default studio), ``vectors`` (default v = (1, 2)),
``view`` (default: fit the picture), ``theme`` (default dark) and ``palette`` (default
okabe-ito) may be left out.

Saving is atomic (:func:`viz.files.write_atomically`): the text goes to a temporary file in the
same folder, is flushed and fsynced, then :func:`os.replace` swaps it in, so a failure at any
point leaves the old file as it was.

No Qt here: the command line (``linear-lens export --session FILE``) reads sessions too.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from fractions import Fraction
from pathlib import Path
from typing import Any

from kernels import (
    ExpressionError,
    LinearAlgebraError,
    Matrix,
    Vector,
    format_scalar,
    parse_scalar,
)
from kernels.expressions import MAX_EXACT_BITS, MAX_TEXT_LENGTH

from .files import UnreadableFile, read_regular_file, reason, write_atomically
from .palette import PALETTES, THEMES
from .scene import (
    DEFAULT_PALETTE,
    DEFAULT_THEME,
    DEFAULT_VECTORS,
    SHOW_MODES,
    ReadsState,
    SceneState,
    VectorStyle,
)

FORMAT_VERSION = 2
APP_ID = "linear-lens"
SUFFIX = ".lens.json"
MAX_BYTES = 1024 * 1024  # a session is a few hundred bytes; anything near this is not one
# The longest entry is an exact value as encode_scalar writes it, "-p/q", with p and q each the
# largest number the kernel keeps exact: MAX_EXACT_BITS bits, 3011 digits. So 6024 characters.
EXACT_DIGITS = len(str(2 ** MAX_EXACT_BITS - 1))
MAX_ENTRY_CHARS = len("-/") + 2 * EXACT_DIGITS
MAX_VECTORS = 16
MAX_NAME_CHARS = 40
SUPPORTED_DIMENSIONS = (2, 3)
STUDIO = "studio"
LAB_NAME = re.compile(r"[a-z][a-z0-9_]{0,31}")  # a lab's name, and the key of its section
LESSON_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")  # a lesson file's name without .toml
MAX_LESSON_STEP = 100

LESSON = "lesson"  # the optional top-level key of the lesson step the learner is on
_KEYS = {"format", "app", "lab", "theme", "palette", LESSON}  # and one section per lab
_STUDIO_KEYS = {"dimension", "matrix", "vectors", "view"}
_FORMAT_1_KEYS = {"format", "app", "theme", "palette"} | _STUDIO_KEYS


class SessionError(ValueError):
    """A session file that cannot be read or written; the message is one line for the user."""


@dataclass(frozen=True)
class Session(ReadsState):
    """What a session file holds: the studio's scene and view, which lab was open, and the
    sections of the other labs (decoded JSON objects, each checked by the lab that owns it).

    ``view_rect`` is ``(x_min, x_max, y_min, y_max)`` or None for "fit the picture";
    ``lesson`` is ``(lesson name, step from 1)`` while a lesson is open, else None.
    """

    state: SceneState
    view_rect: tuple | None = None
    lab: str = STUDIO
    sections: Mapping[str, Any] = field(default_factory=dict)
    format: int = FORMAT_VERSION  # the version the file was written in
    lesson: tuple[str, int] | None = None

    @property
    def vector(self) -> Vector:
        """v, the first of the vectors."""
        return self.state.vectors[0][1]


# -- numbers ------------------------------------------------------------------------------
def encode_scalar(value, where: str = "entry"):
    """An entry as JSON: exact values as strings (``"1/3"``), floats as numbers (bit-exact).

    >>> encode_scalar(Fraction(1, 3)), encode_scalar(Fraction(-4)), encode_scalar(0.1)
    ('1/3', '-4', 0.1)
    """
    if isinstance(value, (bool, complex)):
        raise SessionError(f"{where}: {value!r} is not a real number")
    if isinstance(value, (Fraction, int)):
        return format_scalar(Fraction(value))
    if isinstance(value, float):
        if not math.isfinite(value):
            raise SessionError(f"{where}: {value!r} is not a finite number")
        return value
    raise SessionError(f"{where}: {type(value).__name__} is not a number")


def decode_scalar(raw, where: str):
    """Read one entry written by :func:`encode_scalar` (or by hand); SessionError names ``where``.

    >>> decode_scalar("1/3", "x"), decode_scalar(0.5, "x"), decode_scalar(2, "x")
    (Fraction(1, 3), 0.5, Fraction(2, 1))
    >>> decode_scalar("1/0", "matrix row 1, column 2")
    Traceback (most recent call last):
        ...
    viz.session.SessionError: matrix row 1, column 2: '1/0' is not a number (division by zero at position 2: 1/0)
    """  # noqa: E501
    if isinstance(raw, bool) or raw is None:
        raise SessionError(f"{where}: expected a number or a number in quotes, found {_json_name(raw)}")
    if isinstance(raw, int):
        return Fraction(raw)
    if isinstance(raw, float):
        if not math.isfinite(raw):  # only reachable from a caller's own dict: the reader refuses NaN
            raise SessionError(f"{where}: {raw!r} is not a finite number")
        return raw
    if not isinstance(raw, str):
        raise SessionError(f"{where}: expected a number or a number in quotes, found {_json_name(raw)}")
    if len(raw) > MAX_ENTRY_CHARS:
        raise SessionError(f"{where}: the text is {len(raw)} characters long (at most {MAX_ENTRY_CHARS})")
    if len(raw) > MAX_TEXT_LENGTH:
        return _decode_long_exact(raw, where)
    try:
        value = parse_scalar(raw)
    except (ExpressionError, LinearAlgebraError, ArithmeticError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SessionError(f"{where}: {raw!r} is not a number ({reason})") from None
    if isinstance(value, complex) or (isinstance(value, float) and not math.isfinite(value)):
        raise SessionError(f"{where}: {raw!r} is not a finite real number")
    return value


# "p" or "-p/q" with at most EXACT_DIGITS digits each: what format_scalar writes for a Fraction
_EXACT_TEXT = re.compile(rf"-?[0-9]{{1,{EXACT_DIGITS}}}(/[0-9]{{1,{EXACT_DIGITS}}})?")


def _decode_long_exact(raw: str, where: str) -> Fraction:
    """An entry longer than any text a cell takes: the exact ``p/q`` that :func:`encode_scalar`
    wrote for a fraction typed short (``1/3^6000`` is 8 characters typed, 2865 written).
    Like every cell value, it must fit in a float."""
    if not _EXACT_TEXT.fullmatch(raw):
        raise SessionError(f"{where}: the text is {len(raw)} characters long: longer than a typed "
                           f"entry ({MAX_TEXT_LENGTH}), and not an exact fraction like \"-12/345\"")
    try:
        value = Fraction(raw)
        float(value)
    except ZeroDivisionError:
        raise SessionError(f"{where}: the fraction divides by zero") from None
    except OverflowError:
        raise SessionError(f"{where}: the number is too large (beyond ±1.8e308)") from None
    return value


def _json_name(raw) -> str:
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return {dict: "an object", list: "a list", str: "text", int: "a number",
            float: "a number"}.get(type(raw), type(raw).__name__)


# -- from a model, to a model -------------------------------------------------------------
def session_from_model(model, view_rect=None, lab: str = STUDIO, sections=None) -> Session:
    """The scene of a :class:`~viz.model.SceneModel` (plus the visible rectangle, if given).
    Only the scene is saved: which vectors are compared and their combination are not. A
    visible rectangle the loader would refuse (zoomed out beyond ±1e9) is left out — the
    session then opens fitted to its picture — so that what the app saves, it loads."""
    state = replace(model.state, selection=(), combination=None)
    rect = None
    if view_rect is not None:
        try:
            rect = _check_rect(tuple(view_rect), "view")
        except SessionError:
            rect = None
    return Session(state, rect, lab=lab, sections=dict(sections or {}))


def check_fits(session: Session) -> None:
    """SessionError unless the window can show ``session``: a supported square matrix whose
    vectors fit it, a known look, and a matrix the kernel accepts (:func:`viz.scene.accept`)."""
    from .scene import RefusedMatrix, accept

    n = session.matrix.shape[0]
    if session.matrix.shape != (n, n) or n not in SUPPORTED_DIMENSIONS:
        raise SessionError(f"this window shows 2×2 and 3×3 matrices; the session is "
                           f"{session.matrix.shape[0]}×{session.matrix.shape[1]}")
    try:
        session.state.checked()
        accept(session.matrix)
    except RefusedMatrix as error:
        raise SessionError(str(error)) from None
    except ValueError as error:
        raise SessionError(str(error)) from None


def apply_session(session: Session, model) -> None:
    """Put ``session``'s scene into ``model`` all at once, or raise SessionError and change
    nothing. File → Open, crash recovery and ``linear-lens export --session`` all come here
    (the window through an undoable :class:`viz.commands.ReplaceScene` of the same state).
    The view rectangle is not part of the model: the caller applies ``session.view_rect``.
    """
    check_fits(session)
    model.set_state(session.state)


# -- writing ------------------------------------------------------------------------------
def _vector_item(session: Session, name: str, vector) -> dict:
    """One vector's JSON object: name, exact entries, and its style when not the default."""
    item = {"name": name, "entries": [encode_scalar(x, f"vector {name} entry {k + 1}")
                                      for k, x in enumerate(vector)]}
    style = session.styles.get(name, VectorStyle())
    if style.color is not None:
        item["color"] = style.color
    if style.show != "both":
        item["show"] = style.show
    return item


def session_to_dict(session: Session) -> dict:
    """The JSON object of a session (see the module docstring for the format)."""
    studio: dict = {
        "dimension": session.dimension,
        "matrix": [[encode_scalar(x, f"matrix row {i + 1}, column {j + 1}") for j, x in enumerate(row)]
                   for i, row in enumerate(session.matrix.rows)],
        "vectors": [_vector_item(session, name, vector) for name, vector in session.vectors],
        "view": None,
    }
    if session.view_rect is not None:
        x_min, x_max, y_min, y_max = (float(x) for x in session.view_rect)
        studio["view"] = {"x": [x_min, x_max], "y": [y_min, y_max]}
    data = {"format": FORMAT_VERSION, "app": APP_ID, "lab": session.lab, "theme": session.theme,
            "palette": session.palette, STUDIO: studio}
    for name, section in session.sections.items():
        if name != STUDIO:
            data[name] = section
    if session.lesson is not None:
        name, step = session.lesson
        data[LESSON] = {"name": name, "step": step}
    return data


def _json_lines(value, indent: str) -> str:
    """``value`` as JSON text: objects one key a line, a list of lists (a matrix) or of objects
    one item a line, anything else on one line."""
    def one_line(item) -> str:
        return json.dumps(item, ensure_ascii=False, allow_nan=False)

    inner = indent + "  "
    if isinstance(value, dict) and value:
        items = [f"{inner}{json.dumps(key)}: {_json_lines(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + f"\n{indent}}}"
    if isinstance(value, list) and value and all(isinstance(item, (list, dict)) for item in value):
        return "[\n" + ",\n".join(inner + one_line(item) for item in value) + f"\n{indent}]"
    return one_line(value)


def session_to_json(session: Session) -> str:
    """The text of a ``.lens.json`` file: the matrix one row a line, readable in a diff."""
    return _json_lines(session_to_dict(session), "") + "\n"


def save_session(session: Session, path) -> None:
    """Write ``session`` to ``path`` atomically; SessionError (with the OS reason) on failure."""
    text = session_to_json(session)
    try:
        write_atomically(path, text)
    except OSError as error:
        raise SessionError(f"could not save {Path(path).name}: {reason(error)}") from error


# -- reading ------------------------------------------------------------------------------
def parse_json(data: bytes, what: str = "the file"):
    """Decode UTF-8 JSON strictly: no NaN/Infinity, no duplicate keys, no runaway nesting."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SessionError(f"{what} is not UTF-8 text (bad byte at offset {error.start})") from None

    def no_constants(name):
        raise SessionError(f"{what}: {name} is not a number a session can hold")

    def no_duplicates(pairs):
        seen = {}
        for key, value in pairs:
            if key in seen:
                raise SessionError(f"{what}: the key {key!r} appears twice")
            seen[key] = value
        return seen

    try:
        return json.loads(text, parse_constant=no_constants, object_pairs_hook=no_duplicates)
    except json.JSONDecodeError as error:
        raise SessionError(f"{what} is not valid JSON ({error.msg} at line {error.lineno}, "
                           f"column {error.colno})") from None
    except RecursionError:
        raise SessionError(f"{what} is not a session: its JSON is nested too deeply") from None
    except ValueError as error:  # e.g. an integer with more digits than Python converts
        if isinstance(error, SessionError):
            raise
        raise SessionError(f"{what} is not valid JSON ({str(error).splitlines()[0]})") from None


def _require(data: dict, key: str, kind, name: str):
    if key not in data:
        raise SessionError(f"the key {key!r} is missing")
    value = data[key]
    if not isinstance(value, kind) or isinstance(value, bool):
        raise SessionError(f"{key!r} must be {name}, found {_json_name(value)}")
    return value


def _check_rect(rect, where: str) -> tuple:
    if len(rect) != 4:
        raise SessionError(f"{where}: expected (x_min, x_max, y_min, y_max)")
    values = []
    for raw in rect:
        if isinstance(raw, bool) or not isinstance(raw, (int, float)) or not math.isfinite(raw):
            raise SessionError(f"{where}: expected finite numbers, found {_json_name(raw)}")
        values.append(float(raw))
    x_min, x_max, y_min, y_max = values
    if not (x_min < x_max and y_min < y_max):
        raise SessionError(f"{where}: each range must go from a smaller to a larger number")
    if max(abs(v) for v in values) > 1e9:
        raise SessionError(f"{where}: the range is too far from the origin (beyond ±1e9)")
    return tuple(values)


def _read_view(raw) -> tuple | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise SessionError(f"'view' must be an object like {{\"x\": [-4, 4], \"y\": [-3, 3]}}, "
                           f"found {_json_name(raw)}")
    unknown = sorted(set(raw) - {"x", "y"})
    if unknown:
        raise SessionError(f"view: unknown key {unknown[0]!r} (expected 'x' and 'y')")
    rect = []
    for axis in ("x", "y"):
        pair = raw.get(axis)
        if not isinstance(pair, list) or len(pair) != 2:
            raise SessionError(f"view {axis}: expected [min, max], found {_json_name(pair)}")
        rect += pair
    return _check_rect(rect, "view")


def read_matrix(raw, dimension: int, where: str = "matrix") -> Matrix:
    """A dimension×dimension matrix of entries written by :func:`encode_scalar`."""
    if not isinstance(raw, list):
        raise SessionError(f"{where} must be a list of rows, found {_json_name(raw)}")
    if len(raw) != dimension:
        raise SessionError(f"{where}: expected {dimension} rows (dimension {dimension}), found {len(raw)}")
    rows = []
    for i, row in enumerate(raw, start=1):
        if not isinstance(row, list):
            raise SessionError(f"{where} row {i}: expected a list of {dimension} entries, "
                               f"found {_json_name(row)}")
        if len(row) != dimension:
            raise SessionError(f"{where} row {i}: expected {dimension} entries, found {len(row)}")
        rows.append([decode_scalar(x, f"{where} row {i}, column {j}") for j, x in enumerate(row, start=1)])
    return Matrix(rows)


def _read_vectors(raw, dimension: int) -> tuple:
    if raw is None:
        return (("v", DEFAULT_VECTORS[dimension]),), {}
    if not isinstance(raw, list) or not raw:
        raise SessionError(f"'vectors' must be a non-empty list, found {_json_name(raw)}")
    if len(raw) > MAX_VECTORS:
        raise SessionError(f"'vectors' has {len(raw)} vectors (at most {MAX_VECTORS})")
    vectors, names, styles = [], set(), {}
    for k, item in enumerate(raw, start=1):
        where = f"vectors item {k}"
        if not isinstance(item, dict):
            raise SessionError(f"{where}: expected an object with 'name' and 'entries', "
                               f"found {_json_name(item)}")
        unknown = sorted(set(item) - {"name", "entries", "color", "show"})
        if unknown:
            raise SessionError(f"{where}: unknown key {unknown[0]!r}")
        name = item.get("name")
        if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME_CHARS:
            raise SessionError(f"{where}: 'name' must be text of 1 to {MAX_NAME_CHARS} characters")
        if name in names:
            raise SessionError(f"{where}: the name {name!r} is used twice")
        names.add(name)
        entries = item.get("entries")
        if not isinstance(entries, list):
            raise SessionError(f"vector {name}: 'entries' must be a list, found {_json_name(entries)}")
        if len(entries) != dimension:
            raise SessionError(f"vector {name}: expected {dimension} entries, found {len(entries)}")
        vectors.append((name, Vector([decode_scalar(x, f"vector {name} entry {e}")
                                      for e, x in enumerate(entries, start=1)])))
        styles[name] = _read_style(item, name)
    return tuple(vectors), {name: style for name, style in styles.items() if style != VectorStyle()}


def _read_style(item: dict, name: str) -> VectorStyle:
    """The optional ``color`` ("#RRGGBB") and ``show`` ("both", "vector", "image") of a vector."""
    color = item.get("color")
    if color is not None and not (isinstance(color, str) and re.fullmatch(r"#[0-9A-Fa-f]{6}", color)):
        raise SessionError(f"vector {name}: 'color' must look like \"#CC79A7\", found {_json_name(color)}")
    show = item.get("show", "both")
    if show not in SHOW_MODES:
        raise SessionError(f"vector {name}: 'show' must be one of {', '.join(SHOW_MODES)}")
    return VectorStyle(color, show)


def _read_name(data: dict, key: str, known: dict, default: str) -> str:
    if key not in data:
        return default
    value = data[key]
    if not isinstance(value, str):
        raise SessionError(f"{key!r} must be text, found {_json_name(value)}")
    if value not in known:
        raise SessionError(f"unknown {key} {value!r} (known: {', '.join(known)})")
    return value


def _read_lesson(raw) -> tuple[str, int] | None:
    """The optional ``lesson`` key: ``{"name": "03-transformations", "step": 2}``."""
    if raw is None:
        return None
    if not isinstance(raw, dict) or set(raw) != {"name", "step"}:
        raise SessionError(f"'lesson' must be an object like {{\"name\": \"01-vectors\", \"step\": 1}}, "
                           f"found {_json_name(raw)}")
    name, step = raw["name"], raw["step"]
    if not isinstance(name, str) or not LESSON_NAME.fullmatch(name):
        raise SessionError("lesson: 'name' must be a lesson's file name without .toml, like \"01-vectors\"")
    if not isinstance(step, int) or isinstance(step, bool) or not 1 <= step <= MAX_LESSON_STEP:
        raise SessionError(f"lesson: 'step' must be a whole number from 1 to {MAX_LESSON_STEP}")
    return name, step


def migrate(data: dict) -> dict:
    """A format 1 session (the studio alone, its keys at the top) as format 2: the studio's
    keys move into its section, and the studio becomes the open lab.

    >>> migrate({"format": 1, "dimension": 2, "matrix": [[1, 0], [0, 1]], "theme": "light"})
    {'format': 2, 'theme': 'light', 'lab': 'studio', 'studio': {'dimension': 2, 'matrix': [[1, 0], [0, 1]]}}
    """
    unknown = sorted(set(data) - _FORMAT_1_KEYS)
    if unknown:
        known = ", ".join(sorted(_FORMAT_1_KEYS))
        raise SessionError(f"unknown key {unknown[0]!r} (known in format 1: {known})")
    migrated = {key: value for key, value in data.items() if key not in _STUDIO_KEYS}
    migrated["format"] = FORMAT_VERSION
    migrated["lab"] = STUDIO
    migrated[STUDIO] = {key: value for key, value in data.items() if key in _STUDIO_KEYS}
    return migrated


def _read_studio(raw) -> tuple[Matrix, tuple, dict, tuple | None]:
    """The studio's section: its matrix, vectors (with their styles) and visible rectangle."""
    if not isinstance(raw, dict):
        raise SessionError(f"the section {STUDIO!r} must be an object, found {_json_name(raw)}")
    unknown = sorted(set(raw) - _STUDIO_KEYS)
    if unknown:
        raise SessionError(f"{STUDIO}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_STUDIO_KEYS))})")
    dimension = _require(raw, "dimension", int, "a whole number")
    if dimension not in SUPPORTED_DIMENSIONS:
        raise SessionError(f"dimension {dimension} is not supported "
                           f"(this version shows {' or '.join(map(str, SUPPORTED_DIMENSIONS))})")
    if "matrix" not in raw:
        raise SessionError("the key 'matrix' is missing")
    matrix = read_matrix(raw["matrix"], dimension)
    vectors, styles = _read_vectors(raw.get("vectors"), dimension)
    return matrix, vectors, styles, _read_view(raw.get("view"))


def session_from_dict(data) -> Session:
    """Validate a decoded JSON object and build the Session; SessionError on the first problem."""
    if not isinstance(data, dict):
        raise SessionError(f"a session is a JSON object, found {_json_name(data)}")
    version = _require(data, "format", int, "a whole number")
    if version > FORMAT_VERSION:
        raise SessionError(f"format {version} was written by a newer Linear Lens; "
                           f"this version reads formats 1 to {FORMAT_VERSION}")
    if version < 1:
        raise SessionError(f"unknown format {version} (this version reads formats 1 to {FORMAT_VERSION})")
    if "app" in data and data["app"] != APP_ID:
        raise SessionError(f"'app' is {data['app']!r}: not a Linear Lens session")
    if version == 1:
        data = migrate(data)
    for key in sorted(set(data) - _KEYS):
        if not LAB_NAME.fullmatch(key):
            known = ", ".join(sorted(_KEYS))
            raise SessionError(f"unknown key {key!r} (known: {known} and one section per lab)")
    lab = data.get("lab", STUDIO)
    if not isinstance(lab, str) or not LAB_NAME.fullmatch(lab):
        raise SessionError(f"'lab' must be the name of a lab, found {_json_name(lab)}")
    if STUDIO not in data:
        raise SessionError(f"the section {STUDIO!r} is missing")
    matrix, vectors, styles, view = _read_studio(data[STUDIO])
    theme = _read_name(data, "theme", THEMES, DEFAULT_THEME)
    palette = _read_name(data, "palette", PALETTES, DEFAULT_PALETTE)
    sections = {key: value for key, value in data.items() if key not in _KEYS and key != STUDIO}
    for key, value in sections.items():
        if not isinstance(value, dict):
            raise SessionError(f"the section {key!r} must be an object, found {_json_name(value)}")
    state = SceneState(matrix, vectors, styles, theme=theme, palette=palette)
    return Session(state, view, lab=lab, sections=sections, format=version,
                   lesson=_read_lesson(data.get(LESSON)))


def session_from_json(data: bytes | str) -> Session:
    """Parse and validate the text of a session file (SessionError without a file name)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return session_from_dict(parse_json(data))


def load_session(path) -> Session:
    """Read and validate a ``.lens.json`` file; SessionError ``"<file>: <problem and where>"``."""
    path = Path(path)
    try:
        data = read_regular_file(path, MAX_BYTES, "session file")
    except UnreadableFile as error:
        raise SessionError(str(error)) from None
    decoded = parse_json(data, what=path.name)
    try:
        return session_from_dict(decoded)
    except SessionError as error:
        raise SessionError(f"{path.name}: {error}") from None
