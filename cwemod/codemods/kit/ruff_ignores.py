"""The scanner rules a project's ruff configuration turns off for some of its files.

ceilometer's ``[tool.ruff.lint.per-file-ignores]`` gives ``"tools/*" = ["S"]``:
the project does not hold its developer tools to flake8-bandit's rules, so a
finding of those rules there is the project's accepted choice, as a
``# noqa: S108`` on the line would be.

A rule may be given by its name where the project sets ruff's ``preview``
(pytest-ansible's ``"tests/**" = ["subprocess-popen-with-shell-equals-true"]``):
it is read as its code, S602.
"""

from __future__ import annotations

import fnmatch
from collections.abc import Collection
from pathlib import Path

from cwemod.codemods.kit.lines import ruff_table
from cwemod.codemods.kit.scanner_marks import RUFF_RULE_NAMES

# (glob, the ruff rule codes or prefixes it turns off) of each per-file-ignores entry.
PerFileIgnores = tuple[tuple[str, tuple[str, ...]], ...]


def per_file_ignores(root: Path) -> PerFileIgnores:
    """The project's ruff ``per-file-ignores``, from ruff.toml or pyproject.toml, and its
    ``ignore`` of flake8-bandit's rules for every file (scrapyd-client's ``"S113",  #
    timeout``), as an entry for ``*``."""
    table = ruff_table(root)
    lint = table.get("lint")
    lint = lint if isinstance(lint, dict) else {}
    entries = lint.get("per-file-ignores")
    if not isinstance(entries, dict):
        entries = table.get("per-file-ignores")
    found = [
        (glob, tuple(_code(code) for code in codes if isinstance(code, str)))
        for glob, codes in (entries.items() if isinstance(entries, dict) else ())
        if isinstance(glob, str) and isinstance(codes, list) and not glob.startswith("!")
    ]
    everywhere = [
        _code(code)
        for key in ("ignore", "extend-ignore")
        for codes in (lint.get(key), table.get(key))
        if isinstance(codes, list)
        for code in codes
        if isinstance(code, str) and _code(code).startswith("S")
    ]
    return tuple(found + ([(EVERY_FILE, tuple(everywhere))] if everywhere else []))


def _code(rule: str) -> str:
    """The code of a rule ruff's configuration gives by code, prefix or name (its ``S``
    code for a name of :data:`RUFF_RULE_NAMES`; any other as given)."""
    bandit_id = RUFF_RULE_NAMES.get(rule)
    return f"S{bandit_id[1:]}" if bandit_id else rule


# The glob of the entry :func:`per_file_ignores` makes of ``ignore`` and ``extend-ignore``.
EVERY_FILE = "*"


def ignores_any(ignores: PerFileIgnores, module_path: str, bandit_ids: Collection[str]) -> bool:
    """Does an entry for ``module_path`` turn off the ruff rule of one of ``bandit_ids``?"""
    return ignoring_glob(ignores, module_path, bandit_ids) is not None


def ignoring_glob(
    ignores: PerFileIgnores, module_path: str, bandit_ids: Collection[str]
) -> str | None:
    """The glob of the first entry for ``module_path`` that turns off the ruff rule of one of
    ``bandit_ids`` (:data:`EVERY_FILE` for a rule turned off project-wide), else None."""
    ruff_codes = [f"S{bandit_id[1:]}" for bandit_id in bandit_ids]
    name = module_path.rpartition("/")[2]
    return next(
        (
            glob
            for glob, prefixes in ignores
            if (fnmatch.fnmatchcase(module_path, glob) or fnmatch.fnmatchcase(name, glob))
            and any(_turns_off(prefix, code) for prefix in prefixes for code in ruff_codes)
        ),
        None,
    )


def _turns_off(prefix: str, code: str) -> bool:
    return prefix == "ALL" or code.startswith(prefix)
