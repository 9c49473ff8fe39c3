"""Test setup shared by the tests and the doctests.

Qt draws off-screen, so the 2D studio needs no display; ``python -m viz`` starts the app
and is not a module to import while collecting doctests.
"""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

collect_ignore = ["viz/__main__.py", "bench"]
