"""Writing changed files: atomically, keeping mode, refusing stale files."""

from __future__ import annotations

import os
import stat
import tempfile
from pathlib import Path


class StaleFileError(Exception):
    """The file changed on disk after it was read; writing would lose that change."""


def write_atomically(path: Path, expected_old: bytes, new: bytes) -> None:
    """Replace ``path`` with ``new`` if it still holds ``expected_old``.

    The new content goes to a temporary file in the same directory (same
    file system), gets the old file's permission bits, is flushed to disk and
    then renamed over the original, so a reader sees the old or the new
    file, never half of one.
    """
    if path.read_bytes() != expected_old:
        raise StaleFileError(f"{path}: changed on disk since it was read; not written")
    mode = stat.S_IMODE(path.stat().st_mode)
    descriptor, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".cwemod")
    try:
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(new)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
