"""Which order a project sorts its imports in: hacking's, or isort's.

Within a group, hacking (H306) sorts every import by its module's name
(``from datetime import ...`` before ``import logging``); isort, and ruff's
isort rules, put the ``import`` lines first, then the ``from`` lines, unless
``force_sort_within_sections`` (or a profile that sets it: google's,
open_stack's) sorts them together as hacking does.
"""

from __future__ import annotations

import configparser
from pathlib import Path
from typing import Any

from cwemod.codemods.kit.lines import read_ruff_toml
from cwemod.codemods.kit.pyproject import tool_tables

# The files isort reads its settings from, and the section in each.
_ISORT_SECTIONS = ((".isort.cfg", "settings"), ("setup.cfg", "isort"), ("tox.ini", "isort"))
_SORTED_TOGETHER_PROFILES = frozenset({"google", "open_stack"})


def sorts_as_isort(root: Path) -> bool:
    """Does the project at ``root`` configure isort (or ruff's isort rules) to put a group's
    ``import`` lines before its ``from`` lines? pretix's setup.cfg has an ``[isort]``
    section, and ``isort --check-only`` in its checks."""
    settings = _isort_settings(root)
    if settings is None:
        return False
    together = str(
        settings.get("force_sort_within_sections", settings.get("force-sort-within-sections"))
    )
    profile = str(settings.get("profile", "")).strip("\"'")
    return together.lower() not in ("true", "1", "yes") and profile not in _SORTED_TOGETHER_PROFILES


def _isort_settings(root: Path) -> dict[str, Any] | None:
    """isort's settings at ``root`` (ruff's ``[lint.isort]`` where ruff selects its "I"
    rules, or ignores them in some files), None where neither is configured."""
    for name, section in _ISORT_SECTIONS:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(root / name, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            continue
        if parser.has_section(section):
            return dict(parser.items(section))
    tool = tool_tables(root) or {}
    if isinstance(tool.get("isort"), dict):
        return tool["isort"]
    ruff = read_ruff_toml(root) or tool.get("ruff")
    lint = ruff.get("lint", ruff) if isinstance(ruff, dict) else None
    if not isinstance(lint, dict):
        return None
    selected = [*lint.get("select", []), *lint.get("extend-select", [])]
    # arcade selects E, F and W, runs `ruff check --select I` from its make.py, and turns
    # "I" off for its __init__.py files: a per-file ignore of "I" says it is run
    ignored = [
        rule
        for table in (lint.get("per-file-ignores"), lint.get("extend-per-file-ignores"))
        if isinstance(table, dict)
        for rules in table.values()
        if isinstance(rules, list)
        for rule in rules
    ]
    if not any(rule in ("I", "I001", "ALL") for rule in [*selected, *ignored]):
        return None
    isort = lint.get("isort", {})
    return isort if isinstance(isort, dict) else {}
