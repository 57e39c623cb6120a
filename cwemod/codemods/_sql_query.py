"""sql-parameters: a query built from literals and values, read as text and value slots.

``parse_query`` answers either a :class:`Query` (the SQL text around each
interpolated value, the values, and the literal whose quoting the new query
keeps) or the reason it cannot tell that the rewrite is exact.
``with_placeholders`` then checks that every slot is a value position in the
SQL (after ``=``, ``<``, ``LIKE``, ``LIMIT``, in a ``VALUES (...)`` list),
not an identifier or an ``IN (...)`` list, and builds the new text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import libcst as cst

# Bandit's B608 test: text that looks like SQL.
LOOKS_LIKE_SQL = re.compile(
    r"(select\s.*from\s|delete\s+from\s|insert\s+into\s.*values|update\s.*set\s)",
    re.IGNORECASE | re.DOTALL,
)
# What may come just before a value slot.
_VALUE_BEFORE = re.compile(r"(<>|<=|>=|!=|=|<|>|\blike|\blimit|\boffset|\(|,)\s*$", re.IGNORECASE)
_VALUES_OPEN = re.compile(r"\bvalues\s*$", re.IGNORECASE)
_FORMAT_FIELD = re.compile(r"\{(\d*)\}")


@dataclass(frozen=True)
class Query:
    texts: tuple[str, ...]  # one more than values: text, value, text, ...
    values: tuple[cst.BaseExpression, ...]
    quote: str  # the quote of the literal the new query is written with
    # Values known to be numbers (``int(...)``, a number literal): an unquoted one in an SQL
    # function's call is a value too (``round(x, %s)``), where another is a name (``count(%s)``)
    numbers: frozenset[cst.BaseExpression] = frozenset()


def parse_query(node: cst.BaseExpression) -> Query | str:
    """The query ``node`` builds, or why it is not one string built from literals and values."""
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Modulo):
        return _percent_query(node)
    if isinstance(node, cst.BinaryOperation) and isinstance(node.operator, cst.Add):
        return _concatenated_query(node)
    if isinstance(node, cst.Call) and isinstance(node.func, cst.Attribute):
        if node.func.attr.value == "format":
            return _format_query(node)
    if isinstance(node, cst.FormattedString):
        return _fstring_query(node)
    if isinstance(node, cst.ConcatenatedString):
        return "the query is split over implicitly joined strings: rewrite it by hand"
    return "the query is not one string built from literals here"


def _literal(node: cst.BaseExpression) -> tuple[str, str] | str:
    """(text, quote) of a plain string literal, or why it is not one."""
    if isinstance(node, cst.ConcatenatedString):
        return "the query is split over implicitly joined strings: rewrite it by hand"
    if not isinstance(node, cst.SimpleString) or "b" in node.prefix.lower():
        return "the query is not one string built from literals here"
    text = node.evaluated_value
    if not isinstance(text, str) or "\\" in node.value:
        return "the query literal has escapes: rewrite it by hand"
    return text, node.quote


def _percent_query(node: cst.BinaryOperation) -> Query | str:
    literal = _literal(node.left)
    if isinstance(literal, str):
        return literal
    text, quote = literal
    pieces = re.split(r"(%.)", text)
    if any(piece.startswith("%") and piece not in ("%s", "%%") for piece in pieces):
        return "the query uses a %-conversion other than %s: rewrite it by hand"
    # What the % operator gave: "%%" is one literal "%" of the SQL.
    texts = tuple(
        "".join("%" if piece == "%%" else piece for piece in pieces[start:end])
        for start, end in _between_values(pieces)
    )
    right = node.right
    if isinstance(right, cst.Tuple):
        if any(isinstance(element, cst.StarredElement) for element in right.elements):
            return "the values are unpacked from a sequence: rewrite it by hand"
        values = tuple(element.value for element in right.elements)
    elif isinstance(right, cst.Dict):
        return "named %(...)s fields: rewrite it by hand"
    else:
        values = (right,)
    if len(values) != len(texts) - 1:
        return "cannot match each %s to one value"
    return Query(texts, values, quote)


def _between_values(pieces: list[str]) -> list[tuple[int, int]]:
    """Index ranges of ``pieces`` (text and ``%`` pairs) between two ``%s``."""
    ranges, start = [], 0
    for index, piece in enumerate(pieces):
        if piece == "%s":
            ranges.append((start, index))
            start = index + 1
    return [*ranges, (start, len(pieces))]


def _concatenated_query(node: cst.BinaryOperation) -> Query | str:
    texts: list[str] = [""]
    values: list[cst.BaseExpression] = []
    quote = ""
    for operand in _added_operands(node):
        part = _operand_query(operand)
        if isinstance(part, str):
            return part
        if values and not texts[-1] and part.values and not part.texts[0]:
            return "two values are added with no SQL between them"
        texts[-1] += part.texts[0]
        texts.extend(part.texts[1:])
        values.extend(part.values)
        quote = quote or part.quote
    if not quote or not values:
        return "the query is not one string built from literals here"
    return Query(tuple(texts), tuple(values), quote)


def _operand_query(operand: cst.BaseExpression) -> Query | str:
    """One operand of a ``+`` chain as text and values: a literal's text; an f-string's text
    and fields (ckan's ``'select ... where ' + f'... and name = "{id}"'``); else one value."""
    if isinstance(operand, cst.FormattedString):
        return _fstring_query(operand)
    if isinstance(operand, (cst.SimpleString, cst.ConcatenatedString)):
        literal = _literal(operand)
        return literal if isinstance(literal, str) else Query((literal[0],), (), literal[1])
    return Query(("", ""), (operand,), "")


def _added_operands(node: cst.BaseExpression) -> list[cst.BaseExpression]:
    if (
        isinstance(node, cst.BinaryOperation)
        and isinstance(node.operator, cst.Add)
        and not node.lpar
    ):
        return [*_added_operands(node.left), *_added_operands(node.right)]
    return [node]


def _format_query(node: cst.Call) -> Query | str:
    literal = _literal(node.func.value)  # type: ignore[attr-defined]
    if isinstance(literal, str):
        return literal
    text, quote = literal
    if any(arg.keyword is not None or arg.star for arg in node.args):
        return "str.format() with named or unpacked arguments: rewrite it by hand"
    if "{{" in text or "}}" in text:
        return "the query has literal braces: rewrite it by hand"
    pieces = _FORMAT_FIELD.split(text)
    texts, indices = tuple(pieces[0::2]), pieces[1::2]
    if any("{" in piece or "}" in piece for piece in texts):
        return "str.format() fields with names or format specs: rewrite it by hand"
    numbers = [int(index) if index else position for position, index in enumerate(indices)]
    if any(number >= len(node.args) for number in numbers):
        return "cannot match each {} field to one argument"
    return Query(texts, tuple(node.args[number].value for number in numbers), quote)


def _fstring_query(node: cst.FormattedString) -> Query | str:
    if "b" in node.prefix.lower():
        return "the query is not one string built from literals here"
    texts = [""]
    values: list[cst.BaseExpression] = []
    for part in node.parts:
        if isinstance(part, cst.FormattedStringText):
            if "\\" in part.value or "{{" in part.value or "}}" in part.value:
                return "the query literal has escapes or braces: rewrite it by hand"
            texts[-1] += part.value
        else:
            if part.conversion is not None or part.format_spec is not None:
                return "an f-string field with a conversion or format spec"
            values.append(part.expression)
            texts.append("")
    quote = node.start[len(node.prefix) :]
    return Query(tuple(texts), tuple(values), quote)


def with_placeholders(query: Query, placeholder: str) -> str | None:
    """The SQL with a placeholder in each slot; None when a slot is not a plain value."""
    texts = list(query.texts)
    quoted = quoted_slots(query)
    for index in range(len(query.values)):
        before, after = texts[index], texts[index + 1]
        if quoted[index]:
            before, after = before[:-1], after[1:]
        elif before.endswith(("'", '"')) or after.startswith(("'", '"')):
            return None
        texts[index], texts[index + 1] = before, after
    sql = texts[0]
    for index, value in enumerate(query.values):
        literal = quoted[index] or value in query.numbers
        if not _is_value_slot(sql, texts[index + 1], literal):
            return None
        sql += placeholder + texts[index + 1]
    return sql


def quoted_slots(query: Query) -> list[bool]:
    """Whether each slot of ``query`` is in single quotes (``'%s'``): an SQL literal."""
    texts = query.texts
    return [
        texts[index].endswith("'") and texts[index + 1].startswith("'")
        for index in range(len(query.values))
    ]


def double_quoted_after_comparison(query: Query, index: int) -> bool:
    """Is the slot ``index`` in double quotes right after a comparison (ckan's ``name =
    "{id}"``)? SQLite, and MySQL unless ANSI_QUOTES, read one as a string where no
    column has its name; standard SQL reads it as a name."""
    before, after = query.texts[index], query.texts[index + 1]
    return (
        after.startswith('"')
        and before.count("'") % 2 == 0
        and _COMPARED_IN_DOUBLE_QUOTES.search(before) is not None
    )


_COMPARED_IN_DOUBLE_QUOTES = re.compile(r'(?:<>|<=|>=|!=|=|<|>|\blike)\s*"$', re.IGNORECASE)


def _is_value_slot(before: str, after: str, literal: bool) -> bool:
    """Is the slot between ``before`` and ``after`` a value's position? In an SQL function's
    call only a ``literal`` is (quoted, or a number): sqlobject's ``gen_id(%s,1)`` takes a
    generator's name, ``count(%s)`` a column's, each read as SQL text."""
    ends = after[:1] in ("", " ", "\n", "\t", ")", ",", ";") or after.startswith("::")  # a cast
    if before.count("'") % 2 or not ends:
        return False
    match = _VALUE_BEFORE.search(before)
    if match is None:
        return False
    if match.group(1) in ("(", ","):
        return _inside_values_list(before, literal)
    return True


def _inside_values_list(before: str, literal: bool) -> bool:
    """Is the end of ``before`` inside the parentheses of ``VALUES (...)``, or, for a
    ``literal``, of an SQL function's call (volatility3's ``datetime('now', ?)``)?"""
    depth = 0
    for position in range(len(before) - 1, -1, -1):
        char = before[position]
        if char == ")":
            depth += 1
        elif char == "(":
            if depth == 0:
                opening = before[:position]
                function = literal and _FUNCTION_OPEN.search(opening)
                return bool(_VALUES_OPEN.search(opening) or function)
            depth -= 1
    return False


# ``datetime(``, ``COALESCE(``: a function's name right before its parenthesis; not a list
# (``IN (``) and not the columns after a table's name (``INSERT INTO t(a, b)``).
_FUNCTION_OPEN = re.compile(
    r"(?<!INTO )(?<!TABLE )(?<!INDEX )(?<![\w.])(?!(?:IN|EXISTS|ANY|ALL|SOME|USING|ON)\b)"
    r"[A-Za-z_]\w*$",
    re.IGNORECASE,
)
