"""Hostile session files: every truncation of a good file, random bytes, random JSON values.

Each is either a valid session or refused whole with a one-line SessionError — never another
exception, never a half-loaded scene.
"""

import json
import random
from fractions import Fraction

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kernels import Matrix
from viz.model import SceneModel
from viz.session import SessionError, apply_session, load_session, save_session, session_from_model

GOOD = {"format": 1, "app": "linear-lens", "dimension": 2, "matrix": [["1/3", 0.5], ["-2", "4"]],
        "vectors": [{"name": "v", "entries": ["1", "2"]}], "view": {"x": [-2, 2], "y": [-1, 1]},
        "theme": "light", "palette": "classic"}


def _load_or_refuse(path):
    try:
        return load_session(path)
    except SessionError as error:
        text = str(error)
        assert text and "\n" not in text
        return None


def test_every_truncation_of_a_good_file_is_refused_whole(tmp_path):
    content = json.dumps(GOOD).encode()
    path = tmp_path / "cut.lens.json"
    for length in range(len(content)):  # every prefix but the whole file
        path.write_bytes(content[:length])
        assert _load_or_refuse(path) is None, f"a {length}-byte prefix was accepted"
    path.write_bytes(content)
    assert load_session(path).matrix == Matrix([[Fraction(1, 3), 0.5], [-2, 4]])


def test_random_bytes_are_refused(tmp_path):
    generator = random.Random(20261125)
    path = tmp_path / "noise.lens.json"
    for _ in range(300):
        path.write_bytes(bytes(generator.randrange(256) for _ in range(generator.randrange(1, 400))))
        assert _load_or_refuse(path) is None


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children,
                                                                      max_size=4),
    max_leaves=20)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(key=st.sampled_from(sorted(GOOD)), value=json_values)
def test_wrong_types_anywhere_are_refused_or_valid(tmp_path, key, value):
    path = tmp_path / "typed.lens.json"
    path.write_text(json.dumps({**GOOD, key: value}))
    session = _load_or_refuse(path)
    if session is not None:  # a valid variation: applying it leaves a consistent model
        model = SceneModel()
        apply_session(session, model)
        assert model.matrix == session.matrix and model.vector == session.vector


def test_a_refused_file_leaves_the_model_as_it_was(tmp_path, qtbot):
    model = SceneModel(Matrix([[2, 1], [1, 2]]))
    good = tmp_path / "good.lens.json"
    save_session(session_from_model(model), good)
    bad = tmp_path / "bad.lens.json"
    bad.write_bytes(good.read_bytes()[:-5])
    with pytest.raises(SessionError):
        load_session(bad)
    assert model.matrix == Matrix([[2, 1], [1, 2]])
