# case: unsafe
# case: oldest-python 3.11
"""Shaped like pulpcore 3.123.1's app/tasks/importer.py: the widely copied
CVE-2007-4559 check (which a symlink member gets past), defined inside the
function that calls it, whose numeric_owner parameter its one call does not
pass."""
import os
import tarfile


def pulp_import(path, temp_dir):
    with tarfile.open(path, "r") as tar:

        def is_within_directory(directory, target):
            abs_directory = os.path.abspath(directory)
            abs_target = os.path.abspath(target)

            prefix = os.path.commonprefix([abs_directory, abs_target])

            return prefix == abs_directory

        def safe_extract(tar, path=".", members=None, *, numeric_owner=False):
            for member in tar.getmembers():
                member_path = os.path.join(path, member.name)
                if not is_within_directory(path, member_path):
                    raise Exception("Attempted Path Traversal in Tar File")

            tar.extractall(path, members, numeric_owner=numeric_owner,
                           filter="data")

        safe_extract(tar, path=temp_dir)
    return os.listdir(temp_dir)
