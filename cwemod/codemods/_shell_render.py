"""Rendering an argument word as a Python expression, built like its template."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from cwemod.codemods._shell_template import (
    CONCAT,
    FORMAT,
    FSTRING,
    PERCENT,
    Piece,
    Placeholder,
    TemplateError,
    Word,
)
from cwemod.codemods.kit.quotes import escaped, string_literal
from cwemod.codemods.kit.source import code_of


def render_word(
    word: Word, quote: str, stringify: bool, python2: bool = False
) -> cst.BaseExpression:
    """The expression for one argument.

    ``stringify``: the callee needs ``str`` arguments (subprocess does;
    processutils.execute converts for itself), so a value that is not
    certainly a string is wrapped in ``str()``, as ``%s`` would have done.
    ``python2``: the project runs on Python 2, where ``str()`` of a unicode
    value raises on non-ASCII text and ``'%s' % value`` does not (fedmsg's
    ``'cowsay "%s"' % message``): a ``%`` template keeps its ``%s``.
    """
    text = word.text
    if text is not None:
        return string_literal(text, quote)
    placeholders = word.placeholders
    if len(word.segments) == 1 and placeholders[0].plain:
        value = placeholders[0].value
        if placeholders[0].known_str or not stringify:
            return value
        if python2 and placeholders[0].style == PERCENT:
            return _percent_word(word.segments, quote)
        return cst.Call(cst.Name("str"), [cst.Arg(value)])
    styles = {placeholder.style for placeholder in placeholders}
    groups = {placeholder.group for placeholder in placeholders}
    if len(styles) > 1 or (len(groups) > 1 and styles != {CONCAT}):
        raise TemplateError("one argument is built from two different templates")
    style = styles.pop()
    if style == PERCENT:
        return _percent_word(word.segments, quote)
    if style == FORMAT:
        return _format_word(word.segments, quote)
    if style == FSTRING:
        return _fstring_word(word.segments, quote)
    return _concat_word(word.segments, quote)


def _percent_word(segments: Sequence[Piece], quote: str) -> cst.BaseExpression:
    template = "".join(s.replace("%", "%%") if isinstance(s, str) else s.spec for s in segments)
    placeholders = [s for s in segments if isinstance(s, Placeholder)]
    if len(placeholders) == 1 and not placeholders[0].percent_tuple:
        values: cst.BaseExpression = _parenthesized_operand(placeholders[0].value)
    else:
        # Keep the tuple form: ``'%s' % value`` would unpack a tuple value.
        elements = [cst.Element(p.value) for p in placeholders]
        if len(elements) == 1:
            elements = [elements[0].with_changes(comma=cst.Comma())]
        values = cst.Tuple(elements)
    return cst.BinaryOperation(
        string_literal(template, quote),
        cst.Modulo(cst.SimpleWhitespace(" "), cst.SimpleWhitespace(" ")),
        values,
    )


def _format_word(segments: Sequence[Piece], quote: str) -> cst.BaseExpression:
    template = "".join(
        s.replace("{", "{{").replace("}", "}}") if isinstance(s, str) else "{" + s.spec + "}"
        for s in segments
    )
    values = [cst.Arg(s.value) for s in segments if isinstance(s, Placeholder)]
    return cst.Call(cst.Attribute(string_literal(template, quote), cst.Name("format")), values)


def _fstring_word(segments: Sequence[Piece], quote: str) -> cst.BaseExpression:
    parts: list[cst.BaseFormattedStringContent] = []
    for segment in segments:
        if isinstance(segment, str):
            text = escaped(segment, quote).replace("{", "{{").replace("}", "}}")
            parts.append(cst.FormattedStringText(text))
        else:
            assert segment.fstring_part is not None
            parts.append(segment.fstring_part)
    if any(
        quote in code_of(part) for part in parts if isinstance(part, cst.FormattedStringExpression)
    ):
        quote = '"' if quote == "'" else "'"
    return cst.FormattedString(parts, start=f"f{quote}", end=quote)


def _concat_word(segments: Sequence[Piece], quote: str) -> cst.BaseExpression:
    operands = [string_literal(s, quote) if isinstance(s, str) else s.value for s in segments]
    expression = operands[0]
    for operand in operands[1:]:
        expression = cst.BinaryOperation(
            expression,
            cst.Add(cst.SimpleWhitespace(" "), cst.SimpleWhitespace(" ")),
            _parenthesized_operand(operand),
        )
    return expression


def _parenthesized_operand(value: cst.BaseExpression) -> cst.BaseExpression:
    """Parentheses for a value that would otherwise bind differently next to ``%`` or ``+``."""
    atoms = (
        cst.Name,
        cst.Attribute,
        cst.Call,
        cst.Subscript,
        cst.SimpleString,
        cst.Integer,
        cst.Float,
        cst.Tuple,
    )
    if isinstance(value, atoms) or value.lpar:
        return value
    return value.with_changes(lpar=[cst.LeftParen()], rpar=[cst.RightParen()])
