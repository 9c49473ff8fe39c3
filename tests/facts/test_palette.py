"""The colours handed to new vectors: readable on both themes and apart for colour-blind readers."""

import itertools
import math

import pytest

from viz.palette import PALETTES, THEMES, VECTOR_SEQUENCES, next_vector_colour, palette_for

# Machado, Oliveira & Fernandes (2009): full-severity dichromacy, applied to linear RGB
SIMULATIONS = {
    "normal": ((1, 0, 0), (0, 1, 0), (0, 0, 1)),
    "protanopia": ((0.152286, 1.052583, -0.204868), (0.114503, 0.786281, 0.099216),
                   (-0.003882, -0.048116, 1.051998)),
    "deuteranopia": ((0.367322, 0.860646, -0.227968), (0.280085, 0.672501, 0.047413),
                     (-0.011820, 0.042940, 0.968881)),
    "tritanopia": ((1.255528, -0.076749, -0.178779), (-0.078411, 0.930809, 0.147602),
                   (0.004733, 0.691367, 0.303900)),
}
MIN_DELTA_E = 15  # CIE76; about the distance at which two thin lines still read as different colours


def _linear(colour: str) -> tuple:
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    return tuple(c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)


def _luminance(colour: str) -> float:
    r, g, b = _linear(colour)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: str, b: str) -> float:
    high, low = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _lab(colour: str, simulation: str) -> tuple:
    rgb = [min(1.0, max(0.0, sum(m * c for m, c in zip(row, _linear(colour)))))
           for row in SIMULATIONS[simulation]]
    x = (0.4124 * rgb[0] + 0.3576 * rgb[1] + 0.1805 * rgb[2]) / 0.95047
    y = 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2]
    z = (0.0193 * rgb[0] + 0.1192 * rgb[1] + 0.9505 * rgb[2]) / 1.08883
    fx, fy, fz = (t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116 for t in (x, y, z))
    return 116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz)


def _closest(a: str, b: str) -> float:
    """ΔE between two colours as the reader who can tell them apart least well sees them."""
    return min(math.dist(_lab(a, s), _lab(b, s)) for s in SIMULATIONS)


def test_the_colour_difference_is_measured_right():
    assert _contrast("#FFFFFF", "#000000") == pytest.approx(21)
    assert _closest("#D55E00", "#D55E00") == 0
    assert _closest("#FF0000", "#00FF00") < 40 < math.dist(_lab("#FF0000", "normal"), _lab("#00FF00", "normal"))


@pytest.mark.parametrize("palette", sorted(VECTOR_SEQUENCES))
def test_every_sequence_colour_is_readable_on_both_themes(palette):
    assert set(VECTOR_SEQUENCES) == set(PALETTES)
    for colour, theme in itertools.product(VECTOR_SEQUENCES[palette], THEMES.values()):
        assert _contrast(colour, theme.background) >= 3, (colour, theme.name)


@pytest.mark.parametrize("palette", sorted(VECTOR_SEQUENCES))
def test_sequence_colours_stay_apart_for_colour_blind_readers(palette):
    sequence = VECTOR_SEQUENCES[palette]
    assert len(set(sequence)) == len(sequence) >= 3
    for a, b in itertools.combinations(sequence, 2):
        assert _closest(a, b) >= MIN_DELTA_E, (a, b)
    for theme in THEMES:
        colours = palette_for(palette, theme)
        for colour in sequence:
            for meaning in ("i_hat", "j_hat", "vector"):
                assert _closest(colour, getattr(colours, meaning)) >= MIN_DELTA_E, (colour, meaning, theme)
            if colour != colours.k_hat:  # Okabe–Ito's blue is k̂'s: handed out last in 3D (below)
                assert _closest(colour, colours.k_hat) >= MIN_DELTA_E, (colour, "k_hat", theme)


def test_okabe_ito_hands_out_its_own_hues_first():
    assert set(VECTOR_SEQUENCES["okabe-ito"][:3]) == {"#009E73", "#D55E00", "#0072B2"}


@pytest.mark.parametrize("palette, theme, dimension", itertools.product(sorted(PALETTES), sorted(THEMES), (2, 3)))
def test_new_vectors_take_every_free_colour_before_any_repeats(palette, theme, dimension):
    colours = palette_for(palette, theme)
    worn = [colours.i_hat, colours.j_hat, colours.k_hat][:dimension] + [colours.vector]
    sequence = VECTOR_SEQUENCES[palette]
    handed = []
    for _ in range(3 * len(sequence)):
        colour = next_vector_colour(palette, worn)
        assert worn.count(colour) == min(worn.count(c) for c in sequence)  # one of the least worn
        handed.append(colour)
        worn.append(colour)
    free = [c for c in sequence if c not in (colours.k_hat if dimension == 3 else ())]
    assert handed[:len(free)] == free  # every colour no arrow wears, in order, before any repeats
    assert not set(handed) & {colours.i_hat, colours.j_hat, colours.vector}


def test_a_colour_given_back_is_handed_out_again():
    worn = ["#E69F00", "#56B4E9", "#CC79A7", "#009E73", "#D55E00"]
    assert next_vector_colour("okabe-ito", worn) == "#0072B2"
    worn.remove("#009E73")  # v1 removed, or recoloured by hand
    assert next_vector_colour("okabe-ito", worn) == "#009E73"
    assert next_vector_colour("okabe-ito", [c.lower() for c in worn]) == "#009E73"
