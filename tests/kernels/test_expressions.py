"""Reading numbers, matrices and matrix expressions: example tables, limits, and a fuzz test."""

import ast
import inspect
import math
import sys
import time
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kernels.expressions as expressions
from kernels.errors import ExpressionError
from kernels.expressions import (
    MAX_DEPTH,
    MAX_MULTIPLICATIONS,
    MAX_TEXT_LENGTH,
    evaluate,
    parse_matrix,
    parse_scalar,
    tokenize,
)
from kernels.matrix import Matrix

F = Fraction
SQRT2 = math.sqrt(2)

# text → expected value. A Fraction means "exactly this, as a Fraction"; a float means
# "a float, this close".
SCALAR_EXAMPLES = {
    # numbers as typed stay exact
    "7": F(7), "-0.5": F(-1, 2), ".5": F(1, 2), "1.": F(1), "2.5e-3": F(1, 400), "1e3": F(1000),
    "1E+2": F(100), "1/3": F(1, 3), "0.1 + 0.2": F(3, 10), "1e300 / 1e299": F(10),
    # operators and precedence
    "1 + 2*3": F(7), "(1 + 2)*3": F(9), "7 - 2 - 1": F(4), "8 / 4 / 2": F(1), "-2^2": F(-4),
    "(-2)^2": F(4), "2^3^2": F(512), "2**3": F(8), "2^-1": F(1, 2), "2^-2^2": F(1, 16),
    "--1": F(1), "+-+1": F(-1), "2*-3": F(-6), "2^{10}": F(1024), "{1 + 1}(3)": F(6),
    # implicit multiplication binds like *, so 1/2pi is π/2
    "3(4)": F(12), "(1)(2)": F(2), "2pi": 2 * math.pi, "2 pi": 2 * math.pi, "1/2pi": math.pi / 2,
    "2sqrt(2)": 2 * SQRT2, "2e": 2 * math.e, "pi pi": math.pi ** 2,
    # Unicode operators a learner may paste
    "1 − 2 × 3 ÷ 4": F(-1, 2), "2·3": F(6), "2⋅3": F(6), "π": math.pi,
    # constants and functions: exact when the answer is rational
    "pi": math.pi, "tau/2": math.pi, "e": math.e, "sqrt(4)": F(2), "sqrt(9/4)": F(3, 2),
    "sqrt(2)": SQRT2, "sqrt(2)/2": SQRT2 / 2, "sqrt(1e400)": F(10) ** 200, "cbrt(-8)": F(-2),
    "cbrt(2)": 2 ** (1 / 3), "8^(1/3)": F(2), "4^(3/2)": F(8), "4^0.5": F(2),
    "2^(1/2)": SQRT2, "abs(-3/4)": F(3, 4), "abs(-pi)": math.pi, "exp(0)": F(1),
    "exp(1)": math.e, "ln(1)": F(0), "log(e)": 1.0, "asin(0)": F(0), "acos(1)": F(0),
    "atan(1)": math.pi / 4, "0^0": F(1), "(-1)^1001": F(-1), "1^(10^100)": F(1),
    # trigonometry at the standard angles is exact where the value is rational (Niven)
    "cos(0)": F(1), "sin(0)": F(0), "sin(pi)": F(0), "cos(pi)": F(-1), "sin(pi/6)": F(1, 2),
    "cos(pi/3)": F(1, 2), "cos(60deg)": F(1, 2), "sin(30°)": F(1, 2), "sin(-30deg)": F(-1, 2),
    "sin(150deg)": F(1, 2), "cos(2pi/3)": F(-1, 2), "sin(3pi/2)": F(-1), "cos(-7pi)": F(-1),
    "tan(45deg)": F(1), "tan(135deg)": F(-1), "tan(pi)": F(0), "sin(390deg)": F(1, 2),
    "cos(45deg)": SQRT2 / 2, "sin(60deg)": math.sqrt(3) / 2, "30deg": math.pi / 6,
    "(1/2)deg": math.pi / 360, "3 deg": math.pi / 60, "sin(1)": math.sin(1),
    # tiny results are fine; floats underflow to 0 like any float
    "1e-2000": 0.0, "(1/2)^100000": 0.0,
}


@pytest.mark.parametrize("text, expected", SCALAR_EXAMPLES.items())
def test_parse_scalar_examples(text, expected):
    result = parse_scalar(text)
    assert type(result) is type(expected)
    if isinstance(expected, Fraction):
        assert result == expected
    else:
        assert result == pytest.approx(expected, rel=1e-12, abs=1e-300)


# text → (start of the reason, 0-based position)
SCALAR_ERRORS = {
    "": ("empty expression", 0),
    "   ": ("empty expression", 0),
    "x": ("unknown name 'x'", 0),
    "1 + y": ("unknown name 'y'", 4),
    "τ": ("unexpected character 'τ'", 0),
    "1 + )": ("unexpected ')'", 4),
    "1+2)": ("unexpected ')'", 3),
    "()": ("unexpected ')'", 1),
    "(1 + 2": ("missing ')'", 6),
    "sqrt(2": ("missing ')'", 6),
    "{1)": ("missing '}'", 2),
    "1 +": ("something must follow '+'", 3),
    "2 3": ("missing operator before '3'", 2),
    "1.2.3": ("missing operator before '.3'", 3),
    "1 $ 2": ("unexpected character '$'", 2),
    "1, 2": ("unexpected ','", 1),
    "sqrt 2": ("sqrt needs parentheses", 5),
    "deg": ("'deg' must follow a number", 0),
    "1/0": ("division by zero", 1),
    "0/0": ("division by zero", 1),
    "1/(1 - 1)": ("division by zero", 1),
    "0^-1": ("division by zero", 1),
    "sqrt(-1)": ("sqrt of a negative number (-1): this cell needs a real number", 0),
    "2 + sqrt(-1/4)": ("sqrt of a negative number (-1/4)", 4),
    "(-8)^(1/3)": ("(-8)^(1/3): a negative number to a fractional power", 4),
    "ln(0)": ("ln of 0", 0),
    "asin(2)": ("asin of 2", 0),
    "tan(90deg)": ("tan is undefined", 0),
    "tan(pi/2)": ("tan is undefined", 0),
    "1e999": ("number too large", 0),
    "1e999999": ("number too large", 0),
    "-1e999999": ("number too large", 1),
    "9^9^9^9": ("number too large", 3),
    "10^10^10": ("number too large", 2),
    "2^10000": ("number too large", 1),
    "exp(1000)": ("number too large", 0),
    "exp(710) - exp(710)": ("number too large", 0),
    "1/(1e-400)": ("number too large", 0),
    "cos(1e400)": ("number too large", 0),
    "A": ("unknown name 'A'", 0),
    "rot(90)": ("unknown name 'rot'", 0),
}


@pytest.mark.parametrize("text, expected", SCALAR_ERRORS.items())
def test_parse_scalar_errors(text, expected):
    reason, position = expected
    with pytest.raises(ExpressionError) as caught:
        parse_scalar(text)
    assert caught.value.reason.startswith(reason)
    assert caught.value.position == position


def test_tokens_remember_their_position_and_the_space_before_them():
    tokens = tokenize("1  -2\n3")
    assert [(t.text, t.position, t.gap) for t in tokens] == [
        ("1", 0, ""), ("-", 3, "  "), ("2", 4, ""), ("3", 6, "\n"), ("", 7, "")]


# -- limits: every input gives a finite number or an ExpressionError, quickly ------------------

def raises_quickly(function, text, reason):
    start = time.perf_counter()
    with pytest.raises(ExpressionError) as caught:
        function(text)
    assert time.perf_counter() - start < 0.5
    assert reason in caught.value.reason
    return caught.value


@pytest.mark.parametrize("function", [parse_scalar, parse_matrix, evaluate])
def test_text_longer_than_the_limit_is_refused_before_reading(function):
    raises_quickly(function, "1+" * 50_000, "text too long")      # a 100 000-character input
    raises_quickly(function, "(" * 10_000 + "1" + ")" * 10_000, "text too long")


@pytest.mark.parametrize("function", [parse_scalar, parse_matrix, evaluate])
def test_deep_nesting_is_an_error_not_a_recursion_error(function):
    levels = (MAX_TEXT_LENGTH - 1) // 2
    error = raises_quickly(function, "(" * levels + "1" + ")" * levels, "too deeply nested")
    assert error.position == MAX_DEPTH  # the first bracket too many
    raises_quickly(function, "-" * (MAX_TEXT_LENGTH - 1) + "1", "too deeply nested")
    raises_quickly(function, "2^" * (MAX_TEXT_LENGTH // 2 - 1) + "1", "too deeply nested")


DEEPEST = {  # (function, text, what it must give: a value, or the start of its error message)
    "functions": (parse_scalar, "sqrt(" * (MAX_DEPTH - 1) + "1" + ")" * (MAX_DEPTH - 1), Fraction(1)),
    "brackets": (parse_scalar, "(" * (MAX_DEPTH + 50) + "1" + ")" * (MAX_DEPTH + 50), "too deeply nested"),
    "entry": (parse_matrix, "[[" + "(" * (MAX_DEPTH - 2) + "1" + ")" * (MAX_DEPTH - 2) + "]]", Matrix([[1]])),
    "rotations": (evaluate, "rot(" * (MAX_DEPTH - 1) + "1" + ")" * (MAX_DEPTH - 1), "rot needs a number"),
    "literals": (evaluate, "[1 " * (MAX_DEPTH // 2) + "]" * (MAX_DEPTH // 2),
                 "a matrix entry must be a number"),
}


@pytest.mark.parametrize("function, text, expected", DEEPEST.values(), ids=DEEPEST.keys())
def test_the_deepest_nesting_needs_fewer_than_600_stack_frames(function, text, expected):
    """Within 600 stack frames the parser gives the right value, or its own clear error —
    never a RecursionError, and never a swallowed wrong answer."""
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 600)
    try:
        if isinstance(expected, str):
            with pytest.raises(ExpressionError) as error:
                function(text)
            assert str(error.value).startswith(expected)
        else:
            assert function(text) == expected
    finally:
        sys.setrecursionlimit(limit)


def test_nesting_up_to_the_limit_works():
    levels = MAX_DEPTH - 1
    assert parse_scalar("(" * levels + "1" + ")" * levels) == 1
    assert parse_scalar("-" * levels + "1") == (-1) ** levels


@pytest.mark.parametrize("text", ["9^9^9^9", "10^10^10", "1e999999", "2^2^2^2^2^2",
                                  "(9^999)^(9^999)", "9^999 * 9^999 * 9^999 * 9^999",
                                  "(1 + 1e-999)^(10^999)"])
def test_huge_powers_fail_fast(text):
    raises_quickly(parse_scalar, text, "number too large")


@pytest.mark.parametrize("text", ["2^9999 / 2^9998", "(3^2000)^(1/2) / 3^1000", "1e-999 * 1e999"])
def test_big_exact_intermediates_are_fine_when_the_result_fits(text):
    start = time.perf_counter()
    assert type(parse_scalar(text)) is Fraction
    assert time.perf_counter() - start < 0.5


def test_the_module_never_calls_eval_exec_or_compile():
    tree = ast.parse(Path(expressions.__file__).read_text(encoding="utf-8"))
    called = {node.func.id for node in ast.walk(tree)
              if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)}
    assert not called & {"eval", "exec", "compile", "__import__"}


# -- parse_matrix ------------------------------------------------------------------------------

M22 = Matrix([[1, 2], [3, 4]])
MATRIX_EXAMPLES = {
    "1 2; 3 4": M22,
    "1, 2; 3, 4": M22,
    "1,2;3,4": M22,
    "[1, 2], [3, 4]": M22,
    "[1 2] [3 4]": M22,
    "[1 2; 3 4]": M22,
    "[[1, 2], [3, 4]]": M22,
    "[[1, 2], [3, 4],]": M22,
    "1 2\n3 4": M22,
    "\n  1 2\n\n  3 4\n": M22,
    "1 2\r\n3 4;": M22,
    "[[1. 2.]\n [3. 4.]]": M22,
    "array([[1, 2],\n       [3, 4]])": M22,
    "array([[1., 2.],\n       [3., 4.]], dtype=float32)": M22,
    "1 2 3": Matrix([[1, 2, 3]]),
    "[1, 2, 3]": Matrix([[1, 2, 3]]),
    "1; 2; 3": Matrix([[1], [2], [3]]),
    "7": Matrix([[7]]),
    # the space rule: a space separates entries, unless a sign has spaces on both sides
    "1 -2": Matrix([[1, -2]]),
    "1 - 2": Matrix([[-1]]),
    "1- 2": Matrix([[-1]]),
    "1 -2 3 - 4": Matrix([[1, -2, -1]]),
    "(1 -2) 3": Matrix([[-1, 3]]),
    "2 pi": Matrix([[2, math.pi]]),
    "2pi": Matrix([[2 * math.pi]]),
    "1 (2)": Matrix([[1, 2]]),
    "2 * 3 4 / 2": Matrix([[6, 2]]),
    "1 2\n-3 4": Matrix([[1, 2], [-3, 4]]),
    "sqrt(2)/2 -1/2; 1/2 sqrt(2)/2": Matrix([[SQRT2 / 2, F(-1, 2)], [F(1, 2), SQRT2 / 2]]),
    "cos(60deg) -sin(60deg); sin(60deg) cos(60deg)": Matrix(
        [[F(1, 2), -math.sqrt(3) / 2], [math.sqrt(3) / 2, F(1, 2)]]),
    "1/3 0.25": Matrix([[F(1, 3), F(1, 4)]]),
}


@pytest.mark.parametrize("text, expected", MATRIX_EXAMPLES.items())
def test_parse_matrix_formats(text, expected):
    result = parse_matrix(text)
    assert result.shape == expected.shape
    for got, want in zip(sum(result.rows, ()), sum(expected.rows, ())):
        assert type(got) is type(want)
        assert got == pytest.approx(want, rel=1e-12)


NUMPY_ARRAYS = [
    np.array([[1, 2], [3, 4]]),
    np.array([[1.0, -2.5], [3.25, 4e-5]]),
    np.array([[1e10, -1e-10], [0.0, 1.0]]),
    np.array([[0.1, 0.2, 0.3]]),
    np.array([1, -2, 3]),
    np.arange(30).reshape(2, 15) * 1.5,    # long rows wrap onto several lines
    np.eye(3, dtype=np.float32),
    np.array([[-1, 2], [3, -4]], dtype=np.int8),
]


@pytest.mark.parametrize("array", NUMPY_ARRAYS, ids=lambda a: f"{a.dtype}{a.shape}")
@pytest.mark.parametrize("printer", [repr, str])
def test_parse_matrix_reads_numpy_printouts(array, printer):
    result = parse_matrix(printer(array))
    expected = np.atleast_2d(array).astype(float)
    assert result.shape == expected.shape
    assert np.allclose(np.array(result.to_floats()), expected, rtol=1e-6)


MATRIX_ERRORS = {
    "": ("a matrix needs at least one entry", 0),
    "[]": ("a matrix needs at least one entry", 0),
    "1 2; 3 4 5": ("row 2 has 3 entries, row 1 has 2", 5),
    "1 2\n3": ("row 2 has 1 entry, row 1 has 2", 4),
    "[1, 2], [3]": ("row 2 has 1 entry, row 1 has 2", 9),
    "1,,2": ("missing entry before ','", 2),
    "1, 2,": ("missing entry after ','", 4),
    "1 2)": ("unexpected ')'", 3),
    "[1 2": ("missing ']'", 4),
    "[[1, 2], [3, 4]": ("missing ']'", 15),
    "array([[1, 2]]": ("missing ')'", 14),
    "[[[1]]]": ("too many brackets", 2),
    "1 x": ("unknown name 'x'", 2),
    "1 sqrt(-4)": ("sqrt of a negative number (-4)", 2),
    "1 1e999": ("number too large", 2),
    "1 1/0": ("division by zero", 3),
    "[1 [2]]": ("unexpected '['", 3),
    "nan 1": ("unknown name 'nan'", 0),
}


@pytest.mark.parametrize("text, expected", MATRIX_ERRORS.items())
def test_parse_matrix_errors(text, expected):
    reason, position = expected
    with pytest.raises(ExpressionError) as caught:
        parse_matrix(text)
    assert caught.value.reason.startswith(reason)
    assert caught.value.position == position


# -- evaluate ----------------------------------------------------------------------------------

NAMES = {
    "A": Matrix([[1, 2], [3, 4]]),
    "B": Matrix([[0, 1], [1, 0]]),
    "C": Matrix([[1, 2, 3], [4, 5, 6]]),
    "S": Matrix([[1, 2], [2, 4]]),   # singular: column 2 = 2·column 1
    "R": Matrix([[0.5, 0.5], [0.5, 0.5]]),
}
A, B, C = NAMES["A"], NAMES["B"], NAMES["C"]
A_INVERSE = Matrix([[-2, 1], [F(3, 2), F(-1, 2)]])

EVALUATE_EXAMPLES = {
    "A": A, "AB": A @ B, "A B": A @ B, "A*B": A @ B, "A @ B": A @ B, "BA": B @ A,
    "2A": 2 * A, "0.5A": A * F(1, 2), "A/2": A * F(1, 2), "-A": -A, "A + B - A": B,
    "A^T": A.T, "A^{T}": A.T, "C^T": C.T, "A^T^T": A, "(AB)^T": B.T @ A.T, "A B^T": A @ B.T,
    "-A^T": -A.T, "A^2": A @ A, "A^{3}": A @ A @ A, "A^0": Matrix.identity(2),
    "2A^{2}B": 2 * (A @ A) @ B, "AC": A @ C,
    "A^{-1}": A_INVERSE, "A^-1": A_INVERSE, "A^-2": A_INVERSE @ A_INVERSE,
    "(AB)^{-1}": (A @ B) ** -1, "A^{-1}A": Matrix.identity(2),
    "A + I": A + Matrix.identity(2), "A - 2I": A - 2 * Matrix.identity(2),
    "AI": A, "IA": A, "CI": C, "IC": C, "I A I": A, "(I + I)A": 2 * A, "I^T A": A,
    "(2I)^{-1} A": A * F(1, 2), "3I + A - I": A + 2 * Matrix.identity(2),
    "[1 2; 3 4]": A, "[[1, 2], [3, 4]]": A, "[1 2][3; 4]": Matrix([[11]]),
    "[1 -2] [1; 1]": Matrix([[-1]]), "A [1; 0]": Matrix([[1], [3]]),
    "rot(90)": Matrix([[0, -1], [1, 0]]), "rot(180)": -Matrix.identity(2),
    "rot(-90) rot(90)": Matrix.identity(2), "rot(90)^4": Matrix.identity(2),
    "rot(60)^6": Matrix.identity(2),
    "2 + 3": F(5), "2^10": F(1024), "sqrt(2)": SQRT2, "cos(60deg)": F(1, 2),
    "R^1000000": NAMES["R"],
}


@pytest.mark.parametrize("text, expected", EVALUATE_EXAMPLES.items())
def test_evaluate_examples(text, expected):
    result = evaluate(text, NAMES)
    assert type(result) is type(expected)
    if isinstance(expected, Matrix):
        assert result.shape == expected.shape
        assert np.allclose(np.array(result.to_floats()), np.array(expected.to_floats()))
    else:
        assert result == pytest.approx(expected)


@pytest.mark.parametrize("text", ["A^{-1}", "(AB)^{-1} + I", "rot(270) A", "0.1A^T", "[1/3 0; 0 1]^-3"])
def test_evaluate_is_exact_for_exact_input(text):
    assert evaluate(text, NAMES).is_exact


def test_evaluate_exact_values():
    assert evaluate("A^{-1}", NAMES) == A_INVERSE
    assert evaluate("rot(270)", NAMES) == Matrix([[0, 1], [-1, 0]])
    assert evaluate("[1/3 0; 0 1]^-3", NAMES) == Matrix([[27, 0], [0, 1]])


def test_a_lone_identity_takes_identity_size():
    assert evaluate("I", identity_size=3) == Matrix.identity(3)
    assert evaluate("2I^{-1}", identity_size=2) == 2 * Matrix.identity(2)
    with pytest.raises(ExpressionError, match="I needs a size"):
        evaluate("I + I")


# lintrans's notation (issue 12): scalars inside a product, and a transpose after a power.
# Each form must give the same matrix as the same expression written out with * and brackets.
LINTRANS_NAMES = {name: Matrix([[1 + k, F(1, 2)], [-1, 2 - k]]) for k, name in enumerate("ABCDFM")}
LINTRANS_FORMS = {
    "A^{2}3.4B": "A^2 * 3.4 * B",
    "3A4B": "3 * A * 4 * B",
    "2A^{3}4B^5": "2 * A^3 * 4 * B^5",
    "8.36A^T3.4B^12": "8.36 * (A^T) * 3.4 * B^12",
    "3.5A^{4}5.6rot(19.2)^T-B^{-1}4.1C^5": "3.5 * A^4 * 5.6 * (rot(19.2)^T) - (B^{-1}) * 4.1 * C^5",
    "-3.4(9D^{2}3F^-1)^T+C": "-3.4 * ((9 * D^2 * 3 * F^{-1})^T) + C",
    "3A^2(M-B^T)^{-1}18([13.2 -6.4; -11 0.2]+F)^2":
        "3 * A^2 * ((M - B^T)^{-1}) * 18 * (([13.2, -6.4; -11, 0.2] + F)^2)",
    "A^{-1}^T": "(A^{-1})^T",            # once refused, while A^T^{-1} worked
    "A^T^{-1}": "(A^T)^{-1}",
    "A^{2}^T": "(A^2)^T",
    "A^-1^T": "(A^{-1})^T",
}


@pytest.mark.parametrize("form", LINTRANS_FORMS)
def test_lintrans_forms_mean_what_they_mean_in_lintrans(form):
    ours, written_out = evaluate(form, LINTRANS_NAMES), evaluate(LINTRANS_FORMS[form], LINTRANS_NAMES)
    if written_out.is_exact:
        assert ours == written_out
    else:
        assert np.allclose(np.array(ours.to_floats()), np.array(written_out.to_floats()), rtol=1e-12)


def test_a_transpose_after_a_power_is_of_the_power():
    assert evaluate("A^{-1}^T", NAMES) == A_INVERSE.T == evaluate("A^T^{-1}", NAMES)


OVERFLOWS = ["1e308pi", "2e308", "1e308 * 10", "6e307pi", "-1e308pi", "(1e308)pi", "10^309", "1e200^2"]
ENTRY_POINTS = {"parse_scalar": parse_scalar, "evaluate": lambda text: evaluate(text, {}),
                "parse_matrix": parse_matrix, "parse_matrix [..]": lambda text: parse_matrix(f"[{text} 1]"),
                "evaluate [..]": lambda text: evaluate(f"[{text}; 1]", {})}


@pytest.mark.parametrize("text", OVERFLOWS)
@pytest.mark.parametrize("entry", ENTRY_POINTS.values(), ids=ENTRY_POINTS.keys())
def test_overflow_is_an_expression_error_from_every_entry_point(entry, text):
    """Issue 12: ``1e308pi`` gave inf from parse_scalar, and a NonFiniteError from parse_matrix."""
    with pytest.raises(ExpressionError, match="too large"):
        entry(text)


EVALUATE_ERRORS = {
    "X": ("X is not defined", 0),
    "A + X": ("X is not defined", 4),
    "x": ("unknown name 'x'", 0),
    "A + C": ("cannot add a 2×2 and a 2×3 matrix", 2),
    "A - C": ("cannot subtract a 2×2 and a 2×3 matrix", 2),
    "CA": ("cannot multiply a 2×3 by a 2×2 matrix", 1),
    "C * A": ("cannot multiply a 2×3 by a 2×2 matrix", 2),
    "[1 2][3 4]": ("cannot multiply a 1×2 by a 1×2 matrix", 5),
    "C^2": ("a matrix power needs a square matrix, but this one is 2×3", 1),
    "C + I": ("adding I needs a square matrix, but this one is 2×3", 2),
    "S^{-1}": ("S is singular (det = 0), so S^{-1} does not exist", 1),
    "A + S^-1": ("S is singular (det = 0), so S^{-1} does not exist", 5),
    "(A - A)^{-1}": ("(A - A) is singular (det = 0), so (A - A)^{-1} does not exist", 7),
    "[1 2; 2 4]^-1": ("[1 2; 2 4] is singular", 10),
    "(0I)^{-1} A": ("(0I) is singular", 4),
    "A + 1": ("cannot add a number and a matrix", 2),
    "1/A": ("cannot divide by a matrix", 1),
    "A/0": ("division by zero", 1),
    "A^A": ("an exponent must be a number, not a matrix", 1),
    "2^A": ("an exponent must be a number, not a matrix", 1),
    "A^0.5": ("a matrix power needs a whole number", 1),
    "A^(10^7)": ("matrix powers are limited", 1),
    "2^T": ("^T (transpose) needs a matrix", 1),
    "sqrt(A)": ("sqrt needs a number, not a matrix", 0),
    "A deg": ("'deg' needs a number, not a matrix", 2),
    "[1 A]": ("a matrix entry must be a number, not a matrix", 3),
    "[1 2; 3]": ("row 2 has 1 entry, row 1 has 2", 6),
    "rot(pi/2)": ("rot takes degrees", 0),
    "(A": ("missing ')'", 2),
    "A)": ("unexpected ')'", 1),
    "A +": ("something must follow '+'", 3),
    "A 2": ("missing operator before '2'", 2),  # with a space: 3A4B is lintrans's, A 2 a slip
    "2 3A": ("missing operator before '3'", 2),
    "I": ("I needs a size", 0),
    "A^1000": ("number too large", 0),
    "A^-1000000": ("number too large", 1),
}


@pytest.mark.parametrize("text, expected", EVALUATE_ERRORS.items())
def test_evaluate_errors(text, expected):
    reason, position = expected
    with pytest.raises(ExpressionError) as caught:
        evaluate(text, NAMES)
    assert caught.value.reason.startswith(reason)
    assert caught.value.position == position


def test_matrix_arithmetic_has_a_budget():
    big = Matrix([[1] * 30 for _ in range(30)])   # each product costs 30³ = 27 000
    assert 3 * 30 ** 3 <= MAX_MULTIPLICATIONS < 4 * 30 ** 3
    assert evaluate("M M M M", {"M": big})[0, 0] == 30 ** 3
    start = time.perf_counter()
    with pytest.raises(ExpressionError, match="too much computation") as caught:
        evaluate("M M M M M", {"M": big})
    assert time.perf_counter() - start < 0.5
    assert caught.value.position == 8  # the fourth product is refused before it starts


# -- fuzz: anything typed gives a finite value or an ExpressionError, within 0.5 s -----------

PIECES = ["0", "1", "2", "9", "10", ".5", "1e3", "1e-3", "1e999", "0.1", "+", "-", "−", "*",
          "×", "/", "÷", "^", "**", "@", "(", ")", "{", "}", "[", "]", ",", ";", " ", "\n",
          "pi", "π", "e", "tau", "deg", "°", "sqrt", "cbrt", "sin", "cos", "tan", "asin",
          "acos", "atan", "exp", "ln", "log", "abs", "rot", "A", "B", "C", "I", "T", "X",
          "x", "array(", "dtype=", "9^9^9"]
TOKEN_SOUP = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
ANY_TEXT = st.text(max_size=60)  # any Unicode, printable or not
FUZZ_NAMES = {"A": Matrix([[1, 2], [3, 4]]), "B": Matrix([[1, 2, 3], [4, 5, 6]]),
              "C": Matrix([[1.5, -2], [0, 0.25]])}


def finite(value) -> bool:
    if isinstance(value, Matrix):
        return all(math.isfinite(x) for row in value.to_floats() for x in row)
    return type(value) in (Fraction, float) and math.isfinite(value)


def check_total_and_quick(function, text):
    start = time.perf_counter()
    try:
        value = function(text)
    except ExpressionError:
        pass
    else:
        assert finite(value), (text, value)
    assert time.perf_counter() - start < 0.5, text


@settings(max_examples=300, deadline=None)
@given(st.one_of(TOKEN_SOUP, ANY_TEXT))
def test_fuzz_parse_scalar(text):
    check_total_and_quick(parse_scalar, text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TOKEN_SOUP, ANY_TEXT))
def test_fuzz_parse_matrix(text):
    check_total_and_quick(parse_matrix, text)


@settings(max_examples=300, deadline=None)
@given(st.one_of(TOKEN_SOUP, ANY_TEXT))
def test_fuzz_evaluate(text):
    check_total_and_quick(lambda t: evaluate(t, FUZZ_NAMES, identity_size=2), text)
