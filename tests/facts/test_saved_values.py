"""What the app saves, it loads: every value a cell accepts goes into a session file and comes
back equal — exact fractions as the same Fraction, floats bit for bit. No Qt needed."""

import math
import tempfile
from fractions import Fraction
from pathlib import Path

from hypothesis import example, given, settings
from hypothesis import strategies as st

from kernels import ExpressionError, Matrix, Vector, parse_scalar
from kernels.expressions import MAX_EXACT_BITS
from viz.scene import SceneState
from viz.session import MAX_ENTRY_CHARS, Session, encode_scalar, load_session, save_session

# typed in a cell: the smallest and largest floats' neighbours, the ones whose exact text is
# just over 200 characters, and the longest exact value the kernel keeps (6024 characters)
NAMED = ["1e-320", "2^-1074", "1e308", "1/3", "1e-198", "1e200", "2^-700", "-1e-198", "1e-999",
         "1/3^6000", "3^6000/7^3500", "-((2^9999-1)*2+1)/((2^9999-1)*2-1)", "sqrt(2)", "cos(30deg)",
         "-0.1", "0"]


def _accepted(text: str) -> bool:
    try:
        parse_scalar(text)
    except ExpressionError:
        return False
    return True


typed = st.one_of(
    st.sampled_from(NAMED),
    st.builds("{}e{}".format, st.integers(-10**6, 10**6), st.integers(-1000, 308)),
    st.builds("{}^{}".format, st.integers(2, 13), st.integers(-4000, 300)),
    st.builds("{}/{}".format, st.integers(-10**300, 10**300), st.integers(1, 10**300)),
    st.builds("sqrt({})".format, st.integers(2, 10**9)),
).filter(_accepted)

# an exact value as the kernel may hold it: numerator and denominator up to MAX_EXACT_BITS bits,
# within the float range (every cell value must fit a float)
largest = 2 ** MAX_EXACT_BITS - 1
exact = st.builds(Fraction, st.integers(-largest, largest), st.integers(1, largest)).filter(
    lambda value: abs(value) <= 1.7e308)


def _same(loaded, value) -> bool:
    """Equal and of the same kind; floats to the bit (-0.0 keeps its sign)."""
    if isinstance(value, float):
        return isinstance(loaded, float) and loaded == value and math.copysign(1, loaded) == math.copysign(1, value)
    return isinstance(loaded, Fraction) and loaded == value


def _round_trip(value) -> None:
    state = SceneState(Matrix([[value, 0], [1, value]]), (("v", Vector([value, 1])),))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "value.lens.json"
        save_session(Session(state), path)
        loaded = load_session(path)
    assert _same(loaded.matrix[0, 0], value) and _same(loaded.matrix[1, 1], value)
    assert _same(loaded.vector[0], value)


@settings(max_examples=200, deadline=None)
@given(typed)
@example("-((2^9999-1)*2+1)/((2^9999-1)*2-1)")
def test_every_value_a_cell_accepts_is_saved_and_loaded_equal(text):
    _round_trip(parse_scalar(text))


@settings(max_examples=100, deadline=None)
@given(exact)
def test_every_exact_value_the_kernel_keeps_is_saved_and_loaded_equal(value):
    assert len(encode_scalar(value)) <= MAX_ENTRY_CHARS
    _round_trip(value)


def test_the_entry_limit_is_the_longest_exact_value():
    longest = parse_scalar("-((2^9999-1)*2+1)/((2^9999-1)*2-1)")
    assert len(encode_scalar(longest)) == MAX_ENTRY_CHARS == 6024
