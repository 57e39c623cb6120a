"""jinja2-autoescape's survey: the project's functions that give an environment's options.

ckan's e-mail notifications make ``Environment(**jinja_extensions.get_jinja_env_options())``,
and that function of ckan/lib/jinja_extensions.py returns ``dict(loader=...,
autoescape=True, extensions=...)``: the environment escapes already. A function counts
where it is at the top of its module and every ``return`` of it gives a dict literal or a
``dict(...)`` call that sets ``autoescape`` to True or ``select_autoescape(...)``.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable

from cwemod.codemods.kit.project import dotted_module
from cwemod.codemods.kit.syntax import last_name, own_returns, parse_ast
from cwemod.codemods.surveys import Survey


def escaping_option_functions(tree: ast.Module) -> list[str]:
    """The names of the module-level functions of ``tree`` whose every return escapes."""
    return [
        statement.name
        for statement in tree.body
        if isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef))
        and _returns_escape(statement)
    ]


def summarise(path: str, text: str) -> tuple[str, ...]:
    try:
        tree = parse_ast(text)
    except (SyntaxError, ValueError, RecursionError):
        return ()
    return tuple(escaping_option_functions(tree))


def combine(summaries: Iterable[tuple[str, tuple[str, ...]]]) -> frozenset[str]:
    """The dotted names of the functions (``ckan.lib.jinja_extensions.get_jinja_env_options``)."""
    return frozenset(f"{dotted_module(path)}.{name}" for path, names in summaries for name in names)


def _returns_escape(function: ast.FunctionDef | ast.AsyncFunctionDef) -> bool:
    returns = list(own_returns(function.body))
    return bool(returns) and all(_escapes(_autoescape_entry(r.value)) for r in returns)


def _autoescape_entry(value: ast.expr | None) -> ast.expr | None:
    """The ``autoescape`` of ``dict(autoescape=...)`` or ``{"autoescape": ...}``, where
    nothing after it (``**more``) may set it again."""
    if isinstance(value, ast.Call) and _is_name(value.func, "dict") and not value.args:
        given = [k.value for k in value.keywords if k.arg == "autoescape"]
        return given[0] if given else None
    if isinstance(value, ast.Dict):
        # None: ``**more``, or a key that is no literal, which may set autoescape again
        keys = [key.value if isinstance(key, ast.Constant) else None for key in value.keys]
        last = len(keys) - 1 - keys[::-1].index("autoescape") if "autoescape" in keys else None
        if last is not None and None not in keys[last:]:
            return value.values[last]
    return None


def _escapes(value: ast.expr | None) -> bool:
    """True, or ``select_autoescape(...)``."""
    if isinstance(value, ast.Call):
        return last_name(value.func) == "select_autoescape"
    return isinstance(value, ast.Constant) and value.value is True


def _is_name(node: ast.expr, name: str) -> bool:
    return isinstance(node, ast.Name) and node.id == name


SURVEY = Survey(
    wants=lambda text: "autoescape" in text and "return" in text,
    summarise=summarise,
    combine=combine,
)
