# case: unsafe
"""Shaped like enos's kolla.py: a bare # line parts two paragraphs."""
import os
import tempfile


def write_globals(render, values):
    fd, path = tempfile.mkstemp()
    try:
        # Note: the inventory is rendered first.
        #
        # Kolla reads its globals from this file, so every value the user
        # passed is written there before the deployment starts.
        render(path, values)
        return path
    finally:
        os.close(fd)
