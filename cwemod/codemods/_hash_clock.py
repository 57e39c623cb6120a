"""A digest of the clock (planemo's Galaxy ``id_secret``, ``md5(str(time.time()))``).

Where such a digest is a secret, no stronger hash helps: whoever knows about when it was
made can try each moment. The advice there is a random secret.
"""

from __future__ import annotations

from collections.abc import Callable

import libcst as cst

# What reads the clock, by qualified name.
CLOCK_CALLS = frozenset(
    {
        "time.time",
        "time.time_ns",
        "time.monotonic",
        "time.perf_counter",
        "time.ctime",
        "time.localtime",
        "time.gmtime",
        "datetime.datetime.now",
        "datetime.datetime.utcnow",
        "datetime.datetime.today",
        "datetime.date.today",
    }
)
# What turns a value into text, or a time into a number or text, and adds nothing to guess.
_TEXT_FUNCTIONS = frozenset({"str", "repr", "int", "float", "bytes", "format"})
_TEXT_METHODS = frozenset(
    {"encode", "format", "isoformat", "strftime", "timestamp", "hex", "join", "zfill"}
)


def clock_read(data: list[cst.Arg], names_of: Callable[[cst.BaseExpression], set[str]]) -> str:
    """The clock's reading (``time.time``) that is all ``data`` hashes, beside literal text
    and conversions to text; "" where the arguments hold anything else or no clock."""
    found: list[str] = []
    if data and all(_only_clock(arg.value, names_of, found) for arg in data) and found:
        return found[0]
    return ""


def _only_clock(
    value: cst.BaseExpression,
    names_of: Callable[[cst.BaseExpression], set[str]],
    found: list[str],
) -> bool:
    parts: list[cst.BaseExpression]
    if isinstance(value, (cst.SimpleString, cst.Integer, cst.Float)):
        return True
    if isinstance(value, cst.Call):
        clock = sorted(names_of(value.func) & CLOCK_CALLS)
        if clock:
            found.append(clock[0])
            return True
        func = value.func
        if isinstance(func, cst.Attribute) and func.attr.value in _TEXT_METHODS:
            parts = [func.value, *(arg.value for arg in value.args)]
        elif isinstance(func, cst.Name) and func.value in _TEXT_FUNCTIONS:
            parts = [arg.value for arg in value.args]
        else:
            return False
    elif isinstance(value, cst.BinaryOperation):
        parts = [value.left, value.right]
    elif isinstance(value, cst.FormattedString):
        parts = [
            part.expression
            for part in value.parts
            if isinstance(part, cst.FormattedStringExpression)
        ]
    else:
        return False
    return all(_only_clock(part, names_of, found) for part in parts)
