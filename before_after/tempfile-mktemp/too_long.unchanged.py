# case: refuses longer than 79 columns
import os
import tempfile


def dump(data):
    a_rather_long_name = tempfile.mktemp(suffix=".json", prefix="a-long-prefix")
    with open(a_rather_long_name, "w") as handle:
        handle.write(data)
