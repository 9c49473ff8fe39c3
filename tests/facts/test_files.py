"""viz.files: only regular files are read (checked before opening), and every write is atomic.
No Qt needed."""

import os
import socket
import stat

import pytest

import viz.files
from conftest import deadline
from viz.files import UnreadableFile, read_regular_file, write_atomically, write_through

LIMIT = 1024


def _sparse(path):
    """A 4 GiB file that takes no room on the disk: reading it would take a while."""
    with open(path, "wb") as handle:
        handle.truncate(2 ** 32)


def _socket(path):
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    return server


# -- reading -----------------------------------------------------------------------------------
@pytest.mark.parametrize("make, fragment", [
    (os.mkfifo, "is a named pipe (FIFO), not a test file"),
    (os.mkdir, "is a folder, not a test file"),
    (lambda path: os.symlink("/dev/zero", path), "is a device, not a test file"),
    (_sparse, "the file is 4096.0 MiB; a test file is at most 1024 bytes"),
    (lambda path: None, "no such file"),
], ids=["named pipe", "folder", "link to /dev/zero", "sparse 4 GiB", "missing"])
def test_what_is_not_a_small_regular_file_is_refused_before_it_is_opened(tmp_path, monkeypatch, make, fragment):
    path = tmp_path / "x.bin"
    make(path)
    opened = []
    monkeypatch.setattr(viz.files.os, "open", lambda *args: opened.append(args))
    with deadline(2.0), pytest.raises(UnreadableFile) as refused:
        read_regular_file(path, LIMIT, "test file")
    assert str(refused.value) == f"x.bin: {fragment}" and opened == []


def test_a_socket_is_refused(tmp_path):
    server = _socket(tmp_path / "s")
    try:
        with deadline(2.0), pytest.raises(UnreadableFile, match="s: is a socket, not a test file"):
            read_regular_file(tmp_path / "s", LIMIT, "test file")
    finally:
        server.close()


def test_a_file_swapped_for_a_pipe_after_the_check_still_cannot_block(tmp_path, monkeypatch):
    """The check looked at a regular file; what is opened is a FIFO (another program was quick).
    The open does not wait for a writer, and the handle is looked at again."""
    path = tmp_path / "x.bin"
    os.mkfifo(path)
    monkeypatch.setattr(viz.files, "check_regular_file", lambda *args: None)
    with deadline(2.0), pytest.raises(UnreadableFile, match="is a named pipe"):
        read_regular_file(path, LIMIT, "test file")


def test_a_regular_file_is_read_whole_up_to_the_limit(tmp_path):
    path = tmp_path / "x.bin"
    path.write_bytes(b"a" * LIMIT)
    assert read_regular_file(path, LIMIT, "test file") == b"a" * LIMIT
    path.write_bytes(b"a" * (LIMIT + 1))
    with pytest.raises(UnreadableFile, match="1025 bytes; a test file is at most 1024 bytes"):
        read_regular_file(path, LIMIT, "test file")


# -- writing -----------------------------------------------------------------------------------
def test_a_new_file_gets_the_usual_permissions_and_an_old_one_keeps_its_own(tmp_path):
    path = tmp_path / "x.txt"
    old_umask = os.umask(0o027)
    try:
        write_atomically(path, "first")
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_text() == "first"
    os.chmod(path, 0o604)
    write_atomically(path, b"second")
    assert stat.S_IMODE(path.stat().st_mode) == 0o604 and path.read_bytes() == b"second"
    assert os.listdir(tmp_path) == ["x.txt"]


class Cancelled(BaseException):
    """A cancel that is not an Exception, like KeyboardInterrupt."""


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), Cancelled()],
                         ids=["disk full", "cancel"])
def test_a_failed_or_cancelled_write_leaves_the_old_file_and_no_temporary(tmp_path, failure):
    path = tmp_path / "picture.png"
    path.write_bytes(b"the old picture")

    def write(temporary):
        assert temporary.parent == tmp_path and temporary.name.startswith(".picture.png.")
        assert temporary.suffix == ".png"  # a writer that goes by the extension (ffmpeg) is served
        temporary.write_bytes(b"half a pic")
        raise failure

    with pytest.raises(type(failure)):
        write_through(path, write)
    assert path.read_bytes() == b"the old picture"
    assert os.listdir(tmp_path) == ["picture.png"]


@pytest.mark.parametrize("make, reason", [
    (os.mkdir, "it is a folder"),
    (os.mkfifo, "it is a named pipe (FIFO), not a file to replace"),
], ids=["folder", "named pipe"])
def test_what_is_not_a_regular_file_is_never_replaced(tmp_path, make, reason):
    path = tmp_path / "out.png"
    make(path)
    with deadline(2.0), pytest.raises(OSError) as refused:
        write_atomically(path, b"png")
    assert refused.value.strerror == reason
    assert os.listdir(tmp_path) == ["out.png"]


def test_a_missing_folder_is_named(tmp_path):
    with pytest.raises(FileNotFoundError) as refused:
        write_atomically(tmp_path / "nope" / "out.png", b"png")
    assert refused.value.strerror == f"the folder {tmp_path / 'nope'} does not exist"
