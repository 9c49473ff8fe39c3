"""``linear-lens info --vectors``, run as a user runs it: span, basis, relation, dot, target."""

import json
import math
import os
import re
import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viz", "info", *args], capture_output=True,
                          text=True, env=env, timeout=60, check=False)


def info_json(*args):
    result = run(*args, "--format", "json")
    assert result.returncode == 0 and result.stderr == "", result.stderr
    return json.loads(result.stdout)


def test_the_example_from_the_usage_text():
    result = run("--vectors", "1 2; 2 4; 0 1")
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert "v1 = (1, 2)" in text and "v2 = (2, 4)" in text and "v3 = (0, 1)" in text
    assert "2: span{v1, v2, v3} is the whole plane" in text
    assert "basis        v1 = (1, 2), v3 = (0, 1)" in text
    assert "dependent: 2·v1 − 1·v2 + 0·v3 = 0, so v2 adds nothing new to the span" in text
    assert "v2 = 2·v1 + 0·v3" in text
    assert "dot product" not in text  # three vectors: no dot product


@pytest.mark.parametrize("rows, dimension, independent, relation, basis", [
    ("1 2; 0 1", 2, True, None, ["v1", "v2"]),
    ("1 2; 2 4", 1, False, ["2", "-1"], ["v1"]),
    ("1 2; 1 2", 1, False, ["1", "-1"], ["v1"]),                     # repeated vector
    ("0 0", 0, False, ["1"], []),                                     # the zero vector alone
    ("0 0; 1 2", 1, False, ["1", "0"], ["v2"]),                       # the zero vector first
    ("1 2; 0 0", 1, False, ["0", "1"], ["v1"]),
    ("1 0 0; 0 1 0; 0 0 1", 3, True, None, ["v1", "v2", "v3"]),
    ("1 0 0; 0 1 0; 1 1 0", 2, False, ["1", "1", "-1"], ["v1", "v2"]),
    ("1 2 3; 2 4 6; 0 0 0", 1, False, ["2", "-1", "0"], ["v1"]),
    ("1 2 3; 1 2 3", 1, False, ["1", "-1"], ["v1"]),
    ("1/2 1/3 1; 2 1 0; 1 1 1; 0 0 1", 3, False, ["6", "-1", "-1", "-5"], ["v1", "v2", "v3"]),
])
def test_dimension_basis_and_exact_relation(rows, dimension, independent, relation, basis):
    data = info_json("--vectors", rows)
    vectors = np.array([[float(Fraction(x)) for x in v["components"]] for v in data["vectors"]])
    assert data["dimension"] == dimension == np.linalg.matrix_rank(vectors)
    assert data["independent"] is independent
    assert [b["name"] for b in data["basis"]] == basis
    for b in data["basis"]:
        assert b == data["vectors"][int(b["name"][1:]) - 1]
    if relation is None:
        assert data["relation"] is None
    else:
        assert data["relation"]["coefficients"] == relation
        combination = sum(float(Fraction(c)) * v for c, v in zip(relation, vectors))
        assert np.allclose(combination, 0)                           # it really is a relation
        assert data["relation"]["text"].endswith(" = 0")


@pytest.mark.parametrize("rows, words", [
    ("1 2; 2 4", "a line through the origin: the line y = 2x"),
    ("1 2; 0 1", "the whole plane"),
    ("0 0; 0 0", "the origin"),
    ("1 0 0; 0 1 0; 1 1 0", "a plane through the origin: the plane z = 0"),
    ("1 0 1; 0 1 2", "the plane x + 2y − z = 0"),
    ("1 2 3; 2 4 6", "the line along (1, 2, 3)"),
    ("1 0 0; 0 1 0; 0 0 1", "all of 3D space"),
])
def test_what_the_span_is_in_words(rows, words):
    assert words in run("--vectors", rows).stdout


def test_zero_vector_and_all_zero_verdicts():
    assert "dependent: 1·v1 = 0 — v1 is the zero vector: the span is just the origin" in \
        run("--vectors", "0 0 0").stdout
    assert "v1, v2 are all zero" in run("--vectors", "0 0; 0 0").stdout


@pytest.mark.parametrize("u, v", [
    ([1, 2], [0, 1]), ([3, 4], [4, 3]), ([1, 0], [-1, 1]), ([1, -2], [-2, 4]),
    ([1, 2, 3], [4, -5, 6]), ([2, 0], [0, 5]),
])
def test_two_vectors_dot_facts_match_numpy(u, v):
    rows = f"{' '.join(map(str, u))}; {' '.join(map(str, v))}"
    dot = info_json("--vectors", rows)["dot"]
    nu, nv = np.array(u, float), np.array(v, float)
    cosine = nu @ nv / (np.linalg.norm(nu) * np.linalg.norm(nv))
    assert Fraction(dot["dot"]) == nu @ nv
    assert dot["norm_u_float"] == pytest.approx(np.linalg.norm(nu))
    assert dot["norm_v_float"] == pytest.approx(np.linalg.norm(nv))
    assert dot["cos_float"] == pytest.approx(cosine, abs=1e-12)
    hat_u, hat_v = nu / np.linalg.norm(nu), nv / np.linalg.norm(nv)  # acos is poor near 0° and 180°
    theta = 2 * math.atan2(np.linalg.norm(hat_u - hat_v), np.linalg.norm(hat_u + hat_v))
    assert dot["angle_degrees"] == pytest.approx(math.degrees(theta), abs=1e-9)
    assert dot["scalar_projection_float"] == pytest.approx(nu @ nv / np.linalg.norm(nv))
    assert np.allclose([float(Fraction(x)) for x in dot["projection"]], (nu @ nv) / (nv @ nv) * nv)
    assert dot["u"] == "v1" and dot["v"] == "v2" and "Cosine similarity" in dot["ml_note"]
    from kernels import parse_scalar  # exact strings read back as the numbers
    for key in ("norm_u", "norm_v", "cos", "scalar_projection"):
        assert float(parse_scalar(dot[key])) == pytest.approx(dot[f"{key}_float"], abs=1e-12)


def test_two_vectors_text_has_every_dot_fact():
    text = run("--vectors", "1 0; 1 1").stdout
    for line in ("v1·v2 = 1", "|v1|         1", "|v2|         √2 ≈ 1.41421", "cos θ        √2/2 ≈ 0.707107",
                 "angle        45°", "v1 reaches √2/2 ≈ 0.707107 along v2", "proj_v2 v1 = (1/2, 1/2)",
                 "they point roughly the same way (angle 45° < 90°)", "Cosine similarity = cos θ = 0.7071"):
        assert line in text, line
    perpendicular = run("--vectors", "1 0; 0 2").stdout
    assert "cos θ        0" in perpendicular and "angle        90°" in perpendicular
    assert "cos θ = 0." in perpendicular                 # exactly 0, not 6.1e-17
    zero = run("--vectors", "0 0; 1 1").stdout
    assert "v1 is the zero vector, so there is no angle" in zero and "cos θ" not in zero


def test_tiny_and_huge_exact_vectors_keep_their_angle():
    tiny = info_json("--vectors", "1e-300 0; 0 1")["dot"]
    assert tiny["angle_degrees"] == 90 and tiny["cos"] == "0"
    huge = info_json("--vectors", "1e300 1e300; 1 1")["dot"]
    assert huge["angle_degrees"] == 0 and huge["cos"] == "1"
    lopsided = info_json("--vectors", "1e300 1; 1 1e300")["dot"]  # √(10⁶⁰⁰ + 1) is no float
    assert lopsided["angle_degrees"] == pytest.approx(90) and lopsided["cos_float"] == pytest.approx(2e-300)


def test_target_reachable_and_unreachable():
    reached = run("--vectors", "1 2; 0 1", "--target", "3 5")
    assert reached.returncode == 0 and "(3, 5) = 3·v1 − 1·v2" in reached.stdout
    data = info_json("--vectors", "1 2; 0 1", "--target", "3 5")["target"]
    assert data == {"vector": ["3", "5"], "reachable": True, "coefficients": ["3", "-1"],
                    "explanation": "(3, 5) = 3·v1 − 1·v2"}
    half = info_json("--vectors", "2 0; 0 3", "--target", "1 1")["target"]
    assert half["coefficients"] == ["1/2", "1/3"]
    missed = info_json("--vectors", "1 2; 2 4", "--target", "1 0")["target"]
    assert missed["reachable"] is False and missed["coefficients"] is None
    assert "y = 2x" in missed["explanation"]
    plane = run("--vectors", "1 0 0; 0 1 0; 1 1 0", "--target", "1 2 3")
    assert "(1, 2, 3) is not in the span of v1, v2, v3: they only reach the plane z = 0" in plane.stdout
    many = run("--vectors", "1 0 0; 0 1 0; 1 1 0", "--target", "1/2 2 0").stdout
    assert "one of infinitely many ways" in many
    assert "target" not in info_json("--vectors", "1 2; 0 1")


def test_json_structure_and_exact_strings():
    data = info_json("--vectors", "1/2 1; 1 2; 0 1", "--target", "1 -1")
    assert {"vectors", "dimension", "basis", "independent", "relation", "target"} <= set(data)
    assert "dot" not in data                              # three vectors
    assert data["vectors"][0] == {"name": "v1", "components": ["1/2", "1"]}
    assert data["relation"]["text"] == "2·v1 − 1·v2 + 0·v3 = 0"
    assert data["relation"]["redundant"] == "v2"

    def strings(node):
        if isinstance(node, dict):
            return [s for value in node.values() for s in strings(value)]
        if isinstance(node, list):
            return [s for value in node for s in strings(value)]
        return [node]

    numbers = data["relation"]["coefficients"] + data["target"]["coefficients"] + \
        [c for v in data["vectors"] for c in v["components"]]
    assert all(isinstance(n, str) and re.fullmatch(r"-?\d+(/\d+)?", n) for n in numbers)
    assert "−" not in "".join(numbers)                   # ASCII minus in machine-readable fields
    assert not any(isinstance(s, float) for s in strings(data))
    assert info_json("--vectors", "1 0; 0 1")["dot"]["dot"] == "0"


def _balanced(text: str) -> bool:
    depth = 0
    for ch in text.replace(r"\{", "").replace(r"\}", ""):
        depth += {"{": 1, "}": -1}.get(ch, 0)
        if depth < 0:
            return False
    return depth == 0


@pytest.mark.parametrize("args", [
    ("--vectors", "1 2; 2 4; 0 1"),
    ("--vectors", "1/2 1/3 1; 2 1 0; 1 1 1; 0 0 1", "--target", "1 2 3"),
    ("--vectors", "1 0; 1 1", "--target", "1/2 3"),
    ("--vectors", "1 2; 2 4", "--target", "1 0"),
    ("--vectors", "0 0"),
])
def test_latex_is_balanced(args):
    result = run(*args, "--format", "latex")
    assert result.returncode == 0, result.stderr
    for line in result.stdout.splitlines():
        assert line.startswith("$$") and line.endswith("$$")
        assert _balanced(line), line
        assert line.count(r"\begin{bmatrix}") == line.count(r"\end{bmatrix}")
        assert "−" not in line and "·" not in line


def test_latex_columns_relation_fractions_and_span():
    latex = run("--vectors", "1/2 1/3 1; 2 1 0; 1 1 1; 0 0 1", "--target", "1 2 3",
                "--format", "latex").stdout
    assert r"v_{1} = \begin{bmatrix} \frac{1}{2} \\ \frac{1}{3} \\ 1 \end{bmatrix}" in latex
    assert r"\operatorname{span}\{v_{1}, v_{2}, v_{3}, v_{4}\} = \operatorname{span}\{v_{1}, v_{2}, v_{3}\}" in latex
    assert r"6 \, v_{1} - 1 \, v_{2} - 1 \, v_{3} - 5 \, v_{4} = \mathbf{0}" in latex
    assert r"v_{4} = \frac{6}{5} \, v_{1} - \frac{1}{5} \, v_{2} - \frac{1}{5} \, v_{3}" in latex
    dot = run("--vectors", "1 0; 1 1", "--format", "latex").stdout
    assert r"\cos\theta = \frac{\sqrt{2}}{2}" in dot and r"\lVert v_{2} \rVert = \sqrt{2}" in dot
    target = run("--vectors", "2 0; 0 3", "--target", "1 1", "--format", "latex").stdout
    assert r"= \frac{1}{2} \, v_{1} + \frac{1}{3} \, v_{2}" in target


@pytest.mark.parametrize("args, fragment", [
    (("--vectors", "1 2; 3 4 5"), "vector 2 has 3 components, vector 1 has 2"),
    (("--vectors", "1 2 3; 4 5 6; 7"), "vector 3 has 1 component, vector 1 has 3"),
    (("--vectors", "1 2; 0 1", "--target", "1 2 3"), "the target has 3 components, but the vectors have 2"),
    (("--vectors", "1 2; 0 1", "--target", "1"), "the target has 1 component, but the vectors have 2"),
    (("--vectors", "1 x; 0 1"), "unknown name 'x'"),
    (("--vectors", ""), '--vectors needs at least one vector, e.g. "1 2; 3 4"'),
    (("--vectors", " ; "), "--vectors needs at least one vector"),
    (("--vectors", "1 2; 0 1", "--target", ""), "--target needs the components of a vector"),
    (("--vectors", "1 2; 0 1", "--target", "three five"), "unknown name"),
    (("--vectors", "1 2", "--matrix", "1 0; 0 1"), "not allowed with"),
    (("--vectors", "1 2", "--expr", "I"), "not allowed with"),
    (("--matrix", "1 0; 0 1", "--target", "1 2"), "--target goes with --vectors"),
    (("--vectors", "1 2; 0 1", "--steps"), "does not go with --vectors"),
    (("--vectors", "1 2", "--define", "A=1 2; 3 4"), "does not go with --vectors"),
])
def test_bad_input_is_one_line_and_status_2(args, fragment):
    result = run(*args)
    assert result.returncode == 2 and result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert fragment.lower() in lines[0].lower()


def test_usage_mentions_vectors_and_target():
    text = run("--help").stdout
    assert "--vectors ROWS" in text and "--target VECTOR" in text
