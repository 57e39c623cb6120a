"""cleanup-on-failure's survey: what the project's tests patch (secure-random's too).

A test that patches ``socket.socket`` and sets up its ``return_value``
drives the object the code gets from the call; ``with socket.socket() as s``
uses what ``__enter__()`` returns instead, another mock (Octavia's
haproxy_vrrp_check test then loops for ever). Where the tests patch an
acquire, or the project's tests are not there to read (aws-sam-cli's sdist
prunes them, and they patch ``socket.socket`` with a plain ``Mock()``), the
fix keeps the object: ``try``/``finally`` instead of ``with``. ``open()`` too,
where the tests patch the module's (or the builtin) with a plain mock, not
``mock_open()``: droopescan's release test patches
``dscan.common.release_api.open`` and sets up ``mo().write``. Not where the
test module's handles return themselves from ``__enter__()`` (glean's).

It also lists the project's standard library loggers, and the functions
that make them (Weblate's ``weblate.logger.LOGGER``, zenml's ``get_logger``):
a module logger made with one, or one imported, logs a failing cleanup.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable
from dataclasses import dataclass

from cwemod.codemods.kit.logger_names import OSLO_LOG, STDLIB_LOGGING, logging_modules
from cwemod.codemods.kit.project import absolute_name, dotted_module, is_test_module
from cwemod.codemods.kit.syntax import parse_ast
from cwemod.codemods.kit.text import from_imports
from cwemod.codemods.surveys import Survey

# mock.patch('socket.socket'), patch("pkg.mod.socket.socket", ...), pytest's
# monkeypatch.setattr("pkg.mod.choice", ...), and
# mock.patch.object(socket, 'socket') (the module's name, then the attribute's).
# One pattern per word: a pattern that starts with a choice is tried at every position
# of the text, six times slower.
_PATCHES = tuple(re.compile(rf"""{word}\(\s*['"]([\w.]+)['"]""") for word in ("patch", "setattr"))
_PATCH_OBJECT = re.compile(r"""patch\.object\(\s*([\w.]+)\s*,\s*['"](\w+)['"]""")


def patched_in_test(path: str, text: str) -> frozenset[str]:
    """The dotted names a test module patches."""
    if not is_test_module(path):
        return frozenset()
    named = {name for pattern in _PATCHES for name in pattern.findall(text)}
    named.update(f"{owner}.{attribute}" for owner, attribute in _PATCH_OBJECT.findall(text))
    return frozenset(named)


# patch("pkg.mod.open", ...), and patch.object(mod, "open", ...): the module's name, then open.
_OPEN_PATCHES = (
    re.compile(r"""patch\(\s*['"]([\w.]+)\.open['"]"""),
    re.compile(r"""patch\.object\(\s*([\w.]+)\s*,\s*['"]open['"]"""),
)
# ``m = mock_open()``, ``self.m = mock.mock_open(read_data=...)`` on a line of its own: a
# name handed to a patch.
_MOCK_OPEN_NAMES = re.compile(
    r"^[ \t]*(?:\w+\.)*(\w+)[ \t]*=[ \t]*(?:[\w.]+\.)?mock_open\(", re.MULTILINE
)


def plainly_patched_opens(text: str) -> frozenset[str]:
    """The modules (as the test module writes them) whose ``open`` a test module patches with
    a plain mock, not ``mock_open()``: droopescan's ``patch('dscan.common.release_api.open',
    create=True) as mo``, whose ``mo().__enter__()`` is another mock than ``mo()``."""
    if "open" not in text or _hands_out_self_entering(text):
        return frozenset()
    plain = set()
    mock_opens = None
    for pattern in _OPEN_PATCHES:
        for found in pattern.finditer(text):
            arguments = _arguments(text, found.end())
            if "mock_open" in arguments:  # new=, new_callable=, side_effect=, positional
                continue
            if mock_opens is None:
                mock_opens = frozenset(_MOCK_OPEN_NAMES.findall(text))
            if mock_opens.isdisjoint(_WORDS.findall(arguments)):
                plain.add(found[1])
    return frozenset(plain)


_WORDS = re.compile(r"\w+")
# ``mock_handle.__enter__.return_value = mock_handle``: glean's test_glean hands out handles
# that are their own ``__enter__()``, as ``mock_open()``'s are; ``with`` gets the same handle.
_SELF_ENTERING = re.compile(r"([\w.]+)\.__enter__\.return_value[ \t]*=[ \t]*\1\b")


def _hands_out_self_entering(text: str) -> bool:
    # The substring first: the pattern's back-reference is slow to search for in every module.
    return "__enter__.return_value" in text and _SELF_ENTERING.search(text) is not None


def _arguments(text: str, start: int, most: int = 2000) -> str:
    """The rest of a call's arguments, from ``start`` to its closing bracket."""
    depth = 1
    for bracket in _BRACKETS.finditer(text, start, start + most):
        depth += 1 if bracket[0] == "(" else -1
        if depth == 0:
            return text[start : bracket.start()]
    return text[start : start + most]


_BRACKETS = re.compile(r"[()]")


def all_patched(summaries: Iterable[tuple[str, frozenset[str]]]) -> frozenset[str]:
    return frozenset().union(*(named for _, named in summaries))


@dataclass(frozen=True)
class CleanupFacts:
    """What the project's tests patch, whether any test module was there to read, and the
    project's standard library loggers and the functions that make them."""

    patched: frozenset[str] = frozenset()
    tests_seen: bool = False
    # The project's functions that return a standard library logger, by dotted name
    # (zenml's ``zenml.logger.get_logger``).
    logger_factories: frozenset[str] = frozenset()
    # The module-level loggers the logging module (or oslo.log) makes in the project's
    # modules, by dotted name: Weblate's ``weblate.logger.LOGGER``, which its modules import.
    loggers: frozenset[str] = frozenset()
    # Does a module of the project, not a test, define ``delete()``? Without a survey, it may
    # (cvat-sdk's has none: a ``self.create()`` of its own mixins has no ``self.delete()``).
    defines_delete: bool = True
    # The modules whose ``open`` the tests patch with a plain mock (droopescan's
    # ``dscan.common.release_api``, ``builtins``), as the tests write them.
    plain_opens: frozenset[str] = frozenset()


# A module's summary: what it patches, whether it is one of the project's own tests, the
# logger factories it defines, its module loggers, whether it defines ``delete()`` and the
# modules whose ``open`` it patches with a plain mock; None for a module with none of them.
Summary = tuple[frozenset[str], bool, frozenset[str], frozenset[str], bool, frozenset[str]] | None


def test_patches(path: str, text: str) -> Summary:
    """What a test module patches, and whether it is among the project's own tests (in a
    ``tests`` folder at the top or in its top package, not a template's: aws-sam-cli's
    cookiecutters ship theirs); for another module, the loggers and logger factories it
    defines, and whether it defines ``delete()``."""
    if not is_test_module(path):
        factories, loggers = logger_factories(path, text), module_loggers(path, text)
        delete = _DEFINES_DELETE.search(text) is not None
        return (
            (frozenset(), False, factories, loggers, delete, frozenset())
            if factories or loggers or delete
            else None
        )
    own = not _TEST_FOLDERS.isdisjoint(path.split("/")[:-1][:2])
    patched = patched_in_test(path, text)
    return patched, own, frozenset(), frozenset(), False, _opens_of_tested_modules(path, text)


# ``def delete(`` or ``async def delete(``, a function's or a method's.
_DEFINES_DELETE = re.compile(r"\bdef[ \t]+delete[ \t]*\(")


# ``LOGGER = logging.getLogger("weblate")`` at a line's start (searched after a newline).
_MODULE_LOGGER = re.compile(r"\n(\w+)[ \t]*=[ \t]*(?:(\w+)\.)?getLogger\(")


def module_loggers(path: str, text: str) -> frozenset[str]:
    """The dotted names of the module's module-level loggers that the logging module or
    oslo.log makes."""
    if "getLogger(" not in text:
        return frozenset()
    aliases = {
        alias
        for alias, module in logging_modules(path, text).items()
        if module in (STDLIB_LOGGING, OSLO_LOG)
    }
    module = dotted_module(path)
    return frozenset(
        f"{module}.{found[1]}"
        for found in _MODULE_LOGGER.finditer("\n" + text)
        if (found[2] or "") in aliases
    )


def logger_factories(path: str, text: str) -> frozenset[str]:
    """The dotted names of the module's top-level functions whose whole body (a docstring
    aside) is ``return logging.getLogger(...)``: zenml's ``zenml.logger.get_logger``."""
    if _RETURNS_A_LOGGER.search(text) is None:  # most modules: parsed for nothing
        return frozenset()
    try:
        tree = parse_ast(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return frozenset()
    getters = _stdlib_getters(tree)
    module = dotted_module(path)
    return frozenset(
        f"{module}.{node.name}"
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and _returns_a_logger(node, getters)
    )


_RETURNS_A_LOGGER = re.compile(r"return[ \t]+(?:\w+\.)?getLogger\(")


def _stdlib_getters(tree: ast.Module) -> set[str]:
    """How the module's top-level imports spell ``logging.getLogger``."""
    getters = set()
    for node in tree.body:
        if isinstance(node, ast.Import):
            getters |= {
                f"{a.asname or a.name}.getLogger" for a in node.names if a.name == "logging"
            }
        elif isinstance(node, ast.ImportFrom) and node.module == "logging" and not node.level:
            getters |= {a.asname or a.name for a in node.names if a.name == "getLogger"}
    return getters


def _returns_a_logger(function: ast.FunctionDef, getters: set[str]) -> bool:
    body = function.body
    if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
        body = body[1:]  # the docstring
    if len(body) != 1 or not isinstance(body[0], ast.Return):
        return False
    value = body[0].value
    return isinstance(value, ast.Call) and _spelled(value.func) in getters


def _spelled(node: ast.expr) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}"
    return None


_TEST_FOLDERS = frozenset({"tests", "test", "_tests"})  # bioblend/_tests


def combine_patches(summaries: Iterable[tuple[str, Summary]]) -> CleanupFacts:
    found = [summary for _, summary in summaries if summary is not None]
    return CleanupFacts(
        frozenset().union(*(summary[0] for summary in found)),
        any(summary[1] for summary in found),
        frozenset().union(*(summary[2] for summary in found)),
        frozenset().union(*(summary[3] for summary in found)),
        any(summary[4] for summary in found),
        frozenset().union(*(summary[5] for summary in found)),
    )


def may_be_patched(acquire: str, tests: CleanupFacts) -> bool:
    """May the tests patch ``acquire`` (``socket.socket``), or it where a module imports it?
    They may where they are not there to read.

    Not ``open()``: tests patch it with ``mock.mock_open()``, whose handle is
    what its ``__enter__()`` returns. Nor ``os.fdopen()`` (python-crontab's), patched so too,
    unless a test module the survey reads patches it at all, a ``mock_open()`` included.
    """
    if acquire in _OPENERS:
        return False
    if acquire == "os.fdopen":
        return any(name.rpartition(".")[2] == "fdopen" for name in tests.patched)
    if not tests.tests_seen:
        return True
    return any(name == acquire or name.endswith(f".{acquire}") for name in tests.patched)


_OPENERS = frozenset({"builtins.open", "io.open"})  # _OWNERS' keys


def plainly_patched_open(acquire: str, module: str, tests: CleanupFacts) -> str | None:
    """The ``open`` the tests patch with a plain mock where ``module`` (dotted) calls
    ``acquire``: the module's own (its name as the tests write it, its end at least), or the
    builtin in a test module that imports ``module``; None where they patch none so, or
    ``acquire`` is no ``open()``."""
    if acquire not in _OPENERS:
        return None
    for owner in sorted(tests.plain_opens):
        name, _, tested = owner.partition("@")
        if tested and name not in _OWNERS[acquire]:
            continue
        if _names_module(tested or name, module):
            return f"{name}.open"
    return None


def _names_module(written: str, module: str) -> bool:
    return module == written or module.endswith(f".{written}")


def _opens_of_tested_modules(path: str, text: str) -> frozenset[str]:
    """:func:`plainly_patched_opens`, a builtin's qualified by each module the test module
    imports (``builtins@cinder.volume.drivers.ibm.gpfs``): cinder's test_gpfs patches
    ``builtins.open`` for the gpfs driver, not for veritas_iscsi's reads."""
    found = plainly_patched_opens(text)
    builtins = {owner for owner in found if any(owner in o for o in _OWNERS.values())}
    if not builtins:
        return found
    tested = _imported_modules(path, text)
    return (found - builtins) | {f"{owner}@{module}" for owner in builtins for module in tested}


# ``import a.b`` (and ``import a.b as c``) at a line's start, in a test's body too.
_IMPORT_LINE = re.compile(r"^[ \t]*import[ \t]+([\w.]+)", re.MULTILINE)


def _imported_modules(path: str, text: str) -> set[str]:
    """The modules the module at ``path`` imports, or imports a name from (``from a.b import
    c`` gives ``a.b`` and ``a.b.c``: ``c`` may be a module), as absolute names."""
    modules = set(_IMPORT_LINE.findall(text))
    for module, name, _ in from_imports(text, indented=True):
        absolute = absolute_name(module, path)
        modules.update((absolute, f"{absolute}.{name}"))
    return modules


# Where else the tests may patch each opener for every module.
_OWNERS = {
    "builtins.open": frozenset({"builtins", "__builtin__", "six.moves.builtins"}),
    "io.open": frozenset({"io"}),
}


# Every module: a test module that patches nothing says the tests are there.
SURVEY = Survey(wants=lambda text: True, summarise=test_patches, combine=combine_patches)
