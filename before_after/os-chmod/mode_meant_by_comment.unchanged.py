# case: refuses a comment above the call says why mode 0o777 lets others write
"""Shaped like nbgrader's submit: the instructor, another user, deletes it later."""
import os


def open_for_instructor(dest_path):
    # Make this 0777=ugo=rwx so the instructor can delete later.
    os.chmod(dest_path, 0o777)
