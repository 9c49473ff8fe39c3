"""What the app saves, it loads — through every door: File → Open, ``linear-lens export
--session`` and crash recovery, with values typed into the cells whose exact text is long
(``2^-700`` is 213 characters written out, ``1/3^6000`` is 2865)."""

import json
import os
import subprocess
import sys

from kernels import Matrix, parse_scalar
from viz.autosave import AutoSaver

from .conftest import type_into, wait_settled

TYPED = [["1e200", "2^-700"], ["1/3^6000", "1e-198"]]
EXPECTED = Matrix([[parse_scalar(text) for text in row] for row in TYPED])


def test_typed_values_come_back_from_open_export_and_crash_recovery(qtbot, tmp_path, window, dialogs):
    for i, row in enumerate(TYPED):
        for j, text in enumerate(row):
            type_into(qtbot, window.studio.matrix_editor.cell(i, j), text)
    wait_settled(qtbot, window)
    assert window.studio.model.matrix == EXPECTED

    path = tmp_path / "tiny.lens.json"
    assert window.documents.save_to(path)
    written = json.loads(path.read_text(encoding="utf-8"))["studio"]["matrix"]
    assert sorted(len(entry) for row in written for entry in row) == [201, 201, 213, 2865]

    window.studio.apply_matrix(Matrix.identity(2))
    assert window.documents.open_file(path), dialogs.told
    assert window.studio.model.matrix == EXPECTED

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-m", "viz", "export", "--session", str(path),
                             "--out", str(tmp_path / "tiny.png"), "--size", "400x250"],
                            capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0 and result.stdout.startswith("wrote"), result.stderr

    crashed = AutoSaver(window.documents.current_session, tmp_path / "crashed")  # as a run that died
    crashed.save_now()
    assert crashed.last_error is None and crashed.pending() is not None
    window.studio.apply_matrix(Matrix.identity(2))
    assert window.documents.restore_autosave(crashed.pending()), dialogs.told
    assert window.studio.model.matrix == EXPECTED
    crashed.close()
    wait_settled(qtbot, window)
