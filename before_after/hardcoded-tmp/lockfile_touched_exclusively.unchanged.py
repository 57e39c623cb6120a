# case: unsafe
# case: refuses created exclusively (O_EXCL), so no link is followed, but another user can create it first
# case: refuses every holder must agree on the name, so put it in a directory the service owns
"""Shaped like httpie's utils.open_with_lockfile(): a lock file named for the file it
guards, made with Path.touch(exist_ok=False) (O_CREAT | O_EXCL), a second holder refused
on FileExistsError. mkstemp() would give each process a name of its own: no lock."""
import base64
import os
import tempfile
from contextlib import contextmanager
from pathlib import Path


class LockFileError(ValueError):
    pass


@contextmanager
def open_with_lockfile(file, *args, **kwargs):
    file_id = base64.b64encode(os.fsencode(file)).decode()
    target_file = Path(tempfile.gettempdir()) / file_id
    try:
        target_file.touch(exist_ok=False)
    except FileExistsError as exc:
        raise LockFileError("Can't modify a locked file.") from exc
    try:
        with open(file, *args, **kwargs) as stream:
            yield stream
    finally:
        target_file.unlink()
