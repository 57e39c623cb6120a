"""Where a peer's protocol picks the weak hash: the advice leads with the protocol.

pg8000's PostgreSQL MD5 password authentication: under ``elif auth_code == 5:`` (the
server's AuthenticationMD5Password), ``b"md5" + md5(md5(password + user)... + salt)``.
The server chose MD5 and the reply must be tagged with it: no other hash answers it, and
the way out is the protocol's stronger method (SCRAM-SHA-256, code 10), not SHA-256.
So with a key exchange's hash: paramiko-ng's ``KexGSSGroup1`` makes the SSH exchange hash H
with the SHA-1 that the negotiated method (gss-group1-sha1, RFC 4462) names. Other protocols
test their own codes (pyrad's ``if pkt.code == ACCESS_REQUEST:``, tacacs_plus's ``if
authen_type == TAC_PLUS_AUTHEN_TYPE_CHAP:``, CHAP being MD5 by RFC 1994), and their advice
names no PostgreSQL. A module that cites the specification it implements (pyrad's "RADIUS
packets (RFC 2865)", ntlm-auth's "[MS-NLMP]" above each function) says the same of a digest
already judged to be for security: that protocol fixes its hash. So does a remote service's
API with a request's signature it recomputes (dns-lexicon's OVH ``X-Ovh-Signature``): the
digest goes into the headers (or data, json, params) the function sends.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import NamedTuple

import libcst as cst

from cwemod.codemods._secret_flow import ParentOf, words_of
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import last_name
from cwemod.codemods.kit.parents import ancestors, enclosing_function
from cwemod.codemods.kit.source import code_of

# The words of a name that say a key exchange made the digest (``KexGSSGroup1``, ``kex_gss``,
# ``exchange_hash``): the method the peers negotiated names its hash.
KEY_EXCHANGE_WORDS = frozenset({"kex", "exchangehash"})
_PASSWORD_METHOD = "as SCRAM-SHA-256 is for PostgreSQL's md5 password authentication"
_KEY_EXCHANGE_METHOD = (
    "as gss-group14-sha256, RFC 8732, and diffie-hellman-group14-sha256, RFC 8268, are for"
    " SSH's SHA-1 key exchanges"
)
# The words of a name that say authentication (``auth_code``, tacacs_plus's ``authen_type``)
_AUTH_WORDS = frozenset({"auth", "authn", "authen", "authentication"})
# A protocol's specification: an RFC's number, a Microsoft open specification's id
# (``[MS-NLMP]``, or ``MS-NLMP`` in a sentence; MS-DOS is none), or an RFC's address
# (dnspython's ``https://tools.ietf.org/html/rfc5155#section-5``: RFC 5155)
_SPECIFICATION = re.compile(r"\bRFC ?\d{3,4}\b|\[MS-[A-Z0-9]+\]|\bMS-(?!DOS\b)[A-Z][A-Z0-9]{2,}\b")
# The keywords by which an HTTP call (requests, a session, httpx) takes what it sends
_REQUEST_KEYWORDS = frozenset({"headers", "data", "json", "params"})
_RFC_ADDRESS = re.compile(
    r"\b(?:tools\.ietf\.org/html|datatracker\.ietf\.org/doc(?:/html)?|(?:ietf|rfc-editor)\.org/rfc)"
    r"/rfc(\d{3,4})\b"
)


class ProtocolChoice(NamedTuple):
    """Why a protocol fixes the algorithm, an example of a stronger method where the
    evidence names the protocol (None: say it in words that fit any), whether the
    evidence is only a specification the code cites (not the peer's choice seen in it),
    and whether it is a request a remote service's API recomputes (its signature)."""

    why: str
    example: str | None = None
    cited: bool = False
    signed: bool = False


def protocol_choice(
    call: cst.Call,
    algorithm: str,
    word: str,
    holding: Iterable[cst.CSTNode],
    parent_of: ParentOf,
) -> ProtocolChoice | None:
    """What says a protocol chose ``algorithm`` for ``call``: a name around it that says a
    key exchange (``word``, the security word found), a literal tag naming the algorithm
    joined to the digest (``b"md5" + md5(...)``), an ``if`` around the call that tests an
    authentication or protocol code against a constant (``auth_code == 5``), a request
    to a remote service that sends the digest (its signature), or a specification cited
    above the call, in its function's docstring or in the module's (``RFC 2865``,
    ``[MS-NLMP]``, an RFC's address); None where none does. ``holding`` is the statements
    whose body holds the call."""
    if word in KEY_EXCHANGE_WORDS:
        return ProtocolChoice("a key exchange's negotiated method picks it", _KEY_EXCHANGE_METHOD)
    tag = _algorithm_tag(call, algorithm, parent_of)
    if tag is not None:
        postgres = _PASSWORD_METHOD if _text(tag) == "md5" else None
        return ProtocolChoice(f"the {code_of(tag)} joined to it names the algorithm", postgres)
    for statement in holding:
        if isinstance(statement, cst.If) and _tests_a_code(statement.test):
            postgres = _PASSWORD_METHOD if _tests_postgres_md5(statement.test) else None
            return ProtocolChoice(f"`{code_of(statement.test)}` picks it", postgres)
    sent = _request_signature(call, parent_of)
    if sent is not None:
        return ProtocolChoice(sent, signed=True)
    cited = _cited_specification(call, parent_of)
    return None if cited is None else ProtocolChoice(cited, cited=True)


def _algorithm_tag(call: cst.Call, algorithm: str, parent_of: ParentOf) -> cst.SimpleString | None:
    """The literal joined with ``+`` to the digest of ``call`` (or to what it is hashed
    into), whose letters and digits are the algorithm's name (``b"md5"``, ``"{MD5}"``)."""
    child, parent = call, parent_of(call)
    while parent is not None and not isinstance(parent, (cst.BaseStatement, cst.Module)):
        if isinstance(parent, (cst.Lambda, cst.Comparison)):
            return None
        if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
            other = parent.right if parent.left is child else parent.left
            if isinstance(other, cst.SimpleString) and _names(other, algorithm):
                return other
        child, parent = parent, parent_of(parent)
    return None


def _text(literal: cst.SimpleString) -> str:
    text = literal.evaluated_value
    return text.decode("latin-1") if isinstance(text, bytes) else text


def _names(literal: cst.SimpleString, algorithm: str) -> bool:
    return re.sub(r"[\W_]", "", _text(literal)).lower() == algorithm


def _tests_a_code(test: cst.BaseExpression) -> bool:
    """``auth_code == 5``, ``pkt.code == ACCESS_REQUEST``, ``authen_type ==
    TAC_PLUS_AUTHEN_TYPE_CHAP``: a name that says authentication (or ends in ``code``)
    compared with a number or a constant, or one that ends in ``type`` or ``method``
    compared with a constant."""
    sides = _compared(test)
    for named, constant in (sides, sides[::-1]) if sides else ():
        words = words_of(last_name(named))
        if not words or not _is_constant(constant):
            continue
        if _AUTH_WORDS.intersection(words) or words[-1] == "code":
            return True
        if words[-1] in ("type", "method") and not isinstance(constant, cst.Integer):
            return True
    return False


def _tests_postgres_md5(test: cst.BaseExpression) -> bool:
    """pg8000's ``auth_code == 5``: PostgreSQL's AuthenticationMD5Password."""
    sides = _compared(test)
    for named, constant in (sides, sides[::-1]) if sides else ():
        words = set(words_of(last_name(named)))
        if {"auth", "code"} <= words and isinstance(constant, cst.Integer):
            return constant.value == "5"
    return False


def _compared(test: cst.BaseExpression) -> tuple[cst.BaseExpression, ...]:
    """The two sides of an ``==`` comparison, else nothing."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return ()
    if not isinstance(test.comparisons[0].operator, cst.Equal):
        return ()
    return test.left, test.comparisons[0].comparator


def _is_constant(node: cst.BaseExpression) -> bool:
    """A number, or a name in capitals (``AUTH_MD5``)."""
    name = last_name(node)
    return isinstance(node, cst.Integer) or name.isupper()


def _cited_specification(call: cst.Call, parent_of: ParentOf) -> str | None:
    """Where a specification is cited nearest ``call`` and which: the comments above its
    statement or the statement before it (pyrad's EAP-MD5 response, under "RFC 3748 section
    5.4"), the docstring of its function, or the module's (pyrad's "RADIUS packets (RFC
    2865)"); None where none is."""
    around = list(ancestors(call, parent_of))
    statement = next((node for node in around if isinstance(node, cst.BaseStatement)), None)
    comments = " ".join(
        line.comment.value
        for line in _leading_lines(statement, parent_of)
        if line.comment is not None
    )
    function = next((node for node in around if isinstance(node, cst.FunctionDef)), None)
    module = next((node for node in around if isinstance(node, cst.Module)), None)
    texts = [
        ("the comment above it", comments),
        (
            f"the docstring of `{function.name.value}`" if function is not None else "",
            function.get_docstring() if function is not None else None,
        ),
        ("the module's docstring", module.get_docstring() if module is not None else None),
    ]
    for where, text in texts:
        cited = _specification(text or "")
        if cited is not None:
            return f"{where} cites {cited}"
    return None


def _specification(text: str) -> str | None:
    """The specification ``text`` cites first, by name or by an RFC's address."""
    named, address = _SPECIFICATION.search(text), _RFC_ADDRESS.search(text)
    if address is not None and (named is None or address.start() < named.start()):
        return f"RFC {address.group(1)}"
    return named.group() if named is not None else None


def _leading_lines(statement: cst.CSTNode | None, parent_of: ParentOf) -> list[cst.EmptyLine]:
    """The lines above ``statement`` and above the statement before it in its block."""
    block = parent_of(statement) if statement is not None else None
    body = getattr(block, "body", None)
    body = body if isinstance(body, (list, tuple)) else ()
    index = next((i for i, each in enumerate(body) if each is statement), None)
    if index is None:
        return []
    near = body[max(index - 1, 0) : index + 1]
    return [line for each in near for line in getattr(each, "leading_lines", ())]


def _request_signature(call: cst.Call, parent_of: ParentOf) -> str | None:
    """Where the digest of ``call`` goes into a mapping that a call in its function sends
    as ``headers=``, ``data=``, ``json=`` or ``params=`` (a request's signature, which the
    service recomputes): a value of the mapping written there (dns-lexicon's CloudXNS
    ``"API-HMAC": md5(...).hexdigest()``), stored into it (OVH's ``headers["X-Ovh-Signature"]
    = "$1$" + signature.hexdigest()``), or through the function's names (NFSN's body digest,
    joined into ``X-NFSN-Authentication``). Which keyword of which call; None where none."""
    function = enclosing_function(call, parent_of)
    if function is None:
        return None
    around = {call, *ancestors(call, parent_of)}
    carriers, mappings = _carriers(function, around)
    for sent in nodes_of_type(function, cst.Call):
        for arg in sent.args:
            if arg.keyword is None or arg.keyword.value not in _REQUEST_KEYWORDS:
                continue
            value = arg.value
            mapping = isinstance(value, cst.Name) and value.value in mappings
            if mapping or (_is_mapping(value, mappings) and value in around):
                return f"it goes into the `{arg.keyword.value}=` of `{code_of(sent.func)}`"
    return None


def _carriers(function: cst.FunctionDef, around: set[cst.CSTNode]) -> tuple[set[str], set[str]]:
    """The names in ``function`` whose values carry the digest (an assignment's value that
    holds it, ``around`` being the nodes around it, or holds a carrier), and of those the
    mappings (bound to a dict, or stored into: ``headers[...] = ...``)."""
    bound = [
        (target.target, node.value)
        for node in nodes_of_type(function, cst.Assign)
        for target in node.targets
    ]
    carriers: set[str] = set()
    mappings: set[str] = set()
    changed = True
    while changed:
        changed = False
        for target, value in bound:
            if value not in around and not _holds_a_name(value, carriers):
                continue
            name, mapping = _bound_name(target, value, mappings)
            if name is not None and (name not in carriers or (mapping and name not in mappings)):
                carriers.add(name)
                changed = True
                if mapping:
                    mappings.add(name)
    return carriers, mappings


def _bound_name(
    target: cst.BaseExpression, value: cst.BaseExpression, mappings: set[str]
) -> tuple[str | None, bool]:
    """The name an assignment binds or stores into (``headers`` of ``headers[key] = ...``),
    and whether it is a mapping."""
    if isinstance(target, cst.Name):
        return target.value, _is_mapping(value, mappings)
    if isinstance(target, cst.Subscript) and isinstance(target.value, cst.Name):
        return target.value.value, True
    return None, False


def _is_mapping(value: cst.BaseExpression, mappings: set[str]) -> bool:
    """A dict written out (``{...}``, ``dict(...)``) or a name bound to a mapping."""
    if isinstance(value, cst.Name):
        return value.value in mappings
    if isinstance(value, cst.Call):
        return isinstance(value.func, cst.Name) and value.func.value == "dict"
    return isinstance(value, cst.Dict)


def _holds_a_name(value: cst.BaseExpression, names: set[str]) -> bool:
    return bool(names) and any(name.value in names for name in nodes_of_type(value, cst.Name))
