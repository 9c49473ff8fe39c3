"""One file per visual thing in the 2D view; each updates its pyqtgraph items in place."""
