"""Importing the module that holds the lock-name helper, hacking style.

OpenStack's hacking imports modules, not functions (H302/H303/H304), one
per line, in the project's own group, in alphabetical order of the full
dotted name (H306): ``from cinder import utils`` sorts as ``cinder.utils``.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods.kit.imports import end_of_import_block, imported_names, with_blank_lines_before


def module_binding(module: cst.Module, dotted: str) -> str | None:
    """The top-level name already bound to the module ``dotted``, if any."""
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, (cst.Import, cst.ImportFrom)):
                for local, target in imported_names(small).items():
                    if target == dotted and "." not in local:
                        return local
    return None


def free_module_name(module: cst.Module, dotted: str) -> str | None:
    """A name to import ``dotted`` as: its own, else ``<package>_<name>`` (``cinder_utils``)."""
    name = dotted.rpartition(".")[2]
    for candidate in (name, f"{dotted.split('.')[0]}_{name}"):
        if not binds_name(module, candidate):
            return candidate
    return None


def binds_name(module: cst.Module, name: str) -> bool:
    """Is ``name`` bound at the top of ``module`` by anything?"""
    return any(
        isinstance(node, (cst.Name,)) and node.value == name
        for statement in module.body
        for node in _bound_targets(statement)
    )


def _bound_targets(statement: cst.BaseStatement) -> list[cst.Name]:
    if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
        return [statement.name]
    names: list[cst.Name] = []
    if isinstance(statement, cst.SimpleStatementLine):
        for small in statement.body:
            if isinstance(small, (cst.Import, cst.ImportFrom)):
                names += [cst.Name(local) for local in imported_names(small) if "." not in local]
            elif isinstance(small, cst.Assign):
                names += [t.target for t in small.targets if isinstance(t.target, cst.Name)]
    return names


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
    """Import ``dotted`` in the group of imports of its own top-level package, in H306 order.

    Without such a group, the import starts a new last group.
    """
    body = list(module.body)
    top = dotted.split(".")[0]
    end = end_of_import_block(body)
    group = [i for i in range(end) if (_sort_key(body[i]) or "").split(".")[0] == top]
    statement = import_statement(dotted, module.config_for_parsing, alias)
    key = dotted.lower()
    if group:
        index = next((i for i in group if (_sort_key(body[i]) or "") > key), group[-1] + 1)
        if index == group[0]:  # the new first import takes over the leading lines
            statement = statement.with_changes(leading_lines=body[index].leading_lines)
            body[index] = body[index].with_changes(leading_lines=[])
        body.insert(index, statement)
    else:
        body.insert(end, with_blank_lines_before(statement, 1) if end else statement)
    return module.with_changes(body=body)


def _sort_key(statement: cst.BaseStatement) -> str | None:
    """hacking's H306 key of a one-import line: ``from a import b`` is ``a.b``."""
    if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
        return None
    small = statement.body[0]
    if isinstance(small, cst.ImportFrom) and small.module is not None and not small.relative:
        if isinstance(small.names, cst.ImportStar):
            return None
        return f"{cst.Module([]).code_for_node(small.module)}.{small.names[0].name.value}".lower()
    if isinstance(small, cst.Import):
        return cst.Module([]).code_for_node(small.names[0].name).lower()
    return None
