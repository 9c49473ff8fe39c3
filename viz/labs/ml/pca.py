"""Principal component analysis of a 2D or 3D point cloud: the learner's CSV, or generated data.

PCA asks: along which directions do the points spread the most? Centre the data (subtract the
mean), form the covariance matrix C (how each pair of coordinates varies together), and take
its eigenvectors: they are perpendicular (C is symmetric), and the eigenvalue λ of each is the
variance of the data along it. The first principal component (PC1) is the eigenvector with
the largest λ; the fraction λᵢ/Σλ is the share of the variance it explains. Keeping PC1 only
replaces each point by its shadow on the PC1 line; what is lost is the residual across it.

numpy handles the data (reading a million rows, sums, projections). The 2×2 or 3×3 covariance
goes to the kernel for its eigenvalues and eigenvectors, exactly when the data are whole
numbers of modest size (:data:`EXACT_LIMIT`), so a learner sees C = [[2, 2], [2, 4]] and
λ = 3 ± √5 rather than decimals.

>>> data = points_from_rows([[0, 0], [2, 2], [4, 4], [2, 0], [2, 4]])
>>> pca = principal_components(data)
>>> print(pca.covariance)
[ 2  2 ]
[ 2  4 ]
>>> [component.text() for component in pca.components]
['3 + √5 ≈ 5.23607', '3 − √5 ≈ 0.763932']
"""

from __future__ import annotations

import csv
import io
import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

from kernels import Matrix, eigenvalues, parse_matrix
from kernels.algebraic import QuadraticSurd
from kernels.notation import scalar_text

from ...files import read_regular_file
from .exact import exact_text
from .symmetric import symmetric_axes

#: The most data rows a CSV may have (blank lines do not count); a larger file is refused.
MAX_ROWS = 1_000_000
#: The largest CSV file read, in bytes: a million rows of a dozen numbers fit with room to spare.
MAX_FILE_BYTES = 256 * 1024 * 1024
#: Data whose every value is a whole number of at most this size (2²⁰ = 1,048,576) get an exact
#: mean and covariance. Then each product x·y is below 2⁴⁰ and a sum of a million of them below
#: 2⁶⁰, so numpy's 64-bit integers add them without overflow, at numpy's speed.
EXACT_LIMIT = 2 ** 20
#: A variance at most this fraction of the largest counts as none for whitening (rounding).
FLAT = 1e-12
#: How many rows are looked at to guess the separator and which columns hold numbers.
SAMPLE_ROWS = 200
SEPARATORS = ("\t", ";", ",")  # in order of preference when several split every row alike
AXIS_NAMES = ("x", "y", "z")


class CsvError(ValueError):
    """A file that is not read as data: the message is one line that starts with its name."""


@dataclass(frozen=True)
class Dataset:
    """Points (an n × 2 or n × 3 array of floats) with the names of their columns.

    ``skipped`` rows had a missing or non-numeric value in a chosen column; the first of them
    is on line ``first_skipped_line`` of the file (counting the header as line 1).
    """

    points: np.ndarray
    names: tuple[str, ...]
    source: str
    skipped: int = 0
    first_skipped_line: int | None = None

    def notice(self) -> str:
        """What was read, in one line: ``data.csv: 998 rows of x, y (2 skipped, the first on line 5)``."""
        text = f"{self.source}: {len(self.points):,} rows of {', '.join(self.names)}"
        if self.skipped:
            rows = "row" if self.skipped == 1 else "rows"
            text += (f" ({self.skipped:,} {rows} skipped for a missing or non-numeric value, "
                     f"the first on line {self.first_skipped_line})")
        return text


# -- reading a CSV -----------------------------------------------------------------------------
def read_csv(path, columns: Sequence[str] | None = None) -> Dataset:
    """The points in the CSV file ``path``: 2 or 3 numeric ``columns`` (names from the header or
    numbers counting from 1), by default the first two numeric ones. See :func:`parse_csv`."""
    data = read_regular_file(path, MAX_FILE_BYTES, "CSV file")
    return parse_csv(data, Path(path).name or str(path), columns)


def parse_csv(data: bytes, name: str, columns: Sequence[str] | None = None) -> Dataset:
    """The points in CSV text, read robustly; a :class:`CsvError` refuses the file whole.

    The separator (comma, semicolon or tab) is the one that splits the first rows alike; a
    semicolon file may write decimals with a comma (``1,5``). The first row is a header when
    one of its fields is not a number. Quoted fields and a byte-order mark are fine. A row
    with a chosen value missing or not a number (``nan`` and ``inf`` included) is skipped and
    counted.

    >>> data = parse_csv(b'\\xef\\xbb\\xbf"name";"x";"y"\\nA;1,5;2\\nB;n/a;3\\nC;4;-1\\n', "d.csv")
    >>> data.points.tolist(), data.names
    ([[1.5, 2.0], [4.0, -1.0]], ('x', 'y'))
    >>> data.notice()
    'd.csv: 2 rows of x, y (1 row skipped for a missing or non-numeric value, the first on line 3)'
    """
    text = _decode(data, name)
    separator = _separator(text, name)
    decimal_comma = separator != ","
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    first = next((row for row in rows if any(field.strip() for field in row)), None)
    if first is None:
        raise CsvError(f"{name}: has no rows of data")
    has_header = any(_number(field, decimal_comma) is None for field in first)
    sample = list(itertools.islice((row for row in rows if any(f.strip() for f in row)), SAMPLE_ROWS))
    if not has_header:
        sample.insert(0, first)
    width = max(len(row) for row in [first, *sample])
    names = [field.strip() or f"column {i + 1}" for i, field in enumerate(first)] if has_header else []
    names += [f"column {i + 1}" for i in range(len(names), width)]
    if not sample:
        raise CsvError(f"{name}: has a header but no rows of data")
    chosen = _chosen_columns(columns, names, sample, decimal_comma, name)
    points = None
    if '"' not in text:
        header_lines = _header_lines(text) if has_header else 0
        points = _fast_points(text, header_lines, separator, decimal_comma, chosen)
    if points is not None:
        if len(points) > MAX_ROWS:
            raise _too_many_rows(name)
        return Dataset(points, tuple(names[c] for c in chosen), name)
    return _careful_points(text, has_header, separator, decimal_comma, chosen, names, name)


def _decode(data: bytes, name: str) -> str:
    """Text from bytes: UTF-8 (with or without a byte-order mark), UTF-16 with one, else Latin-1.

    A NUL byte means the file is not text at all (a picture, a spreadsheet, a zip file).
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise CsvError(f"{name}: is not a CSV file (its UTF-16 text cannot be read)") from None
    if b"\0" in data:
        raise CsvError(f"{name}: is not a CSV file (it holds binary data, not text)")
    if not data.strip():
        raise CsvError(f"{name}: is empty")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("latin-1")  # every byte is a Latin-1 character; numbers are ASCII anyway


def _separator(text: str, name: str) -> str:
    """The separator that splits most of the first rows into the same number (≥ 2) of fields."""
    lines = list(itertools.islice((line for line in io.StringIO(text, newline=None) if line.strip()),
                                  SAMPLE_ROWS))
    for separator in SEPARATORS:
        counts = [len(row) for row in csv.reader(lines, delimiter=separator)]
        usual = max(set(counts), key=counts.count)
        if usual >= 2 and 2 * counts.count(usual) >= len(counts):
            return separator
    raise CsvError(f"{name}: has only one column (no comma, semicolon or tab between values); "
                   "PCA needs 2 or 3 columns of numbers")


def _number(field: str, decimal_comma: bool) -> float | None:
    """The finite number in a field, or ``None``: ``"1e3"`` and ``" -2.5 "`` are numbers;
    ``""``, ``"n/a"``, ``"nan"``, ``"inf"`` and ``"1_000"`` are not."""
    field = field.strip()
    if decimal_comma:
        field = field.replace(",", ".")
    if "_" in field:
        return None
    try:
        value = float(field)
    except ValueError:
        return None
    return value if math.isfinite(value) else None


def _chosen_columns(columns, names: list[str], sample: list, decimal_comma: bool, name: str) -> list[int]:
    """The indices of the requested columns, or of the first two numeric ones (a column is
    numeric when at least half of the sampled rows have a number there)."""
    if columns is None:
        numeric = [j for j in range(len(names))
                   if 2 * sum(j < len(row) and _number(row[j], decimal_comma) is not None
                              for row in sample) >= len(sample)]
        if len(numeric) < 2:
            found = ", ".join(names[j] for j in numeric) or "none"
            raise CsvError(f"{name}: PCA needs 2 or 3 columns of numbers; the numeric columns are: {found}")
        return numeric[:2]
    chosen = [_column_index(token, names, name) for token in columns]
    if len(chosen) not in (2, 3) or len(set(chosen)) != len(chosen):
        raise CsvError(f"{name}: choose 2 or 3 different columns, not {', '.join(columns)}")
    return chosen


def _column_index(token: str, names: list[str], name: str) -> int:
    """A column by its name in the header (any case), or by its number counting from 1."""
    token = token.strip()
    for wanted in (token, token.casefold()):
        for j, column in enumerate(names):
            if (column if wanted is token else column.casefold()) == wanted:
                return j
    if token.isdigit() and 1 <= int(token) <= len(names):
        return int(token) - 1
    raise CsvError(f"{name}: there is no column {token!r} (the columns are: {', '.join(names)})")


def _too_many_rows(name: str) -> CsvError:
    return CsvError(f"{name}: has more than {MAX_ROWS:,} rows, the most PCA reads; "
                    "keep a sample of the rows, or fewer")


def _header_lines(text: str) -> int:
    """How many lines the header takes, blank lines before it included (no quotes: one record)."""
    for number, line in enumerate(io.StringIO(text, newline=None), start=1):
        if line.strip():
            return number
    return 0


def _fast_points(text: str, header_lines: int, separator: str, decimal_comma: bool,
                 chosen: list[int]) -> np.ndarray | None:
    """All rows at numpy's speed, or ``None`` when a row needs a closer look (a missing or
    non-numeric value, a non-finite one): then :func:`_careful_points` reads the file."""
    if decimal_comma:
        text = text.replace(",", ".")
    try:
        points = np.loadtxt(io.StringIO(text, newline=None), delimiter=separator, comments=None,
                            skiprows=header_lines, usecols=chosen, ndmin=2)
    except ValueError:
        return None
    if not np.isfinite(points).all():
        return None
    return points


def _careful_points(text: str, has_header: bool, separator: str, decimal_comma: bool,
                    chosen: list[int], names: list[str], name: str) -> Dataset:
    """Row by row with the csv module: quoted fields, and rows to skip, counted with the line
    number of the first."""
    rows = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    values: list[tuple] = []
    count = skipped = 0
    first_skipped = None
    header_pending = has_header
    for row in rows:
        if not any(field.strip() for field in row):
            continue  # a blank line
        if header_pending:
            header_pending = False
            continue
        count += 1
        if count > MAX_ROWS:
            raise _too_many_rows(name)
        numbers = tuple(_number(row[j], decimal_comma) if j < len(row) else None for j in chosen)
        if None in numbers:
            skipped += 1
            first_skipped = first_skipped or rows.line_num
        else:
            values.append(numbers)
    chosen_names = tuple(names[j] for j in chosen)
    if not values:
        raise CsvError(f"{name}: no row has a number in every one of the columns {', '.join(chosen_names)}")
    return Dataset(np.array(values, dtype=float).reshape(-1, len(chosen)),
                   chosen_names, name, skipped, first_skipped)


def points_from_rows(rows, names: Sequence[str] | None = None, source: str = "typed points") -> Dataset:
    """A :class:`Dataset` from a list of points (each 2 or 3 numbers)."""
    points = np.array(rows, dtype=float)
    if points.ndim != 2 or points.shape[1] not in (2, 3):
        raise ValueError("points need 2 or 3 coordinates each")
    return Dataset(points, tuple(names or AXIS_NAMES[:points.shape[1]]), source)


# -- generated data ---------------------------------------------------------------------------
def parse_covariance(text: str) -> Matrix:
    """A covariance typed as a matrix: symmetric, 2×2 or 3×3, with no negative eigenvalue
    (no direction can have a negative variance).

    >>> parse_covariance("2 1; 1 2")
    Matrix([[2, 1], [1, 2]])
    >>> parse_covariance("1 2; 2 1")
    Traceback (most recent call last):
        ...
    ValueError: a covariance has no negative eigenvalue; this one has −1
    """
    C = parse_matrix(text)
    if C.shape not in ((2, 2), (3, 3)):
        raise ValueError(f"a covariance is 2×2 or 3×3, not {C.shape[0]}×{C.shape[1]}")
    if C != C.T:
        raise ValueError("a covariance is symmetric (the entry in row i, column j equals the one "
                         "in row j, column i)")
    lowest = eigenvalues(C)[-1].value
    if lowest < 0:
        raise ValueError(f"a covariance has no negative eigenvalue; this one has {scalar_text(lowest)}")
    return C


def generate_clusters(centres, covariance: Matrix, count: int, seed: int) -> Dataset:
    """``count`` points around each centre, drawn from the normal distribution with
    ``covariance``, by numpy's random Generator started from ``seed`` (same seed, same points).

    A standard normal z (variance 1 in every direction) becomes a point of covariance C as
    x = centre + Σ √λᵢ zᵢ eᵢ, with λᵢ, eᵢ the eigenvalues and unit eigenvectors of C: along each
    eᵢ the spread is scaled to √λᵢ, so the variance there is λᵢ.

    >>> cloud = generate_clusters([(0, 0)], parse_covariance("4 0; 0 1"), 20000, seed=1)
    >>> np.allclose(np.cov(cloud.points.T), [[4, 0], [0, 1]], atol=0.1)
    True
    """
    if count < 1:
        raise ValueError(f"each cluster needs at least 1 point, not {count}")
    centres = np.array(centres, dtype=float)
    n = covariance.shape[0]
    if centres.ndim != 2 or centres.shape[1] != n:
        raise ValueError(f"each centre needs {n} coordinates, like the {n}×{n} covariance")
    axes = np.array([math.sqrt(_as_float(_variance(axis.value))) * axis.direction
                     for axis in symmetric_axes(covariance)])
    rng = np.random.default_rng(seed)
    clouds = [centre + rng.standard_normal((count, n)) @ axes for centre in centres]
    return Dataset(np.concatenate(clouds), AXIS_NAMES[:n], f"{len(centres)} generated cluster"
                   + ("s" if len(centres) > 1 else "") + f" (seed {seed})")


# -- the analysis -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Component:
    """A principal component: the variance λ along it (exact when the covariance is), its unit
    direction, and the share λ/Σλ of all the variance it explains."""

    variance: object  # a Fraction, a QuadraticSurd of the kernel, or a float
    direction: np.ndarray
    ratio: float

    @property
    def spread(self) -> float:
        """√λ, the standard deviation along the direction: the length of the drawn axis."""
        return math.sqrt(_as_float(self.variance))

    @property
    def axis(self) -> np.ndarray:
        """The direction scaled by √λ, as drawn from the mean."""
        return self.spread * self.direction

    def text(self) -> str:
        """λ as text, exactly when it is exact: ``3 + √5 ≈ 5.23607``."""
        exact = None if isinstance(self.variance, float) else self.variance
        return exact_text(exact, _as_float(self.variance))


def _variance(value):
    """An eigenvalue of a covariance as a variance. It is never negative, but a float covariance
    of flat data can give −1e-17 by rounding: that is 0."""
    return 0.0 if isinstance(value, float) and value < 0 else value


def _as_float(variance) -> float:
    return abs(variance.value) if isinstance(variance, QuadraticSurd) else float(variance)


@dataclass(frozen=True)
class PCA:
    """The mean, the covariance (a kernel Matrix, exact for small whole-number data) and the
    principal components, largest variance first."""

    data: Dataset
    mean: tuple
    covariance: Matrix
    components: tuple[Component, ...]

    @property
    def exact(self) -> bool:
        return self.covariance.is_exact

    @property
    def mean_array(self) -> np.ndarray:
        return np.array([float(m) for m in self.mean])

    @property
    def directions(self) -> np.ndarray:
        """The unit principal directions as the columns of a matrix."""
        return np.column_stack([c.direction for c in self.components])


def principal_components(data: Dataset) -> PCA:
    """Mean, covariance and its eigen-decomposition (from the kernel): the principal components.

    The covariance of coordinates a and b is Σ (aₖ − ā)(bₖ − b̄) / (n − 1), the sample
    covariance (numpy's ``np.cov``); its eigenvalues are then the squared singular values of
    the centred data divided by n − 1.
    """
    points = data.points
    n = len(points)
    if n < 2:
        raise ValueError(f"{data.source}: PCA needs at least 2 rows of numbers; found {n}")
    mean, covariance = _exact_moments(points) or _float_moments(points)
    if not any(covariance[i, i] for i in range(points.shape[1])):
        raise ValueError(f"{data.source}: all {n:,} rows are the same point; nothing varies, so "
                         "there is no principal direction")
    axes = symmetric_axes(covariance)
    variances = [_variance(axis.exact if isinstance(axis.exact, QuadraticSurd) else axis.value)
                 for axis in axes]
    total = sum(_as_float(variance) for variance in variances)
    components = tuple(Component(variance, axis.direction, _as_float(variance) / total)
                       for variance, axis in zip(variances, axes))
    return PCA(data, mean, covariance, components)


def _exact_moments(points: np.ndarray) -> tuple[tuple, Matrix] | None:
    """The exact mean and covariance when every value is a whole number up to ``EXACT_LIMIT``:
    Σaₖ and Σaₖbₖ in 64-bit integers, then cov = (n Σab − Σa Σb) / (n (n − 1)) in fractions."""
    if np.abs(points).max() > EXACT_LIMIT or not np.array_equal(points, np.round(points)):
        return None
    whole = points.astype(np.int64)
    n, d = whole.shape
    sums = [int(s) for s in whole.sum(axis=0)]
    products = whole.T @ whole  # Σaₖbₖ for every pair of columns
    covariance = Matrix([[Fraction(n * int(products[i, j]) - sums[i] * sums[j], n * (n - 1))
                          for j in range(d)] for i in range(d)])
    return tuple(Fraction(s, n) for s in sums), covariance


def _float_moments(points: np.ndarray) -> tuple[tuple, Matrix]:
    mean = points.mean(axis=0)
    centred = points - mean
    covariance = centred.T @ centred / (len(points) - 1)
    return tuple(float(m) for m in mean), Matrix(covariance.tolist())


@dataclass(frozen=True)
class Projection:
    """Each point's shadow on the PC1 line through the mean, and the residual from it to the
    point: what dropping the other components loses."""

    shadows: np.ndarray
    residuals: np.ndarray

    @property
    def lost_variance(self) -> float:
        """Σ |residual|² / (n − 1): the variance left out, which is the sum of the other λ."""
        return float((self.residuals ** 2).sum() / (len(self.residuals) - 1))


def project_onto_first(pca: PCA) -> Projection:
    """x ↦ x̄ + ((x − x̄)·e₁) e₁, the nearest point of the PC1 line, and x minus it."""
    points = pca.data.points
    mean, first = pca.mean_array, pca.components[0].direction
    shadows = mean + np.outer((points - mean) @ first, first)
    return Projection(shadows, points - shadows)


def whiten(pca: PCA) -> np.ndarray:
    """The points in principal coordinates, each divided by its spread: z = Λ^(−½) Eᵀ (x − x̄).

    The whitened cloud has covariance I: round, of variance 1 in every direction. Impossible
    when the data do not spread along some component (λ = 0): dividing by 0.
    """
    largest = pca.components[0].spread
    for number, component in enumerate(pca.components, start=1):
        if component.spread <= largest * math.sqrt(FLAT):
            raise ValueError(f"cannot whiten: the data do not spread along PC{number} (λ = 0), "
                             "and whitening divides by √λ")
    spreads = np.array([c.spread for c in pca.components])
    return (pca.data.points - pca.mean_array) @ pca.directions / spreads
