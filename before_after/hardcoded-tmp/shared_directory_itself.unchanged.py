# case: refuses tempfile makes a random name in /dev/shm, a directory chosen on purpose
# case: refuses tests the directory /dev/shm itself: no file in it is named
"""Shaped like mlflow's server: a memory-backed directory when there is one."""
import os
import tempfile


def storage_path():
    return (
        tempfile.mkdtemp(dir="/dev/shm")  # Use in-memory file system if possible
        if os.path.exists("/dev/shm")
        else tempfile.mkdtemp()
    )
