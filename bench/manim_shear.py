"""manim's scene for the reference figure of bench/export.py: identity → shear in 3.1 s.

Rendered as ``manim -qh --disable_caching bench/manim_shear.py Shear`` (1920×1080, 60 fps) by
``python bench/export.py --manim PATH_TO_MANIM``, so both are timed in the same run. manim is
not one of our dependencies: install it on its own (``python -m venv …; pip install manim``).
"""

from manim import LinearTransformationScene  # type: ignore[import-not-found]


class Shear(LinearTransformationScene):
    """The plane sheared by [[1, 1], [0, 1]], as the app's own animation export draws it."""

    def construct(self):
        self.apply_matrix([[1, 1], [0, 1]], run_time=3.1)
