# case: unsafe
import json
import os
import tempfile


def dump(data):
    fd, path = tempfile.mkstemp(suffix=".json", prefix="dump-")
    with os.fdopen(fd, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    return path
