# case: unsafe
# case: refuses joining tempfile.gettempdir() would only hide the finding
"""A fixed name whose type is checked, but not its owner: another user's directory
passes, so the fixed-name advice stays."""
import os
import stat


def cache_dir():
    path = "/tmp/app-cache"
    if not os.path.exists(path):
        os.mkdir(path, 0o700)
    elif not stat.S_ISDIR(os.lstat(path).st_mode):
        raise RuntimeError(path)
    return path
