"""Colours: themes (dark for the screen, light for printed notes) and palettes for the vectors.

The default palette is Okabe–Ito, chosen so that î, ĵ, v and the eigen-directions stay
distinguishable for colour-blind readers; "classic" gives the green î / red ĵ of the videos.
Vectors added after v (v1, v2, …) take the next colour of their palette's
:data:`VECTOR_SEQUENCES` (:func:`next_vector_colour`).
"""

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

# Okabe & Ito (2008), "Color Universal Design"
OKABE_ITO = {
    "orange": "#E69F00", "sky": "#56B4E9", "green": "#009E73", "yellow": "#F0E442",
    "blue": "#0072B2", "vermillion": "#D55E00", "purple": "#CC79A7",
}


@dataclass(frozen=True)
class Palette:
    """Colours for the things that carry meaning."""
    name: str
    i_hat: str
    j_hat: str
    k_hat: str
    vector: str
    eigen: str
    area_positive: str
    area_negative: str
    collapse: str


@dataclass(frozen=True)
class Theme:
    """Colours for the canvas itself."""
    name: str
    background: str
    fixed_grid: str
    axes: str
    grid: str
    text: str
    faint_text: str


PALETTES = {
    "okabe-ito": Palette("okabe-ito", i_hat=OKABE_ITO["orange"], j_hat=OKABE_ITO["sky"],
                         k_hat=OKABE_ITO["blue"],
                         vector=OKABE_ITO["purple"], eigen=OKABE_ITO["yellow"],
                         area_positive=OKABE_ITO["green"], area_negative=OKABE_ITO["vermillion"],
                         collapse=OKABE_ITO["vermillion"]),
    "classic": Palette("classic", i_hat="#83C167", j_hat="#FC6255", k_hat="#58C4DD", vector="#FFFF00",
                       eigen="#C55F73", area_positive="#FFFF00", area_negative="#FF862F",
                       collapse="#FF862F"),
}

THEMES = {
    "dark": Theme("dark", background="#0E1116", fixed_grid="#2A313C", axes="#6B7685",
                  grid="#3E8ED0", text="#E8ECF1", faint_text="#9AA5B1"),
    "light": Theme("light", background="#FFFFFF", fixed_grid="#E3E6EA", axes="#7A828C",
                   grid="#2F6FB0", text="#1B1F24", faint_text="#5B6570"),
}

# on a white page the bright yellow of Okabe–Ito is unreadable: swap in darker shades there
LIGHT_OVERRIDES = {"eigen": "#B8860B", "vector": "#A0457A"}


def palette_for(palette_name: str, theme_name: str) -> Palette:
    """The palette, adjusted so every colour keeps its contrast against the theme's background."""
    palette = PALETTES[palette_name]
    if theme_name == "light" and palette_name == "okabe-ito":
        return Palette(**{**palette.__dict__, **LIGHT_OVERRIDES})
    if theme_name == "light" and palette_name == "classic":
        return Palette(**{**palette.__dict__, "vector": "#B59A00", "area_positive": "#C9B400"})
    return palette


# Colours for the vectors added after v (v1, v2, …), in the order they are handed out. A new
# vector keeps its colour (it is stored in its VectorStyle) whatever the theme later becomes, so
# every colour here contrasts at least 3:1 (WCAG's figure for graphics) with both themes'
# backgrounds. For colour-blind readers they stay apart from one another and from the palette's
# î, ĵ and v in either theme: tests/facts/test_palette.py simulates protan-, deutan- and
# tritanopia (Machado et al. 2009) and asks for ΔE ≥ 15 in each.
# Okabe–Ito: first its three hues that no arrow of the plane wears (its yellow is the
# eigen-lines' and unreadable on white; its blue is k̂'s, so in 3D next_vector_colour hands it
# out only after the others), then a violet and a crimson chosen to keep that distance.
# Classic: 3Blue1Brown's purple, then a green and a violet dark enough for white.
VECTOR_SEQUENCES = {
    "okabe-ito": (OKABE_ITO["green"], OKABE_ITO["vermillion"], OKABE_ITO["blue"], "#8A4FD8", "#C4122F"),
    "classic": ("#9A72AC", "#228833", "#7D6BD0"),
}


def next_vector_colour(palette_name: str, worn: Iterable[str]) -> str:
    """The colour for a new vector: the first of the palette's sequence that no arrow wears yet
    (``worn``: the colours of î, ĵ, k̂ and the vectors already in the scene); when each is worn,
    the one worn least, the earliest of those.

    >>> next_vector_colour("okabe-ito", ["#E69F00", "#56B4E9", "#CC79A7"])
    '#009E73'
    >>> next_vector_colour("okabe-ito", ["#E69F00", "#56B4E9", "#0072B2", "#CC79A7", "#009e73"])
    '#D55E00'
    """
    sequence = VECTOR_SEQUENCES[palette_name]
    counts = Counter(colour.upper() for colour in worn)
    return min(sequence, key=lambda colour: (counts[colour.upper()], sequence.index(colour)))


def seen_over(colour: str, opacity: float, background: str) -> str:
    """The opaque colour that ``colour`` at ``opacity`` shows over ``background`` ("#RRGGBB").

    Drawing a faint line in this colour instead of see-through looks the same wherever nothing
    else lies under it, and costs far less: Qt's raster engine strokes a smooth see-through line
    wider than a pixel some fifteen times slower than an opaque one.

    >>> seen_over("#FF0000", 0.5, "#000000"), seen_over("#e69f00", 1.0, "#0E1116")
    ('#800000', '#E69F00')
    """
    front, back = (tuple(int(code[k:k + 2], 16) for k in (1, 3, 5)) for code in (colour, background))
    return "#" + "".join(f"{round(opacity * f + (1 - opacity) * b):02X}" for f, b in zip(front, back))
