# case: unsafe
import json
import tempfile


def dump(data):
    path = tempfile.mktemp(suffix=".json", prefix="dump-")
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(data, handle)
    return path
