"""Text tests on a module's source, before any parse: where a name is written."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator


def name_ends(source: str, name: str) -> Iterator[int]:
    """Where each occurrence of ``name`` as a whole word ends in ``source``.

    A word is not part of a longer identifier (``popen`` is not in ``Popen3``
    nor ``my_popen``). For ASCII sources, where an identifier is spelled
    only one way; a caller decides what to do with others.
    """
    start = source.find(name)
    while start >= 0:
        end = start + len(name)
        if not (_in_name(source, start - 1) or _in_name(source, end)):
            yield end
        start = source.find(name, start + 1)


def has_name(source: str, names: Iterable[str]) -> bool:
    """Is any of ``names`` written as a whole word in ``source``?"""
    return any(next(name_ends(source, name), None) is not None for name in names)


def name_then(source: str, names: Iterable[str], followers: tuple[str, ...]) -> bool:
    """Is any of ``names`` written as a whole word, followed (past spaces) by one of ``followers``?

    A comment or a backslash after the name counts too: what comes after
    them cannot be told here.
    """
    followers = (*followers, "#", "\\")
    return any(
        source.startswith(followers, past_spaces(source, end))
        for name in names
        for end in name_ends(source, name)
    )


def past_spaces(source: str, at: int) -> int:
    """Where the spaces and line ends from ``at`` stop."""
    return _SPACE.match(source, at).end()


_SPACE = re.compile(r"\s*")


def _in_name(source: str, at: int) -> bool:
    return 0 <= at < len(source) and (source[at].isalnum() or source[at] == "_")
