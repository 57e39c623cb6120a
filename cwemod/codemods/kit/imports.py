"""Imports: the block at the top of a module, and stdlib imports where a reviewer expects them.

LibCST's ``AddImportsVisitor`` appends after the last import, that is after
the third-party group, which OpenStack's pep8 gate (hacking H306,
flake8-import-order) rejects. Codemods that add stdlib imports use
:func:`add_stdlib_imports` instead (in hacking's order, or in isort's where
the group is sorted so), and :func:`add_project_import` for a
module of the project (hacking: one per line, in its package's group, in
H306 order: ``from cinder import utils`` sorts as ``cinder.utils``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Callable, Sequence

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.source import code_of


def add_stdlib_imports(
    module: cst.Module,
    names: Sequence[str],
    add_import: Callable[[str], None],
    isort: bool = False,
) -> cst.Module:
    """Import ``names`` in the module's standard-library group, in order.

    Without such a group the imports form a new one before the first import;
    in a module with no top-level import at all, ``add_import`` (a codemod's
    :meth:`~cwemod.codemods.base.Codemod.add_import`: LibCST's
    ``AddImportsVisitor``) places them. In hacking's order, or in isort's
    (``import`` lines first) where ``isort`` says the project sorts so
    (:mod:`~cwemod.codemods.kit.import_order`) or the group is sorted so.
    """
    missing = [name for name in names if name not in _bound_module_names(module)]
    if not missing:
        return module
    body = list(module.body)
    group = _stdlib_import_group(body)
    if group is None:
        first_import = _first_import(body)
        if first_import is None:
            for name in missing:
                add_import(name)
            return module
        group = (first_import, first_import)
    start, end = group
    new_group = start == end
    isort = isort or _sorted_as_isort_sorts(body[start:end])
    for name in missing:
        index = next(
            (
                i
                for i in range(start, end)
                if h306_key(body[i]) > name or (isort and not _imports_plainly(body[i]))
            ),
            end,
        )
        statement = cst.parse_statement(f"import {name}\n", config=module.config_for_parsing)
        if index == start:  # the new first import takes over the leading comments
            lines = list(body[start].leading_lines)
            # A new group leaves the comment right above the import that followed with it:
            # spyder's "# Third-party imports" heads its group, not the new one.
            kept = _heading_comments(lines) if new_group else 0
            statement = statement.with_changes(leading_lines=lines[: len(lines) - kept])
            body[start] = body[start].with_changes(leading_lines=lines[len(lines) - kept :])
        body.insert(index, statement)
        end += 1
    if new_group:  # it goes first, a blank line before the group that followed
        body[end] = with_blank_lines_before(body[end], 1)
    return module.with_changes(body=body)


def _heading_comments(lines: Sequence[cst.EmptyLine]) -> int:
    """How many comment lines end ``lines`` with no blank line among them."""
    count = 0
    for line in reversed(lines):
        if line.comment is None:
            break
        count += 1
    return count


def _sorted_as_isort_sorts(group: Sequence[cst.BaseStatement]) -> bool:
    """Is ``group`` in isort's order and not hacking's: ``import`` lines, then ``from`` lines?

    exchangelib's ``import logging`` before ``from contextlib import suppress``
    (isort's profile "black"): a new ``import secrets`` goes among the
    ``import`` lines there, not after ``from queue import ...``. A group that
    both orders accept is taken as hacking's.
    """
    plain = [_imports_plainly(statement) for statement in group]
    keys = [h306_key(statement) for statement in group]
    both_kinds = any(plain) and not all(plain)
    return both_kinds and plain == sorted(plain, reverse=True) and keys != sorted(keys)


def in_place_of(body: Sequence[cst.BaseStatement], index: int, name: str) -> bool:
    """May ``import name``, a standard-library module, take the place of the import line
    ``body[index]``, which goes? Where the neighbours in its group (lines with no blank line
    between them) stay in hacking's order, or where the group is of standard-library imports
    that stay in no order (opencanary's mysql.py: ``struct``, ``re``, ``string``, ``random``):
    no place in it is more right than the one that went."""
    group = _group_around(body, index)
    staying = [statement for statement in group if statement is not body[index]]
    if all(map(_stdlib_import_module, group)) and not _in_order(staying):
        return True
    before = body[index - 1] if index and not _starts_a_group(body[index]) else None
    after = body[index + 1] if index + 1 < len(body) else None
    after = None if after is None or _starts_a_group(after) else after
    return (before is None or (is_import(before) and h306_key(before) <= name)) and (
        after is None or not is_import(after) or h306_key(after) >= name
    )


def _group_around(body: Sequence[cst.BaseStatement], index: int) -> Sequence[cst.BaseStatement]:
    """The import lines around ``body[index]`` with no blank line between them."""
    start = index
    while start and not _starts_a_group(body[start]) and is_import(body[start - 1]):
        start -= 1
    end = index + 1
    while end < len(body) and not _starts_a_group(body[end]) and is_import(body[end]):
        end += 1
    return body[start:end]


def _starts_a_group(statement: cst.BaseStatement) -> bool:
    return any(line.comment is None for line in statement.leading_lines)


def _in_order(group: Sequence[cst.BaseStatement]) -> bool:
    keys = [h306_key(statement) for statement in group]
    return keys == sorted(keys) or _sorted_as_isort_sorts(group)


def _imports_plainly(statement: cst.BaseStatement) -> bool:
    """``import x``, not ``from x import y``."""
    return m.matches(statement, m.SimpleStatementLine([m.Import()]))


def is_import(statement: cst.BaseStatement) -> bool:
    """An import line, or a ``try``/``if`` that starts with one (``if TYPE_CHECKING:``)."""
    if isinstance(statement, cst.SimpleStatementLine):
        return all(isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body)
    if isinstance(statement, (cst.Try, cst.If)):
        first = statement.body.body[0] if statement.body.body else None
        return isinstance(first, cst.BaseStatement) and is_import(first)
    return False


def end_of_import_block(body: Sequence[cst.BaseStatement], start: int = 0) -> int:
    """Index just after the run of imports from ``start`` (at the top of a module: with a
    docstring before them), and the module dunders pycodestyle lets stand among them
    (gevent's ``__all__`` before its imports)."""
    end = start
    for index in range(start, len(body)):
        statement = body[index]
        if (index == 0 and _is_docstring(statement)) or is_import(statement):
            end = index + 1
        elif m.matches(statement, _DUNDER_ASSIGNMENT) and _is_dunder(statement):
            continue  # part of the run when an import follows it
        else:
            break
    return end


_DUNDER_ASSIGNMENT = m.SimpleStatementLine([m.Assign([m.AssignTarget(m.Name())])])


def _is_dunder(statement: cst.BaseStatement) -> bool:
    name = statement.body[0].targets[0].target.value  # type: ignore[attr-defined]
    return len(name) > 4 and name.startswith("__") and name.endswith("__")


def _is_docstring(statement: cst.BaseStatement) -> bool:
    string = m.SimpleString() | m.ConcatenatedString()
    return m.matches(statement, m.SimpleStatementLine([m.Expr(string)]))


def with_blank_lines_before(statement: cst.BaseStatement, count: int) -> cst.BaseStatement:
    leading = list(statement.leading_lines)
    missing = max(0, count - _blank_prefix(leading))
    return statement.with_changes(leading_lines=[cst.EmptyLine()] * missing + leading)


def _blank_prefix(lines: Sequence[cst.EmptyLine]) -> int:
    """How many blank lines start ``lines``."""
    count = 0
    while count < len(lines) and lines[count].comment is None:
        count += 1
    return count


# A comment that tells a tool what to do with more than the line below it.
_DIRECTIVE = re.compile(
    r"#\s*(?:noqa\b|nosec\b|(?:flake8|ruff|pylint|isort|fmt|yapf|type|pragma|mypy|pyright)\s*:)",
    re.IGNORECASE,
)


def with_lines_of_removed(
    statement: cst.BaseStatement, removed: Sequence[cst.EmptyLine], heads_group: bool
) -> cst.BaseStatement:
    """``statement`` with what it keeps of ``removed``, the leading lines of the top-level
    statement above it that went.

    A comment there may be about the removed line alone, and goes with it;
    not a directive (``# pylint: disable=...``, ``# isort: off``, ``# flake8:
    noqa``), which governs more than that line, nor, where ``heads_group``
    (:func:`heads_group`), a heading (spyder's ``# Standard library
    imports``). Blank lines alone go to a ``statement`` that has none: the
    next import is not glued to the module docstring.
    """
    kept = [
        line
        for line in removed
        if line.comment is None or heads_group or _DIRECTIVE.match(line.comment.value)
    ]
    own = list(statement.leading_lines)
    if all(line.comment is None for line in kept):
        return statement if own else statement.with_changes(leading_lines=kept)
    while removed[-1] is not kept[-1] and kept[-1].comment is None:
        kept.pop()  # the blank lines before a comment that went
    if all(line.comment is None for line in own) and len(own) <= _blank_prefix(kept):
        own = []  # the blank lines above the comments part them from the line above already
    return statement.with_changes(leading_lines=[*kept, *own])


def heads_group(
    removed: cst.BaseStatement, previous: cst.BaseStatement | None, following: cst.BaseStatement
) -> bool:
    """Do the comments above ``removed``, a top-level import that went, head the group that
    goes on with ``following``? It was the first import of its group (after a blank line,
    or no import), and ``following`` an import with no blank line above it."""
    blank_above = any(line.comment is None for line in removed.leading_lines)
    first = previous is None or not is_import(previous) or blank_above
    goes_on = all(line.comment is not None for line in following.leading_lines)
    return first and goes_on and is_import(removed) and is_import(following)


def _bound_module_names(module: cst.Module) -> set[str]:
    """Names bound by top-level ``import x`` / ``import x.y`` (not ``as``)."""
    bound = set()
    for statement in module.body:
        if isinstance(statement, cst.SimpleStatementLine):
            for small in statement.body:
                if isinstance(small, cst.Import):
                    bound.update(
                        code_of(alias.name).split(".")[0]
                        for alias in small.names
                        if alias.asname is None
                    )
    return bound


def _stdlib_import_group(body: list[cst.BaseStatement]) -> tuple[int, int] | None:
    """[start, end) of the imports, with no blank line inside, from the first standard-library one.

    A third-party import among them (``import eventlet`` between
    ``contextlib`` and ``functools``) belongs to the run: hacking's H306
    compares neighbours whatever their group.
    """
    start = None
    for index, statement in enumerate(body):
        if start is None:
            if _stdlib_import_module(statement) is not None:
                start = index
            continue
        if _import_module(statement) is None or statement.leading_lines:
            return start, index
    return None if start is None else (start, len(body))


def _stdlib_import_module(statement: cst.BaseStatement) -> str | None:
    module = _import_module(statement)
    top = (module or "").split(".")[0]
    return module if top in sys.stdlib_module_names and top != "__future__" else None


def imported_modules(module: cst.Module) -> set[str]:
    """The modules the top-level import lines of ``module`` import (from), one name each."""
    return {name for name in map(_import_module, module.body) if name is not None}


def imports_after_code(body: Sequence[cst.BaseStatement]) -> bool:
    """Does an import line follow other code at the top level (Ansible's DOCUMENTATION)?

    Not counting a script's ``if __name__ == "__main__":`` block, which runs last.
    """
    return any(
        is_import(statement) and not _runs_as_script(statement)
        for statement in body[end_of_import_block(body) :]
    )


_MAIN_GUARD = m.Comparison(
    left=m.Name("__name__"),
    comparisons=[m.ComparisonTarget(operator=m.Equal(), comparator=m.SimpleString())],
)


def _runs_as_script(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.If) and m.matches(statement.test, _MAIN_GUARD)


def _import_module(statement: cst.BaseStatement) -> str | None:
    """The module a one-name absolute import line imports (from)."""
    if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
        return None
    small = statement.body[0]
    if isinstance(small, cst.Import):
        return code_of(small.names[0].name)
    if isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
        return code_of(small.module)
    return None


def h306_key(statement: cst.BaseStatement) -> str:
    """hacking's H306 key of a one-import line: ``from a import b`` is ``a.b``; ``import a``
    and ``from a import *`` are ``a``; any other line (a relative import too) is ``""``."""
    module = _import_module(statement)
    if module is None:
        return ""
    small = statement.body[0]  # type: ignore[attr-defined]
    if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
        module = f"{module}.{code_of(small.names[0].name)}"
    return module.lower()


def module_first_key(statement: cst.BaseStatement) -> tuple[str, str]:
    """The key of isort's ``force_sort_within_sections`` (ruff's too) for a one-import line:
    its module, then the name it imports (``from a import b`` is ``("a", "b")``), so that
    ``from rally import consts`` comes before ``from rally.common import cfg``."""
    module = _import_module(statement)
    if module is None:
        return ("", "")
    small = statement.body[0]  # type: ignore[attr-defined]
    name = ""
    if isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
        name = code_of(small.names[0].name)
    return module.lower(), name.lower()


def _order_of(
    group: Sequence[cst.BaseStatement],
) -> Callable[[cst.BaseStatement], str] | Callable[[cst.BaseStatement], tuple[str, str]]:
    """hacking's H306 key, or :func:`module_first_key` where ``group`` is in that order
    and not in hacking's (rally's ruff: ``force-sort-within-sections``)."""
    by_h306 = [h306_key(statement) for statement in group]
    by_module = [module_first_key(statement) for statement in group]
    if by_h306 != sorted(by_h306) and by_module == sorted(by_module):
        return module_first_key
    return h306_key


def _first_import(body: list[cst.BaseStatement]) -> int | None:
    for index, statement in enumerate(body):
        if is_import(statement) and not _is_future_import(statement):
            return index
    return None


def _is_future_import(statement: cst.BaseStatement) -> bool:
    return m.matches(statement, m.SimpleStatementLine([m.ImportFrom(module=m.Name("__future__"))]))


def imported_names(node: cst.Import | cst.ImportFrom) -> dict[str, str]:
    """Local name -> what it is bound to: ``import a.b`` binds ``a`` and ``a.b``,
    ``from a import b as c`` binds ``c`` to ``a.b``; relative and star imports bind nothing."""
    names: dict[str, str] = {}
    if isinstance(node, cst.Import):
        for alias in node.names:
            dotted = code_of(alias.name)
            if alias.asname is not None:
                names[code_of(alias.asname.name)] = dotted
            else:
                names[dotted.split(".")[0]] = dotted.split(".")[0]
                names[dotted] = dotted
        return names
    if node.relative or node.module is None or isinstance(node.names, cst.ImportStar):
        return names
    module = code_of(node.module)
    for alias in node.names:
        imported = code_of(alias.name)
        local = code_of(alias.asname.name) if alias.asname is not None else imported
        names[local] = f"{module}.{imported}"
    return names


def module_binding(module: cst.Module, dotted: str) -> str | None:
    """The top-level name already bound to ``dotted`` (a module, or a name imported from
    one: ``from logging import debug`` binds ``debug`` to ``logging.debug``), if any."""
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, (cst.Import, cst.ImportFrom)):
                for local, target in imported_names(small).items():
                    if target == dotted and "." not in local:
                        return local
    return None


def with_name_imported_beside(
    module: cst.Module, package: str, name: str, line_length: int | None = None
) -> cst.Module | None:
    """``module`` with ``from package import name`` among its own ``from package import ...``.

    On a line of its own, not joined to theirs, as OpenStack's hacking asks
    (H301, one import per line), in alphabetical order among them (H306);
    but joined to the first one that imports several names on one line
    (fabric's ``from paramiko.client import SSHClient, AutoAddPolicy``):
    that module does not follow H301. ``module`` itself when it imports
    the name already; None when it has no top-level ``from package import
    ...`` to put it among.
    """
    body = list(module.body)
    found = [(index, _from_import(statement, package)) for index, statement in enumerate(body)]
    found = [(index, node) for index, node in found if node is not None]
    if not found:
        return None
    for _, node in found:
        assert not isinstance(node.names, cst.ImportStar)
        if any(code_of(alias.name) == name and alias.asname is None for alias in node.names):
            return module
    for index, node in found:
        joined = _joined(node, name)
        if joined is not None:
            line = body[index].with_changes(body=[joined])
            if line_length is None or _width(module, line) <= line_length:
                body[index] = line
                return module.with_changes(body=body)
    dotted = cst.parse_expression(package)
    assert isinstance(dotted, (cst.Name, cst.Attribute))
    new = cst.SimpleStatementLine(
        [cst.ImportFrom(module=dotted, names=[cst.ImportAlias(cst.Name(name))])]
    )
    key = h306_key(new)
    later = next((index for index, _ in found if key < h306_key(body[index])), None)
    if later is None:
        body.insert(found[-1][0] + 1, new)
    else:
        existing = body[later]
        assert isinstance(existing, cst.SimpleStatementLine)
        body[later : later + 1] = [
            new.with_changes(leading_lines=existing.leading_lines),
            existing.with_changes(leading_lines=()),
        ]
    return module.with_changes(body=body)


def _width(module: cst.Module, statement: cst.SimpleStatementLine) -> int:
    """The width of ``statement``'s longest line, without the comments and blank lines above
    it or its line ending."""
    code = module.code_for_node(statement.with_changes(leading_lines=()))
    return max(len(line) for line in code.splitlines())


def _joined(node: cst.ImportFrom, name: str) -> cst.ImportFrom | None:
    """``node`` with ``name`` among its names, where it imports several on one line: in
    alphabetical order when they are in it, else last. None for one name, or brackets."""
    names = list(node.names)  # type: ignore[arg-type]
    if len(names) < 2 or node.lpar is not None:
        return None
    spelled = [code_of(alias.name) for alias in names]
    at = len(names)
    if spelled == sorted(spelled):
        at = next((i for i, other in enumerate(spelled) if name < other), len(names))
    comma = names[0].comma
    new = cst.ImportAlias(
        cst.Name(name), comma=comma if at < len(names) else cst.MaybeSentinel.DEFAULT
    )
    if at == len(names):
        names[-1] = names[-1].with_changes(comma=comma)
    names.insert(at, new)
    return node.with_changes(names=names)


def imports_from(module: cst.Module, package: str) -> bool:
    """Has ``module`` a top-level ``from package import ...`` to put a name beside?"""
    return any(_from_import(statement, package) is not None for statement in module.body)


def _from_import(statement: cst.BaseStatement, package: str) -> cst.ImportFrom | None:
    """The statement's ``from package import ...`` of named names, if it is one alone."""
    if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
        return None
    node = statement.body[0]
    if not isinstance(node, cst.ImportFrom) or node.relative or node.module is None:
        return None
    if isinstance(node.names, cst.ImportStar) or code_of(node.module) != package:
        return None
    return node


def import_statement(
    dotted: str, config: cst.PartialParserConfig, alias: str | None = None
) -> cst.SimpleStatementLine:
    package, _, name = dotted.rpartition(".")
    text = f"from {package} import {name}" if package else f"import {name}"
    text += f" as {alias}\n" if alias and alias != name else "\n"
    statement = cst.parse_statement(text, config=config)
    assert isinstance(statement, cst.SimpleStatementLine)
    return statement


def add_project_import(module: cst.Module, dotted: str, alias: str | None = None) -> cst.Module:
    """Import ``dotted`` in the group of imports of its own top-level package, in H306 order
    (or by module first, where the group is in that order and not in H306's: rally's).

    Without such a group, the import starts a new last group.
    """
    body = list(module.body)
    top = dotted.split(".")[0]
    end = end_of_import_block(body)
    group = [i for i in range(end) if h306_key(body[i]).split(".")[0] == top]
    statement = import_statement(dotted, module.config_for_parsing, alias)
    order = _order_of([body[i] for i in group])
    key = order(statement)
    if group:
        index = next((i for i in group if order(body[i]) > key), group[-1] + 1)
        if index == group[0]:  # the new first import takes over the leading lines
            statement = statement.with_changes(leading_lines=body[index].leading_lines)
            body[index] = body[index].with_changes(leading_lines=[])
        body.insert(index, statement)
    else:
        body.insert(end, with_blank_lines_before(statement, 1) if end else statement)
    return module.with_changes(body=body)
