# case: unsafe
# case: refuses the code tests whether tarfile has the data filter and extracts accordingly
"""Shaped like pdm's build command: the else runs below 3.12, where 3.10.0-3.10.11 and
3.11.0-3.11.3 have no filter= (a TypeError)."""
import sys
import tarfile


def unpack(sdist, sdist_out):
    with tarfile.open(sdist, "r:gz") as tf:
        if sys.version_info >= (3, 12):
            tf.extractall(sdist_out, filter="data")
        else:  # pragma: no cover
            tf.extractall(sdist_out)
