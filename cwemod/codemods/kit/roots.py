"""Where a project starts: the folder that holds a project marker file."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

from cwemod.codemods.kit.ansible import MARKERS as ANSIBLE_MARKERS

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
    exists = exists or _exists
    where = str(directory)
    if any(exists(where, marker) for marker in _ROOT_MARKERS if marker != "setup.py"):
        return True
    # A package's own module named setup.py (kiwi's kiwi/system/setup.py) marks no project.
    return exists(where, "setup.py") and not exists(where, "__init__.py")


def _exists(directory: str, name: str) -> bool:
    return os.path.exists(os.path.join(directory, name))
