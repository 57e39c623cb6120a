"""defusedxml: finding the names a module already has for defusedxml, and importing it.

defusedxml is a third-party package, so ``import defusedxml.X`` goes into
the module's third-party import group in hacking's H306 order, never among
the standard-library imports nor after the project's own ones (where
LibCST's ``AddImportsVisitor`` would append it).
"""

from __future__ import annotations

import sys

import libcst as cst

from cwemod.codemods.kit.imports import end_of_import_block, with_blank_lines_before
from cwemod.codemods.kit.source import code_of


def defused_spellings(module: cst.Module) -> dict[str, str]:
    """What the module's top-level imports already call defusedxml's modules and functions.

    Keys are ``defusedxml.minidom`` (a module) or ``defusedxml.minidom.parse``
    (a function); values the expression that names them here (``goodET``,
    ``defusedxml.minidom``, ``goodParse``).
    """
    spellings: dict[str, str] = {}
    for small in _top_level_imports(module):
        if isinstance(small, cst.Import):
            for alias in small.names:
                dotted = code_of(alias.name)
                if dotted.startswith("defusedxml."):
                    spellings[dotted] = code_of(alias.asname.name) if alias.asname else dotted
        elif _is_defusedxml_from_import(small):
            source = code_of(small.module)
            for alias in small.names:  # type: ignore[union-attr]
                name = code_of(alias.name)
                spellings[f"{source}.{name}"] = code_of(alias.asname.name) if alias.asname else name
    return spellings


def _is_defusedxml_from_import(small: cst.BaseSmallStatement) -> bool:
    return (
        isinstance(small, cst.ImportFrom)
        and not small.relative
        and small.module is not None
        and code_of(small.module).split(".")[0] == "defusedxml"
        and not isinstance(small.names, cst.ImportStar)
    )


def _top_level_imports(module: cst.Module) -> list[cst.BaseSmallStatement]:
    found = []
    for statement in module.body[: end_of_import_block(module.body)]:
        if isinstance(statement, cst.SimpleStatementLine):
            found.extend(s for s in statement.body if isinstance(s, (cst.Import, cst.ImportFrom)))
    return found


def add_third_party_import(
    module: cst.Module, name: str, local_packages: frozenset[str]
) -> cst.Module:
    """``import name`` in the third-party group (a new one after the stdlib group if none)."""
    body = list(module.body)
    groups = _import_groups(body)
    statement = cst.parse_statement(f"import {name}\n", config=module.config_for_parsing)
    if not groups:
        return module.with_changes(body=_first_import(body, statement))
    kinds = [_group_kind(body[start:end], local_packages) for start, end in groups]
    if "third-party" in kinds:
        start, end = groups[kinds.index("third-party")]
        key = name.lower()
        index = next((i for i in range(start, end) if _sort_key(body[i]) > key), end)
        if index == start:  # the new first line takes over the group's leading lines
            statement = statement.with_changes(leading_lines=body[start].leading_lines)
            body[start] = body[start].with_changes(leading_lines=[])
        body.insert(index, statement)
    elif "stdlib" in kinds or "local" not in kinds:  # a new group after the stdlib one
        kind = "stdlib" if "stdlib" in kinds else kinds[-1]
        index = groups[max(i for i, each in enumerate(kinds) if each == kind)][1]
        body.insert(index, with_blank_lines_before(statement, 1))
    else:  # no stdlib imports: the new group goes before the project's own
        index = groups[kinds.index("local")][0]
        statement = statement.with_changes(leading_lines=body[index].leading_lines)
        body[index] = with_blank_lines_before(body[index].with_changes(leading_lines=[]), 1)
        body.insert(index, statement)
    return module.with_changes(body=body)


def _first_import(
    body: list[cst.BaseStatement], statement: cst.BaseStatement
) -> list[cst.BaseStatement]:
    """A module without imports: the new one goes after the docstring, set apart by blank lines."""
    index = end_of_import_block(body)
    if index:
        statement = with_blank_lines_before(statement, 1)
    if index < len(body):
        after = body[index]
        blank = 2 if isinstance(after, (cst.FunctionDef, cst.ClassDef)) else 1
        body[index] = with_blank_lines_before(after, blank)
    return [*body[:index], statement, *body[index:]]


def _import_groups(body: list[cst.BaseStatement]) -> list[tuple[int, int]]:
    """[start, end) of each run of plain import lines at the top, split at blank lines."""
    groups: list[tuple[int, int]] = []
    start = None
    for index in range(end_of_import_block(body) + 1):
        statement = body[index] if index < len(body) else None
        plain = statement is not None and _plain_import(statement) is not None
        breaks = not plain or bool(statement.leading_lines)  # type: ignore[union-attr]
        if start is not None and breaks:
            groups.append((start, index))
            start = None
        if plain and start is None:
            start = index
    return groups


def _plain_import(statement: cst.BaseStatement) -> cst.Import | cst.ImportFrom | None:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if isinstance(small, (cst.Import, cst.ImportFrom)):
            return small
    return None


def _group_kind(statements: list[cst.BaseStatement], local_packages: frozenset[str]) -> str:
    tops = []
    for statement in statements:
        dotted = _imported_module(statement)
        if dotted is None:  # a relative import
            return "local"
        tops.append(dotted.split(".")[0])
    if any(top in local_packages for top in tops):
        return "local"
    if all(top == "__future__" for top in tops):
        return "future"
    if all(top in sys.stdlib_module_names for top in tops):
        return "stdlib"
    return "third-party"


def _imported_module(statement: cst.BaseStatement) -> str | None:
    """The module a plain import line names; None for a relative import."""
    small = _plain_import(statement)
    if isinstance(small, cst.Import):
        return code_of(small.names[0].name)
    if isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
        return code_of(small.module)
    return None


def _sort_key(statement: cst.BaseStatement) -> str:
    """hacking's H306 order: ``from a import b`` sorts as ``a.b``."""
    small = _plain_import(statement)
    module = _imported_module(statement) or ""
    if isinstance(small, cst.ImportFrom) and isinstance(small.names, (list, tuple)):
        return f"{module}.{code_of(small.names[0].name)}".lower()
    return module.lower()
