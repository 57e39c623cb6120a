# case: refuses the module writes YAML with yaml.dump (line 22), whose Python tags
"""Shaped like hyde's model.py (Dependents): the dependency file it loads is
the one its save() writes with yaml.dump, whose Python tags (every unicode
string on Python 2, a tuple, a set) safe_load refuses."""
import os

import yaml


class Deps(object):
    """The dependency graph, kept between runs."""

    def __init__(self, path):
        self.path, self.data = path, {}
        if os.path.exists(path):
            with open(path) as handle:
                self.data = yaml.load(handle.read())

    def save(self):
        """Write the graph back."""
        with open(self.path, "w") as handle:
            handle.write(yaml.dump(self.data))
