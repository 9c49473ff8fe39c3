"""Plain-English descriptions of 2×2 and 3×3 matrices, and the names of lines and planes."""

import math
from fractions import Fraction

import pytest

from kernels.describe import describe, describe_collapse, line_equation, line_name
from kernels.errors import ShapeError
from kernels.matrix import Matrix

F = Fraction


def rotation(degrees):
    c, s = math.cos(math.radians(degrees)), math.sin(math.radians(degrees))
    return [[c, -s], [s, c]]


def reflection(degrees):
    c, s = math.cos(math.radians(2 * degrees)), math.sin(math.radians(2 * degrees))
    return [[c, s], [s, -c]]


EXAMPLES_2D = {
    "identity": ([[1, 0], [0, 1]], "the identity: every vector stays where it is"),
    "float identity": ([[1.0, 0.0], [0.0, 1.0]], "the identity: every vector stays where it is"),
    "zero": ([[0, 0], [0, 0]], "the zero matrix: every vector collapses to the origin"),
    "rotation by 90°": ([[0, -1], [1, 0]], "rotation by 90°"),
    "rotation by 90° clockwise": ([[0, 1], [-1, 0]], "rotation by 90° clockwise"),
    "rotation by 180°": ([[-1, 0], [0, -1]], "rotation by 180°"),
    "float rotation by 180°": ([[-1.0, -0.0], [0.0, -1.0]], "rotation by 180°"),
    "float rotation by 30°": (rotation(30), "rotation by 30°"),
    "float rotation by 45°": (rotation(45), "rotation by 45°"),
    "float rotation by −60°": (rotation(-60), "rotation by 60° clockwise"),
    "rational rotation": ([[F(3, 5), F(-4, 5)], [F(4, 5), F(3, 5)]], "rotation by 53.1301°"),
    "shear along x": ([[1, 1], [0, 1]], "shear along x by 1"),
    "shear along x by −1/2": ([[1, F(-1, 2)], [0, 1]], "shear along x by −1/2"),
    "shear along y": ([[1, 0], [2, 1]], "shear along y by 2"),
    "reflection across y = x": ([[0, 1], [1, 0]], "reflection across the line y = x"),
    "reflection across y = −x": ([[0, -1], [-1, 0]], "reflection across the line y = −x"),
    "reflection across the x-axis": ([[1, 0], [0, -1]], "reflection across the x-axis"),
    "reflection across the y-axis": ([[-1, 0], [0, 1]], "reflection across the y-axis"),
    "reflection across y = 2x": ([[F(-3, 5), F(4, 5)], [F(4, 5), F(3, 5)]],
                                 "reflection across the line y = 2x"),
    "float reflection across y = 2x": ([[-0.6, 0.8], [0.8, 0.6]], "reflection across the line y = 2x"),
    "float reflection at 30°": (reflection(30), "reflection across the line at 30°"),
    "orthogonal projection": ([[F(1, 5), F(2, 5)], [F(2, 5), F(4, 5)]],
                              "projection onto the line y = 2x"),
    "projection onto the x-axis": ([[1, 0], [0, 0]], "projection onto the x-axis"),
    "oblique projection": ([[1, 0], [2, 0]], "projection onto the line y = 2x along the y-axis"),
    "oblique projection 2": ([[2, -1], [2, -1]], "projection onto the line y = x along the line y = 2x"),
    "diagonal": ([[2, 0], [0, 3]], "scales x by 2 and y by 3"),
    "diagonal, x fixed": ([[1, 0], [0, F(1, 2)]], "scales y by 1/2, leaving x alone"),
    "uniform scale": ([[2, 0], [0, 2]], "uniform scale by 2"),
    "uniform float scale": ([[0.5, 0.0], [0.0, 0.5]], "uniform scale by 1/2"),
    "scaled rotation by 45°": ([[1, -1], [1, 1]], "rotates by 45° and scales by √2"),
    "scaled rotation 2√2": ([[2, -2], [2, 2]], "rotates by 45° and scales by 2√2"),
    "scaled rotation by 5": ([[3, -4], [4, 3]], "rotates by 53.1301° and scales by 5"),
    "scaled half turn": ([[-2, 0], [0, -2]], "rotates by 180° and scales by 2"),
    "float scaled rotation": ([[0.5, -0.5], [0.5, 0.5]], "rotates by 45° and scales by √2/2"),
    "singular": ([[1, 2], [2, 4]], "collapses the plane onto the line y = 2x; "
                                   "every vector on the line y = −x/2 lands on the origin"),
    "nilpotent": ([[0, 1], [0, 0]], "collapses the plane onto the x-axis; "
                                    "every vector on the x-axis lands on the origin"),
    "Jordan block": ([[2, 1], [0, 2]], "scales areas by 4; only one eigen-direction: "
                                       "vectors on the x-axis are scaled by 2"),
    "symmetric": ([[2, 1], [1, 2]], "scales areas by 3; vectors on the line y = x are scaled by 3 "
                                    "and vectors on the line y = −x by 1"),
    "orientation flip": ([[1, 2], [2, 1]], "flips orientation and scales areas by 3; vectors on "
                                           "the line y = x are scaled by 3 and vectors on the "
                                           "line y = −x by −1"),
    "complex eigenvalues": ([[1, -2], [1, 1]], "scales areas by 3; no real eigen-directions: "
                                               "every vector is turned"),
}

EXAMPLES_3D = {
    "identity": ([[1, 0, 0], [0, 1, 0], [0, 0, 1]], "the identity: every vector stays where it is"),
    "zero": ([[0] * 3] * 3, "the zero matrix: every vector collapses to the origin"),
    "rotation about z": ([[0, -1, 0], [1, 0, 0], [0, 0, 1]],
                         "rotation by 90° about the z-axis, counter-clockwise seen from +z (right-hand rule)"),
    # issue 12: the inverse turns the other way, and says so
    "rotation about z, inverse": ([[0, 1, 0], [-1, 0, 0], [0, 0, 1]],
                                  "rotation by 90° about the z-axis, clockwise seen from +z"),
    "rotation about y": ([[0, 0, 1], [0, 1, 0], [-1, 0, 0]],
                         "rotation by 90° about the y-axis, counter-clockwise seen from +y (right-hand rule)"),
    "half turn about x": ([[1, 0, 0], [0, -1, 0], [0, 0, -1]], "rotation by 180° about the x-axis"),
    "rotation about (1, 1, 1)": ([[0, 0, 1], [1, 0, 0], [0, 1, 0]],
                                 "rotation by 120° about the line through (1, 1, 1), "
                                 "counter-clockwise seen from (1, 1, 1) (right-hand rule)"),
    "rotation about (1, 1, 1), inverse": ([[0, 1, 0], [0, 0, 1], [1, 0, 0]],
                                          "rotation by 120° about the line through (1, 1, 1), "
                                          "clockwise seen from (1, 1, 1)"),
    "reflection across xy": ([[1, 0, 0], [0, 1, 0], [0, 0, -1]], "reflection across the xy-plane"),
    "reflection across x + y + z = 0": (
        [[F(1, 3), F(-2, 3), F(-2, 3)], [F(-2, 3), F(1, 3), F(-2, 3)], [F(-2, 3), F(-2, 3), F(1, 3)]],
        "reflection across the plane x + y + z = 0"),
    "point reflection": ([[-1, 0, 0], [0, -1, 0], [0, 0, -1]],
                         "point reflection through the origin: every vector is reversed"),
    "rotoreflection": ([[0, -1, 0], [1, 0, 0], [0, 0, -1]], "rotation by 90° about the z-axis, "
                       "counter-clockwise seen from +z (right-hand rule), "
                       "combined with reflection across the plane perpendicular to it"),
    "rotoreflection, inverse": ([[0, 1, 0], [-1, 0, 0], [0, 0, -1]], "rotation by 90° about the z-axis, "
                                "clockwise seen from +z, "
                                "combined with reflection across the plane perpendicular to it"),
    "projection onto a plane": ([[1, 0, 0], [0, 1, 0], [0, 0, 0]], "projection onto the xy-plane"),
    "oblique projection": ([[1, 0, 1], [0, 1, 1], [0, 0, 0]],
                           "projection onto the xy-plane along the line through (1, 1, −1)"),
    "projection onto a line": ([[F(1, 3)] * 3] * 3, "projection onto the line through (1, 1, 1)"),
    "collapse onto a line": ([[1, 1, 1], [2, 2, 2], [3, 3, 3]],
                             "collapses space onto the line through (1, 2, 3) (the image is a line "
                             "in space); "
                             "every vector in the plane x + y + z = 0 lands on the origin"),
    "collapse onto a plane": ([[1, 2, 3], [4, 5, 6], [7, 8, 9]],
                              "collapses space onto the plane x − 2y + z = 0 (the image is a plane "
                              "in space); "
                              "every vector on the line through (1, −2, 1) lands on the origin"),
    "diagonal": ([[2, 0, 0], [0, 3, 0], [0, 0, 4]], "scales x by 2, y by 3 and z by 4"),
    "uniform scale": ([[2, 0, 0], [0, 2, 0], [0, 0, 2]], "uniform scale by 2"),
    "turn and stretch": ([[0, -1, 0], [1, 0, 0], [0, 0, 2]],
                         "scales volumes by 2; it turns space around the z-axis, "
                         "counter-clockwise seen from +z, and the vectors on it are scaled by 2"),
    "turn and stretch, other way": ([[0, 1, 0], [-1, 0, 0], [0, 0, 2]],
                                    "scales volumes by 2; it turns space around the z-axis, "
                                    "clockwise seen from +z, and the vectors on it are scaled by 2"),
    # issue 12: a turn by 10⁻¹⁰ rad about x, once called a real eigenvalue 1 with 7 eigenvectors
    "tiny exact turn about x": ([[1, 0, 0], [0, 1, F(-1, 10 ** 10)], [0, F(1, 10 ** 10), 1]],
                                "scales volumes by ≈1; it turns space around the x-axis, "
                                "counter-clockwise seen from +x, and the vectors on it are scaled by 1"),
    "Jordan block": ([[2, 1, 0], [0, 2, 1], [0, 0, 2]],
                     "scales volumes by 8; only one eigen-direction: "
                     "vectors on the x-axis are scaled by 2"),
    "general": ([[1, 2, 3], [4, 5, 6], [7, 8, 10]],
                "flips orientation and scales volumes by 3; 3 independent eigen-directions"),
}


@pytest.mark.parametrize("name", EXAMPLES_2D)
def test_describe_2d(name):
    rows, sentence = EXAMPLES_2D[name]
    assert describe(Matrix(rows)) == sentence


@pytest.mark.parametrize("name", EXAMPLES_3D)
def test_describe_3d(name):
    rows, sentence = EXAMPLES_3D[name]
    assert describe(Matrix(rows)) == sentence


@pytest.mark.parametrize("degrees", [1, 30, 45, 60, 90, 120, 135, 150, 179])
def test_float_rotations_have_whole_degrees(degrees):
    assert describe(Matrix(rotation(degrees))) == f"rotation by {degrees}°"
    assert describe(Matrix(rotation(-degrees))) == f"rotation by {degrees}° clockwise"


LINES = [
    ((1, 0), "y = 0", "the x-axis"),
    ((-3, 0), "y = 0", "the x-axis"),
    ((0, 2), "x = 0", "the y-axis"),
    ((1, 1), "y = x", "the line y = x"),
    ((1, -1), "y = −x", "the line y = −x"),
    ((1, 2), "y = 2x", "the line y = 2x"),
    ((-2, 1), "y = −x/2", "the line y = −x/2"),
    ((3, 2), "y = 2x/3", "the line y = 2x/3"),
    ((F(1, 3), F(1, 2)), "y = 3x/2", "the line y = 3x/2"),
    ((0.6, 0.8), "y = 4x/3", "the line y = 4x/3"),
    ((1.0, 1e-17), "y = 0", "the x-axis"),
    ((math.cos(math.radians(30)), 0.5), "y = 0.57735x", "the line at 30°"),
    ((1.0, 0.123), "y = 0.123x", "the line y = 0.123x"),
]


@pytest.mark.parametrize("direction,equation,name", LINES)
def test_line_equation_and_name(direction, equation, name):
    assert line_equation(direction) == equation
    assert line_name(direction) == name


def test_a_line_needs_a_direction():
    with pytest.raises(ValueError):
        line_equation((0, 0))


@pytest.mark.parametrize("rows,image", [
    ([[1, 2], [3, 4]], "the whole plane"),
    ([[1, 2], [2, 4]], "the line y = 2x"),
    ([[0, 0], [0, 0]], "the origin"),
    ([[0, 0], [1.0, 2.0]], "the y-axis"),
    ([[1, 0, 0], [0, 1, 0], [0, 0, 1]], "all of space"),
    ([[1, 2, 3], [4, 5, 6], [7, 8, 9]], "the plane x − 2y + z = 0"),
    ([[1, 1, 1], [2, 2, 2], [3, 3, 3]], "the line through (1, 2, 3)"),
    ([[0, 0, 0], [0, 0, 0], [0, 0, 5]], "the z-axis"),
])
def test_describe_collapse(rows, image):
    assert describe_collapse(Matrix(rows)) == image


def test_describe_refuses_other_sizes_and_names_complex_matrices():
    with pytest.raises(ShapeError):
        describe(Matrix.identity(4))
    with pytest.raises(ShapeError):
        describe_collapse(Matrix([[1, 2]]))
    assert "complex" in describe(Matrix([[1j, 0], [0, 1]]))


@pytest.mark.parametrize("rows, text", [
    ([[1, 1, 0], [0, 1, 0], [0, 0, 1]], "shear along x by 1·y: each point slides along the x-axis by 1 times its y"),
    ([[1, 0, 0], [0, 1, 0], [Fraction(1, 2), 0, 1]], "shear along z by 1/2·x"),
    ([[1.0, 0.0, 0.0], [0.0, 1.0, -2.0], [0.0, 0.0, 1.0]], "shear along y by −2·z"),
])
def test_3d_elementary_shears(rows, text):
    assert describe(Matrix(rows)).startswith(text)
