"""requests-timeout's survey: the modules whose tests assert an HTTP call's exact arguments.

Such a test breaks when the call gains ``timeout=``: the fix there is left to
a person, who changes the call and the assertion together.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable

from cwemod.codemods.kit.project import is_test_module
from cwemod.codemods.kit.syntax import nodes, parse_ast
from cwemod.codemods.surveys import Survey, mentions_any

HTTP_LIBRARIES = ("requests", "httpx")
VERBS = ("get", "options", "head", "post", "put", "patch", "delete", "request")

# ``requests.post.assert_called_once_with(``, ``mock_get.assert_has_calls(``, blazar's
# ``post_mock.assert_called_with(``...
_CALLEE = "|".join((*VERBS, "stream"))
_ASSERTED_CALL = re.compile(
    rf"\b(?:mock(?:ed)?_)?(?:requests_)?(?:{_CALLEE})(?:_mock(?:ed)?)?"
    r"\.assert_(?:called_once_with|called_with|any_call|has_calls)\("
)


def modules_named_by_asserting_test(path: str, text: str) -> frozenset[str]:
    """Dotted names of the modules the file names, when it is a test asserting HTTP call arguments.

    Over-approximates: every module such a test imports, or names in a string
    (``mock.patch('pkg.mod.requests')``), counts.
    """
    if not is_test_module(path) or not _ASSERTED_CALL.search(text):
        return frozenset()
    try:
        tree = parse_ast(text)
    except (SyntaxError, ValueError):
        return frozenset()
    return frozenset(_named_modules(tree))


def all_named(summaries: Iterable[tuple[str, frozenset[str]]]) -> frozenset[str]:
    return frozenset().union(*(named for _, named in summaries))


def _named_modules(tree: ast.Module) -> set[str]:
    names: set[str] = set()
    for node in nodes(tree, (ast.Import, ast.ImportFrom, ast.Constant)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            parts = node.value.split(".")
            names.update(".".join(parts[:end]) for end in range(2, len(parts) + 1))
    return names


SURVEY = Survey(
    wants=mentions_any(HTTP_LIBRARIES), summarise=modules_named_by_asserting_test, combine=all_named
)
