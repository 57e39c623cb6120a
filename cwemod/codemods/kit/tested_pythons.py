"""The Pythons a project's own test configuration runs it on, where its packaging names none.

openstackinabox's setup.cfg names no Python, but its tox.ini's ``envlist =
{py3.6,py3.7,py3.8,py3.9},pep8,flake8`` tests on 3.6: :func:`tested_python` reads tox's
env list (tox.ini, setup.cfg's ``[tox:tox]``, tox.toml, pyproject.toml's ``[tool.tox]``) and
the CI matrices an sdist may ship (``.github/workflows/*.yml``' ``python-version:``,
``.travis.yml``'s ``python:``), line by line: no YAML parser is needed for a list of versions.
"""

from __future__ import annotations

import configparser
import itertools
import re
from pathlib import Path
from typing import Any

from cwemod.codemods.kit.pyproject import TOMLDecodeError, config_text, read_pyproject, table

Version = tuple[int, int]

# A tox factor naming a CPython minor: py27, py3.8, py310, python3.9, or tox 4's bare 3.12.
_FACTOR = re.compile(r"(?:py(?:thon)?(\d)\.?(\d+)|(\d)\.(\d+))")
_BRACES = re.compile(r"\{([^{}]*)\}")


def tested_python(root: Path) -> tuple[Version, str] | None:
    """The oldest Python the project's tox env list or CI matrix names, and where it is named
    (``"its tox.ini envlist"``); None where none names one."""
    found = [
        (min(versions), where)
        for versions, where in (*_tox_pythons(root), *_ci_pythons(root))
        if versions
    ]
    return min(found, default=None)


def _tox_pythons(root: Path) -> list[tuple[list[Version], str]]:
    """The Pythons each tox configuration's env list names, with where it is."""
    pyproject = _tox_table(root / "pyproject.toml", "tool", "tox")
    legacy = pyproject.get("legacy_tox_ini")
    lists = [
        (_ini_env_list(config_text(root / "tox.ini"), "tox"), "its tox.ini envlist"),
        (_ini_env_list(config_text(root / "setup.cfg"), "tox:tox"), "its setup.cfg [tox:tox]"),
        (_toml_env_list(_tox_table(root / "tox.toml")), "its tox.toml env_list"),
        (_toml_env_list(pyproject), "its pyproject.toml [tool.tox]"),
        (
            _ini_env_list(legacy if isinstance(legacy, str) else "", "tox"),
            "its pyproject.toml legacy_tox_ini",
        ),
    ]
    return [(_env_pythons(names), where) for names, where in lists]


def _ini_env_list(text: str, section: str) -> list[str]:
    """The env names of ``[section]``'s ``envlist`` (or ``env_list``) in an ini ``text``."""
    if "env" not in text:
        return []
    parser = configparser.ConfigParser(interpolation=None, strict=False)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    value = parser.get(section, "envlist", fallback=None) or parser.get(
        section, "env_list", fallback=""
    )
    return _split_env_list(value)


def _split_env_list(value: str) -> list[str]:
    """``{py3.6,py3.7},pep8`` -> ``["{py3.6,py3.7}", "pep8"]``: commas and line breaks
    outside braces part the names; a ``#`` starts a comment."""
    names, depth, current = [], 0, ""
    for line in value.splitlines():
        for char in line.partition("#")[0]:
            depth += (char == "{") - (char == "}")
            if depth <= 0 and char == ",":
                names.append(current)
                current, depth = "", 0
            else:
                current += char
        if depth <= 0:
            names.append(current)
            current, depth = "", 0
    return [name.strip() for name in (*names, current) if name.strip()]


def _tox_table(path: Path, *keys: str) -> dict[str, Any]:
    """The table at ``keys`` of the TOML file at ``path`` (the whole of tox.toml)."""
    if not path.is_file() or "env" not in config_text(path):
        return {}
    try:
        return table(read_pyproject(path), *keys)
    except (OSError, UnicodeDecodeError, TOMLDecodeError):
        return {}


def _toml_env_list(found: dict[str, Any]) -> list[str]:
    """tox 4's ``env_list = ["3.13", "3.12", "lint"]``: its names."""
    names = found.get("env_list")
    return [name for name in names if isinstance(name, str)] if isinstance(names, list) else []


def _env_pythons(names: list[str]) -> list[Version]:
    """The Pythons env ``names`` name, their braces expanded (``py{36,37}-django{22,32}``)."""
    return [
        version
        for name in names
        for expanded in _expanded(name)
        for factor in expanded.split("-")
        if (version := _factor_python(factor.strip())) is not None
    ]


def _expanded(name: str) -> list[str]:
    """tox's brace expansion: ``py{36,37}`` -> ``["py36", "py37"]``, each group in turn."""
    pieces = _BRACES.split(name)
    choices = [
        [part.strip() for part in piece.split(",")] if odd else [piece]
        for odd, piece in zip(itertools.cycle((False, True)), pieces)
    ]
    return ["".join(chosen) for chosen in itertools.islice(itertools.product(*choices), 256)]


def _factor_python(factor: str) -> Version | None:
    """``py38``, ``py3.8``, ``python3.8``, ``3.8`` -> (3, 8); ``py3``, ``pypy3``, ``pep8``: None."""
    found = _FACTOR.fullmatch(factor)
    if found is None:
        return None
    major, minor = (found[1], found[2]) if found[1] else (found[3], found[4])
    return (int(major), int(minor)) if major in "23" else None


# A line of a CI file naming its Pythons: ``python-version: [3.8, "3.9"]`` (GitHub's
# matrix or setup-python's input), ``- python: 2.7`` (Travis's list or a job of it).
_CI_KEY = re.compile(r"^([ \t]*)(?:-[ \t]+)?(?:python-version|python)[ \t]*:[ \t]*(.*)$")
_CI_ITEM = re.compile(r"^([ \t]*)-[ \t]*(.*)$")
# A version's value: 3.8, "3.10", '2.7', 3.12-dev; not "3.x", pypy3.9 or ${{ matrix.python }}.
_CI_VERSION = re.compile(r"""^['"]?(\d)\.(\d+)[.\w-]*['"]?$""")


_YAML = (".yml", ".yaml")


def _ci_pythons(root: Path) -> list[tuple[list[Version], str]]:
    """The Pythons each CI file the project ships names, with where it is."""
    folder = root / ".github" / "workflows"
    workflows = sorted(
        path for path in (folder.iterdir() if folder.is_dir() else ()) if path.suffix in _YAML
    )
    return [
        (_yaml_pythons(config_text(path)), f"its CI matrix, {path.relative_to(root).as_posix()}")
        for path in [*workflows, root / ".travis.yml"]
    ]


def _yaml_pythons(text: str) -> list[Version]:
    """The versions the ``python-version:``/``python:`` keys of a YAML ``text`` name: a
    value, a ``[...]`` list, or the ``- ...`` items under the key."""
    values: list[str] = []
    lines = [line.partition(" #")[0].rstrip() for line in text.splitlines()]
    for number, line in enumerate(lines):
        key = _CI_KEY.match(line)
        if key is None:
            continue
        indent, rest = len(key[1]), key[2].strip()
        if rest.startswith("["):
            values += _flow_items([rest, *lines[number + 1 :]])
        elif rest:
            values.append(rest)
        else:
            values += _items_under(lines[number + 1 :], indent)
    found = (_CI_VERSION.match(value.strip()) for value in values)
    return [(int(match[1]), int(match[2])) for match in found if match and match[1] in "23"]


def _flow_items(lines: list[str]) -> list[str]:
    """The items of the ``[...]`` list that opens the first of ``lines``, which may go on
    over the next ones."""
    text = ""
    for line in lines:
        text += f" {line}"
        if "]" in line:
            break
    return text.partition("]")[0].strip().removeprefix("[").split(",")


def _items_under(lines: list[str], indent: int) -> list[str]:
    """The ``- item`` lines of a block list that follows a key indented by ``indent``."""
    items = []
    for line in lines:
        if not line.strip():
            continue
        item = _CI_ITEM.match(line)
        if item is None or len(item[1]) < indent:
            break
        items.append(item[2])
    return items
