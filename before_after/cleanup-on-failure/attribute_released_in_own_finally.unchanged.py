"""Shaped like atomic-reactor's outer.py: the method that makes self.temp_dir removes
it in the finally of the try that follows a path built from it."""
# case: refuses a failure after `self.temp_dir` from tempfile.mkdtemp() already releases it
import json
import os
import shutil
import tempfile


class PrivilegedBuildManager(object):
    def __init__(self, build_args):
        self.build_args = build_args
        self.temp_dir = None

    def _build(self, build_method):
        self.temp_dir = tempfile.mkdtemp()
        temp_path = os.path.join(self.temp_dir, "build.json")
        try:
            with open(temp_path, "w") as build_json:
                json.dump(self.build_args, build_json)
            return build_method(self.temp_dir)
        finally:
            shutil.rmtree(self.temp_dir)
