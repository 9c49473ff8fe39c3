"""The size of an exported picture: the one range every export accepts, and how it is laid out.

A picture ``width`` pixels wide is the view laid out at a comfortable on-screen width
(:data:`LAYOUT_WIDTH`) and rendered at ``scale = width / LAYOUT_WIDTH``, so labels and lines
keep their proportions at 1600 px instead of shrinking to hairlines. No Qt here: the command
line checks sizes before it starts Qt.
"""

MIN_SIDE = 16  # pixels: the smallest picture side accepted
MAX_SIDE = 10000  # pixels: the largest (a 10000×10000 RGB image is 400 MB)
LAYOUT_WIDTH = 800  # the on-screen width (in logical pixels) an export is laid out at


def size_problem(width: int, height: int) -> str | None:
    """Why a ``width``×``height`` picture cannot be made, or None when it can.

    >>> size_problem(1600, 1000) is None
    True
    >>> size_problem(8, 1000)
    'picture size 8×1000 is out of range (16 to 10000 pixels a side)'
    """
    if MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE:
        return None
    return f"picture size {width}×{height} is out of range ({MIN_SIDE} to {MAX_SIDE} pixels a side)"


def picture_scale(size) -> float:
    """How many picture pixels one on-screen pixel becomes (never less than 1).

    >>> picture_scale((1600, 1000)), picture_scale((400, 300))
    (2.0, 1.0)
    """
    return max(1.0, size[0] / LAYOUT_WIDTH)
