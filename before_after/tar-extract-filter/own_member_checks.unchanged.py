# case: refuses the function checks each member itself, after tarfile's data filter
"""Shaped like esphome's framework_helpers.py, with a 7z archive beside the tar."""
import os
import tarfile

import py7zr


def tar_extract_all(path, destination):
    """Extract every safe member of the archive.

    Inspired by Python 3.12's tarfile data filtering logic; it can go once
    Python 3.11 is no longer supported.
    """
    with tarfile.open(path) as tar_ref:
        safe = [m for m in tar_ref.getmembers() if m.isfile() and ".." not in m.name]
        for member in safe:
            member.mode &= 0o755
            tar_ref.extract(member, os.path.abspath(destination))


def sevenzip_extract_all(data, staging, targets):
    with py7zr.SevenZipFile(data, "r") as z:
        z.extract(path=staging, targets=targets)
