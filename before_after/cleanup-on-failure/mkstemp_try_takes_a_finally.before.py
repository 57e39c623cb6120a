# case: unsafe
"""Shaped like enos's kolla.py, its try with a handler and no finally: the
never-closed descriptor's release becomes that try's finally."""
import json
import os
import tempfile


def load(render):
    fd, path = tempfile.mkstemp()

    try:
        render(path)
        with open(path) as f:
            return json.load(f)
    except ValueError:
        return None
