"""Widgets around the view: the matrix editor, the info panel and the animation bar."""
