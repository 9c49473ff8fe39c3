"""PCA of the ML lab: the CSV reader's hard cases, and the analysis against numpy's SVD."""

import os
from fractions import Fraction

import numpy as np
import pytest

from kernels import Matrix
from viz.files import UnreadableFile
from viz.labs.ml import pca as pca_module
from viz.labs.ml.pca import (
    EXACT_LIMIT,
    CsvError,
    generate_clusters,
    parse_covariance,
    parse_csv,
    points_from_rows,
    principal_components,
    project_onto_first,
    read_csv,
    whiten,
)


# -- reading CSV ------------------------------------------------------------------------------
@pytest.mark.parametrize("data, columns, points, names", [
    (b"x,y\n1,2\n3,4\n", None, [[1, 2], [3, 4]], ("x", "y")),
    (b"1,2\n3,4\n", None, [[1, 2], [3, 4]], ("column 1", "column 2")),
    (b"\xef\xbb\xbfx,y\r\n1,2\r\n\r\n3,4\r\n", None, [[1, 2], [3, 4]], ("x", "y")),
    (b"a;b\n1,5;2\n-3;4,25\n", None, [[1.5, 2], [-3, 4.25]], ("a", "b")),
    (b"a\tb\tc\n1\t2\t3\n4\t5\t6\n", ["c", "A"], [[3, 1], [6, 4]], ("c", "a")),
    (b'name,"x, in m",y\n"Smith, J",1,2\n"O""Neil",3,4\n', None, [[1, 2], [3, 4]], ("x, in m", "y")),
    (b"id,x,y,z\n1,0.5,2e3,7\n2,-1,+4,8\n", ["2", "3", "4"], [[0.5, 2000, 7], [-1, 4, 8]], ("x", "y", "z")),
    ("x,y\n1,2\n3,4\n".encode("utf-16"), None, [[1, 2], [3, 4]], ("x", "y")),
    ("größe;wert\n1;2\n3;4\n".encode("latin-1"), None, [[1, 2], [3, 4]], ("größe", "wert")),
    (b"\n\nx,y\n1,2\n3,4", None, [[1, 2], [3, 4]], ("x", "y")),
])
def test_csv_shapes_that_are_read(data, columns, points, names):
    dataset = parse_csv(data, "d.csv", columns)
    assert dataset.points.tolist() == points
    assert dataset.names == names
    assert dataset.skipped == 0 and dataset.first_skipped_line is None


def test_bad_rows_are_skipped_with_a_count_and_the_first_line():
    data = b"x,y,label\n1,2,a\n\n3,,b\n4,n/a,c\nnan,1,d\n5,6\n7,inf,e\n8\n9,10,f\n"
    dataset = parse_csv(data, "d.csv")
    assert dataset.points.tolist() == [[1, 2], [5, 6], [9, 10]]
    assert (dataset.skipped, dataset.first_skipped_line) == (5, 4)  # line 4: "3,,b" (line 3 is blank)
    assert "5 rows skipped" in dataset.notice() and "line 4" in dataset.notice()


def test_the_fast_and_the_careful_reader_agree():
    """A quote anywhere sends the file to the csv-module reader: same numbers either way."""
    rng = np.random.default_rng(3)
    values = rng.normal(size=(500, 3))
    plain = "a,b,c\n" + "\n".join(",".join(repr(float(v)) for v in row) for row in values) + "\n"
    quoted = plain.replace("a,b,c", '"a",b,c')
    fast, careful = parse_csv(plain.encode(), "p.csv"), parse_csv(quoted.encode(), "q.csv")
    assert np.array_equal(fast.points, careful.points)
    assert np.array_equal(fast.points, values[:, :2])


@pytest.mark.parametrize("careful", [False, True])
def test_too_many_rows_are_refused(monkeypatch, careful):
    monkeypatch.setattr(pca_module, "MAX_ROWS", 5)
    header = '"x",y\n' if careful else "x,y\n"
    with pytest.raises(CsvError, match="more than 5 rows"):
        parse_csv((header + "1,2\n" * 6).encode(), "big.csv")
    assert len(parse_csv((header + "1,2\n" * 5).encode(), "ok.csv").points) == 5


@pytest.mark.parametrize("data, columns, words", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "not a CSV file (it holds binary data"),
    (b"", None, "is empty"),
    (b"  \n\n", None, "is empty"),
    (b"x\n1\n2\n3\n", None, "only one column"),
    (b"name,city\nann,paris\nbob,rome\n", None, "numeric columns are: none"),
    (b"name,x\nann,1\nbob,2\n", None, "numeric columns are: x"),
    (b"x,y\n1,2\n", ["x", "w"], "no column 'w' (the columns are: x, y)"),
    (b"x,y\n1,2\n", ["x"], "choose 2 or 3 different columns"),
    (b"x,y\n1,2\n", ["x", "1"], "choose 2 or 3 different columns"),
    (b"x,y\n", None, "has a header but no rows"),
    (b"x,y,z\na,b,1\nc,d,2\n", ["x", "y"], "no row has a number in every one of the columns x, y"),
])
def test_files_refused_whole_with_one_line(data, columns, words):
    with pytest.raises(CsvError) as caught:
        parse_csv(data, "f.csv", columns)
    message = str(caught.value)
    assert words in message and message.startswith("f.csv: ") and "\n" not in message


def test_read_csv_goes_through_read_regular_file(tmp_path):
    path = tmp_path / "points.csv"
    path.write_text("x,y\n1,2\n3,5\n")
    assert read_csv(path).points.tolist() == [[1, 2], [3, 5]]
    with pytest.raises(UnreadableFile, match="no such file"):
        read_csv(tmp_path / "missing.csv")
    with pytest.raises(UnreadableFile, match="folder"):
        read_csv(tmp_path)
    if hasattr(os, "mkfifo"):
        os.mkfifo(tmp_path / "pipe.csv")
        with pytest.raises(UnreadableFile, match="named pipe"):
            read_csv(tmp_path / "pipe.csv")  # refused before opening: never blocks


# -- the analysis against numpy ----------------------------------------------------------------
def numpy_pca(points: np.ndarray):
    """Eigenvalues (s²/(n − 1)) and directions (rows of Vᵀ) from the SVD of the centred data."""
    centred = points - points.mean(axis=0)
    _, s, Vt = np.linalg.svd(centred, full_matrices=False)
    return s ** 2 / (len(points) - 1), Vt


def check_against_numpy(points):
    result = principal_components(points_from_rows(points))
    variances, directions = numpy_pca(np.array(points, dtype=float))
    ours = np.array([c.spread ** 2 for c in result.components])
    scale = variances[0]
    assert np.allclose(ours, variances, rtol=1e-9, atol=1e-12 * scale)
    assert np.allclose([c.ratio for c in result.components], variances / variances.sum(), atol=1e-12)
    for component, expected, variance in zip(result.components, directions, variances):
        if variance > 1e-9 * scale and np.sum(np.isclose(variances, variance, rtol=1e-6)) == 1:
            assert abs(component.direction @ expected) == pytest.approx(1.0, abs=1e-9)  # same line
        assert np.allclose(component.axis, component.direction * np.sqrt(max(variance, 0)), atol=1e-6 * scale)
    assert np.allclose(result.mean_array, np.mean(points, axis=0))
    assert np.allclose(np.array(result.covariance.to_floats()), np.cov(np.array(points, dtype=float).T))
    return result


@pytest.mark.parametrize("seed, dimension", [(0, 2), (1, 2), (2, 3), (3, 3)])
def test_random_clouds_match_numpy(seed, dimension):
    rng = np.random.default_rng(seed)
    mixing = rng.normal(size=(dimension, dimension))
    check_against_numpy((rng.normal(size=(300, dimension)) @ mixing + 5).tolist())


def test_integer_data_have_an_exact_covariance():
    points = [[0, 0], [2, 2], [4, 4], [2, 0], [2, 4]]
    result = check_against_numpy(points)
    assert result.exact and result.mean == (2, 2)
    n = len(points)
    brute = [[sum(Fraction(p[i] - 2) * (p[j] - 2) for p in points) / (n - 1) for j in range(2)] for i in range(2)]
    assert result.covariance == Matrix(brute)
    assert [c.text() for c in result.components] == ["3 + √5 ≈ 5.23607", "3 − √5 ≈ 0.763932"]


def test_the_exact_limit():
    inside = [[EXACT_LIMIT, 0], [-EXACT_LIMIT, 1], [0, 3]]
    outside = [[EXACT_LIMIT + 1, 0], [-EXACT_LIMIT, 1], [0, 3]]
    assert principal_components(points_from_rows(inside)).exact
    assert not principal_components(points_from_rows(outside)).exact
    assert not principal_components(points_from_rows([[0.5, 1], [1, 2], [3, 1]])).exact


def test_exact_and_float_covariance_agree_on_a_million_integer_rows():
    rng = np.random.default_rng(5)
    points = rng.integers(-EXACT_LIMIT, EXACT_LIMIT + 1, size=(1_000_000, 2)).astype(float)
    exact = principal_components(points_from_rows(points))
    assert exact.exact
    assert np.allclose(np.array(exact.covariance.to_floats()), np.cov(points.T), rtol=1e-12)


def test_rank_deficient_data_have_a_zero_eigenvalue():
    result = check_against_numpy([[t, 2 * t] for t in range(-3, 4)])  # all on y = 2x
    assert result.components[1].variance == 0 and result.components[1].ratio == 0
    assert result.components[0].ratio == 1
    assert abs(result.components[0].direction @ np.array([1, 2]) / np.sqrt(5)) == pytest.approx(1)
    with pytest.raises(ValueError, match="do not spread along PC2"):
        whiten(result)


def test_a_constant_column_and_float_rounding():
    result = check_against_numpy([[0.1 * t, 0.3] for t in range(10)])
    assert result.components[1].spread == 0.0 and result.components[1].ratio == 0.0


def test_a_repeated_variance_still_gives_perpendicular_axes():
    result = check_against_numpy([[1, 0], [-1, 0], [0, 1], [0, -1]])
    assert result.components[0].variance == result.components[1].variance
    assert abs(result.components[0].direction @ result.components[1].direction) < 1e-12


@pytest.mark.parametrize("points, words", [
    ([[1, 2]], "at least 2 rows"),
    ([[1, 2], [1, 2], [1, 2]], "all 3 rows are the same point"),
])
def test_data_without_variance_are_refused(points, words):
    with pytest.raises(ValueError, match=words):
        principal_components(points_from_rows(points))


def test_projection_onto_pc1_loses_exactly_the_other_variances():
    rng = np.random.default_rng(8)
    points = rng.normal(size=(400, 3)) @ np.array([[3, 1, 0], [0, 1, 0.5], [0, 0, 0.2]])
    result = principal_components(points_from_rows(points))
    projection = project_onto_first(result)
    first = result.components[0].direction
    assert np.allclose(projection.residuals @ first, 0, atol=1e-9)  # residuals are across PC1
    assert np.allclose(np.cross(projection.shadows - result.mean_array, first), 0, atol=1e-9)
    assert projection.lost_variance == pytest.approx(sum(c.spread ** 2 for c in result.components[1:]))
    assert np.allclose(projection.shadows + projection.residuals, points)


def test_whitened_data_are_round():
    rng = np.random.default_rng(9)
    points = rng.normal(size=(500, 2)) @ np.array([[4, 1], [0, 0.5]]) + [10, -3]
    white = whiten(principal_components(points_from_rows(points)))
    assert np.allclose(white.mean(axis=0), 0, atol=1e-12)
    assert np.allclose(np.cov(white.T), np.eye(2), atol=1e-12)


# -- generated data -------------------------------------------------------------------------
def test_generated_clusters_have_the_chosen_covariance_and_are_reproducible():
    C = parse_covariance("4 1.5 0; 1.5 1 0; 0 0 0.25")
    cloud = generate_clusters([(0, 0, 0)], C, 200_000, seed=11)
    assert np.allclose(np.cov(cloud.points.T), np.array(C.to_floats()), atol=0.03)
    again = generate_clusters([(0, 0, 0)], C, 200_000, seed=11)
    assert np.array_equal(cloud.points, again.points)
    other = generate_clusters([(0, 0, 0)], C, 10, seed=12)
    assert not np.array_equal(cloud.points[:10], other.points)


def test_two_clusters_sit_around_their_centres():
    cloud = generate_clusters([(-5, 0), (5, 0)], parse_covariance("1 0; 0 1"), 5000, seed=2)
    assert cloud.points.shape == (10000, 2) and cloud.names == ("x", "y")
    assert np.allclose(cloud.points[:5000].mean(axis=0), [-5, 0], atol=0.1)
    assert np.allclose(cloud.points[5000:].mean(axis=0), [5, 0], atol=0.1)
    result = principal_components(cloud)
    assert abs(result.components[0].direction[0]) == pytest.approx(1, abs=1e-3)  # PC1 joins them


def test_a_flat_covariance_generates_flat_data():
    cloud = generate_clusters([(0, 0)], parse_covariance("1 1; 1 1"), 1000, seed=4)
    assert np.allclose(cloud.points[:, 0], cloud.points[:, 1])


@pytest.mark.parametrize("text, words", [
    ("1 2; 3 4", "symmetric"),
    ("1 2; 2 1", "negative eigenvalue"),
    ("1 2 3; 4 5 6", "2×2 or 3×3"),
])
def test_bad_covariances(text, words):
    with pytest.raises(ValueError, match=words):
        parse_covariance(text)


def test_bad_cluster_settings():
    C = parse_covariance("1 0; 0 1")
    with pytest.raises(ValueError, match="2 coordinates"):
        generate_clusters([(0, 0, 0)], C, 10, seed=1)
    with pytest.raises(ValueError, match="at least 1 point"):
        generate_clusters([(0, 0)], C, 0, seed=1)
