# case: unsafe
# case: ignores a removal command run with the directory releases it (noted where a report asks)
"""Shaped like Fabric's upload_project(): rm -rf in a finally removes the directory."""
import os
from tempfile import mkdtemp


def upload_project(local, put, local_dir, remote_dir):
    tar_file = "%s.tar.gz" % os.path.basename(local_dir)
    tmp_folder = mkdtemp()

    try:
        tar_path = os.path.join(tmp_folder, tar_file)
        local("tar -czf %s %s" % (tar_path, local_dir))
        put(tar_path, os.path.join(remote_dir, tar_file))
    finally:
        local("rm -rf %s" % tmp_folder)
