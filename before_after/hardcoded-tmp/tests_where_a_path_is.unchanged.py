# case: refuses tests the directory /tmp itself: no file in it is named
from pathlib import Path


def extra_mounts(tmp_dir):
    # cibuildwheel's pyodide platform: Pyodide sees nothing under /tmp unless mounted
    mounts = [str(tmp_dir)]
    if Path.cwd().is_relative_to("/tmp"):
        mounts.append(str(Path.cwd()))
    return mounts
