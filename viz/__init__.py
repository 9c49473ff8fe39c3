"""Linear Lens, the desktop app: PyQt6 + pyqtgraph views over the pure-Python kernel."""
