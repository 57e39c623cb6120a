"""``pyproject.toml``, parsed once however many parts of a run read it."""

from __future__ import annotations

import configparser
import functools
import re
import sys
from collections.abc import Mapping
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

TOMLDecodeError = tomllib.TOMLDecodeError


def read_pyproject(path: Path) -> Mapping[str, Any]:
    """The TOML document at ``path``; callers read it and never change it.

    The run's configuration and the project's line length both read the
    same file (Neutron's is 22 kB, 5 ms to parse): the text is parsed once,
    and again only when it differs. Raises :class:`OSError`,
    :class:`UnicodeDecodeError` or :data:`TOMLDecodeError`.
    """
    return _parsed(path.read_text(encoding="utf-8"))


def tool_tables(folder: Path) -> Mapping[str, Any] | None:
    """The ``[tool]`` table of ``folder``'s pyproject.toml; None without one that reads."""
    path = folder / "pyproject.toml"
    if not path.is_file():
        return None
    try:
        tool = read_pyproject(path).get("tool", {})
    except (OSError, TOMLDecodeError, UnicodeDecodeError):
        return None
    return tool if isinstance(tool, dict) else {}


def config_text(path: Path) -> str:
    """The text of a project file (setup.cfg, setup.py, pyproject.toml); "" where there is
    none, or it cannot be read as UTF-8."""
    try:
        return path.read_text(encoding="utf-8") if path.is_file() else ""
    except (OSError, UnicodeDecodeError):
        return ""


def parsed_ini(path: Path, needle: re.Pattern[str]) -> configparser.ConfigParser | None:
    """The ini file at ``path`` (pylint's .pylintrc, bandit's .bandit), where its text has
    ``needle``; None where it has not, or it cannot be read or parsed."""
    text = config_text(path)
    if not needle.search(text):
        return None
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text, source=str(path))
    except configparser.Error:
        return None
    return parser


def table(document: Any, *keys: str) -> dict[str, Any]:
    """The table at ``keys`` in a TOML ``document`` (``"tool", "setuptools"``); {} where a
    key is missing or names something else."""
    for key in keys:
        document = document.get(key) if isinstance(document, dict) else None
    return document if isinstance(document, dict) else {}


@functools.lru_cache(maxsize=4)
def _parsed(text: str) -> Mapping[str, Any]:
    return tomllib.loads(text)
