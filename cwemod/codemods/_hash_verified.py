"""A digest kept in place of the value it is made of, and checked by ``__eq__``: a credential.

sqlobject's HashCol ("good for really simple one-way password fields"): the column's
validator stores ``hashMethod(value)``, ``hashMethod`` being ``lambda v: md5(...)``, and
``DbHash.__eq__`` compares ``hashMethod(other)`` (through ``_get_key()``) with the stored
``self.hash``. An object whose equality hashes the other operand and compares it with the
digest it keeps stands for a value it keeps only one-way, which is what a password field
is: a collision, or a fast hash brute-forced offline, passes the check. A cache key or an
ETag is compared in a function that uses it, not made the object's equality.
"""

from __future__ import annotations

import libcst as cst

from cwemod.codemods._hash_compared import equality_sides
from cwemod.codemods._secret_flow import ParentOf, sink_names
from cwemod.codemods.kit.calls import called_name
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import enclosing_function

_EQUALITY = frozenset({"__eq__", "__ne__"})


def checked_by_equality(
    call: cst.Call, module: cst.Module, parent_of: ParentOf
) -> tuple[cst.FunctionDef, cst.BaseExpression] | None:
    """The ``__eq__`` (or ``__ne__``) of ``module`` that compares a digest of its other
    operand, made by ``call`` or by a function that returns it, with a value its object
    keeps (``self.hash``), and that value; None where there is none."""
    makers = _makers(call, module, parent_of)
    for function in nodes_of_type(module, cst.FunctionDef):
        if function.name.value in _EQUALITY:
            kept = _kept_digest_compared(function, call, makers)
            if kept is not None:
                return function, kept
    return None


def _makers(call: cst.Call, module: cst.Module, parent_of: ParentOf) -> set[str]:
    """The names of the functions that return the digest of ``call``: the lambda it is the
    value of (``self.hashMethod = lambda v: md5(...).hexdigest()``), the function it is
    returned from, and the module's functions that return a call of one of them
    (``_get_key()``, which returns ``self.hashMethod(other)``)."""
    lam = _lambda_returning(call, parent_of)
    function = enclosing_function(call, parent_of)
    if lam is not None:
        makers = set(sink_names(lam, parent_of) or ())
    elif function is not None and sink_names(call, parent_of) == [function.name.value]:
        makers = {function.name.value}
    else:
        return set()
    returns = [
        (each.name.value, called_name(value))
        for each in nodes_of_type(module, cst.FunctionDef)
        for statement in nodes_of_type(each, cst.Return)
        if isinstance(value := statement.value, cst.Call)
    ]
    grown = True
    while grown:
        found = {name for name, called in returns if called in makers}
        grown = not found <= makers
        makers |= found
    return makers


def _lambda_returning(call: cst.Call, parent_of: ParentOf) -> cst.Lambda | None:
    """The lambda whose body is an expression holding ``call``."""
    child, parent = call, parent_of(call)
    while parent is not None and not isinstance(parent, (cst.BaseStatement, cst.Module)):
        if isinstance(parent, cst.Lambda):
            return parent if parent.body is child else None
        child, parent = parent, parent_of(parent)
    return None


def _kept_digest_compared(
    function: cst.FunctionDef, call: cst.Call, makers: set[str]
) -> cst.BaseExpression | None:
    """The attribute of ``self`` that ``function`` compares (``==``, ``!=``) with a digest
    of its other operand, made by ``call`` or a call of ``makers``, directly or through a
    local name."""
    params = function.params.params
    if len(params) != 2:
        return None
    own, other = params[0].name.value, params[1].name.value

    def digests(node: cst.CSTNode) -> bool:
        return any(
            (inner is call or called_name(inner) in makers)
            and any(
                name.value == other for arg in inner.args for name in nodes_of_type(arg, cst.Name)
            )
            for inner in nodes_of_type(node, cst.Call)
        )

    local = {
        target.target.value
        for assign in nodes_of_type(function, cst.Assign)
        if digests(assign.value)
        for target in assign.targets
        if isinstance(target.target, cst.Name)
    }
    for comparison in nodes_of_type(function, cst.Comparison):
        sides = equality_sides(comparison)
        for mine, theirs in (sides, sides[::-1]) if sides is not None else ():
            held = digests(theirs) or (isinstance(theirs, cst.Name) and theirs.value in local)
            if held and _attribute_of(mine, own):
                return mine
    return None


def _attribute_of(node: cst.BaseExpression, own: str) -> bool:
    """Is ``node`` an attribute of the object (``self.hash``)?"""
    return (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value == own
    )
