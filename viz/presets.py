"""Preset matrices, shipped as JSON in ``assets/presets`` and grouped by topic for the menu."""

import json
from dataclasses import dataclass
from pathlib import Path

from kernels import Matrix, parse_scalar

from .files import UnreadableFile, assets_dir, read_regular_file, reason, write_atomically
from .session import MAX_BYTES, SessionError, encode_scalar, parse_json, read_matrix


@dataclass(frozen=True)
class Preset:
    group: str
    name: str
    matrix: Matrix


def load_presets(dimension: int = 2) -> list[Preset]:
    """Every preset of the given dimension, in file order (entries parsed exactly)."""
    presets = []
    for path in sorted((assets_dir() / "presets").glob("*.json")):
        data = json.loads(read_regular_file(path, MAX_BYTES, "presets file"))
        if data.get("dimension") != dimension:
            continue
        for item in data["presets"]:
            rows = [[parse_scalar(text) for text in row] for row in item["matrix"]]
            presets.append(Preset(item["group"], item["name"], Matrix(rows)))
    return presets


# -- the user's own presets ("My presets") --------------------------------------------------
USER_PRESETS_NAME = "user-presets.json"
MAX_USER_PRESETS = 500
MAX_LABEL_CHARS = 80


def user_presets_path(folder=None) -> Path:
    """``user-presets.json`` in the app data folder (see :func:`viz.preferences.data_dir`)."""
    if folder is None:
        from .preferences import data_dir
        folder = data_dir()
    return Path(folder) / USER_PRESETS_NAME


def _check_label(value, what: str, where: str) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > MAX_LABEL_CHARS:
        raise SessionError(f"{where}: '{what}' must be text of 1 to {MAX_LABEL_CHARS} characters")
    return value.strip()


def _read_user_file(path: Path) -> dict:
    """The validated top level of a user presets file (SessionError naming the file)."""
    try:
        raw = read_regular_file(path, MAX_BYTES, "presets file")
    except UnreadableFile as error:
        raise SessionError(str(error)) from None
    data = parse_json(raw, what=path.name)
    try:
        if not isinstance(data, dict):
            raise SessionError("expected a JSON object")
        unknown = sorted(set(data) - {"format", "app", "dimension", "presets"})
        if unknown:
            raise SessionError(f"unknown key {unknown[0]!r}")
        if data.get("format") != 1 or isinstance(data.get("format"), bool):
            raise SessionError(f"unknown format {data.get('format')!r} (this version reads format 1)")
        if "app" in data and data["app"] != "linear-lens":
            raise SessionError(f"'app' is {data['app']!r}: not a Linear Lens file")
        if data.get("dimension") not in (2, 3) or isinstance(data.get("dimension"), bool):
            raise SessionError(f"'dimension' must be 2 or 3, found {data.get('dimension')!r}")
        if not isinstance(data.get("presets"), list):
            raise SessionError("'presets' must be a list")
        if len(data["presets"]) > MAX_USER_PRESETS:
            raise SessionError(f"{len(data['presets'])} presets (at most {MAX_USER_PRESETS})")
    except SessionError as error:
        raise SessionError(f"{path.name}: {error}") from None
    return data


def load_user_presets(path, dimension: int = 2) -> tuple[list[Preset], list[str]]:
    """The user's presets and a list of problems (one line each).

    A file that cannot be read at all is skipped whole; a bad entry is skipped alone. Nothing
    here raises for bad content: a broken presets file must never stop the app from starting.
    """
    path = Path(path)
    if not path.exists():
        return [], []
    try:
        data = _read_user_file(path)
    except SessionError as error:
        return [], [str(error)]
    if data["dimension"] != dimension:
        return [], []
    presets, problems = [], []
    for index, item in enumerate(data["presets"], start=1):
        where = f"{path.name}: preset {index}"
        try:
            if not isinstance(item, dict):
                raise SessionError(f"{where}: expected an object with group, name and matrix")
            unknown = sorted(set(item) - {"group", "name", "matrix"})
            if unknown:
                raise SessionError(f"{where}: unknown key {unknown[0]!r}")
            group = _check_label(item.get("group"), "group", where)
            name = _check_label(item.get("name"), "name", where)
            matrix = read_matrix(item.get("matrix"), dimension, where=f"{where} ({name}) matrix")
        except SessionError as error:
            problems.append(str(error))
            continue
        presets.append(Preset(group, name, matrix))
    return presets, problems


def save_user_preset(path, preset: Preset) -> None:
    """Add ``preset`` to the user's file (replacing one with the same group and name), atomically.

    SessionError when the existing file is unreadable: it is left alone for the user to fix or
    delete rather than overwritten, so a hand-edited file with one typo is never lost.
    """
    path = Path(path)
    _check_label(preset.group, "group", "preset")
    _check_label(preset.name, "name", "preset")
    dimension = preset.matrix.shape[0]
    if path.exists():
        data = _read_user_file(path)
        if data["dimension"] != dimension:
            raise SessionError(f"{path.name} holds {data['dimension']}D presets, not {dimension}D")
    else:
        data = {"format": 1, "app": "linear-lens", "dimension": dimension, "presets": []}
    entries = [item for item in data["presets"]
               if not (isinstance(item, dict) and item.get("group") == preset.group.strip()
                       and item.get("name") == preset.name.strip())]
    entries.append({"group": preset.group.strip(), "name": preset.name.strip(),
                    "matrix": [[encode_scalar(x) for x in row] for row in preset.matrix.rows]})
    data = {"format": 1, "app": "linear-lens", "dimension": dimension, "presets": entries}
    text = json.dumps(data, indent=1, ensure_ascii=False, allow_nan=False) + "\n"
    try:
        write_atomically(path, text)
    except OSError as error:
        raise SessionError(f"could not save {path.name}: {reason(error)}") from error
