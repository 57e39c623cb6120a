# case: unsafe
# case: ignores os.fdopen() takes fd over inside a try whose handler closes fd if it fails; the file object owns it after that
"""rpmdeplint's repodata.py: os.fdopen() takes the descriptor from mkstemp() over in a
try of its own, whose handler closes it; a second try closes the file object."""
import os
from tempfile import mkstemp


def download(directory, chunks):
    fd, temp_path = mkstemp(dir=directory, text=False)
    try:
        f = os.fdopen(fd, "wb+")
    except Exception:
        os.close(fd)
        raise
    try:
        for chunk in chunks:
            f.write(chunk)
        f.flush()
        os.rename(temp_path, directory + "/final")
        return f
    except Exception:
        f.close()
        os.unlink(temp_path)
        raise


def checked(directory, data):
    fd, temp_path = mkstemp(dir=directory)
    try:
        os.fchmod(fd, 0o644)
        f = os.fdopen(fd, "wb")
    except Exception:
        os.close(fd)
        raise
    try:
        f.write(data)
    except Exception:
        f.close()
        os.unlink(temp_path)
        raise
    return f
