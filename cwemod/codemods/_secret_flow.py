"""Where a value goes, and whether the names around it speak of secrets.

Shared by ``secure-random`` and ``hash-not-for-security``: both decide from
names whether a value is a secret. The name a value flows into (its *sink*)
is the nearest of: the keyword of the argument it is passed as, the target
it is assigned to, or the function it is returned from (and, where the codemod asks, the
string key a dict literal holds it under).
"""

from __future__ import annotations

import ast
import re
from collections.abc import Callable, Iterable, Iterator, Mapping

import libcst as cst

from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import string_key
from cwemod.codemods.kit.parents import enclosing_function

ParentOf = Callable[[cst.CSTNode], cst.CSTNode | None]
# The string a subscript's key names stands for (Kallithea's ``session[csrf_secret_name]``,
# where ``csrf_secret_name = "_session_csrf_secret_token"``), where the codemod can tell.
KeyOf = Callable[[cst.Name], str | None]
AstKeyOf = Callable[[ast.Name], Iterable[str]]

_CAMEL_BOUNDARY = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")


def words_of(identifier: str) -> list[str]:
    """``sessionId`` and ``session_id`` -> ``["session", "id"]``."""
    spaced = _CAMEL_BOUNDARY.sub("_", identifier)
    return [word.lower() for word in re.split(r"[_\W\d]+", spaced) if word]


# A name that ends in one of these measures something about a secret, and is none:
# ``password_length``, ``token_ttl``, ``key_size``.
MEASURE_WORDS = frozenset(
    {
        "length",
        "len",
        "size",
        "count",
        "ttl",
        "timeout",
        "expiry",
        "expiration",
        "expires",
        "lifetime",
        "interval",
        "retries",
        "attempts",
        "min",
        "max",
    }
)


# A name that ends in one of these names a part put around or between values, and no secret:
# aim's ``PROGRESS_KEY_SUFFIX`` (incompressible padding appended to dict keys), ``key_prefix``.
# Not a bare ``pad``: a one-time pad is a key.
PART_WORDS = frozenset(
    {"suffix", "prefix", "padding", "separator", "sep", "delimiter", "infix", "filler"}
)


# A token that marks a place in a listing, or a version of a record, which the server hands
# out in clear: AWS's ``NextToken``, ``page_token``, moto's S3 Tables ``version_token``.
_CURSOR_TOKENS = frozenset(
    {"next", "page", "continuation", "pagination", "marker", "sync", "resume", "prev",
     "previous", "version"}
)  # fmt: skip


# What names a key without being one: ``auth_key_id``, ``key_name``, TLS's ``psk_identity``
# (sent in clear); and key pairs, objects a cloud keeps (rally's quota of ``key_pairs``), as
# ``keypairs`` is no key either.
_NAMES_OF_A_KEY = frozenset({"id", "ids", "name", "names", "identity", "pair", "pairs"})


# Words that name a secret only as a name's last word: ``new_pw`` is a password, but
# ``pw_uid`` and ``pw_dir`` are fields of the pwd module's ``struct passwd``.
_LAST_WORD_ONLY = frozenset({"pw"})


# A key that orders, finds or groups things, and opens nothing: ``weight_key`` (the
# priority of more_itertools' reservoir sampling), ``sort_key``, ``cache_key``.
LOOKUP_KEY_QUALIFIERS = frozenset(
    {
        "sort",
        "weight",
        "heap",
        "priority",
        "cache",
        "lookup",
        "dict",
        "map",
        "primary",
        "foreign",
        "partition",
        "shard",
        "row",
        "index",
        "order",
        "group",
        "bucket",
        "routing",
    }
)


def secret_word(identifiers: Iterable[str], vocabulary: frozenset[str]) -> str | None:
    """The first word of ``identifiers`` in ``vocabulary``, else None.

    Two words run together count (``session_id`` gives ``sessionid``), a
    plural counts as its singular, and a long word behind one letter as
    itself (SASL's ``cnonce``, the client nonce). A name ending in a measure
    (``password_length``) or a part word (``key_suffix``) names no secret, nor a key that
    finds or orders things (``sort_key``), nor a key space (``key_spaces_id``), nor a key's
    id, name or pairs (``auth_key_id``, ``key_pairs``), nor a token that marks a place in a
    listing or a record's version (``next_token``, ``version_token``), nor ``pw`` before
    another word (``pw_uid``).
    """
    for identifier in identifiers:
        words = _without_lookup_keys(words_of(identifier))
        if words and (words[-1] in MEASURE_WORDS or words[-1] in PART_WORDS):
            continue
        if words[-2:-1] in (["key"], ["psk"]) and words[-1] in _NAMES_OF_A_KEY:
            continue  # ryu's BFD auth_key_id: which key, sent in clear in every packet
        if words[-1:] in (["token"], ["tokens"]) and words[-2:-1] and words[-2] in _CURSOR_TOKENS:
            continue  # pacu's next_token: AWS's pagination cursor
        pairs = [first + second for first, second in zip(words, words[1:])]
        for word in [*words, *pairs]:
            found = _vocabulary_word(word, vocabulary)
            if found is not None and (found not in _LAST_WORD_ONLY or word == words[-1]):
                return found
    return None


def _vocabulary_word(word: str, vocabulary: frozenset[str]) -> str | None:
    """The word of ``vocabulary`` that ``word`` is, its plural, or behind one letter."""
    if word in vocabulary:
        return word
    if word.endswith("s") and word[:-1] in vocabulary:
        return word[:-1]
    if len(word) > _LONG_WORD and word[1:] in vocabulary:  # SASL's cnonce, bcrypt
        return word[1:]
    return None


# A word of the vocabulary this long or longer counts behind a one-letter prefix too;
# a shorter one ("iv", "key") would be found inside unrelated words ("div", "pkey" aside).
_LONG_WORD = 4


def names_a_lookup_key(identifier: str) -> bool:
    """Does ``identifier`` name a key that finds or orders things (``_create_cache_key``,
    ``cache_name``)?"""
    words = words_of(identifier)
    return any(
        word in ("key", "keys", "name", "filename", "path")
        and words[index - 1] in LOOKUP_KEY_QUALIFIERS
        for index, word in enumerate(words)
        if index
    )


def _without_lookup_keys(words: list[str]) -> list[str]:
    """``words`` without each ``key`` that follows a lookup qualifier (``sort``, ``weight``),
    or that a ``space`` follows: snmpsim's ``key-spaces-id`` is a Redis key space's id."""
    return [
        word
        for index, word in enumerate(words)
        if not (
            word in ("key", "keys")
            and (
                (index and words[index - 1] in LOOKUP_KEY_QUALIFIERS)
                or words[index + 1 : index + 2] in (["space"], ["spaces"])
            )
        )
    ]


def secret_reach(
    flows: Iterable[tuple[str, Iterable[str]]], vocabulary: frozenset[str]
) -> dict[str, str]:
    """Each local name whose value reaches a secret's name, and that name.

    ``flows``: each name and the names its value flows into (its sinks). In
    Tempest's ``rand_password``, ``upper = random.choice(...)`` flows into
    ``pre = upper + digit + punc``, then into ``password = pre + ...``:
    ``upper`` and ``pre`` reach ``password``.
    """
    into: dict[str, set[str]] = {}
    for name, sinks in flows:
        into.setdefault(name, set()).update(sinks)
    reached: dict[str, str] = {}
    pending = [sink for sinks in into.values() for sink in sinks]
    pending = [name for name in pending if secret_word([name], vocabulary) is not None]
    for name in pending:
        reached.setdefault(name, name)
    while pending:
        secret = pending.pop()
        for name, sinks in into.items():
            if secret in sinks and name not in reached:
                reached[name] = reached[secret]
                pending.append(name)
    return reached


def feeding_names(function: cst.FunctionDef, names: Iterable[str]) -> list[str]:
    """The names whose values reach ``names`` through assignments in ``function``.

    In pyghmi's IPMI 1.5 auth code, ``bodydata = password + sessdata + ...``
    and then ``md5(bodydata)``: ``password`` feeds the digest. Followed
    through any number of assignments to plain names, by name (not by scope),
    and loops: a ``for`` target is fed by what it loops over (youtube-dl's
    Instagram ``for gis_tmpl in gis_tmpls``, a list of texts with the CSRF token).
    """
    sources: dict[str, set[str]] = {}
    for target, value in _bound(function):
        if isinstance(target, cst.Name):
            fed = {name.value for name in nodes_of_type(value, cst.Name)}
            sources.setdefault(target.value, set()).update(fed)
    found: list[str] = []
    pending = list(names)
    while pending:
        for source in sorted(sources.get(pending.pop(), ())):
            if source not in found:
                found.append(source)
                pending.append(source)
    return found


def _bound(function: cst.FunctionDef) -> Iterator[tuple[cst.CSTNode, cst.CSTNode]]:
    """Each target in ``function`` and what it is bound to: an assignment's value, or what
    a ``for`` loop (or a comprehension's ``for``) iterates over."""
    kinds = (cst.Assign, cst.AugAssign, cst.AnnAssign, cst.For, cst.CompFor)
    for node in nodes_of_type(function, kinds):
        if isinstance(node, (cst.For, cst.CompFor)):
            yield node.target, node.iter
        elif isinstance(node, cst.Assign):
            yield from ((target.target, node.value) for target in node.targets)
        elif node.value is not None:
            yield node.target, node.value


def sink_names(
    node: cst.CSTNode,
    parent_of: ParentOf,
    *,
    through_own_calls: bool = True,
    key_of: KeyOf | None = None,
    dict_keys: bool = False,
) -> list[str] | None:
    """The names the value of ``node`` flows into, nearest first; None when it flows nowhere.

    Positional arguments, operators, subscripts and comprehensions pass the
    value on; a statement, a lambda, a comparison or a condition ends the walk.
    Without ``through_own_calls``, so does a call of the object's own methods
    or clients, taken to act on its arguments rather than build a value of
    them (Rally's ``keys = self.cinder.set_metadata(volume["id"])``).
    ``key_of`` reads a subscript's key that is a name (``store[KEY] = ...``). With
    ``dict_keys``, a dict literal's key names its value as a keyword names its argument
    (ec2-api's ``db_api.add_item(context, 'vpn', {'pre_shared_key': psk})``), where the key
    is a string literal or a name ``key_of`` reads; any other key passes the value on.
    """
    child, parent = node, parent_of(node)
    while parent is not None:
        if isinstance(parent, cst.Arg) and parent.keyword is not None:
            return [parent.keyword.value] if parent.value is child else None
        if dict_keys and isinstance(parent, cst.DictElement) and parent.value is child:
            key = _dict_key(parent.key, key_of)
            if key is not None:
                return [key]
        if (
            not through_own_calls
            and isinstance(parent, cst.Call)
            and parent.func is not child
            and _on_self(parent.func)
        ):
            return None
        if isinstance(parent, cst.Call) and parent.func is not child and _takes_a_size(parent):
            return None  # localstack's os.urandom(random.randint(low, high)): a length
        if isinstance(parent, cst.Assign):
            if parent.value is not child:
                return None
            return _target_names([target.target for target in parent.targets], key_of)
        if isinstance(parent, (cst.AugAssign, cst.AnnAssign)):
            return _target_names([parent.target], key_of) if parent.value is child else None
        if isinstance(parent, cst.Return):
            # One of several values returned: the function's name says what the tuple is,
            # not this part (scapy's generate_msgId_token() draws the id, not the token).
            function = enclosing_function(parent, parent_of)
            part = isinstance(child, cst.Tuple) and child is not node
            return None if function is None or part else [function.name.value]
        if isinstance(parent, cst.IfExp) and parent.test is child:
            return None
        if isinstance(parent, (cst.BaseStatement, cst.Lambda, cst.Comparison, cst.Module)):
            return None
        child, parent = parent, parent_of(parent)
    return None


def sink_names_in_ast(
    node: ast.AST,
    parent_of: Mapping[ast.AST, ast.AST],
    *,
    through_own_calls: bool = True,
    key_of: AstKeyOf | None = None,
    dict_keys: bool = False,
) -> list[str] | None:
    """:func:`sink_names` on the stdlib ``ast`` tree, for the gates that run before LibCST.

    The same walk: ``ast.keyword`` is LibCST's keyword ``Arg``; its other
    wrappers (positional ``Arg``, ``Element``) have no ``ast`` node and pass
    the value on anyway. A string key made of implicitly joined literals
    names its key here only: a gate may err towards yes, and so may ``key_of``: a dict's
    name key it reads gives those strings and the names the dict flows into.
    """
    child, parent = node, parent_of.get(node)
    while parent is not None:
        if isinstance(parent, ast.keyword) and parent.arg is not None:
            return [parent.arg]
        if dict_keys and isinstance(parent, ast.Dict):
            key = next((k for k, value in zip(parent.keys, parent.values) if value is child), None)
            if isinstance(key, ast.Constant) and isinstance(key.value, str):
                return [key.value]
            if isinstance(key, ast.Name) and key_of is not None and (found := [*key_of(key)]):
                flags = {"through_own_calls": through_own_calls, "key_of": key_of}
                onward = sink_names_in_ast(parent, parent_of, dict_keys=True, **flags)
                return [*found, *(onward or ())]
        if (
            not through_own_calls
            and isinstance(parent, ast.Call)
            and parent.func is not child
            and _on_self_in_ast(parent.func)
        ):
            return None
        if isinstance(parent, ast.Call) and parent.func is not child and _takes_a_size(parent):
            return None
        if isinstance(parent, ast.Assign):
            return _ast_target_names(parent.targets, key_of) if parent.value is child else None
        if isinstance(parent, (ast.AugAssign, ast.AnnAssign)):
            return _ast_target_names([parent.target], key_of) if parent.value is child else None
        if isinstance(parent, ast.Return):
            function = enclosing_function_in_ast(parent, parent_of)
            part = isinstance(child, ast.Tuple) and child is not node
            return None if function is None or part else [function.name]
        if isinstance(parent, ast.IfExp) and parent.test is child:
            return None
        if isinstance(parent, (ast.stmt, ast.Lambda, ast.Compare, ast.Module)):
            return None
        child, parent = parent, parent_of.get(parent)
    return None


# Functions whose argument is how many random bytes (or bits) to make: a draw given to one
# is a length, and the secret is what the function returns.
_SIZED_SOURCES = frozenset(
    {"urandom", "token_bytes", "token_hex", "token_urlsafe", "randbytes", "getrandbits"}
)


def _takes_a_size(call: cst.Call | ast.Call) -> bool:
    func = call.func
    if isinstance(func, (cst.Attribute, ast.Attribute)):
        name = func.attr.value if isinstance(func, cst.Attribute) else func.attr
    elif isinstance(func, (cst.Name, ast.Name)):
        name = func.value if isinstance(func, cst.Name) else func.id
    else:
        return False
    return name in _SIZED_SOURCES


def _on_self(func: cst.BaseExpression) -> bool:
    """Is ``func`` reached from ``self`` or ``cls`` (``self.cinder.set_metadata``)?"""
    while isinstance(func, (cst.Attribute, cst.Call, cst.Subscript)):
        func = func.func if isinstance(func, cst.Call) else func.value
    return isinstance(func, cst.Name) and func.value in ("self", "cls")


def _on_self_in_ast(func: ast.expr) -> bool:
    """:func:`_on_self` on the stdlib ``ast`` tree."""
    while isinstance(func, (ast.Attribute, ast.Call, ast.Subscript)):
        func = func.func if isinstance(func, ast.Call) else func.value
    return isinstance(func, ast.Name) and func.id in ("self", "cls")


def _ast_target_names(targets: list[ast.expr], key_of: AstKeyOf | None) -> list[str] | None:
    names: list[str] = []
    for target in targets:
        key = target.slice if isinstance(target, ast.Subscript) else None
        if isinstance(key, ast.Name) and key_of is not None and (found := [*key_of(key)]):
            names.extend(found)
            continue
        if isinstance(target, ast.Name):
            names.append(target.id)
        elif isinstance(target, ast.Attribute):
            names.append(target.attr)
        elif (
            isinstance(target, ast.Subscript)
            and isinstance(target.slice, ast.Constant)
            and isinstance(target.slice.value, str)
        ):
            names.append(target.slice.value)
        else:
            return None
    return names


def enclosing_function_in_ast(
    node: ast.AST, parent_of: Mapping[ast.AST, ast.AST]
) -> ast.FunctionDef | ast.AsyncFunctionDef | None:
    """:func:`enclosing_function` on the stdlib ``ast`` tree."""
    parent = parent_of.get(node)
    while parent is not None and not isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)):
        parent = parent_of.get(parent)
    return parent


def enclosing_definition_names(node: cst.CSTNode, parent_of: ParentOf) -> list[str]:
    """The names of the functions and classes around ``node``, innermost first."""
    names = []
    parent = parent_of(node)
    while parent is not None:
        if isinstance(parent, (cst.FunctionDef, cst.ClassDef)):
            names.append(parent.name.value)
        parent = parent_of(parent)
    return names


def _target_names(targets: list[cst.BaseExpression], key_of: KeyOf | None) -> list[str] | None:
    """``token``, ``self.token`` and ``data['token']`` name ``token``; tuples name nothing;
    ``data[KEY]`` names what ``key_of`` reads ``KEY`` as."""
    names = []
    for target in targets:
        key = _name_key(target) if key_of is not None else None
        if key is not None and (found := key_of(key)) is not None:
            names.append(found)
            continue
        if isinstance(target, cst.Name):
            names.append(target.value)
        elif isinstance(target, cst.Attribute):
            names.append(target.attr.value)
        elif isinstance(target, cst.Subscript) and string_key(target) is not None:
            names.append(string_key(target))
        else:
            return None
    return names


def _name_key(target: cst.BaseExpression) -> cst.Name | None:
    """``KEY`` of ``data[KEY]``: the subscript's one key, where it is a plain name."""
    if not isinstance(target, cst.Subscript) or len(target.slice) != 1:
        return None
    index = target.slice[0].slice
    key = index.value if isinstance(index, cst.Index) else None
    return key if isinstance(key, cst.Name) else None


def _dict_key(key: cst.BaseExpression | None, key_of: KeyOf | None) -> str | None:
    """``"password"`` of ``{"password": pw}``; a name key read by ``key_of``; else None."""
    if isinstance(key, (cst.SimpleString, cst.ConcatenatedString)):
        text = key.evaluated_value
        return text if isinstance(text, str) else None
    if isinstance(key, cst.Name) and key_of is not None:
        return key_of(key)
    return None
