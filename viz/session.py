"""Sessions: one scene (matrix, vectors, view, look) saved to and read from a ``.lens.json`` file.

The file is plain JSON, small enough to read and to write by hand::

    {
      "format": 1,
      "app": "linear-lens",
      "dimension": 2,
      "matrix": [["1", "1/3"], [0.7071067811865476, "1"]],
      "vectors": [{"name": "v", "entries": ["1", "2"]}],
      "view": {"x": [-4.0, 4.0], "y": [-2.5, 2.5]},
      "theme": "dark",
      "palette": "okabe-ito"
    }

Numbers (matrix and vector entries):

- an exact value is written as a *string*, ``"1/3"`` or ``"-2"``, and read back with
  :func:`kernels.parse_scalar`, so it stays an exact ``Fraction``. A hand-written file may use
  any expression a cell accepts (``"sqrt(2)/2"``, ``"cos(30deg)"``).
- a float is written as a JSON *number* (Python writes its ``repr``, the shortest text that reads
  back as the same double), so it comes back bit for bit. A float cannot be a string: the
  parser reads ``"0.1"`` as the exact 1/10, which is not the double 0.1.
- JSON integers are exact. ``NaN``/``Infinity``, booleans and ``null`` are refused.

Loading checks everything before anything is used: the size (at most :data:`MAX_BYTES`,
checked before the file is read), UTF-8, JSON syntax and nesting depth, duplicate keys, the
format version, every type and shape, every number, the theme and palette names. Keys this
version does not know are refused too (``"matirx"`` is a typo, not a future feature: a newer
app that adds keys writes a newer ``format``). Each problem is one :class:`SessionError` whose
message names the file and the place: ``"a.lens.json: matrix row 2: expected 2 entries, found 3"``.

``format``, ``dimension`` and ``matrix`` are required; ``app`` (if present it must be
``"linear-lens"``), ``vectors`` (default v = (1, 2)), ``view`` (default: fit the picture),
``theme`` (default dark) and ``palette`` (default okabe-ito) may be left out.

Saving is atomic: the text goes to a temporary file in the same folder, is flushed and fsynced,
then :func:`os.replace` swaps it in, so a failure at any point leaves the old file as it was.

No Qt here: the command line (``linear-lens export --session FILE``) reads sessions too.
"""

from __future__ import annotations

import json
import math
import os
import re
import tempfile
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

from kernels import (
    ExpressionError,
    LinearAlgebraError,
    Matrix,
    Vector,
    format_scalar,
    parse_scalar,
)

from .model import SHOW_MODES, VectorStyle
from .palette import PALETTES, THEMES

FORMAT_VERSION = 1
APP_ID = "linear-lens"
SUFFIX = ".lens.json"
MAX_BYTES = 1024 * 1024  # a session is a few hundred bytes; anything near this is not one
MAX_ENTRY_CHARS = 200  # the longest expression text accepted for one entry
MAX_VECTORS = 16
MAX_NAME_CHARS = 40
SUPPORTED_DIMENSIONS = (2, 3)
DEFAULT_THEME = "dark"
DEFAULT_PALETTE = "okabe-ito"
DEFAULT_VECTOR = Vector([1, 2])

_KEYS = {"format", "app", "dimension", "matrix", "vectors", "view", "theme", "palette"}


class SessionError(ValueError):
    """A session file that cannot be read or written; the message is one line for the user."""


@dataclass(frozen=True)
class Session:
    """One scene, as saved. ``vector`` is the first of ``vectors`` (the one the window shows).

    ``vectors`` holds ``(name, Vector)`` pairs; left empty it becomes ``(("v", vector),)``.
    ``view_rect`` is ``(x_min, x_max, y_min, y_max)`` or None for "fit the picture".
    """

    format: int
    dimension: int
    matrix: Matrix
    vector: Vector
    theme: str
    palette: str
    view_rect: tuple | None = None
    vectors: tuple = field(default=())
    styles: dict = field(default_factory=dict)  # name → VectorStyle, for vectors not drawn the default way

    def __post_init__(self):
        if not self.vectors:
            object.__setattr__(self, "vectors", (("v", self.vector),))
        elif self.vectors[0][1] != self.vector:
            raise ValueError("Session.vector must be the first of Session.vectors")


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
    """
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
    try:
        value = parse_scalar(raw)
    except (ExpressionError, LinearAlgebraError, ArithmeticError, ValueError) as error:
        reason = str(error).splitlines()[0] if str(error) else type(error).__name__
        raise SessionError(f"{where}: {raw!r} is not a number ({reason})") from None
    if isinstance(value, complex) or (isinstance(value, float) and not math.isfinite(value)):
        raise SessionError(f"{where}: {raw!r} is not a finite real number")
    return value


def _json_name(raw) -> str:
    if raw is None:
        return "null"
    if isinstance(raw, bool):
        return "true" if raw else "false"
    return {dict: "an object", list: "a list", str: "text", int: "a number",
            float: "a number"}.get(type(raw), type(raw).__name__)


# -- from a model, to a model -------------------------------------------------------------
def session_from_model(model, view_rect=None) -> Session:
    """The scene of a :class:`~viz.model.SceneModel` (plus the visible rectangle, if given)."""
    rows = model.matrix.shape[0]
    return Session(format=FORMAT_VERSION, dimension=rows, matrix=model.matrix, vector=model.vector,
                   vectors=model.vectors, styles=model.styles, theme=model.theme, palette=model.palette,
                   view_rect=_check_rect(tuple(view_rect), "view") if view_rect is not None else None)


def check_fits(session: Session, model) -> None:
    """SessionError unless ``session`` can be shown by ``model`` (a supported dimension whose
    vector fits it, a known look); the window switches between 2D and 3D as needed."""
    n = session.matrix.shape[0]
    if session.matrix.shape != (n, n) or n not in SUPPORTED_DIMENSIONS:
        raise SessionError(f"this window shows 2×2 and 3×3 matrices; the session is "
                           f"{session.matrix.shape[0]}×{session.matrix.shape[1]}")
    if len(session.vector) != n:
        raise SessionError(f"vector v has {len(session.vector)} entries; a {n}×{n} matrix needs {n}")
    if session.theme not in THEMES:
        raise SessionError(f"unknown theme {session.theme!r}")
    if session.palette not in PALETTES:
        raise SessionError(f"unknown palette {session.palette!r}")


def apply_session(session: Session, model) -> None:
    """Put ``session`` into ``model`` all at once, or raise SessionError and change nothing.

    This is the direct, not undoable, way (start-up, tests, the command line); the window
    opens files through :class:`viz.commands.ReplaceScene` so that Open can be undone.
    The view rectangle is not part of the model: the caller applies ``session.view_rect``.
    """
    check_fits(session, model)
    model.set_scene(session.matrix, session.vector)
    model.set_vectors(session.vectors)
    model.set_styles(session.styles)
    model.set_appearance(session.theme, session.palette)


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
    data = {
        "format": FORMAT_VERSION,
        "app": APP_ID,
        "dimension": session.dimension,
        "matrix": [[encode_scalar(x, f"matrix row {i + 1}, column {j + 1}") for j, x in enumerate(row)]
                   for i, row in enumerate(session.matrix.rows)],
        "vectors": [_vector_item(session, name, vector) for name, vector in session.vectors],
        "view": None,
        "theme": session.theme,
        "palette": session.palette,
    }
    if session.view_rect is not None:
        x_min, x_max, y_min, y_max = (float(x) for x in session.view_rect)
        data["view"] = {"x": [x_min, x_max], "y": [y_min, y_max]}
    return data


def session_to_json(session: Session) -> str:
    """The text of a ``.lens.json`` file: the matrix one row a line, readable in a diff."""
    data = session_to_dict(session)
    lines = ["{"]
    items = list(data.items())
    for index, (key, value) in enumerate(items):
        comma = "," if index < len(items) - 1 else ""
        if key == "matrix":
            rows = ",\n    ".join(json.dumps(row, allow_nan=False) for row in value)
            lines.append(f'  "matrix": [\n    {rows}\n  ]{comma}')
        else:
            lines.append(f"  {json.dumps(key)}: {json.dumps(value, ensure_ascii=False, allow_nan=False)}{comma}")
    lines.append("}")
    return "\n".join(lines) + "\n"


def write_atomically(path, text: str) -> None:
    """Write ``text`` to ``path`` so that readers see the old file or the new one, never half.

    Temporary file in the same folder → write → flush → fsync → ``os.replace``. On any failure
    the temporary file is removed and the error propagates; the old file is untouched.
    """
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    descriptor, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(descriptor, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        _copy_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _fsync_folder(folder)


def _copy_mode(path: Path, temporary: str) -> None:
    """Keep the old file's permissions; a new file gets the usual ones (mkstemp makes 0600)."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        mode = 0o666 & ~umask
    try:
        os.chmod(temporary, mode)
    except OSError:
        pass


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def save_session(session: Session, path) -> None:
    """Write ``session`` to ``path`` atomically; SessionError (with the OS reason) on failure."""
    text = session_to_json(session)
    try:
        write_atomically(path, text)
    except OSError as error:
        reason = error.strerror or str(error)
        raise SessionError(f"could not save {Path(path).name}: {reason}") from error


# -- reading ------------------------------------------------------------------------------
def read_limited(path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of ``path``, refusing anything over ``limit`` before reading it all."""
    path = Path(path)
    try:
        with open(path, "rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > limit:
                raise SessionError(f"{path.name}: the file is {_size_text(size)}; "
                                   f"a session is at most {_size_text(limit)}")
            data = handle.read(limit + 1)  # a file that grows while we read is caught here
    except FileNotFoundError:
        raise SessionError(f"{path.name}: no such file") from None
    except IsADirectoryError:
        raise SessionError(f"{path.name}: is a folder, not a session file") from None
    except OSError as error:
        raise SessionError(f"{path.name}: cannot be read ({error.strerror or error})") from None
    if len(data) > limit:
        raise SessionError(f"{path.name}: the file is larger than {_size_text(limit)}")
    return data


def _size_text(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MiB" if size >= 1024 * 1024 else f"{size} bytes"


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
        return ((("v", DEFAULT_VECTOR),) if dimension == 2 else (("v", Vector([1] * dimension)),)), {}
    if not isinstance(raw, list) or not raw:
        raise SessionError(f"'vectors' must be a non-empty list, found {_json_name(raw)}")
    if len(raw) > MAX_VECTORS:
        raise SessionError(f"'vectors' has {len(raw)} vectors (at most {MAX_VECTORS})")
    vectors, names, styles = [], set(), {}
    for k, item in enumerate(raw, start=1):
        where = f"vectors item {k}"
        if not isinstance(item, dict):
            raise SessionError(f"{where}: expected an object with 'name' and 'entries', found {_json_name(item)}")
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


def session_from_dict(data) -> Session:
    """Validate a decoded JSON object and build the Session; SessionError on the first problem."""
    if not isinstance(data, dict):
        raise SessionError(f"a session is a JSON object, found {_json_name(data)}")
    version = _require(data, "format", int, "a whole number")
    if version != FORMAT_VERSION:
        if version > FORMAT_VERSION:
            raise SessionError(f"format {version} was written by a newer Linear Lens; "
                               f"this version reads format {FORMAT_VERSION}")
        raise SessionError(f"unknown format {version} (this version reads format {FORMAT_VERSION})")
    if "app" in data and data["app"] != APP_ID:
        raise SessionError(f"'app' is {data['app']!r}: not a Linear Lens session")
    unknown = sorted(set(data) - _KEYS)
    if unknown:
        raise SessionError(f"unknown key {unknown[0]!r} (known: {', '.join(sorted(_KEYS))})")
    dimension = _require(data, "dimension", int, "a whole number")
    if dimension not in SUPPORTED_DIMENSIONS:
        raise SessionError(f"dimension {dimension} is not supported "
                           f"(this version shows {' or '.join(map(str, SUPPORTED_DIMENSIONS))})")
    if "matrix" not in data:
        raise SessionError("the key 'matrix' is missing")
    matrix = read_matrix(data["matrix"], dimension)
    vectors, styles = _read_vectors(data.get("vectors"), dimension)
    view = _read_view(data.get("view"))
    theme = _read_name(data, "theme", THEMES, DEFAULT_THEME)
    palette = _read_name(data, "palette", PALETTES, DEFAULT_PALETTE)
    return Session(format=version, dimension=dimension, matrix=matrix, vector=vectors[0][1],
                   theme=theme, palette=palette, view_rect=view, vectors=vectors, styles=styles)


def session_from_json(data: bytes | str) -> Session:
    """Parse and validate the text of a session file (SessionError without a file name)."""
    if isinstance(data, str):
        data = data.encode("utf-8")
    return session_from_dict(parse_json(data))


def load_session(path) -> Session:
    """Read and validate a ``.lens.json`` file; SessionError ``"<file>: <problem and where>"``."""
    path = Path(path)
    decoded = parse_json(read_limited(path), what=path.name)
    try:
        return session_from_dict(decoded)
    except SessionError as error:
        raise SessionError(f"{path.name}: {error}") from None
