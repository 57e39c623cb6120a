"""Line length: the limit the target project keeps to."""

from __future__ import annotations

import configparser
import re
from collections.abc import Iterator
from pathlib import Path

from cwemod.codemods.kit.pyproject import TOMLDecodeError, read_pyproject

DEFAULT_LINE_LENGTH = 79  # PEP 8, as OpenStack's flake8 checks it
_MAX_LINE_LENGTH = re.compile("max-line-length")


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


def flake8_configs(
    folder: Path, mentioning: re.Pattern[str] | None = None
) -> Iterator[configparser.ConfigParser]:
    """The flake8 configuration files of ``folder`` that parse, as flake8 reads them.

    With ``mentioning``, only those whose text it is found in: a value that
    does not appear in a file's text cannot be read from the file, and
    parsing a project's tox.ini costs a few milliseconds.
    """
    for name in ("tox.ini", ".flake8", "setup.cfg"):
        path = folder / name
        if not path.is_file():
            continue
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue
        if mentioning is not None and not mentioning.search(text):
            continue
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(text, source=str(path))
        except configparser.Error:
            continue
        yield parser


def _flake8_line_length(folder: Path) -> int | None:
    for parser in flake8_configs(folder, _MAX_LINE_LENGTH):
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
