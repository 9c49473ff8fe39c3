"""What the PCA view keeps in the lab's state: where the points come from, and whether whitening
is shown — and how that is written to, and read back from, a session file. Qt-free.

Generated points are Gaussian clusters of a chosen covariance; by default the covariance is
AAᵀ, the covariance of Az for standard normal z — the cloud the lab's matrix A makes of round
noise, so PCA finds A's left singular vectors and the eigenvalues of AAᵀ (σᵢ²).
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from kernels import Matrix, format_scalar

from ...session import SessionError, decode_scalar, encode_scalar, read_matrix
from .pca import Dataset, generate_clusters, parse_covariance, read_csv

SOURCES = ("generated", "csv")
MAX_CLUSTERS = 6
MAX_CLUSTER_POINTS = 100_000
MAX_SEED = 2 ** 31 - 1
_KEYS = {"source", "covariance", "centres", "count", "seed", "csv", "columns", "whiten"}


@dataclass(frozen=True)
class PcaSettings:
    """Generated clusters (``covariance`` None means AAᵀ; ``count`` points around each of
    ``centres``, drawn from ``seed``) or the CSV file ``csv_path`` (its ``columns``, or the
    first two numeric ones when empty); ``whiten`` ends the steps with whitening instead of
    the projection onto PC1."""

    source: str = "generated"
    covariance: Matrix | None = None
    centres: tuple = ((0, 0),)
    count: int = 500
    seed: int = 1
    csv_path: str = ""
    columns: tuple = ()
    whiten: bool = False

    @classmethod
    def default(cls, dimension: int) -> PcaSettings:
        return cls(centres=((Fraction(0),) * dimension,))

    def covariance_for(self, matrix: Matrix) -> Matrix:
        """The covariance the clusters are drawn with: the typed one, or AAᵀ."""
        return self.covariance if self.covariance is not None else matrix @ matrix.T

    def problem(self, dimension: int) -> str | None:
        """Why these settings cannot go with a ``dimension``×``dimension`` A, or None."""
        if self.source == "csv":
            return None if self.csv_path else "a CSV source needs a file"
        n = self.covariance.shape[0] if self.covariance is not None else dimension
        if any(len(centre) != n for centre in self.centres):
            return f"each cluster centre needs {n} coordinates, like the {n}×{n} covariance"
        return None


def generated_dataset(settings: PcaSettings, matrix: Matrix) -> Dataset:
    """The clusters the settings describe (the same seed gives the same points)."""
    return generate_clusters([[float(x) for x in centre] for centre in settings.centres],
                             settings.covariance_for(matrix), settings.count, settings.seed)


def csv_dataset(settings: PcaSettings) -> Dataset:
    """The CSV file's chosen columns (a CsvError or an UnreadableFile says why not)."""
    return read_csv(settings.csv_path, settings.columns or None)


# -- session section -----------------------------------------------------------------------------
def section_of(settings: PcaSettings) -> dict:
    covariance = settings.covariance
    return {
        "source": settings.source,
        "covariance": None if covariance is None else
        [[encode_scalar(x, "pca covariance entry") for x in row] for row in covariance.rows],
        "centres": [[encode_scalar(x, "pca centre") for x in centre] for centre in settings.centres],
        "count": settings.count,
        "seed": settings.seed,
        "csv": settings.csv_path,
        "columns": list(settings.columns),
        "whiten": settings.whiten,
    }


def _whole(raw, key: str, low: int, high: int) -> int:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
        raise SessionError(f"pca {key} must be a whole number from {low} to {high:,}")
    return value


def settings_from_section(raw) -> PcaSettings:
    """The settings a session object describes, checked whole, or one SessionError."""
    if not isinstance(raw, dict):
        raise SessionError("the pca settings must be an object")
    unknown = set(raw) - _KEYS
    if unknown:
        raise SessionError(f"the pca settings have unknown keys: {', '.join(sorted(unknown))}")
    default = PcaSettings()
    source = raw.get("source", default.source)
    if source not in SOURCES:
        raise SessionError(f"pca source must be one of {', '.join(SOURCES)}")
    covariance = None
    if raw.get("covariance") is not None:
        rows = raw["covariance"]
        n = len(rows) if isinstance(rows, list) else 0
        matrix = read_matrix(rows, n if n in (2, 3) else 2, "pca covariance")
        try:
            covariance = _checked_covariance(matrix)
        except ValueError as error:
            raise SessionError(f"pca covariance: {error}") from None
    centres_raw = raw.get("centres", [[0, 0]])
    if not isinstance(centres_raw, list) or not 1 <= len(centres_raw) <= MAX_CLUSTERS:
        raise SessionError(f"pca centres must be a list of 1 to {MAX_CLUSTERS} points")
    centres = []
    for number, centre in enumerate(centres_raw, start=1):
        if not isinstance(centre, list) or len(centre) not in (2, 3):
            raise SessionError(f"pca centre {number} must be a list of 2 or 3 numbers")
        centres.append(tuple(decode_scalar(x, f"pca centre {number}") for x in centre))
    csv_path = raw.get("csv", "")
    columns = raw.get("columns", [])
    if not isinstance(csv_path, str):
        raise SessionError("pca csv must be a file name (text)")
    if not isinstance(columns, list) or len(columns) not in (0, 2, 3) \
            or not all(isinstance(c, str) for c in columns):
        raise SessionError("pca columns must be a list of 2 or 3 column names (or empty)")
    whiten = raw.get("whiten", False)
    if not isinstance(whiten, bool):
        raise SessionError("pca whiten must be true or false")
    settings = PcaSettings(source, covariance, tuple(centres),
                           _whole(raw, "count", 1, MAX_CLUSTER_POINTS) if "count" in raw else default.count,
                           _whole(raw, "seed", 0, MAX_SEED) if "seed" in raw else default.seed,
                           csv_path, tuple(columns), whiten)
    if source == "generated" and covariance is not None:
        problem = settings.problem(covariance.shape[0])
        if problem:
            raise SessionError(f"pca: {problem}")
    if source == "csv" and not csv_path:
        raise SessionError("pca: a CSV source needs a file")
    return settings


def _checked_covariance(matrix: Matrix) -> Matrix:
    """The rules of :func:`~.pca.parse_covariance` (2×2 or 3×3, symmetric, no negative
    eigenvalue) for an exact matrix read from a file."""
    if not matrix.is_exact:
        raise ValueError("its entries must be exact (a typed covariance always is)")
    return parse_covariance(covariance_text(matrix))


def covariance_text(matrix: Matrix) -> str:
    """A matrix as the learner types it: ``4 2; 2 2``."""
    return "; ".join(" ".join(format_scalar(x) for x in row) for row in matrix.rows)
