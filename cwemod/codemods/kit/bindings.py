"""What a name is bound to, where each of its bindings is a plain ``name = value``.

A codemod asks it to follow a name to its value: the connection a cursor
comes from, the ``tarfile.open()`` a receiver was given, the options dict
a call is passed; and an attribute of ``self`` to what the class's methods
assign it.
"""

from __future__ import annotations

from collections import OrderedDict

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import ScopeProvider

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import keep_for_tree


class Bindings:
    """The values a module's names are bound to by ``name = value`` or ``with value as name``.

    Its codemod depends on ``ScopeProvider``. A name's bindings are those
    scope analysis sees from where the name is used, before or after it
    in the text, in its own scope or, when it binds none there, an
    enclosing one.
    """

    def __init__(self, codemod: MetadataDependent, module: cst.Module) -> None:
        self._codemod = codemod
        self._values = assigned_values(module)

    def of(self, name: cst.Name) -> list[cst.BaseExpression] | None:
        """The value of each binding of ``name``; None when it has none, or one of another
        kind (a parameter, an import, a loop target, a tuple's part, ``+=``)."""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return None
        # a builtin's binding (``None``, ``print``) has no node: none of ours
        nodes = [getattr(binding, "node", None) for binding in scope[name.value]]
        values = [self._values.get(node) for node in nodes if node is not None]
        return values if values and len(values) == len(nodes) and None not in values else None


def assigned_values(module: cst.Module) -> dict[cst.CSTNode, cst.BaseExpression]:
    """Each target ``name = value`` binds (every one of ``a = b = value``, and ``name: T =
    value``), and each name ``with value as name`` binds, to its value; worked out once per
    tree."""
    found = _ASSIGNED.get(module)
    if found is not None:
        return found
    values: dict[cst.CSTNode, cst.BaseExpression] = {}
    for assign in nodes_of_type(module, cst.Assign):
        for target in assign.targets:
            if isinstance(target.target, cst.Name):
                values[target.target] = assign.value
    # pulp-glue's ``tf: tarfile.TarFile = tarfile.open(path)``
    for annotated in nodes_of_type(module, cst.AnnAssign):
        if isinstance(annotated.target, cst.Name) and annotated.value is not None:
            values[annotated.target] = annotated.value
    for item in nodes_of_type(module, cst.WithItem):
        if item.asname is not None and isinstance(item.asname.name, cst.Name):
            values[item.asname.name] = item.item
    return keep_for_tree(_ASSIGNED, module, values)


_ASSIGNED: OrderedDict[cst.Module, dict[cst.CSTNode, cst.BaseExpression]] = OrderedDict()


def values_assigned(tree: cst.CSTNode, name: str) -> list[cst.BaseExpression]:
    """What the ``name = value`` statements in ``tree`` (``a = name = value`` too) bind the
    plain name ``name`` to, in source order."""
    return [
        assign.value
        for assign in nodes_of_type(tree, cst.Assign)
        if any(m.matches(target.target, m.Name(name)) for target in assign.targets)
    ]


def assigned_targets(
    assign: cst.Assign | cst.AugAssign | cst.AnnAssign,
) -> list[cst.BaseExpression]:
    """What an assignment binds: each target of ``a = b = ...``, or the one target of
    ``a += ...`` and ``a: int = ...``."""
    if isinstance(assign, cst.Assign):
        return [target.target for target in assign.targets]
    return [assign.target]


def self_attribute_values(owner: cst.CSTNode, attribute: str) -> list[cst.BaseExpression] | None:
    """What ``self.<attribute> = value`` statements in ``owner`` (a class, or one method)
    assign; None when it is bound another way too (with others at once, unpacked into,
    changed in place) or not at all. buildbot's viewcvspoll sets ``self.cvsdb =
    MySQLdb.connect(...)`` in ``__init__``, then calls ``self.cvsdb.cursor()``."""
    this = m.Attribute(value=m.Name("self"), attr=m.Name(attribute))
    values = []
    for assign in nodes_of_type(owner, (cst.Assign, cst.AugAssign, cst.AnnAssign)):
        targets = assigned_targets(assign)
        if not any(m.findall(target, this) for target in targets):
            continue
        if not (isinstance(assign, cst.Assign) and len(targets) == 1):
            return None  # bound with others at once, or changed in place
        if not m.matches(targets[0], this):
            return None  # unpacked into: self.db, self.x = ...
        values.append(assign.value)
    return values or None


def only_parameter(codemod: MetadataDependent, name: cst.Name) -> cst.Param | None:
    """The parameter ``name`` stands for, where that is its only binding (the codemod depends
    on ``ScopeProvider``)."""
    scope = codemod.get_metadata(ScopeProvider, name, None)
    if scope is None:
        return None
    nodes = [getattr(binding, "node", None) for binding in scope[name.value]]
    return nodes[0] if len(nodes) == 1 and isinstance(nodes[0], cst.Param) else None
