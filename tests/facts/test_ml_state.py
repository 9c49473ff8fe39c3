"""The ML lab's state without Qt: one matrix, each view's settings, and the session section —
a round trip keeps everything exactly, and a bad section is refused whole with one message."""

import json
from fractions import Fraction

import pytest

from kernels import Matrix, Vector
from viz.labs.ml import descent_settings, svd_settings
from viz.labs.ml.descent_settings import DescentSettings
from viz.labs.ml.state import MLState, section_of, state_from_section
from viz.labs.ml.svd_settings import SVDSettings
from viz.session import SessionError


class SVDCodec:
    default_settings = staticmethod(lambda n: SVDSettings())
    settings_section = staticmethod(svd_settings.settings_section)
    settings_from_section = staticmethod(svd_settings.settings_from_section)
    settings_problem = staticmethod(lambda settings, n: None)


class DescentCodec:
    default_settings = staticmethod(descent_settings.default_settings)
    settings_section = staticmethod(descent_settings.settings_section)
    settings_from_section = staticmethod(descent_settings.settings_from_section)
    settings_problem = staticmethod(lambda settings, n: settings.problem(n))


CODECS = {"svd": SVDCodec, "descent": DescentCodec}


def test_a_fresh_state_has_every_views_defaults_for_its_dimension():
    for n in (2, 3):
        state = MLState.fresh(CODECS, n).checked(CODECS)
        assert state.dimension == n and len(state.settings["descent"].start) == n
        assert state.settings["svd"] == SVDSettings()


def test_the_section_round_trips_exactly_through_json():
    state = MLState(Matrix([[Fraction(1, 3), 2], [0.25, -1]]), {
        "svd": SVDSettings(rank_one=True, probe_degrees=123.5),
        "descent": DescentSettings(Vector([Fraction(-3, 2), 1]), Fraction(1, 7), 0.9, 250)})
    raw = json.loads(json.dumps(section_of(state, "descent", CODECS)))
    assert state_from_section(raw, CODECS) == (state, "descent")


def test_a_view_missing_from_an_older_file_gets_its_defaults():
    raw = {"matrix": [["1", "0"], ["0", "2"]], "mode": "svd"}
    state, mode = state_from_section(raw, CODECS)
    assert mode == "svd" and state.settings["descent"] == descent_settings.default_settings(2)


@pytest.mark.parametrize("raw, reason", [
    ([], "must be an object"),
    ({"matrix": [["1"]]}, "2 or 3 rows"),
    ({"matrix": [["1", "x"], ["0", "1"]]}, "row 1, column 2"),
    ({"matrix": [["1", "0"], ["0", "1"]], "svd": {"rank_one": "yes"}}, "true or false"),
    ({"matrix": [["1", "0"], ["0", "1"]], "descent": {"start": ["1", "2"], "steps": 0}}, "steps"),
    ({"matrix": [["1", "0"], ["0", "1"]], "descent": {"start": ["1", "2", "3"]}}, "start needs 2"),
    ({"matrix": [["1", "0"], ["0", "1"]], "descent": {"start": ["1", "2"], "momentum": "-1/2"}}, "momentum"),
    ({"matrix": [["1e400", "0"], ["0", "1"]]}, "too large"),
])
def test_a_bad_section_is_one_session_error(raw, reason):
    with pytest.raises(SessionError, match=reason):
        state_from_section(raw, CODECS)


def test_settings_that_do_not_fit_the_matrix_are_refused():
    state = MLState.fresh(CODECS, 2)
    with pytest.raises(ValueError, match="start needs 3"):
        MLState(Matrix.identity(3), state.settings).checked(CODECS)
