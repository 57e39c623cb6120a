"""``silent-except``'s text tests and survey: how the project's modules name their logger.

The survey reads how the project's modules import logging and name their
logger; a new logger follows the majority (``_silent_logger.py``).
"""

from __future__ import annotations

import dataclasses
import keyword
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from cwemod.codemods.kit.lint_excludes import VENDORED
from cwemod.codemods.kit.logger_names import (
    LOGGER_NAMES,
    OSLO_LOG,
    STDLIB_LOGGING,
    logging_modules,
)
from cwemod.codemods.kit.project import absolute_name, dotted_module, is_test_module
from cwemod.codemods.kit.text import (
    bracket_depths,
    dotted_tail_imported,
    from_imports,
    has_name,
    lines_around,
    name_ends,
    name_then,
    past_spaces,
)
from cwemod.codemods.surveys import Survey

# An ``except`` clause whose body is ``pass`` or ``continue`` (comment lines allowed
# between), in any line ending (grip's modules are CRLF): files without one are never
# parsed.
# "except" first, its word start checked behind: a literal prefix lets ``re`` skip ahead
# (a leading ``\b`` made the search 20 times slower on large files).
SILENT_HANDLER_TEXT = re.compile(
    r"except\b(?<!\wexcept)[^\r\n]*:[ \t]*(?:#[^\r\n]*)?"
    r"(?:(?:\r\n?|\n)(?:[ \t]*#[^\r\n]*)?)*[ \t]*(?:pass|continue)\b"
)

# The lines the survey reads, each found by the literal text in it and then read whole: a
# pattern that starts with a literal is searched fast, one that starts with ``^`` is not.
_GET_LOGGER = re.compile(r"getLogger\(")
# ``logger = glances_logger()`` at the start of a line; and a line that starts a top-level
# statement (not a blank, indented or comment line, nor a decorator or signature's rest).
# Searched in the text after a newline: a pattern that starts with ``^`` is tried at every position.
_MODULE_CALL_BINDING = re.compile(r"\n(\w+)\s*=\s*(\w+)\(")
_TOP_LEVEL_LINE = re.compile(r"^(?![\s#@)\]])", re.MULTILINE)
_LOGGER_ASSIGNMENT = re.compile(r"(\w+) = (?:(\w+)\.)?")
# A logger the project names itself: one plain string literal.
# The modules give getLogger() names of their own, none shared (``LoggerConvention.argument``).
OWN_NAMES = ""
_NAMED_LOGGER = re.compile(r"'[\w.:-]+'|\"[\w.:-]+\"")
# A project's own logger factory: kombu's ``from kombu.log import get_logger`` (or
# ``from .log import ...``), then ``logger = get_logger(__name__)``.
_FACTORY_WORD = re.compile(r"import [^\n]*\bget_logger\b")
_FACTORY_IMPORT = re.compile(r"from (\.*[\w.]*) import ([\w, ]+)")
_FACTORY = "get_logger"
# A library's logging module, whose get_logger() gives a standard logger (knack.log).
_LOGGING_MODULE_NAMES = frozenset({"log", "logging", "logger", "logs"})
_FACTORY_CALL = re.compile(
    rf"^(?:{'|'.join(map(re.escape, LOGGER_NAMES))}) = {_FACTORY}\(", re.MULTILINE
)
# Logging facilities other than the logging module, by the import a module logs through
# them with (buildbot's 121 modules: ``from twisted.python import log``, ``log.msg(...)``).
_FACILITY_IMPORTS = {
    "twisted.python.log": re.compile(r"^from twisted\.python import [\w, ]*\blog\b", re.M),
    "twisted.logger": re.compile(r"^from twisted\.logger import [\w, ]*\bLogger\b", re.M),
    "loguru": re.compile(r"^from loguru import logger\b", re.M),
    # autobahn's 15 modules: log = txaio.make_logger(), whose methods take no exc_info
    "txaio.make_logger": re.compile(r"\btxaio\.make_logger\("),
}


def has_silent_handler_text(source: str) -> bool:
    """silent-except's text test: may ``source`` hold a handler whose body is pass or continue?"""
    return "except" in source and SILENT_HANDLER_TEXT.search(source) is not None


# The builtins a broad handler catches (``silent_except.BROAD_EXCEPTIONS``' last names).
BROAD_NAMES = ("BaseException", "Exception")


def may_swallow_broadly(source: str) -> bool:
    """The narrower text test of silent-except's gate: False only where it finds no handler.

    A candidate's body is ``pass`` or ``continue`` alone, and its type may be
    broad: none, ``Exception`` or ``BaseException`` (as a name, an attribute
    or an import's other name for them), or an expression no name can be
    read from. Each ``except`` is read to the ``:`` that ends its type, and
    the first word of its body must be ``pass`` or ``continue``. What cannot
    be read (a string, a comment or a backslash in the way) counts.
    """
    if name_then(source, BROAD_NAMES, ("as",)) or any(
        dotted_tail_imported(source, name) for name in BROAD_NAMES
    ):
        return True  # a handler may catch them by another name
    return any(_may_be_candidate(source, end) for end in name_ends(source, "except"))


def _may_be_candidate(source: str, end: int) -> bool:
    colon = _end_of_clause(source, end)
    if colon is None:
        return True
    if colon < 0:
        return False  # no clause: ``except`` in a comment or a string
    return _body_may_be_silent(source, colon + 1) and _may_be_broad(source[end:colon])


def _end_of_clause(source: str, start: int) -> int | None:
    """The ``:`` that ends an ``except`` clause's type; -1: a line ends first; None: not told."""
    for at, depth in bracket_depths(source, start, unreadable="'\"#\\"):
        if depth is None:
            return None
        if depth <= 0 and source[at] == ":":
            return at
        if depth <= 0 and source[at] in "\r\n":
            return -1
    return -1


def _body_may_be_silent(source: str, at: int) -> bool:
    """May the handler body that starts at ``at`` begin with ``pass`` or ``continue``?"""
    at = past_spaces(source, at)
    while source.startswith("#", at):  # a comment, to its line's end
        line_end = source.find("\n", at)
        at = len(source) if line_end < 0 else past_spaces(source, line_end)
    word = re.match(r"[A-Za-z_]\w*", source[at : at + 9])
    return source.startswith("\\", at) or (word is not None and word[0] in ("pass", "continue"))


def _may_be_broad(caught: str) -> bool:
    """May ``except <caught>`` catch everything (see ``silent_except._may_catch_everything``)?"""
    tokens = _TOKEN.findall(caught)
    if not tokens or has_name(caught, BROAD_NAMES):
        return True
    for index, token in enumerate(tokens):
        if token[0].isalpha() or token[0] == "_":
            if keyword.iskeyword(token) and token != "as":
                return True  # an expression no name can be read from
        elif (
            token == "(" and index and (tokens[index - 1][0].isalnum() or tokens[index - 1] == ")")
        ):
            return True  # a call
        elif token not in "(),.":
            return True
    return False


_TOKEN = re.compile(r"[A-Za-z_]\w*|\S")


@dataclass(frozen=True)
class LoggerConvention:
    """How most of a project's modules get their logger."""

    # STDLIB_LOGGING, OSLO_LOG, or the project's own module (``rally.common.logging``)
    logging_module: str = STDLIB_LOGGING
    name: str = "LOG"
    alias: str = "logging"  # the name the module is imported as (oslo.log's ``log as logging``)
    loggers: int = 0  # how many of the project's modules (outside tests) make one
    factory: bool = False  # logging_module is the project's own function (``kombu.log.get_logger``)
    # The module-level loggers of the project's modules named otherwise, by dotted name
    # (tornado's ``tornado.log.gen_log``, which its modules import to log with).
    project_loggers: frozenset[str] = frozenset()
    # What getLogger() is given: ``__name__``, the one logger the project sets up
    # (luigi's ``"luigi-interface"``) as a string literal, or OWN_NAMES.
    argument: str = "__name__"
    # logging_module is another logging facility most modules log through (twisted's).
    facility: bool = False
    # How many modules make loggers only inside functions or classes (koji's
    # ``self.logger = logging.getLogger("koji.build")``, paramiko's ``util.get_logger()``).
    inner_loggers: int = 0
    # The project's logger more of its modules import than make one of their own
    # (sentry-sdk's ``sentry_sdk.utils.logger``, imported by 39 modules), and how many do.
    shared_logger: str = ""
    shared_importers: int = 0
    # How many modules call the logging module's own functions (you-get's ``logging.debug()``).
    root_loggers: int = 0
    # The call of the project's own most modules make their logger with, as written, where
    # none makes one with getLogger() (calibre-web's ``logger.create``), and how many do.
    made_otherwise: str = ""
    made_otherwise_count: int = 0
    # The folder every module that gives getLogger() ``argument`` sits in, where the name
    # is that folder's (pywb's ``getLogger('warcserver')`` in pywb/warcserver/ only).
    argument_folder: str = ""
    # ``(class, attribute)`` of each of the project's top-level classes whose ``__init__``
    # binds ``self.<attribute>`` (a conventional logger name) to a logger, the class by its
    # dotted name: zuul's ``zuul.driver.util.ImageUploader``, whose subclasses log with the
    # ``self.log`` it keeps.
    logger_keepers: frozenset[tuple[str, str]] = frozenset()


# What one module says of the convention: ``(logging module, alias, name, argument)`` of
# each of its loggers with a conventional name, the project's own factory it makes one with
# (or None), the names of its other module-level loggers, the other logging facility it
# imports (or None), whether it makes a logger inside a function or class, the dotted
# names of the loggers with a conventional name it imports from the project's modules,
# whether it calls the logging module's own functions (the root logger's), and the call of
# the project's own, as written, that makes its module logger otherwise (calibre-web's
# ``log = logger.create()``), or None, and ``(class, attribute)`` of each of its classes
# that keeps a logger (``LoggerConvention.logger_keepers``).
ModuleLoggers = tuple[
    tuple[tuple[str, str, str, str], ...],
    str | None,
    tuple[str, ...],
    str | None,
    bool,
    tuple[str, ...],
    bool,
    str | None,
    tuple[tuple[str, str], ...],
]
# Top-level folders of code shipped beside the project's own: examples and documentation.
# mercurial's contrib/: release automation and other tools the packages never run (the one
# module of mercurial's tree that makes a logger).
_BESIDE_THE_CODE = frozenset({"examples", "example", "doc", "docs", "contrib"})
# Top-level folders of scripts that time the code (or its rivals): no convention of its own.
_BENCHMARKS = frozenset({"benchmark", "benchmarks", "bench"})
NOT_THE_LIBRARY = _BESIDE_THE_CODE | _BENCHMARKS
# Other projects' code vendored in (metaflow's _vendor/packaging makes the one logger of its
# tree): their conventions are not the project's.
_VENDORED = frozenset(VENDORED)
# ``    self.logger = logging.getLogger(...)``: a call that makes a logger, found by its
# literal text (a pattern that starts at ``^`` made the survey 15 times slower), then the
# line it is on, indented, and the name it binds, if any.
_LOGGER_CALL = re.compile(r"(?:getLogger|get_logger)\(")
_INDENTED_BINDING = re.compile(r"[ \t]+(?:([\w.]+)[ \t]*=[ \t]*)?[^#\n]*")


def module_loggers(path: str, text: str) -> ModuleLoggers:
    """How the module at ``path`` makes its loggers; nothing for a test module."""
    if (
        is_test_module(path)
        or path.partition("/")[0] in NOT_THE_LIBRARY
        or not _VENDORED.isdisjoint(path.split("/")[:-1])
    ):
        # tests keep conventions of their own (Swift's LOGGER); logbook's benchmark/ scripts
        # time the stdlib's logging with getLogger("Testlogger"); autobahn's 47 examples log
        # through twisted.python.log, its library through txaio
        return (), None, (), None, False, (), False, None, ()
    bound = logging_modules(path, text)
    found = _logger_lines(text)
    loggers = tuple(
        (bound[alias], alias, name, argument)
        for name, alias, argument in found
        if name in LOGGER_NAMES and alias in bound
    )
    factory = _logger_factory(path, text)
    named = tuple(name for name, alias, _ in found if alias in bound and name not in LOGGER_NAMES)
    named += _made_by_own_function(text)
    factory = factory if factory is not None and _calls_factory(text) else None
    facility = _facility(text) or _own_facility(text, bound, found)
    inner = _makes_inner_logger(text)
    imported = _imported_loggers(path, text)
    root = _calls_root_logger(text, bound)
    made = None if loggers or factory else _made_by_project_call(path, text)
    keepers = _logger_keepers(text)
    return loggers, factory, named, facility, inner, imported, root, made, keepers


# ``self.log = log`` (or ``= logging.getLogger(...)``): an attribute with a conventional
# logger name bound to a dotted name, or to a call of one; found by its literal text.
_SELF_LOGGER = re.compile(
    rf"self\.({'|'.join(map(re.escape, LOGGER_NAMES))})[ \t]*=[ \t]*([\w.]+)(\(?)"
)


def _logger_keepers(text: str) -> tuple[tuple[str, str], ...]:
    """``(class, attribute)`` of each top-level class whose ``__init__`` binds
    ``self.<attribute>`` to a logger: ``getLogger(...)`` (or ``get_logger(...)``), an
    attribute with a logger's name (``worker.log``), or a name that says it is one (zuul's
    ``self.log = log``, the parameter)."""
    keepers = set()
    for hit in _SELF_LOGGER.finditer(text):
        value, called = hit[2], hit[3]
        last = value.rpartition(".")[2]
        if called:
            logger = last in ("getLogger", "get_logger")
        else:
            logger = last in LOGGER_NAMES if "." in value else "log" in value.lower()
        owner = _class_of_init(text, hit.start()) if logger else None
        if owner is not None:
            keepers.add((owner, hit[1]))
    return tuple(sorted(keepers))


def _class_of_init(text: str, at: int) -> str | None:
    """The top-level class whose ``__init__`` holds the statement that starts at ``at``,
    read by the indentation of the lines above it; None where it is elsewhere."""
    start = text.rfind("\n", 0, at) + 1
    if text[start:at].strip():
        return None  # not a statement's start
    indent, function = at - start, None
    while start > 0 and indent > 0:
        start = text.rfind("\n", 0, start - 1) + 1
        line = text[start : text.find("\n", start)]
        code = line.lstrip()
        if not code or code.startswith("#") or len(line) - len(code) >= indent:
            continue
        indent = len(line) - len(code)
        if function is None:
            if not code.startswith("def "):
                continue  # a block of the function's (``if``, ``with``)
            function = code[4:].partition("(")[0].strip()
            if function != "__init__":
                return None
        elif indent or not code.startswith("class "):
            return None  # a nested function or class
        else:
            return re.split(r"[(:\s]", code[6:], maxsplit=1)[0]
    return None


# ``log = logger.create()`` at a line's start: a conventional logger name bound to a call.
_LOGGER_BINDING = re.compile(
    rf"\n(?:{'|'.join(map(re.escape, LOGGER_NAMES))})[ \t]*=[ \t]*((\w+)(?:\.\w+)*)\("
)


def _made_by_project_call(path: str, text: str) -> str | None:
    """The call, as written, of a name the module imports from the project's own modules
    that its module-level logger is bound to (calibre-web's ``log = logger.create()``, with
    ``from . import logger``); None where there is none."""
    for binding in _LOGGER_BINDING.finditer("\n" + text):
        call, head = binding[1], binding[2]
        if call.rpartition(".")[2] in ("getLogger", "get_logger"):
            continue
        if head in _names_imported_from_the_project(path, text):
            return call
    return None


def _names_imported_from_the_project(path: str, text: str) -> set[str]:
    top = dotted_module(path).partition(".")[0]
    return {
        bound
        for module, _, bound in from_imports(text)
        # a relative import is always the project's
        if module.startswith(".") or module.partition(".")[0] == top
    }


def _calls_root_logger(text: str, bound: dict[str, str]) -> bool:
    """Does the module log with the logging module's own functions (``logging.debug()``)?"""
    return any(
        re.search(rf"(?<![\w.]){re.escape(alias)}\.{_LOG_VERB}\(", text)
        for alias, module in bound.items()
        if alias and module == STDLIB_LOGGING
    )


def _imported_loggers(path: str, text: str) -> tuple[str, ...]:
    """The dotted names of the loggers with a conventional name that the module imports from
    the project's own modules (sentry-sdk's ``from sentry_sdk.utils import logger``)."""
    if not any(name in text for name in LOGGER_NAMES):
        return ()
    top = dotted_module(path).partition(".")[0]
    imported = []
    for module, source, _ in from_imports(text):
        absolute = absolute_name(module, path)
        if absolute.partition(".")[0] == top and source in LOGGER_NAMES:
            imported.append(f"{absolute}.{source}")
    return tuple(imported)


def _makes_inner_logger(text: str) -> bool:
    """Does the module make a logger inside a function or class that it logs with? Not one
    it only sets up (grip's ``log = logging.getLogger('werkzeug')``, then
    ``log.setLevel(logging.ERROR)``, to quiet another library's)."""
    for call in _LOGGER_CALL.finditer(text):
        line_start = text.rfind("\n", 0, call.start()) + 1
        match = _INDENTED_BINDING.fullmatch(text, line_start, call.start())
        before = text[call.start() - 1]
        if match is None or before.isalnum() or before == "_":
            continue  # not indented, commented out, or another name (``_getLogger(``)
        bound = match[1]
        if bound is None and _LOGGED_WITH.match(text, call.end()):
            return True  # ``logging.getLogger("x").info(...)``; not ``.setLevel()`` (you-get)
        if bound is not None and re.search(rf"\b{re.escape(bound)}\.{_LOG_VERB}\(", text):
            return True
    return False


_LOG_VERB = r"(?:debug|info|warn\w*|error|exception|critical|fatal\w*|notice|log|msg|trace)"
# The rest of a logger factory's call, then a logging call on what it returns.
_LOGGED_WITH = re.compile(rf"[^()\n]*(?:\([^()\n]*\)[^()\n]*)*\)\.{_LOG_VERB}\(")


def _own_facility(
    text: str, bound: dict[str, str], found: list[tuple[str, str, str]]
) -> str | None:
    """The project's own logging module the module logs through without a logger made from
    it: duplicity's ``from duplicity import log``, then ``log.Debug(...)``."""
    made_from = {alias for _, alias, _ in found}
    for alias, module in bound.items():
        if module in (STDLIB_LOGGING, OSLO_LOG) or alias in made_from or not alias:
            continue
        # a logging verb: Trac's trac.log only sets logging up (logger_handler_factory())
        if re.search(rf"(?<![\w.]){re.escape(alias)}\.{_LOG_VERB}\(", text, re.IGNORECASE):
            return module
    return None


def _facility(text: str) -> str | None:
    """The logging facility other than the logging module that the module imports."""
    if "from twisted" not in text and "from loguru" not in text and "txaio" not in text:
        return None
    return next(
        (name for name, imported in _FACILITY_IMPORTS.items() if imported.search(text)), None
    )


def _made_by_own_function(text: str) -> tuple[str, ...]:
    """The module-level names bound to a call of a function of the module that makes a logger,
    or of a logger class of its own.

    glances/logger.py: ``def glances_logger(...)`` sets up logging and returns
    ``logging.getLogger()``; ``logger = glances_logger()``, which 105 of its
    modules import to log with. lsassy/logger.py: ``class
    LsassyLogger(logging.LoggerAdapter)`` gets its logger in ``__init__``;
    ``lsassy_logger = LsassyLogger()``, which 18 modules import.
    """
    if "getLogger(" not in text:
        return ()
    return tuple(
        name
        for name, function in _MODULE_CALL_BINDING.findall("\n" + text)
        if "getLogger(" in _top_level_function(text, function)
    )


def _top_level_function(text: str, name: str) -> str:
    """The text of the module's top-level ``def name(...)``, or ``class name(...)`` of a
    ``Logger`` or ``LoggerAdapter`` base, to the next top-level line."""
    name = re.escape(name)
    found = re.search(rf"^(?:def {name}\(|class {name}\([^)]*Logger)", text, re.MULTILINE)
    if found is None:
        return ""
    after = _TOP_LEVEL_LINE.search(text, found.end())
    return text[found.start() : after.start() if after else len(text)]


def convention_of(modules: Iterable[tuple[str, ModuleLoggers]]) -> LoggerConvention:
    """The convention most of the project's modules follow, and the classes that keep a
    logger."""
    modules = list(modules)
    keepers = frozenset(
        (f"{dotted_module(path)}.{owner}", attribute)
        for path, summary in modules
        for owner, attribute in summary[8]
    )
    return dataclasses.replace(_convention_of(modules), logger_keepers=keepers)


def _convention_of(modules: list[tuple[str, ModuleLoggers]]) -> LoggerConvention:
    convention = _made_loggers_convention(modules)
    importers = Counter(name for _, summary in modules for name in _logged_with(summary))
    # sickchill's 168 modules import its logging module itself: from sickchill import logger
    logging_modules = {dotted_module(path) for path, _ in modules}
    shared = [
        (count, name)
        for name, count in importers.items()
        if name in convention.project_loggers or name in logging_modules
    ]
    if not shared:
        return convention
    count, name = max(shared)
    if count <= convention.loggers:
        return convention
    return dataclasses.replace(convention, shared_logger=name, shared_importers=count)


def _logged_with(summary: ModuleLoggers) -> set[str]:
    """The project's loggers the module imports to log with: not a logging module it
    imports to make its logger with (calibre-web's ``log = logger.create()``)."""
    made = summary[7]
    imported = set(summary[5])
    if made is not None:
        maker = made.partition(".")[0]
        imported = {name for name in imported if name.rpartition(".")[2] != maker}
    return imported


def _made_loggers_convention(modules: Iterable[tuple[str, ModuleLoggers]]) -> LoggerConvention:
    """The convention of the loggers most of the project's modules make."""
    styles: Counter[str] = Counter()  # the logging module each logger is made from
    spellings: Counter[tuple[str, str]] = Counter()  # (that module, the name it is bound to)
    names: Counter[str] = Counter()
    arguments: Counter[str] = Counter()
    argument_paths: dict[str, list[str]] = {}
    factories: set[str] = set()  # the styles that are a project's own logger factory
    facilities: set[str] = set()  # the styles that are another logging facility
    project_loggers: set[str] = set()
    inner = 0
    root = 0
    made_otherwise: Counter[str] = Counter()
    for path, (loggers, factory, named, facility, made_inside, _, root_calls, made, _) in modules:
        inner += bool(made_inside)
        root += bool(root_calls)
        made_otherwise.update([made] if made else [])
        project_loggers.update(f"{dotted_module(path)}.{name}" for name in named)
        project_loggers.update(f"{dotted_module(path)}.{name}" for _, _, name, _ in loggers)
        for style, alias, name, argument in loggers:
            styles[style] += 1
            spellings[style, alias or "logging"] += 1
            names[name] += 1
            arguments[argument] += 1
            argument_paths.setdefault(argument, []).append(path)
        if factory is not None:
            styles[factory] += 1
            factories.add(factory)
        if facility is not None:
            styles[facility] += 1
            facilities.add(facility)
    # certipy's lib/logger.py makes ``logging = _logging.getLogger("certipy")``, which every
    # module imports and logs with: a logger of the project's, no other facility.
    for imported_logger in facilities & project_loggers:
        del styles[imported_logger]
    facilities -= project_loggers
    if not styles:
        made, count = made_otherwise.most_common(1)[0] if made_otherwise else ("", 0)
        return LoggerConvention(
            project_loggers=frozenset(project_loggers),
            inner_loggers=inner,
            root_loggers=root,
            made_otherwise=made,
            made_otherwise_count=count,
        )
    # A module loggers are made with is no mere facility where others use it as it is.
    facilities -= {style for (style, _) in spellings}
    # Ties go to the standard library, then to oslo.log.
    preference = {STDLIB_LOGGING: 0, OSLO_LOG: 1}
    style = min(styles, key=lambda module: (-styles[module], preference.get(module, 2), module))
    if style in factories or style in facilities:
        return LoggerConvention(
            style,
            loggers=sum(styles.values()),
            factory=style in factories,
            project_loggers=frozenset(project_loggers),
            facility=style in facilities,
        )
    aliases = Counter(
        {alias: count for (module, alias), count in spellings.items() if module == style}
    )
    argument = _shared_argument(arguments)
    return LoggerConvention(
        style,
        _most_common(names),
        _most_common(aliases),
        sum(styles.values()),
        argument=argument,
        project_loggers=frozenset(project_loggers),
        argument_folder=_folder_named(argument, argument_paths.get(argument, [])),
    )


def _folder_named(argument: str, paths: list[str]) -> str:
    """The logger name ``argument`` gives, where it names a folder every one of ``paths``
    sits in; "" otherwise."""
    name = argument.strip("'\"")
    if not _NAMED_LOGGER.fullmatch(argument) or not paths:
        return ""
    return name if all(name in path.split("/")[:-1] for path in paths) else ""


def _shared_argument(arguments: Counter[str]) -> str:
    """What a new logger is given: the name most modules give theirs (luigi's
    ``"luigi-interface"``), ``__name__``, or :data:`OWN_NAMES` where the
    modules name their loggers each their own way (gallery-dl's ``"config"``,
    ``"cache"``, ``"archive"``): no name of another module's is this one's."""
    argument = _most_common(arguments)
    if not _NAMED_LOGGER.fullmatch(argument) or arguments["__name__"] >= arguments[argument]:
        return "__name__"  # ipykernel: one module's __name__, one's "ipykernel.comm"
    runner_up = max((count for key, count in arguments.items() if key != argument), default=0)
    return argument if arguments[argument] > max(1, runner_up) else OWN_NAMES


def _logger_factory(path: str, text: str) -> str | None:
    """``kombu.log.get_logger`` where the module imports the project's own ``get_logger``,
    or a logging module's (azure-cli's ``from knack.log import get_logger``)."""
    for line in lines_around(text, _FACTORY_WORD):
        imported = _FACTORY_IMPORT.fullmatch(line.strip())
        if imported is None:
            continue
        module, names = imported.groups()
        if _FACTORY not in (name.strip() for name in names.split(",")):
            continue
        absolute = absolute_name(module, path)
        own = absolute.partition(".")[0] == dotted_module(path).partition(".")[0]
        if own or absolute.rpartition(".")[2] in _LOGGING_MODULE_NAMES:
            return f"{absolute}.{_FACTORY}"
    return None


def _calls_factory(text: str) -> bool:
    """Does a line start by binding a conventional logger name to ``get_logger(...)``?"""
    return _FACTORY_CALL.search(text) is not None


def _logger_lines(text: str) -> list[tuple[str, str, str]]:
    """``(LOG, logging, __name__)`` of each ``LOG = logging.getLogger(__name__`` at the start
    of a line: the name, the logging module's, and what the call is given (its text up to
    the closing bracket on that line)."""
    found = []
    for match in _GET_LOGGER.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        assignment = _LOGGER_ASSIGNMENT.fullmatch(text, start, match.start())
        if assignment is not None:
            end = text.find("\n", match.end())
            rest = text[match.end() : len(text) if end < 0 else end]
            alias = assignment[2] or ""
            found.append((assignment[1], alias, rest.partition(")")[0].strip()))
    return found


def _most_common(counts: Counter[str]) -> str:
    return min(counts, key=lambda key: (-counts[key], key))


def makes_a_logger(text: str) -> bool:
    """The survey's text test: the modules that may make a logger, whether or not they
    swallow exceptions (those alone would be too few, and not a fair sample)."""
    return (
        "getLogger(" in text
        or "get_logger(" in text
        or "import log" in text  # a project's own logging module, used as it is
        or _facility(text) is not None
        or _logs_with_a_logger(text)  # one it may import (sentry-sdk's)
    )


_LOGGER_ATTRIBUTES = ("LOG.", "LOGGER.", "logger.", "log.")  # ``_LOG.`` and ``_logger.`` too
_LEVEL_CALLS = ("debug(", "info(", "warning(", "error(", "exception(", "critical(", "msg(")


def _logs_with_a_logger(text: str) -> bool:
    """Does the module call a level method of a logger with a conventional name? Read by
    plain substring searches: a pattern starting with the names took three times as long."""
    for attribute in _LOGGER_ATTRIBUTES:
        at = text.find(attribute)
        while at >= 0:
            if text.startswith(_LEVEL_CALLS, at + len(attribute)):
                return True
            at = text.find(attribute, at + 1)
    return False


SURVEY = Survey(
    wants=makes_a_logger,
    summarise=module_loggers,
    combine=convention_of,
    project_code_only=True,
)
