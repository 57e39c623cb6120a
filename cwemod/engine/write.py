"""Writing changed files: atomically, keeping mode and owner, refusing stale files and links.

How :func:`write_atomically` replaces a file:

1. It refuses a symbolic link (a link is never replaced by a regular file;
   the caller resolves in-tree links to their targets), a file whose
   bytes are no longer those that were read (a stale file), and a
   read-only file (no write bit, or not writable by this user: a rename in
   a writable directory would replace it all the same, and root passes
   every permission check).
2. It writes the new bytes to a temporary file in the same directory,
   ``.NAME.PID.RANDOM.cwemod``, gives it the old file's owner and group
   (where permitted: root may, other users only to a group of theirs) and
   permission bits, and flushes it to disk.
3. It checks step 1 again, then renames the temporary file over the
   original, so a reader sees the old or the new file, never half of one.

A new file (a module a fix needs) is made by :func:`create_exclusively`: it
is never created over anything that has taken its name, and never seen half
written.

What remains:

- An edit saved between the last check of step 3 and the rename (a few
  system calls) is lost. Closing that window would need a lock that every
  editor honours; plain files have none.
- A hard-linked file: the rename gives this name a new inode with the new
  content; the file's other names keep the old content. That is on purpose:
  another name may lie outside the tree being fixed, and only a rename is
  atomic.
- SIGINT and SIGTERM that arrive while a file is written are held until
  that file is whole (replaced, or left as it was with its temporary file
  removed), then delivered to the handlers in place before. SIGKILL cannot
  be held: its temporary file stays, and the next write in that directory
  removes it (:func:`sweep_stale_temporaries`). A temporary file of a live
  process is never removed; a writer in another PID namespace (another
  container sharing the directory) cannot be seen, so do not run two
  writers on one tree from different containers.
"""

from __future__ import annotations

import os
import re
import secrets
import signal
import stat
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

TEMPORARY_SUFFIX = ".cwemod"
# mkstemp's random part is made of lower-case letters, digits and "_".
_TEMPORARY_NAME = re.compile(r"\..+\.(?P<pid>[1-9][0-9]*)\.[a-z0-9_]+\.cwemod", re.DOTALL)
_HELD_SIGNALS = (signal.SIGINT, signal.SIGTERM)


class WriteError(Exception):
    """A changed file was not written; it is as it was. The message names no path."""

    def __init__(self, path: Path, message: str):
        super().__init__(message)
        self.path = path


class StaleFileError(WriteError):
    """The file changed on disk after it was read; writing would lose that change."""

    def __init__(self, path: Path):
        super().__init__(path, "changed on disk since it was read; not written")


class ReadOnlyError(WriteError):
    """The file is read-only: its mode says it must not be changed, so it is not replaced."""

    def __init__(self, path: Path):
        super().__init__(path, "not written: read-only file")


class SymlinkError(WriteError):
    """The path is a symbolic link, which is never replaced by a regular file."""

    def __init__(self, path: Path):
        super().__init__(path, "is a symbolic link, which cwemod never replaces; not written")


def write_atomically(path: Path, expected_old: bytes, new: bytes) -> None:
    """Replace ``path`` with ``new`` if it still holds ``expected_old`` (see the module doc).

    Raises :class:`WriteError` (:class:`StaleFileError`, :class:`SymlinkError`,
    or a system error) and leaves the file and its directory as they were.
    """
    with _signals_held():
        try:
            _replace(path, expected_old, new)
        except OSError as error:
            raise WriteError(path, f"not written: {error.strerror or error}") from error


class FileExistsWriteError(WriteError):
    """A new file was to be created where a file has appeared since the run looked."""

    def __init__(self, path: Path):
        super().__init__(path, "not created: a file of that name appeared meanwhile")


def create_exclusively(path: Path, new: bytes) -> None:
    """Create ``path`` holding ``new``, never replacing anything that is there.

    The bytes are written and flushed to a temporary file in the same
    directory, which is then hard-linked to ``path``: like ``O_EXCL``, the
    link fails when any file (or link) has taken the name meanwhile, and a
    reader never sees half a file. Where the file system has no hard links,
    ``path`` is opened with ``O_EXCL`` and written in place. The new file
    has the mode any new file gets (0666 less the umask).
    Raises :class:`WriteError` (:class:`FileExistsWriteError`) and leaves
    the directory as it was.
    """
    with _signals_held():
        try:
            _create(path, new)
        except FileExistsError as error:
            raise FileExistsWriteError(path) from error
        except OSError as error:
            raise WriteError(path, f"not created: {error.strerror or error}") from error


def _create(path: Path, new: bytes) -> None:
    if os.path.lexists(path):
        raise FileExistsError(path)
    temporary = _new_temporary(path)
    _write_new(temporary, new)
    try:
        os.link(temporary, path)
    except FileExistsError:
        raise
    except OSError:
        _write_new(path, new)  # no hard links on this file system
    finally:
        temporary.unlink(missing_ok=True)


def _new_temporary(path: Path) -> Path:
    """A free temporary name beside ``path``, ``.NAME.PID.RANDOM.cwemod`` as mkstemp's."""
    while True:
        temporary = path.parent / f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}"
        temporary = temporary.with_name(temporary.name + TEMPORARY_SUFFIX)
        if not os.path.lexists(temporary):
            return temporary


def _write_new(path: Path, new: bytes) -> None:
    """Write ``new`` to a file that must not exist yet; the umask decides its mode."""
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _replace(path: Path, expected_old: bytes, new: bytes) -> None:
    _check_unchanged(path, expected_old)
    old_status = path.stat()
    if _read_only(path, old_status):
        raise ReadOnlyError(path)
    descriptor, temporary = tempfile.mkstemp(
        dir=path.parent, prefix=f".{path.name}.{os.getpid()}.", suffix=TEMPORARY_SUFFIX
    )
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        _keep_owner(temporary, old_status)
        # After chown, which clears the set-user-ID and set-group-ID bits.
        os.chmod(temporary, stat.S_IMODE(old_status.st_mode))
        _check_unchanged(path, expected_old)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _check_unchanged(path: Path, expected_old: bytes) -> None:
    if path.is_symlink():
        raise SymlinkError(path)
    if path.read_bytes() != expected_old:
        raise StaleFileError(path)


def _read_only(path: Path, status: os.stat_result) -> bool:
    """The rename would replace a file its owner may not write; root would pass ``access``."""
    return not os.access(path, os.W_OK) or not status.st_mode & (
        stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH
    )


def _keep_owner(temporary: str, old_status: os.stat_result) -> None:
    if not hasattr(os, "chown"):
        return
    try:
        os.chown(temporary, old_status.st_uid, old_status.st_gid)
    except PermissionError:
        if os.geteuid() == 0:
            raise


@contextmanager
def _signals_held() -> Iterator[None]:
    """Hold SIGINT and SIGTERM during the block, then deliver them to the handlers of before."""
    if threading.current_thread() is not threading.main_thread():
        yield  # only the main thread may set handlers; Python runs them there too
        return
    received: list[int] = []
    previous = {}
    for signum in _HELD_SIGNALS:
        handler = signal.getsignal(signum)
        if handler is not None:  # None: set outside Python, and could not be restored
            previous[signum] = handler
            signal.signal(signum, lambda number, _frame: received.append(number))
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)
        for signum in dict.fromkeys(received):
            signal.raise_signal(signum)


def sweep_stale_temporaries(directory: Path) -> list[Path]:
    """Remove the temporary files that killed writers left in ``directory``; return them.

    A temporary file is known by its name, ``.NAME.PID.RANDOM.cwemod``, and is
    stale when process PID is gone. If PID was reused the file stays: the safe side.
    """
    removed: list[Path] = []
    try:
        entries = list(os.scandir(directory))
    except OSError:
        return removed  # the write itself will say what is wrong with the directory
    for entry in entries:
        match = _TEMPORARY_NAME.fullmatch(entry.name)
        if match is None or _is_alive(int(match["pid"])):
            continue
        try:
            if entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def _is_alive(pid: int) -> bool:
    if os.name == "nt":
        return True  # os.kill(pid, 0) would terminate the process there
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True  # another user's process, or no pid at all: keep the file
    return True
