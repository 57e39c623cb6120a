"""The files a project's linters leave out: code that is not the project's to patch.

PyInstaller's ``.flake8`` excludes ``bootloader``, whose ``waflib`` is waf,
vendored and downloaded again by a script; exabgp's ruff excludes its
``vendoring`` folder. A fix there is churn a reviewer sends back, and the
next update of the vendored code would undo it.
"""

from __future__ import annotations

import fnmatch
from pathlib import Path

from cwemod.codemods.kit.lines import flake8_configs, ruff_table

# flake8's own defaults, which its ``exclude`` replaces (not part of a project's choice).
_FLAKE8_DEFAULT = (
    ".svn",
    "CVS",
    ".bzr",
    ".hg",
    ".git",
    "__pycache__",
    ".tox",
    ".nox",
    ".eggs",
    "*.egg",
)


def lint_excludes(root: Path) -> tuple[str, ...]:
    """The patterns of the project's flake8 ``exclude``/``extend-exclude`` and ruff's."""
    patterns: list[str] = []
    for parser in flake8_configs(root):
        if parser.has_section("flake8"):
            for key in ("exclude", "extend-exclude"):
                patterns += _split(parser.get("flake8", key, fallback=""))
            break  # flake8 reads the first file with its section
    ruff = ruff_table(root)
    for key in ("exclude", "extend-exclude"):
        value = ruff.get(key)
        if isinstance(value, list):
            patterns += [item for item in value if isinstance(item, str)]
    return tuple(p for p in dict.fromkeys(patterns) if p not in _FLAKE8_DEFAULT)


def is_lint_excluded(patterns: tuple[str, ...], module_path: str) -> bool:
    """Does a pattern match ``module_path`` (project-relative), one of its folders, or its
    name, as flake8 matches names and paths while it walks?"""
    if not patterns or not module_path:
        return False
    parts = module_path.split("/")
    prefixes = ["/".join(parts[: end + 1]) for end in range(len(parts))]
    for pattern in patterns:
        bare = pattern.removeprefix("./").rstrip("/")
        if not bare or bare.startswith("."):
            continue  # hidden folders: never walked for code
        if any(fnmatch.fnmatchcase(part, bare) for part in parts) or any(
            fnmatch.fnmatchcase(prefix, bare) for prefix in prefixes
        ):
            return True
    return False


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.replace("\n", ",").split(",") if item.strip()]
