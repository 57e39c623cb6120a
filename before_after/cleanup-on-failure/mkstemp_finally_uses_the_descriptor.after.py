# case: unsafe
"""Shaped like enos's kolla.py, its finally using the descriptor: a close
first there would come before that use, so the try is wrapped whole."""
import json
import os
import tempfile


def load(render):
    fd, path = tempfile.mkstemp()
    try:
        try:
            render(path)
            with open(path) as f:
                return json.load(f)
        finally:
            os.fsync(fd)
            os.unlink(path)
    finally:
        os.close(fd)
