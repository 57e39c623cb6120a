# case: unsafe
# case: oldest-python 3.9
"""Shaped like pyroma's distributiondata.py: the widely copied CVE-2007-4559 check (which a
symlink member gets past), in a helper whose numeric_owner parameter no caller passes."""

import os
import pathlib
import tarfile
import tempfile


def _safe_extract_tar(tar, path=".", members=None, numeric_owner=False):
    """Safely extract a tar w/o traversing parent dirs to fix CVE-2007-4559."""
    root = pathlib.Path(path).resolve()
    for member in tar.getmembers():
        member_path = (root / member.name).resolve()
        if root not in member_path.parents:
            raise Exception(f"Attempted path traversal in tar file {tar.name!r}")
    tar.extractall(path, members, numeric_owner=numeric_owner, filter="data")


def get_data(path):
    tempdir = tempfile.mkdtemp()
    with tarfile.open(name=path, mode="r:*") as tar_file:
        _safe_extract_tar(tar_file, path=tempdir)
    return os.listdir(tempdir)
