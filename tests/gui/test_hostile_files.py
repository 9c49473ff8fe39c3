"""Files that are not files, and writes that cannot finish.

A name the user gives may be a named pipe (opening one waits for a writer: a frozen window), a
folder, a device (``/dev/zero`` never ends) or a socket. Every reader refuses them before
opening anything — the command line with exit status 2 and one line, the window with a message
and the scene unchanged — and never hangs. A still picture that cannot be written leaves neither
a partial file nor a temporary one, and an old picture stays as it was.
"""

import os
import resource
import socket
import subprocess
import sys
import time

import pytest

import viz.files
from conftest import deadline
from kernels import Matrix
from viz.app import MainWindow
from viz.autosave import AUTOSAVE_NAME, AutoSaver
from viz.export import ExportError, export_picture
from viz.model import SceneModel
from viz.preferences import load_preferences, open_settings, save_preferences, settings_path
from viz.presets import Preset, load_user_presets, save_user_preset
from viz.session import SessionError

CLI_TIMEOUT = 30  # seconds: a refusal takes well under one; a hang is killed and fails the test


def cli(*args, limit_file_size=None):
    """``linear-lens`` as a separate process; ``limit_file_size`` (bytes) makes bigger writes fail."""
    def limit():
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_file_size, limit_file_size))

    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "viz", *args], capture_output=True, text=True, env=env,
                          timeout=CLI_TIMEOUT, preexec_fn=limit if limit_file_size else None)


def _link_to_a_pipe(path):
    os.mkfifo(path.with_name("pipe"))
    os.symlink(path.with_name("pipe"), path)


def _sparse(path):
    with open(path, "wb") as handle:
        handle.truncate(2 ** 32)  # 4 GiB that take no room: only a read would notice


# name → (make it at a path, what the refusal says about a {what}); each is tried as a session,
# an autosave, a presets file and a preferences file
HOSTILE = {
    "named pipe": (os.mkfifo, "is a named pipe (FIFO), not a {what}"),
    "link to a named pipe": (_link_to_a_pipe, "is a named pipe (FIFO), not a {what}"),
    "folder": (os.mkdir, "is a folder, not a {what}"),
    "/dev/null": (lambda path: os.symlink("/dev/null", path), "is a device, not a {what}"),
    "/dev/zero": (lambda path: os.symlink("/dev/zero", path), "is a device, not a {what}"),
    "sparse 4 GiB": (_sparse, "the file is 4096.0 MiB; a {what} is at most 1.0 MiB"),
}


@pytest.fixture
def hostile(request, tmp_path):
    """``make(kind, path, what)`` makes one kind of hostile file and returns what its refusal
    says about a ``what`` ("session file"). A socket is bound, and closed afterwards."""
    sockets = []

    def make(kind, path, what):
        if kind == "socket":
            server = socket.socket(socket.AF_UNIX)
            server.bind(str(path))
            sockets.append(server)
            return f"is a socket, not a {what}"
        build, refusal = HOSTILE[kind]
        build(path)
        return refusal.format(what=what)

    yield make
    for server in sockets:
        server.close()


KINDS = [*HOSTILE, "socket"]


def _identity(path):
    """What would change if the file were replaced or written: inode, kind and size."""
    status = os.lstat(path)
    return status.st_ino, status.st_mode, status.st_size


# -- reading: the command line, File → Open, crash recovery -----------------------------------------
@pytest.mark.parametrize("kind", KINDS)
def test_export_session_refuses_a_hostile_file_fast_with_one_line(tmp_path, hostile, kind):
    session = tmp_path / "s.lens.json"
    refusal = hostile(kind, session, "session file")
    started = time.monotonic()
    result = cli("export", "--session", str(session), "--out", str(tmp_path / "o.png"))
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and f"s.lens.json: {refusal}" in result.stderr, result.stderr
    assert time.monotonic() - started < 10
    assert not (tmp_path / "o.png").exists()


def test_export_session_refuses_the_device_itself(tmp_path):
    result = cli("export", "--session", "/dev/null", "--out", str(tmp_path / "o.png"))
    assert result.returncode == 2 and result.stderr == "linear-lens export: null: is a device, not a session file\n"


@pytest.mark.parametrize("kind", KINDS)
def test_open_and_restore_refuse_a_hostile_file_and_change_nothing(qtbot, tmp_path, window, dialogs,
                                                                  hostile, kind):
    window.studio.apply_matrix(Matrix([[2, 1], [1, 2]]))
    before = (window.studio.model.matrix, window.undo_stack.count(), window.windowTitle())
    session = tmp_path / "s.lens.json"
    refusal = hostile(kind, session, "session file")
    with deadline(3.0):
        assert not window.documents.open_file(session)
    assert f"s.lens.json: {refusal}" in dialogs.told[-1] and "Nothing was opened" in dialogs.told[-1]
    with deadline(3.0):
        assert not window.documents.restore_autosave(session)
    assert f"s.lens.json: {refusal}" in dialogs.told[-1] and "could not be restored" in dialogs.told[-1]
    assert (window.studio.model.matrix, window.undo_stack.count(), window.windowTitle()) == before


def test_open_recent_refuses_a_named_pipe_with_its_reason(tmp_path, window, dialogs):
    session = tmp_path / "s.lens.json"
    os.mkfifo(session)
    with deadline(3.0):
        assert not window.documents.open_recent(str(session))
    assert "is a named pipe (FIFO), not a session file" in dialogs.told[-1]


# -- reading: the app's own files (autosave, presets, preferences) ----------------------------------
def test_a_named_pipe_as_the_autosave_is_neither_offered_nor_read(qtbot, tmp_path):
    folder = tmp_path / "data"
    folder.mkdir()
    os.mkfifo(folder / AUTOSAVE_NAME)
    with deadline(5.0):
        saver = AutoSaver(lambda: None, folder)
        assert saver.pending() is None
        saver.close()  # the pipe is not deleted either: it is not ours


@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_user_presets_file_is_reported_and_never_replaced(tmp_path, hostile, kind):
    path = tmp_path / "user-presets.json"
    refusal = hostile(kind, path, "presets file")
    before = _identity(path)
    with deadline(3.0):
        presets, problems = load_user_presets(path)
        assert presets == [] and problems == [f"user-presets.json: {refusal}"]
        with pytest.raises(SessionError, match="user-presets.json: "):
            save_user_preset(path, Preset("Mine", "Doubling", Matrix([[2, 0], [0, 2]])))
    assert _identity(path) == before


@pytest.mark.parametrize("kind", KINDS)
def test_a_hostile_preferences_file_gives_the_defaults_and_is_left_alone(qtbot, capfd, hostile, kind):
    path = settings_path()  # in the test's private config folder
    path.parent.mkdir(parents=True, exist_ok=True)
    refusal = hostile(kind, path, "preferences file")
    before = _identity(path)
    with deadline(5.0):
        settings = open_settings()
        assert settings.fileName() == ""  # kept in memory: nothing is read or written
        assert load_preferences(settings).theme == "dark"
        save_preferences(load_preferences(settings), settings)
        window = MainWindow()
        qtbot.addWidget(window)
    assert f"linear-lens.ini: {refusal}" in capfd.readouterr().err
    assert _identity(path) == before


# -- writing a still picture ----------------------------------------------------------------------
def test_a_picture_over_a_folder_says_it_is_a_folder(tmp_path):
    (tmp_path / "dir.png").mkdir()
    result = cli("export", "--matrix", "1 1; 0 1", "--out", str(tmp_path / "dir.png"))
    assert result.returncode == 2
    assert result.stderr == f"linear-lens export: could not write {tmp_path / 'dir.png'}: it is a folder\n"


@pytest.mark.parametrize("name", ["pipe.png", "pipe.svg"])
def test_a_picture_over_a_named_pipe_is_refused_without_waiting(tmp_path, name):
    os.mkfifo(tmp_path / name)
    result = cli("export", "--matrix", "1 1; 0 1", "--out", str(tmp_path / name))
    assert result.returncode == 2 and "it is a named pipe (FIFO), not a file to replace" in result.stderr
    assert os.listdir(tmp_path) == [name]


@pytest.mark.parametrize("name", ["big.png", "big.svg"])
def test_a_picture_too_big_to_write_leaves_the_old_one_and_no_litter(tmp_path, name):
    """The system refuses the write half-way (a file-size limit: EFBIG, "File too large")."""
    old = tmp_path / name
    old.write_bytes(b"the old picture")
    result = cli("export", "--matrix", "1 1; 0 1", "--out", str(old), "--size", "800x500",
                 limit_file_size=4096)
    assert result.returncode == 2 and result.stderr.endswith(": File too large\n"), result.stderr
    assert "wrote" not in result.stdout
    assert old.read_bytes() == b"the old picture" and os.listdir(tmp_path) == [name]


@pytest.mark.parametrize("name", ["c.png", "c.svg"])
def test_a_cancelled_picture_leaves_nothing(qtbot, tmp_path, monkeypatch, name):
    """Ctrl+C (or any cancel) while the picture is being flushed to the disk."""
    def interrupted(descriptor):
        raise KeyboardInterrupt

    monkeypatch.setattr(viz.files.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        export_picture(SceneModel().scene, tmp_path / name, size=(400, 250))
    assert os.listdir(tmp_path) == []


def test_a_full_disk_is_named_and_the_old_picture_kept(qtbot, tmp_path, monkeypatch):
    old = tmp_path / "full.png"
    old.write_bytes(b"the old picture")

    def full(descriptor):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(viz.files.os, "fsync", full)
    with pytest.raises(ExportError, match="could not write .*full.png: No space left on device"):
        export_picture(SceneModel().scene, old, size=(400, 250))
    assert old.read_bytes() == b"the old picture" and os.listdir(tmp_path) == ["full.png"]
