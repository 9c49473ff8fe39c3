"""Reading and writing the user's files: only regular files are read, and every write is atomic.

Every file Linear Lens reads or writes goes through this module: sessions and the autosave,
presets, the preferences file, pictures (PNG, SVG) and animations (GIF, MP4). Two rules:

**Read only regular files** (:func:`read_regular_file`). A name the user picks may not be a
file at all: a folder, a named pipe (FIFO) — opening one waits until some other program writes
to it, which would freeze the window for ever — a device such as ``/dev/zero``, which never
ends, or a socket. So the path is looked at with :func:`os.stat` *before* it is opened, and
anything that is not a regular file, or is larger than the caller's limit, is refused with a
one-line reason. The file is then opened with ``O_NONBLOCK`` (a file swapped for a pipe between
the look and the open still cannot block), looked at again through the open handle, and read to
at most ``limit + 1`` bytes, so a file that grows while it is read is caught too.

**Write atomically** (:func:`write_atomically`, :func:`write_through`). Whoever reads the file —
another program, a file manager, the app itself at its next start — must find the old file or
the new one, never half of one. So the new content goes to a hidden temporary file in the same
folder (a rename is atomic only within one file system), is flushed to the disk (``fsync``),
gets the old file's permissions (a new file gets the usual ``0666`` less the umask), and
:func:`os.replace` swaps it in, in one step. If anything fails, or the user cancels, the
temporary file is removed and the old file is left as it was. Two programs writing the same
name at once each rename a complete file of their own: the last one wins, whole.

No Qt here: the command line and the session module use it before any window exists.
"""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path

# os.open flags: never block on a pipe, never make a terminal ours; binary on Windows
_READ_FLAGS = (os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
               | getattr(os, "O_BINARY", 0))


class UnreadableFile(ValueError):
    """A file that is not read: missing, not a regular file, too large, or refused by the system.
    The message is one line that starts with the file's name."""


# -- reading ------------------------------------------------------------------------------
def read_regular_file(path, limit: int, what: str) -> bytes:
    """The bytes of the regular file ``path``, at most ``limit`` of them.

    ``what`` names the kind of file for the messages (``"session file"``): a FIFO is refused
    with ``"s.lens.json: is a named pipe (FIFO), not a session file"``. Raises
    :class:`UnreadableFile`, before opening anything that is not a regular file.
    """
    path = Path(path)
    check_regular_file(path, limit, what)
    try:
        descriptor = os.open(path, _READ_FLAGS)
    except OSError as error:
        raise UnreadableFile(f"{_name(path)}: cannot be read ({reason(error)})") from None
    try:
        with os.fdopen(descriptor, "rb") as handle:
            _check_status(path, os.fstat(handle.fileno()), limit, what)  # it may have been swapped since
            data = handle.read(limit + 1)
    except OSError as error:
        raise UnreadableFile(f"{_name(path)}: cannot be read ({reason(error)})") from None
    if len(data) > limit:
        raise UnreadableFile(f"{_name(path)}: the file is larger than {size_text(limit)} "
                             f"(a {what} is at most {size_text(limit)})")
    return data


def check_regular_file(path, limit: int, what: str) -> None:
    """:class:`UnreadableFile` unless ``path`` is a regular file of at most ``limit`` bytes.

    Looks without opening: for a reader that is not :func:`read_regular_file` (Qt's settings).
    """
    path = Path(path)
    try:
        status = os.stat(path)
    except FileNotFoundError:
        raise UnreadableFile(f"{_name(path)}: no such file") from None
    except OSError as error:
        raise UnreadableFile(f"{_name(path)}: cannot be read ({reason(error)})") from None
    _check_status(path, status, limit, what)


def _check_status(path: Path, status: os.stat_result, limit: int, what: str) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise UnreadableFile(f"{_name(path)}: is {kind_of_file(status.st_mode)}, not a {what}")
    if status.st_size > limit:
        raise UnreadableFile(f"{_name(path)}: the file is {size_text(status.st_size)}; "
                             f"a {what} is at most {size_text(limit)}")


def kind_of_file(mode: int) -> str:
    """What a file that is not a regular file is, from its ``st_mode``, for a message.

    >>> kind_of_file(stat.S_IFDIR), kind_of_file(stat.S_IFIFO), kind_of_file(stat.S_IFCHR)
    ('a folder', 'a named pipe (FIFO)', 'a device')
    """
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "a special file"


def size_text(size: int) -> str:
    """A file size for a message.

    >>> size_text(300), size_text(3 * 1024 * 1024)
    ('300 bytes', '3.0 MiB')
    """
    return f"{size / 1024 / 1024:.1f} MiB" if size >= 1024 * 1024 else f"{size} bytes"


def _name(path: Path) -> str:
    return path.name or str(path)  # "/" and "." have no name


def reason(error: OSError) -> str:
    """The system's reason for ``error`` in words ("No space left on device"), without the
    error number and the name of a temporary file the user never chose."""
    return error.strerror or str(error)


# -- writing ------------------------------------------------------------------------------
def write_atomically(path, data: bytes | str) -> None:
    """Replace ``path`` by ``data`` (text is written as UTF-8) all at once, or not at all.

    Raises OSError (the old file untouched, no temporary file left) when it cannot be written.
    """
    content = data.encode("utf-8") if isinstance(data, str) else data
    write_through(path, lambda temporary: temporary.write_bytes(content))


def write_through(path, write: Callable[[Path], object]) -> None:
    """Replace ``path`` by the file ``write(temporary)`` makes, all at once, or not at all.

    For writers that need a file name (Pillow, ffmpeg): ``write`` gets the name of an empty
    temporary file beside ``path`` with the same extension, and writes the whole file there.
    When it returns, the file is flushed to the disk, given ``path``'s permissions and renamed
    over ``path``. If ``write`` raises (a failure, or a cancel), the temporary file is removed,
    ``path`` is left as it was, and the exception goes on to the caller.

    Raises OSError when ``path`` cannot be written; its ``strerror`` says why in words: "it is
    a folder", "the folder … does not exist", or the system's reason.
    """
    path = Path(path)
    _check_target(path)
    descriptor, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=f".part{path.suffix}",
                                        dir=path.parent)
    os.close(descriptor)
    temporary = Path(name)
    try:
        write(temporary)
        _fsync(temporary)
        _copy_mode(path, temporary)
        os.replace(temporary, path)
    except BaseException:  # Ctrl+C and cancels too: never leave the temporary file behind
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
    _fsync_folder(path.parent)


def _check_target(path: Path) -> None:
    """OSError, before anything is written, when ``path`` cannot be replaced by a file."""
    if not path.parent.is_dir():
        raise FileNotFoundError(errno.ENOENT, f"the folder {path.parent} does not exist", str(path.parent))
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # nothing there yet (or a dangling link, which the new file replaces)
    if stat.S_ISDIR(mode):
        raise IsADirectoryError(errno.EISDIR, "it is a folder", str(path))
    if not stat.S_ISREG(mode):
        raise OSError(errno.EEXIST, f"it is {kind_of_file(mode)}, not a file to replace", str(path))


def _fsync(path: Path) -> None:
    """Wait until the file's bytes are on the disk (a crash after the rename keeps them)."""
    descriptor = os.open(path, os.O_RDWR | getattr(os, "O_BINARY", 0))
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _copy_mode(path: Path, temporary: Path) -> None:
    """Keep the old file's permissions; a new file gets the usual ones (mkstemp makes 0600)."""
    try:
        mode = path.stat().st_mode & 0o777
    except OSError:
        mode = 0o666 & ~_umask()
    try:
        os.chmod(temporary, mode)
    except OSError:
        pass


def _umask() -> int:
    """The process's umask. Reading it means setting it, so a strict one is set for that instant:
    a file another thread creates meanwhile is at worst too private, never too open."""
    mask = os.umask(0o077)
    os.umask(mask)
    return mask


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (POSIX); harmless where folders cannot be opened."""
    if os.name != "posix":
        return
    try:
        descriptor = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(descriptor)
    except OSError:
        pass
    finally:
        os.close(descriptor)


def assets_dir() -> Path:
    """``assets/`` beside the package in a checkout, or ``viz/assets`` once installed."""
    here = Path(__file__).resolve().parent
    for candidate in (here / "assets", here.parent / "assets"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("the assets folder of Linear Lens is missing from this installation")
