# case: unsafe
# case: refuses a relative dir
import tempfile


def dump(data):
    path = tempfile.mktemp(dir="out")
    with open(path, "w") as handle:
        handle.write(data)
