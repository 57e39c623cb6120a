# case: refuses the code tests whether tarfile has the data filter and extracts accordingly
"""Shaped like flit's build.py: the keyword chosen by a test for the filter, then unpacked."""
import tarfile


def unpack(archive, tmpdir):
    with tarfile.open(archive) as tf:
        kw = {'filter': 'data'} if hasattr(tarfile, 'data_filter') else {}
        tf.extractall(tmpdir, **kw)
