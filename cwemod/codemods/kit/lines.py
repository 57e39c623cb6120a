"""Line length: the limit the target project keeps to."""

from __future__ import annotations

import configparser
from collections.abc import Iterator
from pathlib import Path

from cwemod.codemods.kit.pyproject import TOMLDecodeError, read_pyproject

DEFAULT_LINE_LENGTH = 79  # PEP 8, as OpenStack's flake8 checks it


def project_line_length(start: Path) -> int:
    """The line length the project around ``start`` (a file or a directory) keeps to.

    The nearest directory, walking up, with a setting wins: ``[flake8]
    max-line-length`` in tox.ini, .flake8 or setup.cfg, then ``[tool.ruff]``
    and ``[tool.black]`` ``line-length`` in pyproject.toml. Default 79.
    """
    directory = start if start.is_dir() else start.parent
    for folder in (directory, *directory.parents):
        found = _flake8_line_length(folder) or _pyproject_line_length(folder)
        if found:
            return found
    return DEFAULT_LINE_LENGTH


def flake8_configs(folder: Path) -> Iterator[configparser.ConfigParser]:
    """The flake8 configuration files of ``folder`` that parse, as flake8 reads them."""
    for name in ("tox.ini", ".flake8", "setup.cfg"):
        path = folder / name
        if not path.is_file():
            continue
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read(path, encoding="utf-8")
        except (configparser.Error, UnicodeDecodeError):
            continue
        yield parser


def _flake8_line_length(folder: Path) -> int | None:
    for parser in flake8_configs(folder):
        value = parser.get("flake8", "max-line-length", fallback=None)
        if value is not None and value.strip().isdigit():
            return int(value)
    return None


def _pyproject_line_length(folder: Path) -> int | None:
    path = folder / "pyproject.toml"
    if not path.is_file():
        return None
    try:
        tool = read_pyproject(path).get("tool", {})
    except (TOMLDecodeError, UnicodeDecodeError):
        return None
    for section in ("ruff", "black"):
        value = tool.get(section, {}).get("line-length")
        if isinstance(value, int) and value > 0:
            return value
    return None
