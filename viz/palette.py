"""Colours: themes (dark for the screen, light for printed notes) and palettes for the vectors.

The default palette is Okabe–Ito, chosen so that î, ĵ, v and the eigen-directions stay
distinguishable for colour-blind readers; "classic" gives the green î / red ĵ of the videos.
"""

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
