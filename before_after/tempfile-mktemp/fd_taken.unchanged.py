# case: refuses already names something else
import os
import tempfile

fd = 0
tmp_fd = 1


def dump(data):
    path = tempfile.mktemp()
    with open(path, "w") as handle:
        handle.write(data)
