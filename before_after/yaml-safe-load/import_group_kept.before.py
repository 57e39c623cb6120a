# case: unsafe
"""Shaped like trio's sync_requirements tool: the fastest loader PyYAML has, by name."""
import sys

from yaml import load as load_yaml

try:
    from yaml import CLoader as Loader
except ImportError:
    from yaml import Loader


def pre_commit_versions(path):
    with open(path, encoding="utf-8") as file:
        return load_yaml(file.read(), Loader)["repos"]


if __name__ == "__main__":
    print(pre_commit_versions(sys.argv[1]))
