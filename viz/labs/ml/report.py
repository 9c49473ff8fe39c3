"""The ML lab's facts as text (for a terminal), JSON (for programs) and LaTeX (for notes).

JSON keeps floats as numbers and exact values as strings beside them (``"U_exact"``,
``"covariance_exact"``), written so that ``linear-lens`` reads them back (``sqrt(5)/2 - 1/2``).
Text and LaTeX are for people: exact where short, a decimal otherwise.
"""

from __future__ import annotations

import math
from fractions import Fraction

import numpy as np

from kernels import format_scalar
from kernels.algebraic import AlgebraicNumber
from kernels.notation import scalar_text

from ...report import latex_matrix
from .descent import Quadratic, Run, Verdict, best_learning_rate, best_momentum
from .exact import READABLE_CHARS, exact_text
from .pca import EXACT_LIMIT, PCA
from .singular import SingularFacts

#: A run of at most this many steps is printed whole; a longer one by its first and last steps.
WHOLE_PATH_STEPS = 100
PATH_ENDS = 10
_SUB = str.maketrans("0123456789", "₀₁₂₃₄₅₆₇₈₉")


def _grid(cells: list[list[str]]) -> str:
    """Rows of text cells in aligned columns: ``[ 1  −1/2 ]``."""
    widths = [max(len(row[j]) for row in cells) for j in range(len(cells[0]))]
    return "\n".join("[ " + "  ".join(cell.rjust(width) for cell, width in zip(row, widths)) + " ]"
                     for row in cells)


def _float_text(x: float) -> str:
    return scalar_text(float(x) + 0.0)  # + 0.0: no −0


def _float_grid(matrix: np.ndarray) -> str:
    return _grid([[_float_text(x) for x in row] for row in matrix])


def _vector(values) -> str:
    return "(" + ", ".join(_float_text(x) for x in values) + ")"


def _floats(matrix: np.ndarray) -> list:
    return [[float(x) + 0.0 for x in row] for row in matrix]


def _json_float(x: float) -> float | None:
    """A float for JSON, which has no ∞ or NaN: those are ``null``."""
    return float(x) if math.isfinite(x) else None


# -- SVD ------------------------------------------------------------------------------------
def _square_text(square) -> str:
    """σ² (an eigenvalue of MᵀM) as text: exact, or the kernel's description of the root."""
    if isinstance(square, Fraction):
        return format_scalar(square)
    return square.text() if isinstance(square, AlgebraicNumber) else format_scalar(square, 17)


def svd_text(facts: SingularFacts) -> str:
    """σ, V, U, κ, the rank-1 approximation and the three stages, for a terminal."""
    n = len(facts.singular_values)
    names = " ".join(f"v{i}".translate(_SUB) for i in range(1, n + 1))
    lines = ["M", _grid([[scalar_text(x) for x in row] for row in facts.matrix.rows]), ""]
    for i, s in enumerate(facts.singular_values, 1):
        lines.append(f"σ{i}".translate(_SUB) + f" = {s.text()}")
        if s.exact is None and isinstance(s.square, AlgebraicNumber):  # exact, but no closed form
            lines.append(f"   σ{i}² ".translate(_SUB) + s.square.text().replace("≈", "≈ ", 1))
    lines += ["", f"V: the right singular vectors {names} as columns (M vᵢ = σᵢ uᵢ)",
              _exact_or_float_grid(facts.V_exact, facts.V),
              f"U: the left singular vectors {names.replace('v', 'u')} as columns",
              _exact_or_float_grid(facts.U_exact, facts.U), "",
              f"rank {facts.rank}", facts.condition_sentence, "",
              "best rank-1 approximation σ₁u₁v₁ᵀ (keep σ₁ only)",
              _grid([[scalar_text(x) for x in row] for row in facts.rank_one.rows]),
              f"its error ‖M − σ₁u₁v₁ᵀ‖ = σ₂ = {facts.rank_one_error.text()} (the largest stretch "
              "of the difference)", "", "M = U Σ Vᵀ, read from the right:"]
    lines += [f"  {i}. {stage.name}: {stage.action}" for i, stage in enumerate(facts.stages, 1)]
    return "\n".join(lines)


def _exact_or_float_grid(exact_rows, matrix: np.ndarray) -> str:
    if exact_rows is None:
        return _float_grid(matrix)
    return _grid([[radical.text() for radical in row] for row in exact_rows])


def svd_dict(facts: SingularFacts) -> dict:
    """JSON-ready SVD facts: floats as numbers, exact forms as strings (or ``null``)."""
    def exact_rows(rows):
        return None if rows is None else [[radical.ascii() for radical in row] for row in rows]

    return {
        "matrix": [[format_scalar(x) for x in row] for row in facts.matrix.rows],
        "singular_values": [{"value": s.value, "exact": s.exact.ascii() if s.exact is not None else None,
                             "square": _square_text(s.square)} for s in facts.singular_values],
        "U": _floats(facts.U), "V": _floats(facts.V),
        "U_exact": exact_rows(facts.U_exact), "V_exact": exact_rows(facts.V_exact),
        "rank": facts.rank,
        "condition_number": _json_float(facts.condition_number),
        "condition_number_exact": facts.condition_exact.ascii() if facts.condition_exact else None,
        "condition_meaning": facts.condition_sentence,
        "rank_one": [[format_scalar(x) for x in row] for row in facts.rank_one.rows],
        "rank_one_error": facts.rank_one_error.value,
        "stages": [{"name": stage.name, "matrix": _floats(stage.matrix), "action": stage.action}
                   for stage in facts.stages],
    }


def _latex_number(exact, value: float) -> str:
    """An exact number in LaTeX, or its decimal when there is none or it is too long to read."""
    decimal = _float_text(value).replace("−", "-")
    if exact is None:
        return decimal
    return exact.latex() if len(exact.text()) <= READABLE_CHARS else rf"\approx {decimal}"


def _latex_grid(exact_rows, matrix: np.ndarray) -> str:
    if exact_rows is None:
        rows = [[_float_text(x).replace("−", "-") for x in row] for row in matrix]
    else:
        rows = [[radical.latex() for radical in row] for row in exact_rows]
    return r"\begin{bmatrix} " + r" \\ ".join(" & ".join(row) for row in rows) + r" \end{bmatrix}"


def svd_latex(facts: SingularFacts) -> str:
    """The SVD as display-maths lines for notes."""
    lines = [f"M = {latex_matrix(facts.matrix)}"]
    lines += [f"\\sigma_{i} = {_latex_number(s.exact, s.value)}"
              for i, s in enumerate(facts.singular_values, 1)]
    lines += [f"U = {_latex_grid(facts.U_exact, facts.U)}", f"V = {_latex_grid(facts.V_exact, facts.V)}"]
    if math.isinf(facts.condition_number):
        lines.append(r"\kappa = \infty")
    else:
        last = len(facts.singular_values)
        lines.append(f"\\kappa = \\sigma_1 / \\sigma_{last} = "
                     f"{_latex_number(facts.condition_exact, facts.condition_number)}")
    lines.append(f"\\sigma_1 u_1 v_1^T = {latex_matrix(facts.rank_one)}")
    return "\n".join(f"$${line}$$" for line in lines)


# -- PCA ------------------------------------------------------------------------------------
def pca_text(pca: PCA) -> str:
    """What was read, the mean, the covariance, and each principal component."""
    exactly = (f"exact: every value is a whole number up to {EXACT_LIMIT:,}" if pca.exact
               else "decimals")
    lines = [pca.data.notice(), "",
             f"mean        ({', '.join(_mean_text(m) for m in pca.mean)})",
             f"covariance  (sample: divided by n − 1; {exactly})",
             _grid([[scalar_text(x) for x in row] for row in pca.covariance.rows]), ""]
    for number, component in enumerate(pca.components, start=1):
        lines += [f"PC{number}  λ = {component.text()}, {component.ratio:.1%} of the variance",
                  f"     direction {_vector(component.direction)}, axis √λ·direction "
                  f"{_vector(component.axis)}"]
    return "\n".join(lines)


def _mean_text(mean) -> str:
    return exact_text(mean if isinstance(mean, Fraction) else None, float(mean))


def pca_dict(pca: PCA) -> dict:
    """JSON-ready PCA: floats as numbers; the exact mean and covariance as strings when exact."""
    return {
        "source": pca.data.source,
        "columns": list(pca.data.names),
        "rows": len(pca.data.points),
        "skipped_rows": pca.data.skipped,
        "first_skipped_line": pca.data.first_skipped_line,
        "mean": [float(m) for m in pca.mean],
        "mean_exact": [format_scalar(m) for m in pca.mean] if pca.exact else None,
        "covariance": [[float(x) for x in row] for row in pca.covariance.rows],
        "covariance_exact": ([[format_scalar(x) for x in row] for row in pca.covariance.rows]
                             if pca.exact else None),
        "eigenvalues": [float(c.spread ** 2) for c in pca.components],
        "eigenvalues_exact": [c.text() for c in pca.components] if pca.exact else None,
        "directions": [[float(x) for x in c.direction] for c in pca.components],
        "axes": [[float(x) for x in c.axis] for c in pca.components],
        "explained_ratios": [c.ratio for c in pca.components],
    }


# -- gradient descent -----------------------------------------------------------------------
def shown_steps(count: int) -> list[int]:
    """The steps a report prints: all of a short run, else the first and the last ones.

    >>> shown_steps(3), shown_steps(205)[8:12]
    ([0, 1, 2], [8, 9, 195, 196])
    """
    if count <= WHOLE_PATH_STEPS + 1:
        return list(range(count))
    return list(range(PATH_ENDS)) + list(range(count - PATH_ENDS, count))


def _best_text(q: Quadratic) -> list[str]:
    if not q.is_positive_definite:
        return []
    alpha, rate = best_learning_rate(q)
    m_alpha, m_beta, m_rate = best_momentum(q)
    return [f"best α      2/(λ₁ + λₙ) = {exact_text(alpha if isinstance(alpha, Fraction) else None, alpha)}, "
            f"rate (κ − 1)/(κ + 1) = {float(rate):.6g}",
            f"best heavy ball  α = {m_alpha:.6g}, β = {m_beta:.6g}, rate (√κ − 1)/(√κ + 1) = {m_rate:.6g}"]


def gd_text(q: Quadratic, learning_rate, momentum, run: Run, result: Verdict) -> str:
    """The quadratic, the verdict, predicted and observed rates, and the path (or its ends)."""
    lines = ["f(x) = ½ xᵀA x − bᵀx, A = (M + Mᵀ)/2 =",
             _grid([[scalar_text(x) for x in row] for row in q.A.rows]),
             f"b = ({', '.join(scalar_text(x) for x in q.b)})", "",
             f"shape       {q.shape_sentence()}",
             f"settings    α = {scalar_text(learning_rate)}, β = {scalar_text(momentum)}",
             f"verdict     {result.sentence}"]
    lines += [f"            {direction}" for direction in result.directions]
    observed = run.observed_rate
    lines.append(f"rate        predicted {result.rate:.6g} per step, observed "
                 + (f"{observed:.6g}" if observed is not None else "— (no minimiser to measure from)"))
    lines += _best_text(q)
    steps = len(run.path) - 1
    lines += ["", f"path ({steps} steps)" + ("" if steps <= WHOLE_PATH_STEPS else ", first and last")]
    previous = None
    for k in shown_steps(len(run.path)):
        if previous is not None and k != previous + 1:
            lines.append("      …")
        lines.append(f"{k:>6}  {_vector(run.path[k])}  f = {_float_text(run.losses[k])}")
        previous = k
    if run.diverged_at is not None:
        lines.append(f"diverged: at step {run.diverged_at} f left the float range (about 1.8e308)")
    lines.append(f"final loss  f = {_float_text(run.losses[-1])}")
    return "\n".join(lines)


def gd_dict(q: Quadratic, learning_rate, momentum, run: Run, result: Verdict) -> dict:
    """JSON-ready gradient descent: the verdict, the rates, and the path (its ends when long)."""
    best = None
    if q.is_positive_definite:
        alpha, rate = best_learning_rate(q)
        m_alpha, m_beta, m_rate = best_momentum(q)
        best = {"learning_rate": float(alpha), "rate": float(rate),
                "momentum": {"learning_rate": m_alpha, "momentum": m_beta, "rate": m_rate}}
    return {
        "A": [[format_scalar(x) for x in row] for row in q.A.rows],
        "b": [format_scalar(x) for x in q.b],
        "eigenvalues": [float(v) for v in q.eigenvalues],
        "shape": q.shape,
        "shape_sentence": q.shape_sentence(),
        "learning_rate": format_scalar(learning_rate),
        "momentum": format_scalar(momentum),
        "converges": result.converges,
        "verdict": result.sentence,
        "directions": list(result.directions),
        "predicted_rate": result.rate,
        "observed_rate": run.observed_rate,
        "best": best,
        "steps": len(run.path) - 1,
        "path_complete": len(run.path) <= WHOLE_PATH_STEPS + 1,
        "path": [{"step": k, "x": [float(x) for x in run.path[k]], "loss": float(run.losses[k])}
                 for k in shown_steps(len(run.path))],
        "diverged_at": run.diverged_at,
        "final_loss": float(run.losses[-1]),
    }

