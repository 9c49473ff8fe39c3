"""Canvases that hold the items: the 2D plane view."""
