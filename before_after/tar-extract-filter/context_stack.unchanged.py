# case: unsafe
# case: refuses the code tests whether tarfile has the data filter and extracts accordingly
"""Shaped like ansible-core's packaging/release.py: archives opened on a context stack."""

import contextlib
import tarfile
import zipfile


def unpack(sdist_file, wheel_file, temp_dir):
    with contextlib.ExitStack() as stack:
        sdist = stack.enter_context(tarfile.open(sdist_file))
        if hasattr(tarfile, 'data_filter'):
            sdist.extractall(temp_dir, filter='data')
        else:
            sdist.extractall(temp_dir)
        wheel = stack.enter_context(zipfile.ZipFile(wheel_file))
        wheel.extractall(temp_dir)
