"""The app's icon, for the window and the taskbar: ``assets/icons``, drawn once as an SVG and
rendered to PNG at each size a desktop asks for (``python docs/make_icons.py`` renders them)."""

from pathlib import Path

from PyQt6 import QtCore, QtGui

from ..files import assets_dir

ICON_NAME = "linear-lens"  # the name of the .desktop file and of the icon in the icon theme
ICON_SIZES = (16, 32, 48, 64, 128, 256)


def icon_folder() -> Path:
    return assets_dir() / "icons"


def icon_paths() -> dict:
    """size → the PNG of that size, and ``None`` → the SVG."""
    folder = icon_folder()
    paths: dict = {size: folder / f"{ICON_NAME}-{size}.png" for size in ICON_SIZES}
    paths[None] = folder / f"{ICON_NAME}.svg"
    return paths


def app_icon() -> QtGui.QIcon:
    """The icon with a hand-checked PNG for every size in ``ICON_SIZES`` and the SVG for the
    rest (a null icon if the files are missing: the app runs without one)."""
    icon = QtGui.QIcon()
    for size, path in icon_paths().items():
        if path.is_file():
            if size is None:
                icon.addFile(str(path))
            else:
                icon.addFile(str(path), QtCore.QSize(size, size))
    return icon
