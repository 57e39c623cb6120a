# case: refuses the name is not opened for writing
import tempfile


def probe():
    path = tempfile.mktemp()
    with open(path) as handle:
        return handle.read()
