"""Dropping the imports of ``random`` that a rewrite left unused.

LibCST's ``RemoveImportsVisitor`` drops a removed line's blank lines, and
the engine gives them back to the next statement only when nothing took the
removed line's place; here ``import secrets`` usually does. So this codemod
drops its own imports, before it adds ``import secrets``, and the next
statement keeps the removed line's blank lines, directives and group heading
(:func:`~cwemod.codemods.kit.imports.with_lines_of_removed`). An import inside a
function (testcloud's ``import random`` in ``_generate_key()``) makes way for
``import secrets`` there: :func:`secrets_beside_local_import`.
"""

from __future__ import annotations

from collections.abc import Set

import libcst as cst

from cwemod.codemods.base import nodes_of_type
from cwemod.codemods.kit.imports import (
    h306_key,
    heads_group,
    is_import,
    with_lines_of_removed,
)
from cwemod.codemods.kit.source import code_of


def without_unused_random_imports(module: cst.Module, consumed: Set[str]) -> cst.Module:
    """``module`` without the names of ``consumed`` its ``random`` imports bind, once unused.

    ``consumed`` holds the local names whose uses the codemod rewrote
    (``random``, or ``randint`` of ``from random import randint``); an import
    that was unused before is not this codemod's business.
    """
    used = _names_used_outside_imports(module)
    body: list[cst.BaseStatement] = []
    removed: tuple[cst.BaseStatement, cst.BaseStatement | None] | None = None
    for statement in module.body:
        kept = _without_unused(statement, consumed - used)
        if kept is None:  # the first removed of a run, and the statement before it
            removed = removed or (statement, body[-1] if body else None)
            continue
        if removed is not None:
            kept = _with_lines_of(removed, kept)
        removed = None
        body.append(kept)
    return module.with_changes(body=body)


def _with_lines_of(
    removed: tuple[cst.BaseStatement, cst.BaseStatement | None], kept: cst.BaseStatement
) -> cst.BaseStatement:
    """``kept`` with what stays of the leading lines of the ``removed`` import above it
    (and the statement before that): :func:`~cwemod.codemods.kit.imports.with_lines_of_removed`."""
    statement, previous = removed
    heads = heads_group(statement, previous, kept)
    kept = with_lines_of_removed(kept, statement.leading_lines, heads)
    if previous is None:  # a file does not start with blank lines
        comments = [line for line in kept.leading_lines if line.comment is not None]
        kept = kept.with_changes(leading_lines=comments)
    return kept


def secrets_beside_local_import(
    block: cst.IndentedBlock, index: int, unused: Set[str], add: bool
) -> cst.IndentedBlock:
    """``block`` without the names of ``unused`` that its ``index``-th statement, an import
    of ``random``, binds, and with ``import secrets`` (if ``add``) in its place among the
    block's imports, in H306 order."""
    body = list(block.body)
    statement = body[index]
    kept = _without_unused(statement, unused)
    if kept is None:
        del body[index]
    else:  # its blank lines and comments go back above whichever line comes first
        body[index] = kept.with_changes(leading_lines=())
    at = index
    while at < len(body) and _in_group_before_secrets(body[at]):
        at += 1
    if add:
        secrets = cst.Import([cst.ImportAlias(cst.Name("secrets"))])
        body.insert(at, cst.SimpleStatementLine([secrets]))
    if not body:
        return block
    if index < len(body):
        lines = (*statement.leading_lines, *body[index].leading_lines)
        body[index] = body[index].with_changes(leading_lines=lines)
    return block.with_changes(body=body)


def _in_group_before_secrets(statement: cst.BaseStatement) -> bool:
    """Is ``statement`` an import of the group above it that sorts before ``secrets``?"""
    starts_a_group = any(line.comment is None for line in statement.leading_lines)
    return is_import(statement) and not starts_a_group and "" < h306_key(statement) < "secrets"


def _without_unused(statement: cst.BaseStatement, unused: Set[str]) -> cst.BaseStatement | None:
    """The statement without the aliases of ``random`` bound to ``unused``; None if none remain."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return statement
    small = statement.body[0]
    if isinstance(small, cst.Import):
        aliases = [alias for alias in small.names if not _binds_unused_random(alias, unused)]
    elif _from_random(small):
        aliases = [alias for alias in small.names if _bound_name(alias) not in unused]
    else:
        return statement
    if not aliases:
        return None
    if len(aliases) == len(small.names):
        return statement
    aliases[-1] = aliases[-1].with_changes(comma=cst.MaybeSentinel.DEFAULT)
    return statement.with_changes(body=[small.with_changes(names=aliases)])


def _from_random(small: cst.BaseSmallStatement) -> bool:
    return (
        isinstance(small, cst.ImportFrom)
        and not small.relative
        and small.module is not None
        and code_of(small.module) == "random"
        and not isinstance(small.names, cst.ImportStar)
    )


def _binds_unused_random(alias: cst.ImportAlias, unused: Set[str]) -> bool:
    return code_of(alias.name) == "random" and _bound_name(alias) in unused


def _bound_name(alias: cst.ImportAlias) -> str:
    if alias.asname is not None:
        return code_of(alias.asname.name)
    return code_of(alias.name).split(".")[0]


def _names_used_outside_imports(module: cst.Module) -> set[str]:
    """Names read or bound anywhere but in imports, attribute names and keywords."""
    imports = nodes_of_type(module, (cst.Import, cst.ImportFrom))
    skipped = {id(name) for node in imports for name in nodes_of_type(node, cst.Name)}
    skipped.update(id(node.attr) for node in nodes_of_type(module, cst.Attribute))
    skipped.update(id(arg.keyword) for arg in nodes_of_type(module, cst.Arg) if arg.keyword)
    return {name.value for name in nodes_of_type(module, cst.Name) if id(name) not in skipped}
