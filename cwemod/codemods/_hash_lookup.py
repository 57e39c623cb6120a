"""Digests that name something: a container's key, a file's path hashed, or a name's part.

Where the digest is such a name, the function or class it is made in does not say what it
guards (apprise's ``ApprisePGPController.private_key()`` caches the key it loads under the
SHA-1 of the key file's path; asyncssh's ``expand_kex_algs()`` joins the base64 of a GSS
mechanism's MD5 to an algorithm's name, RFC 4462's method names): only the names of the
digest and of what it hashes do. Nor where a database query finds rows by the digest
(refstack's ``get_pubkey()``: ``filter_by(md5_hash=...)`` on an indexed column): a lookup key.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

from cwemod.codemods._hash_logged import is_read
from cwemod.codemods._secret_flow import (
    ParentOf,
    feeding_names,
    names_a_lookup_key,
    secret_word,
    words_of,
)
from cwemod.codemods.kit.calls import called_name
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of

# A container's methods whose first argument is a key: ``self.__key_lookup.get(key)``.
_KEYED_METHODS = frozenset({"get", "pop", "setdefault", "__contains__", "__getitem__"})
# The last word of a name for a file's place.
_PATH_WORDS = frozenset({"path", "filename", "filepath", "pathname"})
# Calls that write a digest's bytes as text: the same value, spelled otherwise.
_ENCODERS = frozenset(
    {"b2a_base64", "b64encode", "urlsafe_b64encode", "b32encode", "b2a_hex", "hexlify", "str"}
)
# Methods that give a digest as text, or trim it: ``md5(mech).digest()``, ``.hexdigest()[:8]``.
_TEXT_METHODS = frozenset(
    {"digest", "hexdigest", "decode", "encode", "strip", "rstrip", "lower", "upper"}
)
# A container's methods that take an element: ``expanded_kex_algs.append(alg + suffix)``.
_ADDING_METHODS = frozenset({"append", "add", "insert"})


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


def digest_made_a_name(
    call: cst.Call,
    function: cst.FunctionDef,
    hashed: set[str],
    vocabulary: frozenset[str],
    parent_of: ParentOf,
) -> bool:
    """Is the digest of ``call``, written as text (``hexdigest()``, base64) and joined by
    ``+`` or an f-string to another value (not one fed by ``hashed``, no name with a word
    of ``vocabulary``) beside punctuation at most, put in a container whose name says no
    security word (asyncssh's ``expanded_kex_algs.append(alg + suffix)``, ``suffix = b'-'
    + b2a_base64(md5(mech).digest())[:-1]``), or returned from a function named for a name?
    A digest compared, sent, or joined to what it hashes (a tag on its message) is not."""
    joins = _Joins(function, hashed, vocabulary, parent_of)
    return joins.made_a_name(call, joined=False, depth=2)


class _Joins:
    """Follows a digest through the text it is written as and the names it is joined to."""

    def __init__(
        self,
        function: cst.FunctionDef,
        hashed: set[str],
        vocabulary: frozenset[str],
        parent_of: ParentOf,
    ) -> None:
        self.function, self.hashed, self.vocabulary = function, hashed, vocabulary
        self.parent_of = parent_of

    def made_a_name(self, node: cst.CSTNode, *, joined: bool, depth: int) -> bool:
        """Does ``node``'s value end in a name (``joined``: it is joined to one already)?
        Through ``depth`` assignments to a plain name, each of its reads such an end."""
        child, parent = node, self.parent_of(node)
        while parent is not None:
            if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
                part = self._part(parent.right if parent.left is child else parent.left)
            elif isinstance(parent, cst.FormattedStringExpression):
                child, parent = parent, self.parent_of(parent)
                assert isinstance(parent, cst.FormattedString)
                part = _joined([self._part(each) for each in parent.parts if each is not child])
            elif self._writes_as_text(child, parent):
                part = "separator"
            else:
                return self._ends_in_a_name(child, parent, joined=joined, depth=depth)
            if part is None:
                return False
            joined = joined or part == "name"
            child, parent = parent, self.parent_of(parent)
        return False

    def _part(self, other: cst.CSTNode) -> str | None:
        """``separator`` for punctuation, ``name`` for a value neither hashed nor secret, None
        for others (``alg + b"&sig="``: text with letters)."""
        if isinstance(other, cst.BinaryOperation) and isinstance(other.operator, cst.Add):
            return _joined([self._part(other.left), self._part(other.right)])
        if isinstance(other, (cst.SimpleString, cst.FormattedStringText)):
            text = other.evaluated_value if isinstance(other, cst.SimpleString) else other.value
            text = text if isinstance(text, str) else text.decode("latin-1")
            return "separator" if not any(char.isalnum() for char in text) else None
        if isinstance(other, cst.FormattedStringExpression):
            other = other.expression
        names = [name.value for name in nodes_of_type(other, cst.Name)]
        fed = {*names, *feeding_names(self.function, names)}
        if not names or fed & self.hashed or secret_word(names, self.vocabulary) is not None:
            return None
        return "name"

    def _writes_as_text(self, child: cst.CSTNode, parent: cst.CSTNode) -> bool:
        """``.hexdigest()``, ``.digest().decode()``, ``[:-1]``, ``b2a_base64(...)``."""
        if isinstance(parent, cst.Attribute):
            return parent.value is child and parent.attr.value in _TEXT_METHODS
        if isinstance(parent, cst.Subscript):
            return parent.value is child
        if isinstance(parent, cst.Call):
            return parent.func is child or isinstance(child, cst.Arg)  # the encoder's, below
        if isinstance(parent, cst.Arg) and parent.keyword is None and not parent.star:
            call = self.parent_of(parent)
            return isinstance(call, cst.Call) and called_name(call) in _ENCODERS
        return False

    def _ends_in_a_name(
        self, child: cst.CSTNode, parent: cst.CSTNode, *, joined: bool, depth: int
    ) -> bool:
        """A container's new element, a name's return (where the value is ``joined`` to a
        name), or a plain name each read of which so ends."""
        if not joined and not isinstance(parent, cst.Assign):
            return False
        if isinstance(parent, cst.Arg) and parent.keyword is None and not parent.star:
            call = self.parent_of(parent)
            if not isinstance(call, cst.Call) or not isinstance(call.func, cst.Attribute):
                return False
            container = call.func.value
            owner = container.attr if isinstance(container, cst.Attribute) else container
            last = words_of(owner.value)[-1:] if isinstance(owner, cst.Name) else []
            return (
                call.func.attr.value in _ADDING_METHODS
                and bool(last)
                and secret_word(last, self.vocabulary) is None
            )
        if isinstance(parent, cst.Return):
            return words_of(self.function.name.value)[-1:] in (["name"], ["names"])
        if isinstance(parent, cst.Assign) and parent.value is child and depth:
            target = parent.targets[0].target
            if len(parent.targets) == 1 and isinstance(target, cst.Name):
                reads = [
                    each
                    for each in nodes_of_type(self.function, cst.Name)
                    if each.value == target.value and is_read(each, self.parent_of)
                ]
                return bool(reads) and all(
                    self.made_a_name(read, joined=joined, depth=depth - 1) for read in reads
                )
        return False


def _joined(parts: list[str | None]) -> str | None:
    """What parts joined make: None where one is no separator or name."""
    return None if None in parts else ("name" if "name" in parts else "separator")


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


# A query's methods that find rows by the columns they name: SQLAlchemy's ``filter_by()``,
# ``filter()`` and ``where()``, Django's ``get()``, ``filter()`` and ``exclude()``.
_QUERY_METHODS = frozenset({"filter_by", "filter", "where", "get", "get_or_create", "exclude"})


def query_lookup(
    call: cst.Call, function: cst.FunctionDef, module: cst.Module, parent_of: ParentOf
) -> tuple[str, str | None] | None:
    """The query that finds rows by the digest of ``call``, as code to quote
    (``filter_by(md5_hash=...)``), and the attribute or keyword the digest is stored under
    where the query reads that (refstack's ``pubkey.md5_hash = md5(...).hexdigest()``, which
    ``get_pubkey()``'s ``filter_by(md5_hash=...)`` reads); None where no query reads it.
    The digest counts passed to the query, directly or through a local name of ``function``,
    or assigned to an attribute or passed as a keyword that a query of ``module`` names."""
    place = _digest_place(call, parent_of)
    if isinstance(place, cst.Arg) and place.keyword is not None:
        query = parent_of(place)
        if isinstance(query, cst.Call) and _query_method(query) is not None:
            return f"{_query_method(query)}({place.keyword.value}=...)", None
        column = place.keyword.value
    elif isinstance(place, cst.Attribute):
        column = place.attr.value
    elif isinstance(place, cst.Name):
        reads = [each for each in nodes_of_type(function, cst.Name) if each.value == place.value]
        found = (_query_reading(read, parent_of) for read in reads if is_read(read, parent_of))
        query = next((each for each in found if each is not None), None)
        return None if query is None else (query, None)
    else:
        return None
    query = next((q for q in map(_reading(column), nodes_of_type(module, cst.Call)) if q), None)
    return None if query is None else (query, column)


def _digest_place(call: cst.Call, parent_of: ParentOf) -> cst.CSTNode | None:
    """Where the digest of ``call``, as text or bytes, goes: the keyword argument it is, or the
    one target it is assigned to; None for anything else."""
    child, parent = call, parent_of(call)
    while (isinstance(parent, cst.Call) and parent.func is child) or (
        isinstance(parent, cst.Attribute)
        and parent.value is child
        and parent.attr.value in _TEXT_METHODS
    ):
        child, parent = parent, parent_of(parent)
    if isinstance(parent, cst.Arg) and parent.value is child:
        return parent
    if isinstance(parent, cst.Assign) and parent.value is child and len(parent.targets) == 1:
        return parent.targets[0].target
    return None


def _query_method(call: cst.Call) -> str | None:
    func = call.func
    if isinstance(func, cst.Attribute) and func.attr.value in _QUERY_METHODS:
        return func.attr.value
    return None


def _query_reading(read: cst.Name, parent_of: ParentOf) -> str | None:
    """The query ``read`` is a value of: ``filter_by(md5_hash=read)``, ``filter(Key.md5_hash
    == read)``."""
    parent = parent_of(read)
    if isinstance(parent, cst.Arg) and parent.keyword is not None:
        query = parent_of(parent)
        method = _query_method(query) if isinstance(query, cst.Call) else None
        return None if method is None else f"{method}({parent.keyword.value}=...)"
    comparison = parent_of(parent) if isinstance(parent, cst.ComparisonTarget) else parent
    if not isinstance(comparison, cst.Comparison) or len(comparison.comparisons) != 1:
        return None
    arg = parent_of(comparison)
    query = parent_of(arg) if isinstance(arg, cst.Arg) else None
    if not isinstance(query, cst.Call) or _query_method(query) is None:
        return None
    sides = (comparison.left, comparison.comparisons[0].comparator)
    column = next((side for side in sides if isinstance(side, cst.Attribute)), None)
    return None if column is None else f"{_query_method(query)}({code_of(column)} == ...)"


def _reading(column: str) -> Callable[[cst.Call], str | None]:
    """A test of a call: the query it is, where it names ``column`` (``filter_by(column=...)``,
    ``filter(Key.column == ...)``)."""

    def query(call: cst.Call) -> str | None:
        method = _query_method(call)
        if method is None:
            return None
        if any(arg.keyword is not None and arg.keyword.value == column for arg in call.args):
            return f"{method}({column}=...)"
        for arg in call.args:
            for attribute in nodes_of_type(arg.value, cst.Attribute):
                if attribute.attr.value == column and _compared(attribute, arg.value):
                    return f"{method}({code_of(attribute)} == ...)"
        return None

    return query


def _compared(attribute: cst.Attribute, within: cst.BaseExpression) -> bool:
    """Is ``attribute`` a side of a comparison of ``within``?"""
    return any(
        comparison.left is attribute
        or any(target.comparator is attribute for target in comparison.comparisons)
        for comparison in nodes_of_type(within, cst.Comparison)
    )
