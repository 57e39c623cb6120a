"""``silent-except``: the handler body, with the log line the fix adds."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst
from libcst.helpers import get_full_name_for_node

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import named_parameters


def messages(places: Sequence[str], then_continue: bool) -> list[str]:
    """The log messages for ``places`` (most precise first, the last ``""``: no place),
    in the order they are tried. Where the handler continues, every place with
    "; continuing", then every place without it: a named place outranks the suffix, which
    the ``continue`` under the log line says anyway (redfish's ``get_selection()``)."""
    texts = [f"Ignoring exception in {at}" if at else "Ignoring exception" for at in places]
    if not then_continue:
        return texts
    *named, nowhere = texts
    return [f"{text}; continuing" for text in named] + named + [f"{nowhere}; continuing", nowhere]


def silent_statement(body: cst.BaseSuite) -> cst.BaseSmallStatement | None:
    """The lone ``pass`` or ``continue`` that makes up a handler body, if it is one."""
    if isinstance(body, cst.IndentedBlock):
        if len(body.body) != 1 or not isinstance(body.body[0], cst.SimpleStatementLine):
            return None
        statements = body.body[0].body
    else:
        statements = body.body
    if len(statements) == 1 and isinstance(statements[0], (cst.Pass, cst.Continue)):
        return statements[0]
    return None


def with_log_line(body: cst.BaseSuite, log_line: cst.SimpleStatementLine) -> cst.IndentedBlock:
    if isinstance(body, cst.SimpleStatementSuite):
        # ``except Exception: pass`` on one line becomes an indented block.
        silent_line = cst.SimpleStatementLine(body.body)
        body = cst.IndentedBlock(body=[silent_line], header=body.trailing_whitespace)
    assert isinstance(body, cst.IndentedBlock)
    silent_line = body.body[0]
    assert isinstance(silent_line, cst.SimpleStatementLine)
    if isinstance(silent_line.body[0], cst.Pass):
        return body.with_changes(body=[silent_line.with_changes(body=log_line.body)])
    log_line = log_line.with_changes(leading_lines=silent_line.leading_lines)
    return body.with_changes(body=[log_line, silent_line.with_changes(leading_lines=())])


def aligned_keyword(call: cst.Call) -> cst.Call:
    """``LOG.debug('message',\n          exc_info=True)``: a second argument under the first."""
    if len(call.args) < 2:
        return call
    opening = len(f"{get_full_name_for_node(call.func)}(")
    comma = cst.Comma(
        whitespace_after=cst.ParenthesizedWhitespace(
            first_line=cst.TrailingWhitespace(),
            indent=True,
            last_line=cst.SimpleWhitespace(" " * opening),
        )
    )
    return call.with_changes(args=[call.args[0].with_changes(comma=comma), *call.args[1:]])


def decorator_index(enclosing: Sequence[cst.CSTNode], index: int) -> int | None:
    """Where ``enclosing[index]`` is a decorator's wrapper, the index of the decorator: the
    function around it that returns it and whose parameter it calls (kobo's
    ``log_call(function)``, whose ``_new_function()`` calls ``function(request, ...)``), or
    the factory that returns that one in turn (``audited(kind)`` returns ``decorator``).
    None for any other function (a closure ``make_counter()`` returns calls nothing given)."""
    inner, outer = enclosing[index], enclosing[index - 1] if index else None
    if not (isinstance(inner, cst.FunctionDef) and isinstance(outer, cst.FunctionDef)):
        return None
    calls = m.findall(inner.body, m.Call(func=m.Name()))
    called = {call.func.value for call in calls}  # type: ignore[attr-defined]
    if not (_returns(outer, inner) and _parameter_names(outer) & called):
        return None
    at = index - 1
    while at and _returns(enclosing[at - 1], enclosing[at]):
        at -= 1
    return at


def _returns(outer: cst.CSTNode, inner: cst.CSTNode) -> bool:
    """Is ``outer`` a function a statement of whose own body returns ``inner`` by its name?"""
    if not (isinstance(outer, cst.FunctionDef) and isinstance(inner, cst.FunctionDef)):
        return False
    returned = m.SimpleStatementLine([m.Return(value=m.Name(inner.name.value))])
    return any(m.matches(line, returned) for line in outer.body.body)


def _parameter_names(function: cst.FunctionDef) -> set[str]:
    return {p.name.value for p in named_parameters(function.params)}
