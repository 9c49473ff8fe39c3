"""Preferences and the places the app keeps its own files.

Preferences live in one INI file read and written by QSettings (:func:`settings_path`). Qt
writes it atomically (a temporary file renamed over the old one, its permissions kept). Qt
also reads it as soon as the QSettings exists, and would wait for ever on a named pipe, so
:func:`open_settings` first checks that the file is a regular file of sensible size
(:func:`viz.files.check_regular_file`, the same rule as every other file the app reads).

Two environment variables move everything the app writes, so tests and portable setups never
touch the real user's files:

- ``LINEAR_LENS_CONFIG_DIR``: the preferences become ``<dir>/linear-lens.ini``;
- ``LINEAR_LENS_DATA_DIR``: the autosave and the user presets go to ``<dir>`` instead of
  ``QStandardPaths.AppDataLocation``.
"""

from __future__ import annotations

import json
import math
import os
import sys
from dataclasses import asdict, dataclass, fields
from pathlib import Path

from PyQt6 import QtCore

from .animation import linear, smooth
from .files import UnreadableFile, check_regular_file
from .palette import PALETTES, THEMES
from .picture import MAX_SIDE, MIN_SIDE

ORGANIZATION = "Linear Lens"
APPLICATION = "Linear Lens"
MAX_RECENT = 8
EASINGS = {"smooth": smooth, "linear": linear}
MAX_SETTINGS_BYTES = 1024 * 1024  # preferences and recent files are a few hundred bytes


def settings_path() -> Path:
    """The preferences file: ``$LINEAR_LENS_CONFIG_DIR/linear-lens.ini`` when that is set, else
    ``Linear Lens/Linear Lens.conf`` in the user's configuration folder (``~/.config`` on Linux,
    where ``QSettings(ORGANIZATION, APPLICATION)`` keeps the same file)."""
    folder = os.environ.get("LINEAR_LENS_CONFIG_DIR")
    if folder:
        return Path(folder) / "linear-lens.ini"
    location = QtCore.QStandardPaths.writableLocation(
        QtCore.QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(location or Path.home() / ".config") / ORGANIZATION / f"{APPLICATION}.conf"


def open_settings() -> QtCore.QSettings:
    """The app's QSettings on :func:`settings_path`.

    A preferences file that is not a regular file (a folder, a named pipe, a device) or is
    too large is neither read nor replaced: the preferences are the defaults and are kept in
    memory for this run only (a QSettings with no file), and stderr says why.
    """
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        try:
            check_regular_file(path, MAX_SETTINGS_BYTES, "preferences file")
        except UnreadableFile as error:
            print(f"linear-lens: {error}; the preferences are not saved this time", file=sys.stderr)
            return QtCore.QSettings("", QtCore.QSettings.Format.IniFormat)
    return QtCore.QSettings(str(path), QtCore.QSettings.Format.IniFormat)


def data_dir() -> Path:
    """Where the autosave and the user presets live (created on demand)."""
    folder = os.environ.get("LINEAR_LENS_DATA_DIR")
    if not folder:
        location = QtCore.QStandardPaths.writableLocation(
            QtCore.QStandardPaths.StandardLocation.AppDataLocation)
        folder = location or str(Path.home() / ".linear-lens")
    path = Path(folder)
    path.mkdir(parents=True, exist_ok=True)
    return path


@dataclass(frozen=True)
class Preferences:
    """What the user chose in Edit → Preferences.

    ``theme``/``palette`` are the look of a new scene (File → New, first start);
    ``export_width``/``export_height`` of 0 mean "twice the view on screen";
    ``export_theme`` of "" means "as on screen"; ``follow_picture`` lets the 2D view ease to
    keep the picture in frame after each change.
    """

    theme: str = "dark"
    palette: str = "okabe-ito"
    animation_seconds: float = 1.0
    easing: str = "smooth"
    export_width: int = 0
    export_height: int = 0
    export_theme: str = ""
    follow_picture: bool = True

    def validated(self) -> Preferences:
        """A copy with every unusable value replaced by its default (settings may be hand-edited)."""
        default = Preferences()
        values = asdict(self)
        if values["theme"] not in THEMES:
            values["theme"] = default.theme
        if values["palette"] not in PALETTES:
            values["palette"] = default.palette
        if values["easing"] not in EASINGS:
            values["easing"] = default.easing
        if values["export_theme"] not in ("", *THEMES):
            values["export_theme"] = default.export_theme
        seconds = values["animation_seconds"]
        values["animation_seconds"] = min(max(seconds, 0.05), 10.0) if math.isfinite(seconds) else 1.0
        for key in ("export_width", "export_height"):
            if values[key] != 0 and not MIN_SIDE <= values[key] <= MAX_SIDE:
                values[key] = 0
        if (values["export_width"] == 0) != (values["export_height"] == 0):
            values["export_width"] = values["export_height"] = 0
        return Preferences(**values)

    @property
    def export_size(self) -> tuple[int, int] | None:
        return (self.export_width, self.export_height) if self.export_width else None


def load_preferences(settings: QtCore.QSettings | None = None) -> Preferences:
    """The saved preferences (defaults for anything missing or unreadable)."""
    settings = settings or open_settings()
    values = {}
    for item in fields(Preferences):
        raw = settings.value(f"preferences/{item.name}")
        if raw is None:
            continue
        try:
            values[item.name] = _convert(raw, type(getattr(Preferences(), item.name)))
        except (TypeError, ValueError):
            continue
    return Preferences(**values).validated()


def _convert(raw, kind):
    if kind is bool:  # QSettings hands back "true"/"false" from an INI file
        if str(raw).lower() not in ("true", "false", "1", "0"):
            raise ValueError(f"not a yes/no value: {raw!r}")
        return str(raw).lower() in ("true", "1")
    if kind is float:
        return float(raw)
    if kind is int:
        return int(raw)
    return str(raw)


def save_preferences(preferences: Preferences, settings: QtCore.QSettings | None = None) -> None:
    settings = settings or open_settings()
    for key, value in asdict(preferences.validated()).items():
        settings.setValue(f"preferences/{key}", value)
    settings.sync()


# -- recent files -------------------------------------------------------------------------
def recent_files(settings: QtCore.QSettings | None = None) -> list[str]:
    """The recently opened or saved sessions, newest first (stored as one JSON string)."""
    settings = settings or open_settings()
    raw = settings.value("recent_files")
    try:
        items = json.loads(raw) if isinstance(raw, str) else []
    except ValueError:
        items = []
    return [item for item in items if isinstance(item, str)][:MAX_RECENT]


def set_recent_files(paths: list[str], settings: QtCore.QSettings | None = None) -> None:
    settings = settings or open_settings()
    unique = list(dict.fromkeys(paths))[:MAX_RECENT]
    settings.setValue("recent_files", json.dumps(unique))
    settings.sync()


def add_recent_file(path, settings: QtCore.QSettings | None = None) -> list[str]:
    """Put ``path`` (made absolute) first in the list; keeps at most :data:`MAX_RECENT`."""
    settings = settings or open_settings()
    text = str(Path(path).resolve())
    paths = [text] + [p for p in recent_files(settings) if p != text]
    set_recent_files(paths, settings)
    return recent_files(settings)


def remove_recent_file(path, settings: QtCore.QSettings | None = None) -> list[str]:
    settings = settings or open_settings()
    set_recent_files([p for p in recent_files(settings) if p != str(path)], settings)
    return recent_files(settings)


# -- the first-launch welcome -------------------------------------------------------------
def welcome_dismissed(settings: QtCore.QSettings | None = None) -> bool:
    """Whether the learner has closed the welcome card (it then shows only on Help → Welcome)."""
    settings = settings or open_settings()
    return str(settings.value("welcome/dismissed", "false")).lower() in ("true", "1")


def set_welcome_dismissed(dismissed: bool = True, settings: QtCore.QSettings | None = None) -> None:
    settings = settings or open_settings()
    settings.setValue("welcome/dismissed", dismissed)
    settings.sync()
