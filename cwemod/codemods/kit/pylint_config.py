"""pylint's configuration: the line length it checks, and the checks it turns off.

pylint reads its own files (pylintrc, .pylintrc: any section), pyproject.toml's
``[tool.pylint]`` tables, then the ``pylint`` sections of setup.cfg and tox.ini.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from cwemod.codemods.kit.lines import length_of
from cwemod.codemods.kit.pyproject import parsed_ini, tool_tables
from cwemod.codemods.kit.scanner_marks import PYLINT_MESSAGES

# pylint's own files (any section), then the files where it reads only its ``pylint`` sections
# (``[pylint.FORMAT]``), in the order pylint looks for them in a folder.
_PYLINTRCS = ("pylintrc", ".pylintrc")
_PYLINT_SECTIONED = ("setup.cfg", "tox.ini")
_PYLINT_LENGTH = re.compile(r"max[-_]line[-_]length")
_CONTROLS = re.compile(r"^\s*(?:disable|enable)\s*=", re.MULTILINE)


def pylint_line_length(folder: Path) -> int | None:
    """pylint's ``max-line-length`` in ``folder``'s pylintrc, .pylintrc, pyproject.toml's
    ``[tool.pylint]`` (or a table of it: ``[tool.pylint.format]``), setup.cfg or tox.ini
    (tuir's .pylintrc: ``[FORMAT] max-line-length=100``); None when none sets it."""
    for name in _PYLINTRCS:
        found = _ini_pylint_length(folder / name, lambda section: True)
        if found:
            return found
    found = _pyproject_pylint_length(folder)
    if found:
        return found
    for name in _PYLINT_SECTIONED:
        found = _ini_pylint_length(folder / name, lambda section: section.startswith("pylint"))
        if found:
            return found
    return None


def _ini_pylint_length(path: Path, read: Callable[[str], bool]) -> int | None:
    """The ``max-line-length`` of the first section ``read`` accepts that sets one."""
    parser = parsed_ini(path, _PYLINT_LENGTH)
    for section in [] if parser is None else parser.sections():
        if read(section):
            found = length_of(parser.get(section, "max-line-length", fallback=""))  # type: ignore[union-attr]
            if found:
                return found
    return None


def _pylint_tables(folder: Path) -> list[dict[str, Any]]:
    """pyproject.toml's ``[tool.pylint]`` and its tables (``[tool.pylint.format]``); [] where
    it has none."""
    pylint = (tool_tables(folder) or {}).get("pylint")
    if not isinstance(pylint, dict):
        return []
    return [pylint, *(table for table in pylint.values() if isinstance(table, dict))]


def _pyproject_pylint_length(folder: Path) -> int | None:
    for table in _pylint_tables(folder):
        found = length_of(table.get("max-line-length"))
        if found:
            return found
    return None


# A check turned off by its category: missing-timeout is a warning (W3101).
_CATEGORIES = {"all", "w"}


def pylint_disabled(folder: Path) -> frozenset[str]:
    """The scanner rules (Bandit ids: ``B113``) whose pylint checks ``folder``'s pylint
    configuration turns off for every file (horizon's .pylintrc ``disable=`` list, with
    ``missing-timeout``), by name, id or category, and enables no other way."""
    for disabled, enabled in _message_controls(folder):
        if disabled or enabled:
            return frozenset(
                rule
                for rule in set(PYLINT_MESSAGES.values())
                if _listed(rule, disabled) and not _listed(rule, enabled)
            )
    return frozenset()


def _listed(rule: str, names: set[str]) -> bool:
    """Does ``names`` name a check of ``rule``, by its name, its id or its category?"""
    return bool(names & _CATEGORIES) or any(
        message.lower() in names for message, of in PYLINT_MESSAGES.items() if of == rule
    )


def _message_controls(folder: Path) -> Iterator[tuple[set[str], set[str]]]:
    """The ``disable`` and ``enable`` lists (lower case) of each of pylint's files in
    ``folder``, in the order pylint reads them."""
    for name in _PYLINTRCS:
        yield _ini_controls(folder / name, lambda section: True)
    tables = _pylint_tables(folder)
    if tables:
        yield (
            {name for table in tables for name in _names(table.get("disable"))},
            {name for table in tables for name in _names(table.get("enable"))},
        )
    for name in _PYLINT_SECTIONED:
        yield _ini_controls(folder / name, lambda section: section.startswith("pylint"))


def _ini_controls(path: Path, read: Callable[[str], bool]) -> tuple[set[str], set[str]]:
    parser = parsed_ini(path, _CONTROLS)
    sections = [] if parser is None else [name for name in parser.sections() if read(name)]

    def listed(option: str) -> set[str]:
        return {
            name
            for section in sections
            for name in _names(parser.get(section, option, fallback=""))  # type: ignore[union-attr]
        }

    return listed("disable"), listed("enable")


def _names(value: object) -> Iterator[str]:
    """The message names of a ``disable=`` value: a list, or text split at commas and line
    ends, each line's comment dropped."""
    if isinstance(value, list):
        yield from (str(name).strip().lower() for name in value)
        return
    if not isinstance(value, str):
        return
    for line in value.splitlines():
        for name in line.partition("#")[0].split(","):
            if name.strip():
                yield name.strip().lower()
