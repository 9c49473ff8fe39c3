"""The app icon (window and taskbar) and the .desktop file that puts Linear Lens in the menu."""

import configparser
import re
import sys
from pathlib import Path

import numpy as np
import pytest
from PyQt6 import QtCore, QtGui, QtSvg, QtWidgets

from viz.files import assets_dir
from viz.window import crash_report
from viz.window.icon import ICON_NAME, ICON_SIZES, app_icon, icon_paths
from viz.window.main_window import main

REPO = Path(__file__).resolve().parents[2]


def pixels(image: QtGui.QImage) -> np.ndarray:
    image = image.convertToFormat(QtGui.QImage.Format.Format_RGBA8888)
    return np.frombuffer(image.constBits().asstring(image.sizeInBytes()), np.uint8).reshape(
        image.height(), image.bytesPerLine() // 4, 4)[:, :image.width()].astype(int)


def test_the_icon_loads_at_every_size(qtbot):
    icon = app_icon()
    assert not icon.isNull()
    sizes = {(size.width(), size.height()) for size in icon.availableSizes()}
    assert {(s, s) for s in ICON_SIZES} <= sizes
    for size in ICON_SIZES:
        image = icon.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        rgba = pixels(image)
        assert rgba[size // 2, size // 2, 3] == 255  # drawn, not transparent, in the middle
        assert rgba[0, 0, 3] < 64  # and the rounded corner lets the desktop show through


def test_the_svg_is_valid_and_the_pngs_are_rendered_from_it(qtbot):
    """A PNG left over from an older drawing fails here: run ``python docs/make_icons.py``."""
    paths = icon_paths()
    renderer = QtSvg.QSvgRenderer(str(paths[None]))
    assert renderer.isValid() and renderer.defaultSize() == QtCore.QSize(256, 256)
    for size in ICON_SIZES:
        png = QtGui.QImage(str(paths[size]))
        assert (png.width(), png.height()) == (size, size), paths[size]
        drawn = QtGui.QImage(size, size, QtGui.QImage.Format.Format_ARGB32)
        drawn.fill(QtCore.Qt.GlobalColor.transparent)
        painter = QtGui.QPainter(drawn)
        painter.setRenderHint(QtGui.QPainter.RenderHint.Antialiasing)
        renderer.render(painter, QtCore.QRectF(0, 0, size, size))
        painter.end()
        assert np.abs(pixels(png) - pixels(drawn)).mean() < 4, f"{paths[size].name} does not match the SVG"


def test_the_colours_of_the_icon_are_the_apps():
    svg = icon_paths()[None].read_text(encoding="utf-8")
    for colour in ("#E69F00", "#56B4E9", "#009E73"):  # î, ĵ and the area, as the app draws them
        assert colour in svg


def desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # keys are case-sensitive
    parser.read(assets_dir() / f"{ICON_NAME}.desktop", encoding="utf-8")
    return parser["Desktop Entry"]


def test_the_desktop_file_has_the_keys_a_menu_needs():
    entry = desktop_entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Linear Lens" and entry["Comment"]
    assert entry["Exec"] == "linear-lens"
    assert entry["Icon"] == ICON_NAME  # found in the icon theme under this name
    assert entry["Terminal"] == "false"
    assert entry["Categories"] == "Education;Math;Science;"
    for key, value in entry.items():
        assert value == value.strip() and "\n" not in value, key
    text = (assets_dir() / f"{ICON_NAME}.desktop").read_text(encoding="utf-8")
    assert text.startswith("[Desktop Entry]\n")  # the first group, as the specification asks


def test_the_desktop_file_runs_the_installed_command():
    scripts = re.search(r"\[project\.scripts\]\n(.*?)\n\n", (REPO / "pyproject.toml").read_text(), re.S)
    assert scripts and re.search(rf'^{re.escape(desktop_entry()["Exec"])} = "viz\.cli:main"$',
                                 scripts.group(1), re.M)


def test_main_gives_the_window_and_the_taskbar_the_icon(qtbot, monkeypatch):
    app = QtWidgets.QApplication.instance()
    seen = {}

    def run():
        assert isinstance(sys.excepthook, crash_report.CrashReport)  # main() is running the app
        window = sys.excepthook.window
        qtbot.addWidget(window)
        qtbot.waitExposed(window)
        seen["icon"] = window.windowIcon()
        seen["desktop file"] = QtGui.QGuiApplication.desktopFileName()
        window.close()
        return 0

    monkeypatch.setattr(app, "exec", run)
    before = (app.applicationName(), app.organizationName(), app.windowIcon(), app.desktopFileName())
    try:
        assert main() == 0
    finally:
        app.setApplicationName(before[0])
        app.setOrganizationName(before[1])
        app.setWindowIcon(before[2])
        app.setDesktopFileName(before[3])
    assert not seen["icon"].isNull()
    assert {(s, s) for s in ICON_SIZES} <= {(z.width(), z.height()) for z in seen["icon"].availableSizes()}
    assert seen["desktop file"] == ICON_NAME


@pytest.mark.parametrize("name", ["linear-lens.svg", *(f"linear-lens-{s}.png" for s in ICON_SIZES),
                                  "../linear-lens.desktop"])
def test_every_icon_file_is_in_assets(name):
    assert (assets_dir() / "icons" / name).is_file()
