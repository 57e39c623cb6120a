"""The names a module's logger and logging modules conventionally have, read without
LibCST (surveys read them)."""

from __future__ import annotations

import re

from cwemod.codemods.kit.project import own_top_packages
from cwemod.codemods.kit.text import lines_around

# Module-level names that conventionally hold the module's logger, most usual first.
LOGGER_NAMES = ("LOG", "LOGGER", "logger", "log", "_LOG", "_LOGGER", "_logger", "_log")
STDLIB_LOGGING = "logging"
OSLO_LOG = "oslo_log.log"

# The import lines, each found by the literal text in it and then read whole: a pattern
# that starts with a literal is searched fast, one that starts with ``^`` is not.
# tahoe-lafs' `from allmydata.util import base32, hashutil, log` too.
_IMPORT_WORD = re.compile(r"import log(?:ging)?\b|from logging import |, log(?:ging)?\b")
_STDLIB_IMPORT = re.compile(r"import logging(?: as (\w+))?[ \t]*")  # certipy's as _logging
# oslo.log's ``log``, or a project's own logging module; the alias group is empty without
# ``as``.
_FROM_IMPORT = re.compile(r"from ([\w.]+) import ([\w, ]+)[ \t]*")
_LOGGING_NAME = re.compile(r"(log|logging)(?: as (\w+))?")
# qtile's ``from logging import Formatter, getLogger`` (the alias of a bare getLogger is "").
_FROM_LOGGING = re.compile(r"from logging import ([\w, ]+)[ \t]*")


def logging_modules(path: str, text: str) -> dict[str, str]:
    """The names the module at ``path`` binds to a logging module at a line's start:
    ``import logging``, oslo.log's ``log``, or the project's own (Rally's
    ``from rally.common import logging``). ``getLogger`` imported from logging is ""."""
    bound: dict[str, str] = {}
    tops = own_top_packages(path)
    for line in lines_around(text, _IMPORT_WORD):
        if (names := _FROM_LOGGING.fullmatch(line)) and "getLogger" in names[1].replace(
            " ", ""
        ).split(","):
            bound[""] = STDLIB_LOGGING
        elif stdlib := _STDLIB_IMPORT.fullmatch(line):
            bound[stdlib[1] or "logging"] = STDLIB_LOGGING
        elif imported := _FROM_IMPORT.fullmatch(line):
            module, names = imported.groups()
            for each in names.split(","):
                found = _LOGGING_NAME.fullmatch(each.strip())
                if found is None:
                    continue
                name, alias = found.groups()
                if module == "oslo_log" and name == "log":
                    bound[alias or name] = OSLO_LOG
                elif module.partition(".")[0] in tops:
                    bound[alias or name] = f"{module}.{name}"
    return bound
