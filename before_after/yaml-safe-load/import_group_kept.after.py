# case: unsafe
"""Shaped like trio's sync_requirements tool: the fastest loader PyYAML has, by name."""
import sys

from yaml import safe_load


def pre_commit_versions(path):
    with open(path, encoding="utf-8") as file:
        return safe_load(file.read())["repos"]


if __name__ == "__main__":
    print(pre_commit_versions(sys.argv[1]))
