"""The files a project's linters leave out: code that is not the project's to patch.

PyInstaller's ``.flake8`` excludes ``bootloader``, whose ``waflib`` is waf,
vendored and downloaded again by a script; exabgp's ruff excludes its
``vendoring`` folder; Bandit's pre-commit ``exclude: ^(examples|tools|doc)``
leaves out the deliberately vulnerable files its functional tests scan. A fix
there is churn a reviewer sends back (or breaks those tests), and the next
update of the vendored code would undo it.

A folder named as vendored code is (``third_party``, ``_vendor``) is left out
whatever the configuration, but a module there that imports its host package by
name is the project's own code: ncclient's ``ncclient/operations/third_party``
holds its device-vendor operations, each importing ``ncclient.operations.rpc``;
a copy (pip's ``_vendor/requests``) imports itself relatively, by its own name or
through the vendored folder (``pip._vendor.urllib3``), never its host.
"""

from __future__ import annotations

import configparser
import fnmatch
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cwemod.codemods.kit.lines import flake8_configs, ruff_table
from cwemod.codemods.kit.package_folders import package_folders
from cwemod.codemods.kit.pyproject import tool_tables

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
    """The patterns of the project's flake8 ``exclude``/``extend-exclude`` (unless that
    flake8 checks only style and ruff checks security: :func:`_checks_style_only`), ruff's, its
    pre-commit config's top-level ``exclude`` (a regular expression), and the folder
    names vendored code goes in; but not a pattern naming the folder its packaging ships
    its code from (:func:`_names_shipped_code`)."""
    patterns: list[str] = []
    ruff = ruff_table(root)
    for parser in flake8_configs(root):
        if parser.has_section("flake8"):
            if not (_checks_style_only(parser) and _checks_security(ruff)):
                for key in ("exclude", "extend-exclude"):
                    patterns += _split(parser.get("flake8", key, fallback=""))
            break  # flake8 reads the first file with its section
    for key in ("exclude", "extend-exclude"):
        value = ruff.get(key)
        if isinstance(value, list):
            patterns += [item for item in value if isinstance(item, str)]
    pre_commit = _pre_commit_exclude(root)
    patterns += [f"{_REGEX}{pre_commit}"] if pre_commit else []
    patterns += _black_excludes(root)
    patterns = [p for p in dict.fromkeys(patterns) if p not in _FLAKE8_DEFAULT]
    if patterns:  # tendo's flake8 ``exclude = src``, where its setup.cfg ships its code
        shipped = package_folders(root)
        patterns = [p for p in patterns if not _names_shipped_code(p, shipped)]
    return (*dict.fromkeys(patterns), *(f"{_VENDORED_NAME}{name}" for name in VENDORED))


# Folders of other projects' code, by the names vendoring gives them (pip's ``_vendor``,
# sqlmap's ``thirdparty/bottle``): excluded or not, a fix there is not the project's to make.
VENDORED = ("_vendor", "vendor", "thirdparty", "third_party", "vendored", "_vendored")
# What :func:`left_out_reason` says: the project's linters leave the file out, or it is in
# a folder named for vendored code and shows no sign of being the project's own.
LINT_CONFIG = "lint"
VENDORED_FOLDER = "vendored"
# Besides those names, the folder setuptools' copies import each other through (its
# ``setuptools.extern`` importer, for ``setuptools/_vendor``).
_THROUGH_COPIES = frozenset({*VENDORED, "extern"})


# Marks a pattern that is a regular expression searched in the path (pre-commit's), or in
# the path with a leading ``/`` (black's).
_REGEX = "re:"
_BLACK = "black-re:"
# Marks a folder name of VENDORED (not one the project's configuration names).
_VENDORED_NAME = "vendored:"
# An import statement at a line's start: ``from X import`` or ``import X, Y as Z``.
_IMPORT = re.compile(r"^[ \t]*(?:from[ \t]+([.\w]+)[ \t]+import\b|import[ \t]+([^#;\n]+))", re.M)
# The top-level ``exclude:`` of a pre-commit config: a value on the line, or a block below.
_TOP_EXCLUDE = re.compile(r"^exclude:[ \t]*(.*?)[ \t]*$", re.MULTILINE)


# flake8-bandit's codes (S, S1, S101), flake8-bugbear's (B, B9), and ruff's ALL.
_BANDIT = re.compile(r"S\d*")
_BUGBEAR = re.compile(r"B\d*")


def _checks_style_only(parser: configparser.ConfigParser) -> bool:
    """Does this flake8 select its checks, none of them flake8-bandit's or flake8-bugbear's?
    oslo.utils' tox.ini runs only hacking (``select = H``) and excludes ``__init__.py``
    from it: a choice about style, not about which code is the project's. Without a
    ``select`` flake8 runs every plugin installed, flake8-bandit's too."""
    selected = [
        code
        for key in ("select", "extend-select")
        for code in _split(parser.get("flake8", key, fallback=""))
    ]
    if not parser.get("flake8", "select", fallback="").strip():
        return False
    return not any(_BANDIT.fullmatch(code) or _BUGBEAR.fullmatch(code) for code in selected)


def _checks_security(ruff: Mapping[str, Any]) -> bool:
    """Does the project's ruff select flake8-bandit's rules (``S``, ``S1``, ``S101``, or
    ``ALL``), in ``[tool.ruff.lint]`` or ``[tool.ruff]``?"""
    lint = ruff.get("lint")
    tables = [ruff, lint] if isinstance(lint, dict) else [ruff]
    return any(
        isinstance(code, str) and (code == "ALL" or _BANDIT.fullmatch(code))
        for table in tables
        for key in ("select", "extend-select")
        if isinstance(table.get(key), list)
        for code in table[key]
    )


def _names_shipped_code(pattern: str, shipped: frozenset[str]) -> bool:
    """Is ``pattern`` a glob that matches a folder the project's packaging ships its code
    from, or one above it (``src``, ``src/`` or ``./src`` where it ships ``src/pkg``)? A
    vendored folder's name never is one."""
    if pattern.startswith((_REGEX, _BLACK)):
        return False
    bare = pattern.removeprefix("./").rstrip("/")
    if not bare or bare in VENDORED:
        return False
    parts = [folder.split("/") for folder in shipped]
    above = {"/".join(folder[:end]) for folder in parts for end in range(1, len(folder) + 1)}
    return any(fnmatch.fnmatchcase(folder, bare) for folder in above)


def _black_excludes(root: Path) -> list[str]:
    """black's ``exclude`` and ``extend-exclude`` (guildai's vendored ``guild/external``):
    regular expressions black searches in ``/``-prefixed paths, verbose when they span
    lines."""
    black = (tool_tables(root) or {}).get("black")
    if not isinstance(black, dict):
        return []
    found = (black.get(key) for key in ("exclude", "extend-exclude", "force-exclude"))
    return [f"{_BLACK}{value}" for value in found if isinstance(value, str) and value.strip()]


def _pre_commit_exclude(root: Path) -> str | None:
    """The top-level ``exclude`` regex of the project's ``.pre-commit-config.yaml``."""
    try:
        text = (root / ".pre-commit-config.yaml").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    found = _TOP_EXCLUDE.search(text)
    if found is None:
        return None
    value = found[1]
    if value[:1] in ("|", ">"):  # a block: its indented lines, (?x) verbose as a rule
        block = []
        for line in text[found.end() :].splitlines()[1:]:
            if line.strip() and not line[:1].isspace():
                break
            block.append(line.strip())
        value = "\n".join(block)
    elif value[:1] in ("'", '"') and value[-1:] == value[:1]:
        value = value[1:-1]
    try:
        re.compile(value)
    except re.error:
        return None
    return value or None


def is_lint_excluded(patterns: tuple[str, ...], module_path: str) -> bool:
    """Is the module at ``module_path`` (project-relative) left out, by its path alone
    (:func:`left_out_reason`): a folder of it named for vendored code counts."""
    return left_out_reason(patterns, module_path) is not None


def left_out_reason(
    patterns: tuple[str, ...], module_path: str, text: str | bytes | None = None
) -> str | None:
    """Why the module at ``module_path`` is not the project's to patch: LINT_CONFIG where a
    pattern of its configuration matches it, VENDORED_FOLDER where one of its folders is
    named for vendored code and its ``text``, when given, imports nothing of its host
    package (:func:`imports_its_host`); None where it is the project's."""
    if not patterns or not module_path:
        return None
    compiled = _compiled(patterns)
    if _matches(compiled, module_path):
        return LINT_CONFIG
    if not compiled.vendored.intersection(module_path.split("/")):
        return None
    if text is not None and imports_its_host(text, module_path):
        return None
    return VENDORED_FOLDER


def imports_its_host(text: str | bytes, module_path: str) -> bool:
    """Does the module at ``module_path``, in a folder named for vendored code, import its
    host package (the first of its dotted name, above that folder) by a name that goes
    through no such folder: ``from ncclient.operations.rpc import RPC`` in ncclient's
    ``ncclient/operations/third_party/alu/rpc.py``, or relatively out of the folder?"""
    from cwemod.codemods.kit.project import absolute_name, dotted_module  # it imports this

    host = dotted_module(module_path).partition(".")[0]
    if host in VENDORED:  # sqlmap's thirdparty/ at the top: no host package
        return False
    if isinstance(text, bytes):
        text = text.decode("latin-1")  # import lines are ASCII: never fails
    for found in _IMPORT.finditer(text):
        names = [found[1]] if found[1] else [n.split()[0] for n in found[2].split(",") if n.strip()]
        for name in names:
            parts = absolute_name(name.strip("()\\ \t"), module_path).split(".")
            if parts[0] == host and _THROUGH_COPIES.isdisjoint(parts):
                return True
    return False


def _matches(compiled: _Compiled, module_path: str) -> bool:
    """Does a pattern of the project's configuration match ``module_path``, one of its
    folders, or its name, as flake8 matches names and paths while it walks?"""
    if any(re.search(pattern, module_path) for pattern in compiled.regexes):
        return True
    if any(_black_matches(pattern, module_path) for pattern in compiled.black):
        return True
    if compiled.globs is None:
        return False
    parts = module_path.split("/")
    prefixes = ("/".join(parts[: end + 1]) for end in range(len(parts)))
    # A wildcard never takes a package's ``__init__.py`` by its name: httplib2's flake8
    # ``exclude = _*``, meant for ``tests/_TODO_legacy``, would leave out the whole library.
    return any(
        part in compiled.names if part == "__init__.py" else compiled.globs.match(part)
        for part in parts
    ) or any(compiled.globs.match(prefix) for prefix in prefixes)


@dataclass(frozen=True)
class _Compiled:
    regexes: tuple[str, ...]  # pre-commit's, searched
    black: tuple[str, ...]  # black's, searched in ``/``-led paths
    globs: re.Pattern[str] | None  # the rest, as flake8 matches a name or a path
    names: frozenset[str]  # the rest as written
    vendored: frozenset[str]  # the folder names of VENDORED


@functools.lru_cache(maxsize=16)  # a run has one set of patterns per project
def _compiled(patterns: tuple[str, ...]) -> _Compiled:
    """The patterns in the forms that match them, the globs as one expression (each file
    asks once, not once per pattern and folder)."""
    regexes, black, globs, vendored = [], [], [], []
    for pattern in patterns:
        if pattern.startswith(_VENDORED_NAME):
            vendored.append(pattern.removeprefix(_VENDORED_NAME))
        elif pattern.startswith(_REGEX):
            regexes.append(pattern.removeprefix(_REGEX))
        elif pattern.startswith(_BLACK):
            black.append(pattern.removeprefix(_BLACK))
        else:
            bare = pattern.removeprefix("./").rstrip("/")
            if bare and bare not in (".", ".."):  # a hidden folder too: ruff's ".circleci"
                globs.append(bare)
    expression = "|".join(fnmatch.translate(glob) for glob in globs)
    return _Compiled(
        tuple(regexes),
        tuple(black),
        re.compile(expression) if globs else None,
        frozenset(globs),
        frozenset(vendored),
    )


def _black_matches(pattern: str, module_path: str) -> bool:
    flags = re.VERBOSE if "\n" in pattern else 0
    try:
        return re.search(pattern, f"/{module_path}", flags) is not None
    except re.error:
        return False


def _split(value: str) -> list[str]:
    return [item.strip() for item in value.replace("\n", ",").split(",") if item.strip()]
