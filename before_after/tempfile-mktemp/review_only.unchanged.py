# case: refuses mkstemp creates the file with mode 0600
import os
import tempfile


def dump(data):
    path = tempfile.mktemp()
    with open(path, "w") as handle:
        handle.write(data)
