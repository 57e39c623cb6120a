"""``[tool.cwemod]`` in the target project's ``pyproject.toml``.

Example::

    [tool.cwemod]
    select = ["salted-lock-name", "command-argv"]   # default: every codemod
    ignore = ["silent-except"]
    exclude = ["tests/*", "*/migrations/*"]
    unsafe = false

    [tool.cwemod.salted-lock-name]
    key-env = "NEUTRON_LOCK_NAME_KEY"

Command-line flags win over the file.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cwemod.codemods import UnknownCodemod, get_codemod
from cwemod.codemods import codemod_ids as registered_ids
from cwemod.codemods.kit.pyproject import TOMLDecodeError, read_pyproject
from cwemod.engine.files import InputError

_KEYS = {"select", "ignore", "exclude", "unsafe"}


@dataclass
class Config:
    select: list[str] | None = None
    ignore: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    unsafe: bool = False
    codemod_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    source: Path | None = None  # the pyproject.toml it came from

    def codemod_ids(self, chosen: list[str] | None = None) -> list[str]:
        """The codemods to run: ``chosen`` (flags) win over ``select``; ``ignore`` applies."""
        known = registered_ids()
        ids = chosen or self.select or list(known)
        for codemod_id in [*ids, *self.ignore]:
            if codemod_id not in known:
                raise InputError(str(UnknownCodemod(codemod_id, known)))
        return [codemod_id for codemod_id in ids if codemod_id not in self.ignore or chosen]


def find_pyproject(start: Path) -> Path | None:
    start = start.resolve()
    for directory in [start if start.is_dir() else start.parent, *start.parents]:
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            return candidate
    return None


def load_config(start: Path) -> Config:
    """The ``[tool.cwemod]`` table of the nearest ``pyproject.toml`` above ``start``."""
    pyproject = find_pyproject(start)
    if pyproject is None:
        return Config()
    try:
        data = read_pyproject(pyproject)
    except (OSError, UnicodeDecodeError, TOMLDecodeError) as error:
        raise InputError(f"{pyproject}: {error}") from None
    table = data.get("tool", {}).get("cwemod")
    if table is None:
        return Config()
    return _parse_table(copy.deepcopy(table), pyproject)  # the config's own: it may be changed


def _parse_table(table: dict[str, Any], source: Path) -> Config:
    config = Config(source=source)
    for key, value in table.items():
        if isinstance(value, dict):
            if key not in registered_ids():
                raise InputError(f"{source}: [tool.cwemod.{key}]: unknown codemod")
            _check_options(key, value, source)
            config.codemod_options[key] = value
        elif key in ("select", "ignore", "exclude"):
            if not (isinstance(value, list) and all(isinstance(item, str) for item in value)):
                raise InputError(f"{source}: tool.cwemod.{key} must be a list of strings")
            setattr(config, key, value)
        elif key == "unsafe":
            if not isinstance(value, bool):
                raise InputError(f"{source}: tool.cwemod.unsafe must be true or false")
            config.unsafe = value
        else:
            known = ", ".join(sorted(_KEYS))
            raise InputError(f"{source}: unknown key tool.cwemod.{key} (known: {known})")
    return config


def _check_options(codemod_id: str, options: dict[str, Any], source: Path) -> None:
    try:
        get_codemod(codemod_id).resolve_options(options)
    except ValueError as error:
        raise InputError(f"{source}: [tool.cwemod.{codemod_id}]: {error}") from None
