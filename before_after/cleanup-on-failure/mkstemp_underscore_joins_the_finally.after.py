# case: unsafe
"""Shaped like enos's kolla.py: the descriptor, bound to `_`, never closed."""
import json
import os
import tempfile


def load(render):
    _, path = tempfile.mkstemp()

    try:
        render(path)
        with open(path) as f:
            return json.load(f)
    finally:
        os.close(_)
        os.unlink(path)
