"""The folders a project's packaging ships its own code from: a src layout's ``src``.

tendo's setup.cfg says ``package_dir = =src`` and ``[options.packages.find] where =
src``, and its flake8 ``exclude`` names ``src`` too: whatever a linter is told, that
folder is the project's code (:func:`~cwemod.codemods.kit.lint_excludes.lint_excludes`).
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path
from typing import Any

from cwemod.codemods.kit.pyproject import TOMLDecodeError, config_text, read_pyproject, table

# setup.py's ``package_dir={"": "src"}`` and ``find_packages("src")`` (or ``where="src"``).
_SETUP_PY = re.compile(
    r"""package_dir\s*=\s*\{\s*(['"])\1\s*:\s*['"]([^'"]+)['"]"""
    r"""|find_(?:namespace_)?packages\(\s*(?:where\s*=\s*)?['"]([^'"]+)['"]"""
)


def package_folders(root: Path) -> frozenset[str]:
    """The folders (relative to ``root``, POSIX) that the packaging of the project at
    ``root`` ships its code from: setuptools' ``package_dir`` and ``packages.find``
    ``where`` (setup.cfg, setup.py, pyproject.toml), hatch's wheel ``packages``, poetry's
    ``packages``, and ``src/<name>`` where pyproject.toml's project name is a folder there."""
    found = [*_from_setup_cfg(root), *_from_pyproject(root)]
    text = config_text(root / "setup.py")
    if "package_dir" in text or "packages(" in text:
        found += [where or folder for _, folder, where in _SETUP_PY.findall(text)]
    folders = (item.strip().removeprefix("./").strip("/") for item in found)
    return frozenset(folder for folder in folders if folder and folder != ".")


def _from_setup_cfg(root: Path) -> list[str]:
    text = config_text(root / "setup.cfg")
    if "package_dir" not in text and "where" not in text:
        return []
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    mapping = parser.get("options", "package_dir", fallback="")
    where = parser.get("options.packages.find", "where", fallback="")
    # ``package_dir =`` then ``= src`` (or ``pkg = lib/pkg``) a line, or ``=src`` on one
    return [line.partition("=")[2] for line in re.split(r"[\n,]", mapping) if "=" in line] + [where]


def _from_pyproject(root: Path) -> list[str]:
    path = root / "pyproject.toml"
    if not path.is_file():
        return []
    try:
        document = read_pyproject(path)
    except (OSError, UnicodeDecodeError, TOMLDecodeError):
        return []
    setuptools = table(document, "tool", "setuptools")
    found = _strings(table(setuptools, "package-dir").values())
    found += _strings(table(setuptools, "packages", "find").get("where"))
    found += _strings(table(document, "tool", "hatch", "build", "targets", "wheel").get("packages"))
    poetry = table(document, "tool", "poetry")
    for package in poetry.get("packages") or []:
        if isinstance(package, dict) and isinstance(package.get("include"), str):
            found.append(f"{package.get('from') or '.'}/{package['include']}")
    name = table(document, "project").get("name") or poetry.get("name")
    if isinstance(name, str) and name:
        own = "src/" + re.sub(r"[-_.]+", "_", name).lower()
        found += [own] if (root / own).is_dir() else []
    return found


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        return [value]
    try:
        return [item for item in value if isinstance(item, str)]
    except TypeError:
        return []
