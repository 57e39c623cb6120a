"""The modules a project's packaging names pytest plugins: its ``pytest11`` entry points.

pytest loads them into every test session, and only there: pulpcore's
``pulpcore/pytest_plugin.py`` (``[project.entry-points."pytest11"]``) holds the
fixtures its plugins' suites share, so it is test code wherever it sits.
"""

from __future__ import annotations

import configparser
import re
from pathlib import Path

from cwemod.codemods.kit.pyproject import TOMLDecodeError, config_text, read_pyproject, table

# ``name = pkg.module`` (or ``pkg.module:object``): the module is pkg.module.
_ENTRY = re.compile(r"[\w.-]+\s*=\s*([A-Za-z_][\w.]*)")
# setup.py's ``entry_points={"pytest11": ["name = pkg.plugin"]}`` and its ini-like string
# form, ``entry_points="[pytest11]\nname = pkg.plugin\n"``.
_SETUP_PY = re.compile(
    r"""['"]pytest11['"]\s*:\s*[\[(]([^\])]*)|\[pytest11\]((?:\s*[\w.-]+\s*=\s*[\w.:]+)*)"""
)


def pytest_plugins(root: Path) -> frozenset[str]:
    """The dotted modules ``root``'s pyproject.toml, setup.cfg or setup.py name under
    ``pytest11`` (an sdist's ``*.egg-info`` is not looked for: listing the root again
    costs every run, and says what those say)."""
    found = set(_from_pyproject(root))
    text = config_text(root / "setup.cfg")
    if "pytest11" in text:
        found.update(_from_ini(text))
    text = config_text(root / "setup.py")
    if "pytest11" in text:
        for listed, section in _SETUP_PY.findall(text):
            found.update(_ENTRY.findall(listed or section))
    return frozenset(found)


def _from_pyproject(root: Path) -> list[str]:
    """``[project.entry-points.pytest11]`` and poetry's ``[tool.poetry.plugins.pytest11]``."""
    path = root / "pyproject.toml"
    if "pytest11" not in config_text(path):
        return []
    try:
        document = read_pyproject(path)
    except (OSError, UnicodeDecodeError, TOMLDecodeError):
        return []
    tables = (
        table(document, "project", "entry-points", "pytest11"),
        table(document, "tool", "poetry", "plugins", "pytest11"),
    )
    return [
        entry.partition(":")[0].strip()
        for table in tables
        for entry in table.values()
        if isinstance(entry, str)
    ]


def _from_ini(text: str) -> list[str]:
    """setup.cfg's ``[options.entry_points]`` ``pytest11 =`` lines."""
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error:
        return []
    return _ENTRY.findall(parser.get("options.entry_points", "pytest11", fallback=""))
