"""``export --lab pca`` and ``export --lab layer``, run as a user runs them, in a separate process:
the SVG's text holds the numbers numpy finds, and bad input is one line, exit 2 and no file."""

import os
import re
import subprocess
import sys

import numpy as np
import pytest
from PIL import Image

POINTS = "label;x;y\na;0;0\nb;2;2\nc;4;4\nd;2;0\ne;2;4\nf;n/a;1\n"


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viz", "export", *args], capture_output=True, text=True,
                          env=env, timeout=120)


def svg_text(path) -> str:
    """The words of an SVG, its text runs joined (Qt writes one run per font and per wrapped line)."""
    return " ".join("".join(re.findall(r">([^<]*)</text>", path.read_text())).split())


def test_pca_of_a_csv_is_captioned_with_the_eigenvalues_numpy_finds(tmp_path):
    data, out = tmp_path / "points.csv", tmp_path / "pca.svg"
    data.write_text(POINTS)
    result = run("--lab", "pca", "--csv", str(data), "--columns", "x,y", "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out} (1600×1000)"
    text = svg_text(out)
    points = np.array([[0, 0], [2, 2], [4, 4], [2, 0], [2, 4]], dtype=float)
    covariance = np.cov(points.T)
    assert np.allclose(covariance, [[2, 2], [2, 4]])
    assert "PCA of points.csv — step 3: Project onto PC1" in text
    assert "mean (2, 2); covariance exact: 2 2; 2 4" in text
    high, low = sorted(np.linalg.eigvalsh(covariance), reverse=True)
    ratio = high / (high + low)
    assert f"PC1: λ = 3 + √5 ≈ {high:.6g} ({ratio:.1%}), axis √λ = {np.sqrt(high):.3g}" in text
    assert f"PC2: λ = 3 − √5 ≈ {low:.6g} ({1 - ratio:.1%})" in text
    assert f"variance λ₂ = {1 - ratio:.1%} of the whole" in text


def test_pca_of_generated_clusters_follows_the_seed_and_the_count(tmp_path):
    from viz.labs.ml.pca_settings import PcaSettings, generated_dataset
    from viz.labs.ml.state import DEFAULT_MATRICES

    out = tmp_path / "pca.svg"
    result = run("--lab", "pca", "--seed", "7", "--points", "300", "--whiten", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = svg_text(out)
    points = generated_dataset(PcaSettings(count=300, seed=7), DEFAULT_MATRICES[2]).points
    assert points.shape == (300, 2)
    high, low = sorted(np.linalg.eigvalsh(np.cov(points.T)), reverse=True)
    assert "PCA of 1 generated cluster (seed 7) — step 3: Whiten: every axis to length 1" in text
    assert f"PC1: λ = {high:.6g} ({high / (high + low):.1%})" in text
    assert "has covariance I — round, variance 1 in every direction" in text


def test_a_png_of_each_new_view(tmp_path):
    for args in (("--lab", "pca"), ("--lab", "layer", "--matrix", "1 -1; 1 1", "--dataset", "xor")):
        out = tmp_path / f"{args[1]}.png"
        result = run(*args, "--size", "800x500", "--theme", "light", "--out", str(out))
        assert result.returncode == 0, result.stderr
        with Image.open(out) as image:
            assert image.size == (800, 500) and image.convert("RGB").getpixel((3, 3)) == (255, 255, 255)


def test_the_layer_is_captioned_with_w_b_and_det_w(tmp_path):
    out = tmp_path / "layer.svg"
    result = run("--lab", "layer", "--matrix", "1 -1; 1 1", "--bias", "0 -0.5", "--activation", "tanh",
                 "--dataset", "moons", "--seed", "3", "--points", "200", "--out", str(out))
    assert result.returncode == 0, result.stderr
    text = svg_text(out)
    det = np.linalg.det(np.array([[1, -1], [1, 1]], dtype=float))
    assert "x ↦ σ(Wx + b) on two moons (σ = tanh)" in text
    assert f"layer 1: W = [1 -1; 1 1], b = (0 -0.5), det W = {det:.3g}" in text
    assert "After the layers:" in text


@pytest.mark.parametrize("args, fragment", [
    (("--lab", "pca", "--csv", "{tmp}/missing.csv"), "missing.csv"),
    (("--lab", "pca", "--csv", "{tmp}/words.csv"), "numeric"),
    (("--lab", "pca", "--csv", "{tmp}/points.csv", "--columns", "x,nope"), "nope"),
    (("--lab", "pca", "--csv", "{tmp}/points.csv", "--seed", "3"), "--seed is for generated clusters"),
    (("--lab", "pca", "--csv", "{tmp}/points.csv", "--matrix", "1 0; 0 1"), "brings its own points"),
    (("--lab", "pca", "--columns", "x,y"), "--columns picks columns of a --csv file"),
    (("--lab", "pca", "--points", "0"), "--points must be a whole number from 1"),
    (("--lab", "pca", "--seed", "-1"), "--seed must be a whole number from 0"),
    (("--lab", "layer"), "--lab draws the matrix given with --matrix"),
    (("--lab", "layer", "--matrix", "1 0 0; 0 1 0; 0 0 1"), "2×2"),
    (("--lab", "layer", "--matrix", "1 0; 0 1", "--activation", "softplus"),
     "--activation must be one of none, relu, leaky-relu, tanh, sigmoid"),
    (("--lab", "layer", "--matrix", "1 0; 0 1", "--dataset", "blobs"), "--dataset must be one of"),
    (("--lab", "layer", "--matrix", "1 0; 0 1", "--bias", "1 2 3"), "2 components"),
    (("--lab", "layer", "--matrix", "1 0; 0 1", "--points", "1"), "--points must be a whole number from 2"),
    (("--lab", "layer", "--matrix", "1 0; 0 1", "--whiten"), "--whiten is for --lab pca"),
    (("--lab", "svd", "--matrix", "1 0; 0 1", "--dataset", "xor"), "--dataset is for --lab layer"),
    (("--lab", "gd", "--matrix", "1 0; 0 1", "--seed", "2"), "--seed is for --lab pca or --lab layer"),
    (("--matrix", "1 0; 0 1", "--bias", "1 2"), "add --lab svd or pca or layer or gd"),
    (("--lab", "pca", "--session", "{tmp}/s.lens.json"), "does not go with --session"),
])
def test_bad_input_is_one_line_exit_2_and_no_file(tmp_path, args, fragment):
    (tmp_path / "points.csv").write_text(POINTS)
    (tmp_path / "words.csv").write_text("a,b\nx,y\nz,w\n")
    out = tmp_path / "out.svg"
    result = run(*(a.replace("{tmp}", str(tmp_path)) for a in args), "--out", str(out))
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("linear-lens export: ") and fragment.lower() in lines[0].lower()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["points.csv", "words.csv"]


def test_no_source_at_all_is_still_one_line():
    result = run("--out", "x.png")
    assert result.returncode == 2
    assert result.stderr.strip() == ("linear-lens export: one of the arguments --matrix --session "
                                     "--compose --sequence is required")


def test_the_svd_animation_from_the_command_line(tmp_path):
    out = tmp_path / "svd.gif"
    result = run("--lab", "svd", "--matrix", "3 1; 1 2", "--animate", "--fps", "5", "--size", "480x300",
                 "--out", str(out))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"wrote {out} (480×300)"
    with Image.open(out) as gif:
        assert gif.n_frames == 23 and gif.size == (480, 300)  # round(5 × 4.4 s) + 1: three stages, three pauses
    for args, fragment in ((("--lab", "pca", "--animate"), "--animate plays M = UΣVᵀ: it is for --lab svd"),
                           (("--lab", "svd", "--matrix", "3 1; 1 2", "--animate"), "use a .gif or .mp4")):
        bad = run(*args, "--out", str(tmp_path / "x.png"))
        assert bad.returncode == 2 and fragment in bad.stderr and bad.stderr.count("\n") == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["svd.gif"]
