"""The ML lab's commands, run as a user runs them: info --svd, pca and gd, in a separate process."""

import json
import os
import subprocess
import sys

import numpy as np
import pytest


def run(*args):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viz", *args], capture_output=True, text=True,
                          env=env, timeout=60)


def test_info_svd_text_is_exact():
    result = run("info", "--matrix", "1 1; 0 1", "--svd")
    assert result.returncode == 0, result.stderr
    assert "σ₁ = 1/2 + √5/2 ≈ 1.61803" in result.stdout and "σ₂ = √5/2 − 1/2" in result.stdout
    assert "κ = σ₁/σ₂ = 3/2 + √5/2" in result.stdout and "relative error" in result.stdout
    assert "1. Vᵀ: rotate by" in result.stdout and "3. U: rotate by" in result.stdout


def test_info_svd_json_matches_numpy():
    result = run("info", "--matrix", "2 -1 0; 1 3 1; 0 1 -2", "--svd", "--format", "json")
    assert result.returncode == 0, result.stderr
    facts = json.loads(result.stdout)
    A = np.array([[2, -1, 0], [1, 3, 1], [0, 1, -2]], dtype=float)
    sigma = [s["value"] for s in facts["singular_values"]]
    assert np.allclose(sigma, np.linalg.svd(A, compute_uv=False))
    U, V = np.array(facts["U"]), np.array(facts["V"])
    assert np.allclose(U @ np.diag(sigma) @ V.T, A)
    assert facts["condition_number"] == pytest.approx(np.linalg.cond(A))


def test_info_svd_json_keeps_exact_vectors_and_says_null_for_infinity():
    facts = json.loads(run("info", "--matrix", "1 1; 1 1", "--svd", "--format", "json").stdout)
    assert facts["condition_number"] is None and facts["rank"] == 1
    assert facts["V_exact"] == [["sqrt(2)/2", "-sqrt(2)/2"], ["sqrt(2)/2", "sqrt(2)/2"]]
    assert [s["exact"] for s in facts["singular_values"]] == ["2", "0"]


def test_info_svd_latex():
    result = run("info", "--matrix", "3 1; 1 2", "--svd", "--format", "latex")
    assert result.returncode == 0, result.stderr
    assert r"$$\sigma_1 = \frac{5}{2} + \frac{\sqrt{5}}{2}$$" in result.stdout
    assert r"\kappa = \sigma_1 / \sigma_2 = \frac{3}{2} + \frac{\sqrt{5}}{2}" in result.stdout


def test_pca_text_and_json(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("label;x;y\na;0;0\nb;2;2\nc;4;4\nd;2;0\ne;2;4\nf;n/a;1\n")
    text = run("pca", "--csv", str(path))
    assert text.returncode == 0, text.stderr
    assert "5 rows of x, y (1 row skipped" in text.stdout and "line 7" in text.stdout
    assert "PC1  λ = 3 + √5 ≈ 5.23607, 87.3% of the variance" in text.stdout
    data = json.loads(run("pca", "--csv", str(path), "--columns", "y,X", "--format", "json").stdout)
    assert data["columns"] == ["y", "x"] and data["covariance_exact"] == [["4", "2"], ["2", "2"]]
    points = np.array([[0, 0], [2, 2], [4, 4], [0, 2], [4, 2]], dtype=float)
    centred = points - points.mean(axis=0)
    s = np.linalg.svd(centred, compute_uv=False)
    assert np.allclose(data["eigenvalues"], s ** 2 / 4)
    assert np.allclose(data["explained_ratios"], s ** 2 / (s ** 2).sum())


def test_gd_text_shows_the_verdict_and_both_rates():
    result = run("gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "0.1", "--steps", "100")
    assert result.returncode == 0, result.stderr
    assert "verdict     converges" in result.stdout
    assert "rate        predicted 0.861803 per step, observed 0.861803" in result.stdout
    assert "   100  (" in result.stdout and "final loss" in result.stdout


def test_gd_json_long_runs_are_summarised_and_verdicts_hold():
    result = run("gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "0.6", "--momentum", "0.5",
                 "--steps", "1000", "--format", "json")
    data = json.loads(result.stdout)
    assert data["converges"] and not data["path_complete"] and len(data["path"]) == 20
    assert data["path"][-1]["step"] == 1000 and data["final_loss"] < 1e-100
    diverging = json.loads(run("gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "0.6",
                               "--format", "json").stdout)
    assert not diverging["converges"] and diverging["observed_rate"] > 1
    assert diverging["observed_rate"] == pytest.approx(diverging["predicted_rate"])


def test_the_ml_commands_do_not_start_qt(tmp_path):
    path = tmp_path / "p.csv"
    path.write_text("x,y\n1,2\n2,5\n4,4\n")
    code = ("import sys; from viz.cli import main\n"
            f"main(['pca', '--csv', {str(path)!r}])\n"
            "main(['gd', '--matrix', '3 1; 1 2', '--start', '1 1', '--lr', '0.1'])\n"
            "main(['info', '--matrix', '3 1; 1 2', '--svd'])\n"
            "assert not [m for m in sys.modules if m.startswith(('PyQt6', 'pyqtgraph'))]\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("args, fragment", [
    (("pca", "--csv", "missing.csv"), "missing.csv: no such file"),
    (("pca", "--csv", "{tmp}/words.csv"), "the numeric columns are: none"),
    (("pca", "--csv", "{tmp}/one.csv"), "only one column"),
    (("pca", "--csv", "{tmp}/binary.csv"), "not a CSV file"),
    (("pca", "--csv", "{tmp}/words.csv", "--columns", "a,zz"), "no column 'zz'"),
    (("pca", "--csv", "{tmp}"), "is a folder"),
    (("pca",), "--csv"),
    (("gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "0.1", "--steps", "-5"), "not -5"),
    (("gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "0.1", "--steps", "many"), "invalid int"),
    (("gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "-0.1"), "learning rate must be positive"),
    (("gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "__import__('os')"), "unexpected character '_'"),
    (("gd", "--matrix", "3 1; 1 2", "--start", "2 1", "--lr", "0.1", "--momentum", "1"), "below 1"),
    (("gd", "--matrix", "3 1; 1 2", "--start", "2 1 0", "--lr", "0.1"), "2 components"),
    (("gd", "--matrix", "1 2 3; 4 5 6", "--start", "1 1", "--lr", "0.1"), "2×3"),
    (("info", "--matrix", "1 2; 3 4", "--svd", "--format", "markdown"), "not markdown"),
    (("info", "--vectors", "1 2; 3 4", "--svd"), "--svd is for one matrix"),
    (("info", "--matrix", "1 2; 3 4", "--svd", "--steps"), "does not go with --steps"),
])
def test_bad_input_is_one_line_and_status_2(tmp_path, args, fragment):
    (tmp_path / "words.csv").write_text("a,b\nx,y\nz,w\n")
    (tmp_path / "one.csv").write_text("a\n1\n2\n")
    (tmp_path / "binary.csv").write_bytes(b"PK\x03\x04\x00\x00binary")
    result = run(*(a.replace("{tmp}", str(tmp_path)) for a in args))
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert fragment.lower() in lines[0].lower()
