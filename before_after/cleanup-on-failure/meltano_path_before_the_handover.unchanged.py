# case: ignores the descriptor is handed to open() at once: building a Path from the name between cannot fail
"""meltano's core/cloud/credentials.py: mkstemp(), a Path of the name, then a try whose
with takes the descriptor over; the handler removes the file."""
import json
import tempfile
from pathlib import Path


def store(directory, target, credentials):
    fd, tmp_name = tempfile.mkstemp(dir=directory)
    tmp_path = Path(tmp_name)
    try:
        with open(fd, "w", closefd=True) as tmp_file:
            json.dump(credentials, tmp_file, indent=2)
            tmp_file.write("\n")
        tmp_path.replace(target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
