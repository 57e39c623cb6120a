"""``silent-except``'s text test and survey: how the project's modules name their logger.

The survey reads how the project's modules import logging and name their
logger; a new logger follows the majority (``_silent_logger.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from cwemod.codemods.kit.logger_names import LOGGER_NAMES
from cwemod.codemods.surveys import Survey

OSLO_LOG = "oslo_log.log"
STDLIB_LOGGING = "logging"

# An ``except`` clause whose body is ``pass`` or ``continue`` (comment lines allowed
# between): files without one are never parsed.
# "except" first, its word start checked behind: a literal prefix lets ``re`` skip ahead
# (a leading ``\b`` made the search 20 times slower on large files).
SILENT_HANDLER_TEXT = re.compile(
    r"except\b(?<!\wexcept)[^\n]*:[ \t]*(?:#[^\n]*)?(?:\n(?:[ \t]*#[^\n]*)?)*[ \t]*(?:pass|continue)\b"
)

_OSLO_IMPORT = re.compile(r"^from oslo_log import log as (\w+)[ \t]*$", re.MULTILINE)
_STDLIB_IMPORT = re.compile(r"^import logging[ \t]*$", re.MULTILINE)
_LOGGER_LINE = re.compile(r"^(\w+) = (\w+)\.getLogger\(", re.MULTILINE)


def has_silent_handler_text(source: str) -> bool:
    """silent-except's text test: may ``source`` hold a handler whose body is pass or continue?"""
    return "except" in source and SILENT_HANDLER_TEXT.search(source) is not None


@dataclass(frozen=True)
class LoggerConvention:
    """How most of a project's modules get their logger."""

    logging_module: str = STDLIB_LOGGING  # OSLO_LOG or STDLIB_LOGGING
    name: str = "LOG"


def survey_loggers(sources: Iterable[tuple[str, str]]) -> LoggerConvention:
    styles: Counter[str] = Counter()
    names: Counter[str] = Counter()
    for _path, text in sources:
        oslo_aliases = set(_OSLO_IMPORT.findall(text))
        stdlib = _STDLIB_IMPORT.search(text) is not None
        for name, module in _LOGGER_LINE.findall(text):
            if name not in LOGGER_NAMES:
                continue
            if module in oslo_aliases:
                styles[OSLO_LOG] += 1
            elif module == "logging" and stdlib:
                styles[STDLIB_LOGGING] += 1
            else:
                continue
            names[name] += 1
    style = OSLO_LOG if styles[OSLO_LOG] > styles[STDLIB_LOGGING] else STDLIB_LOGGING
    name = names.most_common(1)[0][0] if names else "LOG"
    return LoggerConvention(style, name)


SURVEY = Survey(wants=has_silent_handler_text, run=survey_loggers)
