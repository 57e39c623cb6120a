"""Is a class an ORM model whose framework rolls its writes back on failure?

Tryton runs every request in a database transaction (``trytond.transaction.Transaction``)
that it rolls back when an exception leaves it: the rows a model's ``create()`` inserted
go with it, and a ``delete()`` on failure is not needed. A class is such a model when a
base or its metaclass comes from the framework's packages, directly or through a base
class of the same module (trytond's own ``ModelStorage(Model)``, ``from .model import Model``).
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods.kit.imports import imported_names
from cwemod.codemods.kit.names import dotted_name
from cwemod.codemods.kit.project import absolute_name
from cwemod.codemods.kit.source import code_of

# Where the models' bases and metaclass come from, and the framework's name.
_TRANSACTIONAL_ORMS = (("trytond.model", "Tryton"), ("trytond.pool.PoolMeta", "Tryton"))


def transactional_framework(
    enclosing: cst.ClassDef, module: cst.Module, module_path: str
) -> str | None:
    """The framework whose transactional ORM model ``enclosing`` is, or None."""
    imports = _module_imports(module, module_path)
    classes = {node.name.value: node for node in module.body if isinstance(node, cst.ClassDef)}
    seen: set[str] = set()
    todo = [enclosing]
    while todo:
        cls = todo.pop()
        seen.add(cls.name.value)
        for name in _base_names(cls):
            head, _, rest = name.partition(".")
            origin = ".".join(filter(None, [imports.get(head), rest]))
            framework = _framework_of(origin) if head in imports else None
            if framework is not None:
                return framework
            if name in classes and name not in seen:
                todo.append(classes[name])
    return None


def _framework_of(origin: str) -> str | None:
    for package, framework in _TRANSACTIONAL_ORMS:
        if origin == package or origin.startswith(package + "."):
            return framework
    return None


def _base_names(cls: cst.ClassDef) -> list[str]:
    """The dotted names of the bases and the metaclass: ``sequence_ordered()`` and
    ``Generic[T]`` give the name called or subscripted."""
    names = []
    for arg in [*cls.bases, *(k for k in cls.keywords if code_of(k.keyword) == "metaclass")]:
        value = arg.value
        if isinstance(value, cst.Call):
            value = value.func
        elif isinstance(value, cst.Subscript):
            value = value.value
        name = dotted_name(value)
        if name is not None:
            names.append(name)
    return names


def _module_imports(module: cst.Module, module_path: str) -> dict[str, str]:
    """Local name -> what the module's top-level imports bind it to, relative ones
    resolved against ``module_path``."""
    names: dict[str, str] = {}
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Import):
                names.update(imported_names(small))
            elif isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar):
                if small.relative and not module_path:
                    continue
                written = "." * len(small.relative) + (
                    code_of(small.module) if small.module else ""
                )
                source = absolute_name(written, module_path) if small.relative else written
                for alias in small.names:
                    bound = alias.asname.name if alias.asname is not None else alias.name
                    names[code_of(bound)] = f"{source}.{code_of(alias.name)}"
    return names
