# case: unsafe
# case: refuses the module writes tar archives too (line 9)
"""Shaped like barman's cloud.py: backups it makes, restored by the same module."""
import os
import tarfile


def upload_directory(src, dst):
    with tarfile.open(dst, "w|gz") as tar:
        for root, _dirs, files in os.walk(src):
            for name in files:
                tar.add(os.path.join(root, name), arcname=os.path.relpath(root, src))


def extract_tar(fileobj, dst):
    with tarfile.open(fileobj=fileobj, mode="r|*") as tf:
        tf.extractall(path=dst)
