"""A directory removed in the finally of the try that follows a path built from it."""
# case: refuses a failure after `temp_dir` from tempfile.mkdtemp() already releases it
import os
import shutil
import tempfile


def build(args):
    temp_dir = tempfile.mkdtemp()
    path = os.path.join(temp_dir, "build.json")
    try:
        with open(path, "w") as f:
            f.write(args)
    finally:
        shutil.rmtree(temp_dir)
