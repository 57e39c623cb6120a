"""Reasons on one line: code a reason quotes, collapsed and shortened."""

from __future__ import annotations

import re

_SPACES = re.compile(r"\s+")
_OPENING, _CLOSING = "([{", ")]}"
_LONG_GROUP = 40  # a bracket group that spanned lines and holds more shows as (...)


def one_line(text: str) -> str:
    """``text`` (a reason, which may quote code) on one line.

    Code quoted across lines is collapsed: each run of whitespace becomes one
    space, with none inside a bracket's edges and no trailing comma before
    it; a bracket group that spanned lines and holds more than 40
    characters shows as ``(...)`` (``super().create(...)``).
    """
    if "\n" not in text and "\r" not in text:
        return text
    return _SPACES.sub(" ", _shortened(text)).strip()


def _shortened(text: str) -> str:
    """``text`` with each outermost bracket group that spans lines collapsed or elided."""
    out: list[str] = []
    start = depth = 0
    for index, char in enumerate(text):
        if char in _OPENING:
            if depth == 0:
                out.append(text[start : index + 1])
                start = index + 1
            depth += 1
        elif char in _CLOSING and depth:
            depth -= 1
            if depth == 0:
                out.append(_group(text[start:index]))
                start = index
    out.append(text[start:])  # what follows the last group (all of an unbalanced one's rest)
    return "".join(out)


def _group(inside: str) -> str:
    """The inside of one bracket group, collapsed when it spans lines; ``...`` when long."""
    if "\n" not in inside and "\r" not in inside:
        return inside
    inner = _SPACES.sub(" ", _shortened(inside)).strip().removesuffix(",")
    inner = re.sub(r"([(\[{]) | ([)\]}])", r"\1\2", inner)
    return "..." if len(inner) > _LONG_GROUP else inner
