# case: unsafe
"""Shaped like enos's kolla.py, with a step that can fail between mkstemp()
and the try: a release in that try's finally would miss its failure, so the
whole rest of the function is wrapped, as before."""
import json
import os
import tempfile


def load(render):
    fd, path = tempfile.mkstemp()
    try:
        render(path)
        try:
            with open(path) as f:
                return json.load(f)
        finally:
            os.unlink(path)
    finally:
        os.close(fd)
