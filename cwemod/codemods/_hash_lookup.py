"""Digests that name something: a container's key, or a file's path hashed.

Where the digest is such a name, the function or class it is made in does not say what it
guards (apprise's ``ApprisePGPController.private_key()`` caches the key it loads under the
SHA-1 of the key file's path): only the names of the digest and of what it hashes do.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._hash_logged import is_read
from cwemod.codemods._secret_flow import ParentOf, names_a_lookup_key, words_of
from cwemod.codemods.kit.match import nodes_of_type

# A container's methods whose first argument is a key: ``self.__key_lookup.get(key)``.
_KEYED_METHODS = frozenset({"get", "pop", "setdefault", "__contains__", "__getitem__"})
# The last word of a name for a file's place.
_PATH_WORDS = frozenset({"path", "filename", "filepath", "pathname"})


def digest_names_a_key(
    call: cst.Call, sinks: list[str], function: cst.FunctionDef, parent_of: ParentOf
) -> bool:
    """Is the digest of ``call`` assigned to a name for a lookup key (``cache_key``), or to a
    local name that ``function`` reads only as a container's key (``key in self.__key_lookup``,
    ``self.__key_lookup[key]``)?"""
    if len(sinks) != 1:
        return False
    keyed = words_of(sinks[0])[-1:] == ["key"] and _only_keyed(sinks[0], function, parent_of)
    return (names_a_lookup_key(sinks[0]) or keyed) and _assigned_to_a_name(call, parent_of)


def hashes_a_path(data: list[cst.Arg], os_path_call: Callable[[cst.Call], bool]) -> bool:
    """Is what the arguments ``data`` of a hasher hash a file's path, with at most literal
    text beside it (``os.path.abspath(path).encode()``, ``("prv:" + os.path.abspath(path))
    .encode()``)? ``os_path_call`` tells a call of an ``os.path`` function."""
    return bool(data) and all(_is_a_path(arg.value, os_path_call) for arg in data)


def _is_a_path(value: cst.BaseExpression, os_path_call: Callable[[cst.Call], bool]) -> bool:
    if isinstance(value, cst.Call) and isinstance(value.func, cst.Attribute):
        if value.func.attr.value == "encode":
            return _is_a_path(value.func.value, os_path_call)
    if isinstance(value, cst.Call):
        return os_path_call(value)
    if isinstance(value, cst.Name):
        return words_of(value.value)[-1:] in ([word] for word in _PATH_WORDS)
    if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add):
        parts = (value.left, value.right)
        literal = [part for part in parts if isinstance(part, cst.SimpleString)]
        return len(literal) == 1 and all(
            _is_a_path(part, os_path_call) for part in parts if part not in literal
        )
    return False


def _assigned_to_a_name(call: cst.Call, parent_of: ParentOf) -> bool:
    """Is the statement that holds ``call`` an assignment to one plain name?"""
    parent = parent_of(call)
    while parent is not None and not isinstance(parent, cst.BaseStatement):
        if isinstance(parent, cst.Assign):
            return len(parent.targets) == 1 and isinstance(parent.targets[0].target, cst.Name)
        parent = parent_of(parent)
    return False


def _only_keyed(name: str, function: cst.FunctionDef, parent_of: ParentOf) -> bool:
    """Does ``function`` read ``name``, and only as a container's key?"""
    reads = [each for each in nodes_of_type(function, cst.Name) if each.value == name]
    reads = [each for each in reads if is_read(each, parent_of)]
    return bool(reads) and all(_is_a_key(read, parent_of) for read in reads)


def _is_a_key(read: cst.Name, parent_of: ParentOf) -> bool:
    """``d[read]``, ``read in d``, ``read not in d``, ``d.get(read)``."""
    parent = parent_of(read)
    if isinstance(parent, cst.Index):
        return True
    if isinstance(parent, cst.Comparison) and parent.left is read:
        return all(
            isinstance(target.operator, (cst.In, cst.NotIn)) for target in parent.comparisons
        )
    if isinstance(parent, cst.Arg) and parent.keyword is None:
        call = parent_of(parent)
        return (
            isinstance(call, cst.Call)
            and call.args[0] is parent
            and isinstance(call.func, cst.Attribute)
            and call.func.attr.value in _KEYED_METHODS
        )
    return False
