"""A digest compared with the value it must have, where a mismatch raises: an integrity check.

toil's ``Resource._download()``: ``contentHash = hashlib.md5(buf)``, then ``if
contentHash.hexdigest() != self.contentHash: raise RuntimeError(...)`` before the downloaded
code is imported. The digest guards the content; it is no mere name.
"""

from __future__ import annotations

import re

import libcst as cst

from cwemod.codemods._secret_flow import ParentOf, words_of
from cwemod.codemods.kit.match import nodes_of_type

# Values whose algorithm a protocol fixes: S3's ETag, Content-MD5, GCS's ``md5_hash``
# (said without the underscores and dashes).
_PROTOCOL_TEXTS = ("contentmd5", "md5hash")


def checked_against(
    call: cst.Call, function: cst.FunctionDef, parent_of: ParentOf
) -> cst.BaseExpression | None:
    """The value that ``function``, after ``call``, compares (``==``, ``!=``) the digest of
    ``call`` with, where a mismatch raises (``if digest != expected: raise``, ``assert digest
    == expected``); None where there is none, or where the value is one a protocol fixes the
    algorithm of (an ETag, a Content-MD5)."""
    tracked = _names_of_the_digest(call, function, parent_of)
    after = False
    for comparison in nodes_of_type(function, (cst.Call, cst.Comparison)):
        after = after or comparison is call
        if not after or not isinstance(comparison, cst.Comparison):
            continue
        sides = equality_sides(comparison)
        if sides is None:
            continue
        holds = [_holds_the_digest(side, call, tracked) for side in sides]
        if holds.count(True) != 1 or not _mismatch_raises(comparison, parent_of):
            continue
        other = sides[holds.index(False)]
        if not _fixed_by_a_protocol(other):
            return other
    return None


def equality_sides(
    comparison: cst.Comparison,
) -> tuple[cst.BaseExpression, cst.BaseExpression] | None:
    """The two operands of ``a == b`` or ``a != b``; None for any other comparison."""
    if len(comparison.comparisons) != 1:
        return None
    target = comparison.comparisons[0]
    if not isinstance(target.operator, (cst.Equal, cst.NotEqual)):
        return None
    return comparison.left, target.comparator


def _names_of_the_digest(
    call: cst.Call, function: cst.FunctionDef, parent_of: ParentOf
) -> set[str]:
    """The local names the hasher of ``call`` or its digest is assigned to, and those
    assigned from them (``final = f"sha1${hasher.hexdigest()}"``)."""
    tracked: set[str] = set()
    statement = parent_of(call)
    while statement is not None and not isinstance(statement, cst.BaseSmallStatement):
        statement = parent_of(statement)
    if not isinstance(statement, cst.Assign):
        return tracked
    tracked |= {t.target.value for t in statement.targets if isinstance(t.target, cst.Name)}
    assigns = list(nodes_of_type(function, cst.Assign))
    grown = True
    while grown:
        grown = False
        for assign in assigns:
            if assign is statement or not _reads(assign.value, tracked):
                continue
            for target in assign.targets:
                if isinstance(target.target, cst.Name) and target.target.value not in tracked:
                    tracked.add(target.target.value)
                    grown = True
    return tracked


def _reads(node: cst.CSTNode, names: set[str]) -> bool:
    """Does ``node`` read one of ``names`` (not an attribute's: toil's ``self.contentHash``)?"""
    return any(
        name.value in names and not _is_an_attribute(name, node)
        for name in nodes_of_type(node, cst.Name)
    )


def _is_an_attribute(name: cst.Name, within: cst.CSTNode) -> bool:
    return any(attribute.attr is name for attribute in nodes_of_type(within, cst.Attribute))


def _holds_the_digest(side: cst.BaseExpression, call: cst.Call, tracked: set[str]) -> bool:
    return any(node is call for node in nodes_of_type(side, cst.Call)) or _reads(side, tracked)


def _mismatch_raises(comparison: cst.Comparison, parent_of: ParentOf) -> bool:
    """Is ``comparison`` asserted equal, or the test (under ``not`` or ``and`` at most) of
    an ``if`` that raises where the two sides differ?"""
    equal = isinstance(comparison.comparisons[0].operator, cst.Equal)
    conjunct = False  # one of the conditions `and` joins: true only where it is
    child, parent = comparison, parent_of(comparison)
    while isinstance(parent, (cst.UnaryOperation, cst.BooleanOperation)):
        if isinstance(parent, cst.BooleanOperation) and isinstance(parent.operator, cst.And):
            conjunct = True
        elif isinstance(parent.operator, cst.Not) and not conjunct:
            equal = not equal
        else:
            return False
        child, parent = parent, parent_of(parent)
    if isinstance(parent, cst.Assert):
        return parent.test is child and equal
    if not isinstance(parent, cst.If) or parent.test is not child or conjunct and equal:
        return False  # `if ready and digest == expected: ... else: raise`: not only then
    branch = parent.orelse.body if equal and isinstance(parent.orelse, cst.Else) else None
    branch = parent.body if not equal else branch
    return branch is not None and _raises(branch)


def _raises(block: cst.BaseSuite) -> bool:
    """Is a statement of ``block`` itself a ``raise``?"""
    lines = block.body if isinstance(block, cst.IndentedBlock) else [block]
    return any(
        isinstance(small, cst.Raise)
        for line in lines
        if isinstance(line, (cst.SimpleStatementLine, cst.SimpleStatementSuite))
        for small in line.body
    )


def _fixed_by_a_protocol(value: cst.BaseExpression) -> bool:
    """Does ``value`` name an S3 ETag, a Content-MD5 or a GCS ``md5_hash``?"""
    texts = [name.value for name in nodes_of_type(value, cst.Name)]
    texts += [
        text.evaluated_value
        for text in nodes_of_type(value, cst.SimpleString)
        if isinstance(text.evaluated_value, str)
    ]
    for text in texts:
        words = words_of(text)
        squashed = re.sub(r"[\W_]", "", text.lower())
        pairs = {first + second for first, second in zip(words, words[1:])}
        if "etag" in {*words, *pairs} or any(each in squashed for each in _PROTOCOL_TEXTS):
            return True
    return False
