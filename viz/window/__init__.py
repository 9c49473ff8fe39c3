"""The shell of the app: the main window, its menus, its document and its questions to the user."""

from .main_window import MainWindow, main

__all__ = ["MainWindow", "main"]
