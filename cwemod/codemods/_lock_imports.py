"""The name the module that holds the lock-name helper is imported as.

OpenStack's hacking imports modules, not functions (H302/H303/H304):
``from cinder import utils``, then ``utils.salted_lock_name(...)``; the
import itself is :func:`cwemod.codemods.kit.imports.add_project_import`, and
one already there :func:`cwemod.codemods.kit.imports.module_binding`.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods.kit.imports import imported_names


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
