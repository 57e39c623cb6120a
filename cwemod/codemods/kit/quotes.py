"""The module's quote style, and string literals written in it."""

from __future__ import annotations

import libcst as cst

from cwemod.codemods.base import nodes_of_type

SINGLE, DOUBLE = "'", '"'


def prevailing_quote(module: cst.Module, default: str = DOUBLE) -> str:
    """The quote most one-line strings of ``module`` use; ``default`` on a tie.

    A string that holds the other quote does not count, nor do
    triple-quoted strings (docstrings): their quote says
    nothing about how the module writes a short string. The default is
    black's, and a codemod whose published output differs passes its own.
    """
    strings = nodes_of_type(module, (cst.SimpleString, cst.FormattedString))
    quotes = [node.quote for node in strings if not _quotes_the_other(node)]
    singles, doubles = quotes.count(SINGLE), quotes.count(DOUBLE)
    if singles == doubles:
        return default
    return SINGLE if singles > doubles else DOUBLE


def _quotes_the_other(node: cst.SimpleString | cst.FormattedString) -> bool:
    """Does the string hold the other quote, which chose its quote for it (mlflow's
    ``'...the "mlflow" logger...'`` says nothing of the module's style)?"""
    if node.quote not in (SINGLE, DOUBLE):
        return False
    other = DOUBLE if node.quote == SINGLE else SINGLE
    if isinstance(node, cst.SimpleString):
        return other in node.raw_value
    return any(
        other in part.value for part in node.parts if isinstance(part, cst.FormattedStringText)
    )


def string_literal(text: str, quote: str = SINGLE) -> cst.SimpleString:
    """``text`` as a literal in ``quote``, or in the other quote when that spares escapes."""
    other = DOUBLE if quote == SINGLE else SINGLE
    if quote in text and other not in text:
        quote = other
    return cst.SimpleString(f"{quote}{escaped(text, quote)}{quote}")


def escaped(text: str, quote: str) -> str:
    """``text`` as it is written between ``quote`` characters."""
    out = []
    for char in text:
        if char == "\\":
            out.append("\\\\")
        elif char == quote:
            out.append("\\" + char)
        elif char.isprintable():
            out.append(char)
        else:
            out.append(repr(char)[1:-1])
    return "".join(out)
