"""Bandit's configuration: the tests the project's bandit gate skips in every file.

Read from a ``bandit`` command in tox.ini (``bandit -r monasca_api -s
B101,B303``: ``-s``/``--skip``), an INI ``.bandit`` file's ``[bandit]
skips``, pyproject.toml's ``[tool.bandit] skips``, and a YAML configuration
(``bandit.yaml``, ``.bandit.yml``...) listing ``skips``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from cwemod.codemods.kit.pyproject import config_text, parsed_ini, tool_tables

# Bandit's YAML configuration files, by the names projects give them.
YAML_FILES = ("bandit.yaml", "bandit.yml", ".bandit.yaml", ".bandit.yml")
INI_FILE = ".bandit"
# A test id older Bandit gave the finding a codemod answers now: B303 reported hashlib.md5()
# and sha1() until B324 took them over (monasca-api skips B303 for its SHA-1 fingerprints).
_RENAMED = {"B303": "B324"}
_ID = re.compile(r"\bB\d{3}\b")
# A bandit command's skip option and its list (``-s B101,B303``, ``--skip=B101``).
_COMMAND = re.compile(r"\bbandit\b[^\n]*")
_SKIP = re.compile(r"(?:^|\s)(?:-s|--skip)(?:\s+|=)?([\w,\s]*?)(?=\s-|\s*$)")
# A bandit command's configuration file (ironic-python-agent's ``-c tools/bandit.yml``).
_CONFIG = re.compile(r"(?:^|\s)(?:-c|--configfile)(?:\s+|=)([\w./-]+)")
_SKIPS = re.compile("skips")
_YAML_SKIPS = re.compile(r"^skips\s*:(.*(?:\n[ \t]*-[^\n]*)*)", re.MULTILINE)


def bandit_skipped(root: Path) -> frozenset[str]:
    """The Bandit test ids (as current Bandit names them) the project's bandit configuration
    skips for every file it scans."""
    found = {*_tox_skips(root), *_ini_skips(root), *_pyproject_skips(root), *_yaml_skips(root)}
    return frozenset(_RENAMED.get(test, test) for test in found) | frozenset(found)


def _tox_skips(root: Path) -> Iterator[str]:
    """The tests a bandit command of tox.ini skips, by ``-s`` or in the YAML configuration
    its ``-c`` names."""
    for command in _COMMAND.findall(config_text(root / "tox.ini")):
        for listed in _SKIP.findall(command):
            yield from _ID.findall(listed)
        for path in _CONFIG.findall(command):
            yield from _listed_in_yaml(config_text(root / path))


def _ini_skips(root: Path) -> Iterator[str]:
    parser = parsed_ini(root / INI_FILE, _SKIPS)
    if parser is not None:
        yield from _ID.findall(parser.get("bandit", "skips", fallback=""))


def _pyproject_skips(root: Path) -> Iterator[str]:
    bandit = (tool_tables(root) or {}).get("bandit")
    skips = bandit.get("skips") if isinstance(bandit, dict) else None
    if isinstance(skips, list):
        yield from _ID.findall(" ".join(map(str, skips)))


def _yaml_skips(root: Path) -> Iterable[str]:
    for name in YAML_FILES:
        yield from _listed_in_yaml(config_text(root / name))


def _listed_in_yaml(text: str) -> Iterator[str]:
    """The test ids of a YAML configuration's ``skips`` list (inline or one item a line)."""
    for listed in _YAML_SKIPS.findall(text):
        yield from _ID.findall(listed)
