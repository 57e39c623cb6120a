"""Where a project starts: the folder that holds a project marker file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from cwemod.codemods.kit.ansible import MARKERS as ANSIBLE_MARKERS
from cwemod.codemods.kit.lint_excludes import VENDORED

# Any of these marks the top of a project (checked from the file upwards).
_ROOT_MARKERS = (
    "tox.ini",
    "setup.cfg",
    ".flake8",
    "pyproject.toml",
    "setup.py",
    ".git",
    *ANSIBLE_MARKERS,
)


def is_root(directory: Path, exists: Callable[[str, str], bool] | None = None) -> bool:
    """Does ``directory`` hold a project marker file (is it the top of a project)?

    ``exists(directory, name)`` answers as ``os.path.exists`` would: a run
    asks this of every directory it walks, and knows their listings.
    """
    if directory.parent.name in VENDORED:
        # archivebox's vendor/pocket, a submodule checkout (its .git a pointer file): the
        # project above vendors it, and its linters leave the folder out
        return False
    exists = exists or _exists
    where = str(directory)
    if any(exists(where, marker) for marker in _ROOT_MARKERS if marker not in _IN_PACKAGES):
        return True
    # In a package these mark no project: its own module named setup.py (kiwi's
    # kiwi/system/setup.py), a linter setting for the package alone (archivebox's
    # archivebox/.flake8, beside the pyproject.toml above that names its requirements).
    if not any(exists(where, marker) for marker in _IN_PACKAGES):
        return False
    # deluge's plugins each have a setup.py in deluge/plugins/<Name>/: shipped inside the
    # package, they run on the Python deluge supports
    above = str(directory.parent)
    return not exists(where, "__init__.py") and not exists(above, "__init__.py")


_IN_PACKAGES = frozenset({"setup.py", ".flake8", ".git"})


def _exists(directory: str, name: str) -> bool:
    return os.path.exists(os.path.join(directory, name))
