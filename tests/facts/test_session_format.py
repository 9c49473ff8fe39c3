"""Session format 2 (a section per lab) and the migration of format 1 files. No Qt needed."""

import json
from fractions import Fraction

import pytest

from kernels import Matrix, Vector
from viz.scene import SceneState, VectorStyle
from viz.session import (
    FORMAT_VERSION,
    Session,
    SessionError,
    load_session,
    migrate,
    session_from_json,
    session_to_json,
)

FORMAT_1 = {"format": 1, "app": "linear-lens", "dimension": 2, "matrix": [["1/3", 0.5], [0, "-2"]],
            "vectors": [{"name": "v", "entries": ["1", "2"]},
                        {"name": "w", "entries": [3, "1/7"], "color": "#FF00FF", "show": "image"}],
            "view": {"x": [-3, 3], "y": [-2, 2]}, "theme": "light", "palette": "classic"}


def test_a_format_1_file_loads_as_the_same_scene(tmp_path):
    path = tmp_path / "old.lens.json"
    path.write_text(json.dumps(FORMAT_1))
    session = load_session(path)
    assert session.format == 1 and session.lab == "studio"
    assert session.matrix == Matrix([[Fraction(1, 3), 0.5], [0, -2]])
    assert session.vectors == (("v", Vector([1, 2])), ("w", Vector([3, Fraction(1, 7)])))
    assert session.styles == {"w": VectorStyle("#FF00FF", "image")}
    assert session.view_rect == (-3.0, 3.0, -2.0, 2.0) and (session.theme, session.palette) == ("light", "classic")
    # saved again, it is format 2 with the studio's keys in its section, and reads back equal
    text = session_to_json(session)
    data = json.loads(text)
    assert data["format"] == FORMAT_VERSION == 2 and data["lab"] == "studio"
    assert set(data["studio"]) == {"dimension", "matrix", "vectors", "view"}
    again = session_from_json(text)
    assert (again.state, again.view_rect) == (session.state, session.view_rect)


def test_migrate_moves_the_studio_keys_and_refuses_unknown_ones():
    migrated = migrate(dict(FORMAT_1))
    assert migrated["studio"]["matrix"] == FORMAT_1["matrix"] and "matrix" not in migrated
    with pytest.raises(SessionError, match="unknown key 'matirx'"):
        migrate({**FORMAT_1, "matirx": []})


def test_other_labs_sections_are_kept_as_read_and_must_be_objects():
    state = SceneState(Matrix.identity(2), (("v", Vector([1, 2])),))
    session = Session(state, lab="studio", sections={"compose": {"a": [[1, 0], [0, 1]]}})
    again = session_from_json(session_to_json(session))
    assert again.sections == {"compose": {"a": [[1, 0], [0, 1]]}}
    data = json.loads(session_to_json(session))
    data["compose"] = [1, 2]
    with pytest.raises(SessionError, match="section 'compose' must be an object"):
        session_from_json(json.dumps(data))
    with pytest.raises(SessionError, match="format 3 was written by a newer Linear Lens"):
        session_from_json(json.dumps({**data, "format": 3}))
