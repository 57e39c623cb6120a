# case: ignores a file named for locking, opened to read, is data (Pipfile.lock), not a lock
"""Shaped like pipenv's utils/locking.py: the dependency lock file, read back."""
import json


def load_lockfile(project_dir, lockfile_name):
    lockfile_path = project_dir / lockfile_name
    with open(lockfile_path.as_posix()) as f:
        return json.load(f)
