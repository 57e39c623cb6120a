"""hash-not-for-security's survey: a module of the project's own that passes
``usedforsecurity=`` to hashlib with no fallback.

hashlib takes the keyword from Python 3.9 on, and raises TypeError before
it: a package that passes it unguarded (otcextensions 0.34.8's
common/utils.py, ``hashlib.md5(usedforsecurity=False)``) cannot run on an
older Python, whatever its classifiers still list. A call counts where it
is the project's code (not a test, an example or a vendored module), in no
``try`` whose handlers catch TypeError, in no handler (s3cmd's ``except
ValueError:`` passes it only where FIPS mode refuses MD5), under no ``if``
that tests the Python (or a flag for the keyword) or whose other branch
calls hashlib without it, and in no function that a ``try`` catching
TypeError calls (a probe).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Sequence

from cwemod.codemods._silent_survey import NOT_THE_LIBRARY
from cwemod.codemods.kit.project import is_test_module
from cwemod.codemods.kit.syntax import (
    last_name,
    module_function_calls,
    nodes,
    parents,
    parse_ast,
)
from cwemod.codemods.surveys import Survey, mentions_any

KEYWORD = "usedforsecurity"
# The hashlib constructors that take it from 3.9 on.
_CONSTRUCTORS = frozenset(
    {
        "new",
        "md4",
        "md5",
        "sha1",
        "sha224",
        "sha256",
        "sha384",
        "sha512",
        "sha512_224",
        "sha512_256",
        "sha3_224",
        "sha3_256",
        "sha3_384",
        "sha3_512",
        "shake_128",
        "shake_256",
        "blake2b",
        "blake2s",
        "ripemd160",
        "sm3",
    }
)
# An ``if`` test about the Python or the keyword: ``sys.version_info >= (3, 9)``, six's
# ``PY3``, a ``PY39`` or ``_HAS_USEDFORSECURITY`` flag, FIPS mode.
_PYTHON_TEST = re.compile(r"version|\bPY\d|_PY\d|usedforsecurity|fips", re.IGNORECASE)
# What catches the TypeError of a Python before 3.9 (a bare ``except:`` too).
_CATCHES_TYPE_ERROR = frozenset({"TypeError", "Exception", "BaseException"})
_TRIES = (ast.Try, *([ast.TryStar] if hasattr(ast, "TryStar") else []))  # 3.11's try/except*


def passes_it_unguarded(path: str, text: str) -> bool:
    """Does the module at ``path`` pass ``usedforsecurity=`` to hashlib with no fallback?"""
    if KEYWORD not in text or path.partition("/")[0] in NOT_THE_LIBRARY:
        return False
    if is_test_module(path, text):
        return False
    try:
        tree = parse_ast(text)
    except (SyntaxError, ValueError, RecursionError):
        return False
    calls = module_function_calls(tree, {"hashlib"}, set(_CONSTRUCTORS))
    marked = [call for call in calls if any(kw.arg == KEYWORD for kw in call.keywords)]
    if not marked:
        return False
    parent_of, probed = parents(tree), _probed_names(tree)
    return any(not _guarded(call, parent_of, probed) for call in marked)


def first_module(summaries: Sequence[tuple[str, bool]]) -> str | None:
    """The path of the first module (by name) that passes it unguarded; None where none does."""
    return min((path for path, passes in summaries if passes), default=None)


def _guarded(call: ast.Call, parent_of: dict[ast.AST, ast.AST], probed: set[str]) -> bool:
    """Is ``call`` in a fallback, a branch for some Pythons, or a function a probe calls?"""
    child, parent = call, parent_of.get(call)
    while parent is not None:
        if isinstance(parent, ast.ExceptHandler):
            return True
        if isinstance(parent, _TRIES) and child in parent.body:
            if any(_catches_type_error(handler) for handler in parent.handlers):
                return True
        if isinstance(parent, (ast.If, ast.IfExp, ast.While)) and child is not parent.test:
            if _PYTHON_TEST.search(ast.unparse(parent.test)) or _other_branch_unmarked(parent):
                return True
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)) and parent.name in probed:
            return True
        child, parent = parent, parent_of.get(parent)
    return False


def _catches_type_error(handler: ast.ExceptHandler) -> bool:
    if handler.type is None:
        return True
    caught = handler.type.elts if isinstance(handler.type, ast.Tuple) else [handler.type]
    return any(last_name(each) in _CATCHES_TYPE_ERROR for each in caught)


def _other_branch_unmarked(branching: ast.If | ast.IfExp | ast.While) -> bool:
    """Has the ``if`` an ``else``, and does a branch call a hashlib constructor without the
    keyword (aws-sam-cli's ``md5(usedforsecurity=False)`` on 3.9+, else ``md5()``)?"""
    if not branching.orelse:
        return False
    branches = [branching.body, branching.orelse]
    return any(
        isinstance(node, ast.Call)
        and last_name(node.func) in _CONSTRUCTORS
        and all(kw.arg != KEYWORD for kw in node.keywords)
        for branch in branches
        for part in (branch if isinstance(branch, list) else [branch])
        for node in ast.walk(part)
    )


def _probed_names(tree: ast.Module) -> set[str]:
    """The names used in the bodies of the ``try`` statements that catch TypeError: the
    functions a probe calls (``try: _new_sha1()`` ... ``except TypeError:``)."""
    names: set[str] = set()
    for attempt in nodes(tree, _TRIES):
        if any(_catches_type_error(handler) for handler in attempt.handlers):  # type: ignore[attr-defined]
            for statement in attempt.body:  # type: ignore[attr-defined]
                names.update(last_name(node) for node in ast.walk(statement))
    return names


SURVEY = Survey(
    wants=mentions_any((KEYWORD,)),
    summarise=passes_it_unguarded,
    combine=first_module,
    project_code_only=True,
)
