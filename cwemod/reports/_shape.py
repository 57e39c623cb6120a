"""Typed access to a JSON report, so that every wrong shape names its field.

The SARIF and Bandit readers read every field they use through :class:`Node`,
and a field of the wrong shape raises :class:`MalformedReport` with its path,
e.g. ``runs[0].results[3].locations[0].physicalLocation.artifactLocation is
not an object``. The rules, the same for every field:

- Absent and JSON ``null`` are the same: the field is not there. That is fine
  unless the format requires the field ("results[0] has no filename").
- A field that is there must have the type the format defines: a string, an
  integer (``true`` is not one), a list, an object; each entry of a list or
  map too. Nothing is coerced and nothing is skipped silently.
- Only what a format leaves to each tool is read best-effort: the entries of a
  SARIF property bag other than ``tags`` are used when they are text and
  ignored otherwise, as the format gives them no shape to check.
- Line numbers are integers from 1 to MAX_LINE. A larger one is an error, not
  a line out of range: no file has that many lines, so the report is wrong.
- A line range never yields more than LINE_SPAN + 1 lines, and a finding keeps
  at most MAX_LINES line hints, however large the range a report states.

:func:`load_json` bounds what parsing itself may cost: more than
MAX_VALUES values are refused before parsing, nesting deeper
than Python's recursion limit is "JSON nested too deeply", and an integer of more
than MAX_DIGITS digits is read as a :class:`HugeInteger`, which the accessors
reject where an integer is expected ("... is too large") and which costs
nothing where no one looks.
"""

from __future__ import annotations

import json
import re
from typing import Any

from cwemod.reports.model import MalformedReport

MAX_LINE = 10_000_000  # the largest line number a report may state
LINE_SPAN = 200  # a range is followed this many lines past its start, no further
MAX_LINES = 400  # line hints kept per finding
MAX_DIGITS = 30  # longer integers are never indexes, lines or CWE ids
MAX_CWE_DIGITS = 9
# JSON values a report may hold, counted as commas, "[" and "{" (those in strings
# count too): a real report of 10,000 findings has a few hundred thousand. A 50 MiB
# report of 17 million empty lists took 1.4 GB to parse, one of 10 million short
# strings 0.9 GB; this bounds the memory parsing may take to about 0.3 GB.
MAX_VALUES = 3_000_000

_MEMBER_NAME = re.compile(r"[A-Za-z_$][\w$/-]{0,63}")


class HugeInteger:
    """An integer of a JSON report too long to be worth converting."""

    def __init__(self, text: str) -> None:
        self.digits = len(text.lstrip("-"))

    def __repr__(self) -> str:
        return f"<integer of {self.digits} digits>"


def load_json(text: str) -> Any:
    if text.count(",") + text.count("[") + text.count("{") > MAX_VALUES:
        raise MalformedReport(f"more than {MAX_VALUES:,} JSON values: too large a report to read")
    try:
        return json.loads(text, parse_int=_bounded_int)
    except json.JSONDecodeError as error:
        where = f"line {error.lineno} column {error.colno}"
        raise MalformedReport(f"invalid JSON at {where}: {error.msg}") from None
    except RecursionError:
        raise MalformedReport("JSON nested too deeply") from None


def _bounded_int(text: str) -> int | HugeInteger:
    return HugeInteger(text) if len(text) > MAX_DIGITS else int(text)


def line_span(start: int, end: int) -> range:
    """Lines ``start..end``, cut at LINE_SPAN lines past ``start``."""
    return range(start, min(end, start + LINE_SPAN) + 1)


def cwe_name(digits: str) -> str | None:
    """``"0079"`` -> ``"CWE-79"``; None for a number too long to be a CWE id."""
    significant = digits.lstrip("0") or "0"
    if len(significant) > MAX_CWE_DIGITS or not significant.isdecimal():
        return None
    return f"CWE-{int(significant)}"


def line_in_text(digits: str) -> int | None:
    """A line number written in prose, or None when it cannot be one."""
    if len(digits) > MAX_DIGITS or not digits.isdecimal():
        return None
    number = int(digits)
    return number if 1 <= number <= MAX_LINE else None


def shown(value: Any) -> str:
    """A value quoted in an error message: one short line."""
    return f"{value!r:.60}"


class Node:
    """A JSON object of a report and where it is, e.g. ``runs[0].results[3]``."""

    __slots__ = ("value", "where")

    def __init__(self, value: dict, where: str) -> None:
        self.value = value
        self.where = where

    @classmethod
    def of(cls, value: Any, where: str) -> Node:
        if not isinstance(value, dict):
            raise MalformedReport(f"{where} is not an object")
        return cls(value, where)

    def field(self, key: str) -> str:
        """The path of ``key`` in this object, kept to one short line."""
        if _MEMBER_NAME.fullmatch(key):
            return f"{self.where}.{key}" if self.where else key
        return f"{self.where}[{shown(key)}]"

    def _get(self, key: str, required: bool) -> Any:
        value = self.value.get(key)
        if value is None and required:
            raise MalformedReport(f"{self.where or 'the report'} has no {key}")
        return value

    def get_object(self, key: str, required: bool = False) -> Node | None:
        value = self._get(key, required)
        return None if value is None else Node.of(value, self.field(key))

    def get_list(self, key: str, required: bool = False) -> list | None:
        value = self._get(key, required)
        if value is not None and not isinstance(value, list):
            raise MalformedReport(f"{self.field(key)} is not a list")
        return value

    def get_objects(self, key: str, required: bool = False) -> list[Node]:
        where = self.field(key)
        items = self.get_list(key, required) or []
        return [Node.of(item, f"{where}[{index}]") for index, item in enumerate(items)]

    def get_str(self, key: str, required: bool = False) -> str | None:
        value = self._get(key, required)
        return None if value is None else _string(value, self.field(key))

    def get_strs(self, key: str) -> list[str]:
        where = self.field(key)
        return [
            _string(item, f"{where}[{index}]")
            for index, item in enumerate(self.get_list(key) or [])
        ]

    def get_int(self, key: str, required: bool = False) -> int | None:
        value = self._get(key, required)
        return None if value is None else _integer(value, self.field(key))

    def get_line(self, key: str, required: bool = False) -> int | None:
        value = self._get(key, required)
        return None if value is None else _line(value, self.field(key))

    def get_lines(self, key: str) -> list[int]:
        where = self.field(key)
        return [
            _line(item, f"{where}[{index}]") for index, item in enumerate(self.get_list(key) or [])
        ]

    def get_object_map(self, key: str) -> dict[str, Node]:
        """An object whose every member is an object (SARIF ``messageStrings``)."""
        holder = self.get_object(key)
        if holder is None:
            return {}
        return {name: Node.of(value, holder.field(name)) for name, value in holder.value.items()}

    def get_str_map(self, key: str) -> dict[str, str]:
        """An object whose every member is a string (SARIF ``partialFingerprints``)."""
        holder = self.get_object(key)
        if holder is None:
            return {}
        return {name: _string(value, holder.field(name)) for name, value in holder.value.items()}


EMPTY = Node({}, "")


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str):
        raise MalformedReport(f"{where} is not a string")
    return value


def _integer(value: Any, where: str) -> int:
    if isinstance(value, HugeInteger):
        raise MalformedReport(f"{where} is too large ({value.digits} digits)")
    if isinstance(value, bool) or not isinstance(value, int):
        raise MalformedReport(f"{where} is not an integer")
    return value


def _line(value: Any, where: str) -> int:
    if isinstance(value, HugeInteger) or (isinstance(value, int) and value > MAX_LINE):
        raise MalformedReport(f"{where} is too large for a line number (over {MAX_LINE})")
    if isinstance(value, bool) or not isinstance(value, int) or value < 1:
        raise MalformedReport(f"{where} is not a positive integer")
    return value
