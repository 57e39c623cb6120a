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

# ``requests.post.assert_called_once_with(`` or ``mock_get.assert_has_calls(``...
_CALLEE = "|".join((*VERBS, "stream"))
_ASSERTED_CALL = re.compile(
    rf"\b(?:mock_)?(?:{_CALLEE})\.assert_(?:called_once_with|called_with|any_call|has_calls)\("
)


def dotted_module(module_path: str) -> str:
    """``pkg/mod.py`` -> ``pkg.mod``."""
    return module_path.removesuffix(".py").replace("/", ".")


def modules_with_asserted_http_calls(sources: Iterable[tuple[str, str]]) -> frozenset[str]:
    """Dotted names of the modules that a test asserting HTTP call arguments imports or patches.

    Over-approximates: every module such a test imports, or names in a string
    (``mock.patch('pkg.mod.requests')``), counts.
    """
    found: set[str] = set()
    for path, text in sources:
        if not is_test_module(path) or not _ASSERTED_CALL.search(text):
            continue
        try:
            tree = parse_ast(text)
        except (SyntaxError, ValueError):
            continue
        found.update(_named_modules(tree))
    return frozenset(found)


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


SURVEY = Survey(wants=mentions_any(HTTP_LIBRARIES), run=modules_with_asserted_http_calls)
