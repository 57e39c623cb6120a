"""A file-level `# ruff: noqa` (or flake8's) naming no rule quiets every linter rule at
once: a style choice, not a review of this shell command."""
# ruff: noqa
# flake8: noqa
import subprocess


def show(name):
    return subprocess.run(["git", "show", str(name)], check=False)
