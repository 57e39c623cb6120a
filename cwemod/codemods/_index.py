"""The catalog (id, CWE ids, applicability, title) without importing a codemod.

Importing the codemods loads LibCST, which costs most of a second, and
``cwemod codemods`` only lists them. Every codemod states these four as
literal class attributes, so they are read from its module's source with
the standard library's ``ast``. A module where they are not all literal, or
a codemod-looking class without them, is imported instead, so a codemod
added in any style is listed; ``tests/test_startup.py`` checks that this
catalog equals the registry's.
"""

from __future__ import annotations

import ast
import importlib.util
from dataclasses import dataclass

from cwemod.codemods import all_codemods, codemod_modules

_FIELDS = ("id", "title", "cwe", "applicability")


@dataclass(frozen=True)
class CatalogEntry:
    id: str
    cwe: tuple[str, ...]
    applicability: str  # "safe" or "review"
    title: str


def catalog() -> list[CatalogEntry]:
    """One entry per codemod, in id order, as :func:`all_codemods` would list them."""
    entries: list[CatalogEntry] = []
    for module in codemod_modules():
        read = _read_module(module)
        entries += read if read is not None else _imported(module)
    return sorted(entries, key=lambda entry: entry.id)


def _read_module(module: str) -> list[CatalogEntry] | None:
    """The entries of ``module`` read from its source; None when they cannot all be read."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return None
    try:
        with open(spec.origin, "rb") as source:
            tree = ast.parse(source.read(), spec.origin)
    except (OSError, SyntaxError, ValueError):
        return None
    entries = []
    for node in tree.body:
        if not isinstance(node, ast.ClassDef):
            continue
        values = _literal_attributes(node)
        if set(_FIELDS) <= values.keys():
            entry = _entry(values)
            if entry is None:
                return None
            entries.append(entry)
        elif "id" in values or _names_codemod_base(node):
            return None  # a codemod whose metadata is not all literal here
    return entries


def _literal_attributes(node: ast.ClassDef) -> dict[str, object]:
    """The class-level ``name = value`` of ``_FIELDS``; a value that is not literal is None."""
    values: dict[str, object] = {}
    for statement in node.body:
        if isinstance(statement, ast.Assign) and len(statement.targets) == 1:
            target, value = statement.targets[0], statement.value
        elif isinstance(statement, ast.AnnAssign) and statement.value is not None:
            target, value = statement.target, statement.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in _FIELDS:
            values[target.id] = _literal(value)
    return values


def _literal(value: ast.expr) -> object:
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        if value.value.id == "Applicability" and value.attr in ("SAFE", "REVIEW"):
            return value.attr.lower()
        return None
    try:
        return ast.literal_eval(value)
    except (ValueError, TypeError, SyntaxError, MemoryError, RecursionError):
        return None


def _entry(values: dict[str, object]) -> CatalogEntry | None:
    codemod_id, title, cwe = values["id"], values["title"], values["cwe"]
    applicability = values["applicability"]
    if not (isinstance(codemod_id, str) and codemod_id and isinstance(title, str)):
        return None
    if not (isinstance(cwe, tuple) and all(isinstance(item, str) for item in cwe)):
        return None
    if applicability not in ("safe", "review"):
        return None
    return CatalogEntry(codemod_id, cwe, applicability, title)


def _names_codemod_base(node: ast.ClassDef) -> bool:
    for base in node.bases:
        name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
        if name.endswith("Codemod"):
            return True
    return False


def _imported(module: str) -> list[CatalogEntry]:
    return [
        CatalogEntry(cls.id, tuple(cls.cwe), cls.applicability.value, cls.title)
        for cls in all_codemods().values()
        if cls.__module__ == module
    ]
