# case: refuses the code tests whether tarfile has the data filter and extracts accordingly
"""Shaped like pipenv's pure_python_sdist.py: filter= tried, TypeError where it is missing."""
import tarfile


def unpack(archive, dest_dir):
    with tarfile.open(archive) as tf:
        try:
            tf.extractall(dest_dir, filter="data")
        except TypeError:
            # Older Python (3.10 / early 3.11) without the filter keyword
            tf.extractall(dest_dir)
