# case: unsafe
# case: refuses imported under another name
from tempfile import mktemp as make_name


def dump(data):
    path = make_name()
    with open(path, "w") as handle:
        handle.write(data)
