"""Start the desktop app (``linear-lens`` with no arguments, or ``python -m viz``)."""

from .window import MainWindow, main

__all__ = ["MainWindow", "main"]
