"""secure-random: a key drawn only to index a mapping, which names an entry and opens nothing.

testcloud's ``Workarounds._generate_key()`` draws ten letters that its
callers store commands under in a dict (``self._workarounds[key] = ...``):
the word is ``key``, but what is done with the value says it is a dict's
key, not key material. So is borgbackup's ``delete_keys = random.sample(list(kv), k=3)``,
then ``for k in delete_keys: kv.pop(k)``: a pick of a mapping's own keys, dropped by key.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst
from libcst import MetadataDependent
from libcst.metadata import ScopeProvider

from cwemod.codemods._secret_flow import words_of
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import ancestors

ParentOf = Callable[[cst.CSTNode], cst.CSTNode | None]


def only_a_mapping_key(
    codemod: MetadataDependent, function: cst.FunctionDef, parent_of: ParentOf
) -> str | None:
    """Why what the private ``function`` returns is no secret: its callers in the module
    only index a mapping with it; None when one does more, or none is seen."""
    name = function.name.value
    if not name.startswith("_") or name.startswith("__"):
        return None  # a public function's callers may be in other modules
    uses = references_of(codemod, function, parent_of)
    for use in uses or ():
        call = parent_of(use)
        if not (isinstance(call, cst.Call) and call.func is use):
            return None  # handed on as a callable: its calls cannot be seen
        if not _indexes_only(codemod, call, parent_of):
            return None
    if not uses:
        return None
    return (
        f"{name}()'s callers use what it returns only to index a mapping: a dict's key,"
        " which names an entry and opens nothing; no secret"
    )


def references_of(
    codemod: MetadataDependent, function: cst.FunctionDef, parent_of: ParentOf
) -> list[cst.CSTNode] | None:
    """The names and ``self.<name>`` attributes that refer to ``function``; None when one
    of them may not (another object's attribute of the same name)."""
    name = function.name.value
    scope = codemod.get_metadata(ScopeProvider, function, None)
    if scope is None:
        return None
    found = [
        access.node for assignment in scope.assignments[name] for access in assignment.references
    ]
    block = parent_of(function)
    owner = None if block is None else parent_of(block)
    if not isinstance(owner, cst.ClassDef):
        return found
    module = list(ancestors(function, parent_of))[-1]
    own = m.Attribute(value=m.Name("self") | m.Name("cls"), attr=m.Name(name))
    mine = m.findall(owner, own)
    if len(mine) != sum(node.attr.value == name for node in nodes_of_type(module, cst.Attribute)):
        return None
    return found + mine


def _indexes_only(codemod: MetadataDependent, call: cst.Call, parent_of: ParentOf) -> bool:
    """Does the value of ``call`` only index mappings: as a subscript's key, or bound to a
    local name whose every other read is one (testcloud's ``key = self._generate_key() if
    not key else key``, then ``self._workarounds[key] = ...``)?"""
    child, parent = call, parent_of(call)
    while isinstance(parent, (cst.IfExp, cst.BooleanOperation)) and not (
        isinstance(parent, cst.IfExp) and parent.test is child
    ):
        child, parent = parent, parent_of(parent)
    if _is_a_key(child, parent_of):
        return True
    if not (
        isinstance(parent, cst.Assign)
        and parent.value is child
        and len(parent.targets) == 1
        and isinstance(parent.targets[0].target, cst.Name)
    ):
        return False
    return _read_only_as_keys(codemod, parent.targets[0].target, parent, parent_of)


def a_picked_mapping_key(
    codemod: MetadataDependent, call: cst.Call, function: str, sink: str, parent_of: ParentOf
) -> str | None:
    """Why ``sink``, a name for keys bound to a pick of existing items (``sample``,
    ``choice``, ``choices``), is no secret: it, or a loop's variable over it, is read only as
    a mapping's key (borgbackup's ``for k in delete_keys: kv.pop(k)``); None otherwise.

    Characters picked to be joined into a key are read otherwise, and stay a secret.
    """
    assign = parent_of(call)
    if not (
        function in _PICKS
        and words_of(sink)[-1:] in (["key"], ["keys"])
        and isinstance(assign, cst.Assign)
        and assign.value is call
        and len(assign.targets) == 1
        and m.matches(assign.targets[0].target, m.Name(sink))
    ):
        return None
    if not _read_only_as_keys(codemod, assign.targets[0].target, assign, parent_of, loops=True):
        return None
    return (
        f"`{sink}` is a random pick of existing items read only as a mapping's key (a"
        " subscript, pop(), get(), setdefault(), `in`): it names entries and opens nothing;"
        " no secret"
    )


# random's functions that pick among the items they are given, and make none.
_PICKS = frozenset({"sample", "choice", "choices"})
# A mapping's methods whose first argument is a key.
_KEY_METHODS = frozenset({"pop", "get", "setdefault"})


def _read_only_as_keys(
    codemod: MetadataDependent,
    target: cst.Name,
    statement: cst.CSTNode | None,
    parent_of: ParentOf,
    *,
    loops: bool = False,
) -> bool:
    """Is every read of ``target``'s name (outside ``statement``, which binds it) a mapping's
    key; with ``loops``, or what a ``for`` loops over, whose variable's every read is one?"""
    scope = codemod.get_metadata(ScopeProvider, target, None)
    if scope is None:
        return False
    accesses = {*scope.accesses[target.value]}
    accesses.update(ref for bound in scope.assignments[target.value] for ref in bound.references)
    # Reads in the assignment itself read the value before it (``if not key else key``).
    reads = [
        a.node
        for a in accesses
        if statement is None or statement not in ancestors(a.node, parent_of)
    ]
    return bool(reads) and all(
        _is_a_key(read, parent_of) or (loops and _keys_loop_over(codemod, read, parent_of))
        for read in reads
    )


def _keys_loop_over(codemod: MetadataDependent, node: cst.CSTNode, parent_of: ParentOf) -> bool:
    """Does a ``for`` loop over ``node`` whose variable is read only as a mapping's key?"""
    loop = parent_of(node)
    return (
        isinstance(loop, (cst.For, cst.CompFor))
        and loop.iter is node
        and isinstance(loop.target, cst.Name)
        and _read_only_as_keys(codemod, loop.target, None, parent_of)
    )


def _is_a_key(node: cst.CSTNode, parent_of: ParentOf) -> bool:
    """Is ``node`` the whole key of a subscript (``mapping[node]``, ``del mapping[node]``),
    the key a mapping's method is given (``mapping.pop(node)``), or what ``in`` looks for?"""
    parent = parent_of(node)
    if isinstance(parent, cst.Index):
        return isinstance(parent_of(parent), cst.SubscriptElement)
    if isinstance(parent, cst.Arg):
        call = parent_of(parent)
        return (
            isinstance(call, cst.Call)
            and call.args[0] is parent
            and parent.keyword is None
            and not parent.star
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value in _KEY_METHODS
        )
    return (
        isinstance(parent, cst.Comparison)
        and parent.left is node
        and len(parent.comparisons) == 1
        and isinstance(parent.comparisons[0].operator, (cst.In, cst.NotIn))
    )
