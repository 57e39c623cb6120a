# case: refuses is registered as a cleanup (register_for_cleanup(...))
"""Shaped like ansible-runner's process isolation directory: its own registry of
cleanups (atexit.register(cleanup_folder, folder)) takes the directory."""
import os
import stat
import tempfile

from runner.utils import register_for_cleanup


def build_process_isolation_temp_dir(base):
    path = tempfile.mkdtemp(prefix='runner_pi_', dir=base)
    os.chmod(path, stat.S_IRUSR | stat.S_IWUSR | stat.S_IXUSR)

    register_for_cleanup(path)

    return path
