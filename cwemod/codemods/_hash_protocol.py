"""Where a peer's protocol picks the weak hash: the advice leads with the protocol.

pg8000's PostgreSQL MD5 password authentication: under ``elif auth_code == 5:`` (the
server's AuthenticationMD5Password), ``b"md5" + md5(md5(password + user)... + salt)``.
The server chose MD5 and the reply must be tagged with it: no other hash answers it, and
the way out is the protocol's stronger method (SCRAM-SHA-256, code 10), not SHA-256.
So with a key exchange's hash: paramiko-ng's ``KexGSSGroup1`` makes the SSH exchange hash H
with the SHA-1 that the negotiated method (gss-group1-sha1, RFC 4462) names.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import libcst as cst

from cwemod.codemods._secret_flow import ParentOf, words_of
from cwemod.codemods.kit.source import code_of

# The words of a name that say a key exchange made the digest (``KexGSSGroup1``, ``kex_gss``,
# ``exchange_hash``): the method the peers negotiated names its hash.
KEY_EXCHANGE_WORDS = frozenset({"kex", "exchangehash"})
_PASSWORD_METHOD = "as SCRAM-SHA-256 is for PostgreSQL's md5 password authentication"
_KEY_EXCHANGE_METHOD = (
    "as gss-group14-sha256, RFC 8732, and diffie-hellman-group14-sha256, RFC 8268, are for"
    " SSH's SHA-1 key exchanges"
)


def protocol_choice(
    call: cst.Call,
    algorithm: str,
    word: str,
    holding: Iterable[cst.CSTNode],
    parent_of: ParentOf,
) -> tuple[str, str] | None:
    """What says a protocol chose ``algorithm`` for ``call``, and an example of its stronger
    method: a name around it that says a key exchange (``word``, the security word found),
    a literal tag naming the algorithm joined to the digest (``b"md5" + md5(...)``), or an
    ``if`` around the call that tests an authentication or protocol code against a constant
    (``auth_code == 5``); None where none does. ``holding`` is the statements whose body
    holds the call."""
    if word in KEY_EXCHANGE_WORDS:
        return "a key exchange's negotiated method picks it", _KEY_EXCHANGE_METHOD
    tag = _algorithm_tag(call, algorithm, parent_of)
    if tag is not None:
        return f"the {tag} joined to it names the algorithm", _PASSWORD_METHOD
    for statement in holding:
        if isinstance(statement, cst.If) and _tests_a_code(statement.test):
            return f"`{code_of(statement.test)}` picks it", _PASSWORD_METHOD
    return None


def _algorithm_tag(call: cst.Call, algorithm: str, parent_of: ParentOf) -> str | None:
    """The literal joined with ``+`` to the digest of ``call`` (or to what it is hashed
    into), whose letters and digits are the algorithm's name (``b"md5"``, ``"{MD5}"``)."""
    child, parent = call, parent_of(call)
    while parent is not None and not isinstance(parent, (cst.BaseStatement, cst.Module)):
        if isinstance(parent, (cst.Lambda, cst.Comparison)):
            return None
        if isinstance(parent, cst.BinaryOperation) and isinstance(parent.operator, cst.Add):
            other = parent.right if parent.left is child else parent.left
            if isinstance(other, cst.SimpleString) and _names(other, algorithm):
                return code_of(other)
        child, parent = parent, parent_of(parent)
    return None


def _names(literal: cst.SimpleString, algorithm: str) -> bool:
    text = literal.evaluated_value
    text = text.decode("latin-1") if isinstance(text, bytes) else text
    return re.sub(r"[\W_]", "", text).lower() == algorithm


def _tests_a_code(test: cst.BaseExpression) -> bool:
    """``auth_code == 5``, ``self.auth_type == AUTH_MD5``: a name that says authentication
    (or ends in ``code``) compared with a number or a constant."""
    if not isinstance(test, cst.Comparison) or len(test.comparisons) != 1:
        return False
    if not isinstance(test.comparisons[0].operator, cst.Equal):
        return False
    sides = (test.left, test.comparisons[0].comparator)
    for named, constant in (sides, sides[::-1]):
        words = words_of(_last_name(named) or "")
        says = "auth" in words or "authentication" in words or words[-1:] == ["code"]
        if says and _is_constant(constant):
            return True
    return False


def _last_name(node: cst.BaseExpression) -> str | None:
    if isinstance(node, cst.Name):
        return node.value
    return node.attr.value if isinstance(node, cst.Attribute) else None


def _is_constant(node: cst.BaseExpression) -> bool:
    """A number, or a name in capitals (``AUTH_MD5``)."""
    name = _last_name(node)
    return isinstance(node, cst.Integer) or (name is not None and name.isupper())
