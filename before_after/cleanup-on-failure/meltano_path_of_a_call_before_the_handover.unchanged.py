# case: refuses the steps before it can fail: release fd by hand
"""meltano's core/cloud/credentials.py, with the Path built of what a call returns: that
call can fail before open() takes the descriptor over."""
import json
import tempfile
from pathlib import Path


def store(directory, target, credentials):
    fd, tmp_name = tempfile.mkstemp(dir=directory)
    tmp_path = Path(resolve(tmp_name))
    try:
        with open(fd, "w", closefd=True) as tmp_file:
            json.dump(credentials, tmp_file, indent=2)
        tmp_path.replace(target)
    except BaseException:
        tmp_path.unlink(missing_ok=True)
        raise
