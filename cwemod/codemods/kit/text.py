"""Text tests on a module's source, before any parse: where a name is written."""

from __future__ import annotations

import keyword
import re
from collections.abc import Collection, Iterable, Iterator


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


def word_matches(pattern: re.Pattern[str], source: str) -> Iterator[re.Match[str]]:
    """The matches of ``pattern`` (which starts with a word) that start a word in ``source``.

    The pattern's ``\\b`` or ``(?<!\\w)``, checked here: written in it, ``re``
    cannot skip ahead to the literal and tries every position of the
    source, 20 times slower on a large module.
    """
    for found in pattern.finditer(source):
        if not _in_name(source, found.start() - 1):
            yield found


def lines_around(text: str, pattern: re.Pattern[str]) -> list[str]:
    """Each line where ``pattern`` matches, without its newline nor a comment at its end
    (superset's ``import logging  # noqa: E402``)."""
    lines = []
    for match in pattern.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        lines.append(text[start : len(text) if end < 0 else end].partition("#")[0].rstrip())
    return lines


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


# What follows a name that is called, or bound by an import ``as``: ``f(``, ``(f)(``.
CALLED_OR_BOUND = ("(", ")", "as")


def written_after(source: str, name: str, words: tuple[str, ...]) -> bool:
    """Is ``name`` written as a whole word right after one of ``words`` (past spaces)?

    ``words`` are keywords or names (whole words) or punctuation; spaces
    and line continuations may come between.
    """
    for end in name_ends(source, name):
        before = _before_spaces(source, end - len(name)) + 1
        for word in words:
            start = before - len(word)
            if start >= 0 and source.startswith(word, start):
                if not (word[0].isalpha() and _in_name(source, start - 1)):
                    return True
    return False


def may_import(source: str, modules: Iterable[str]) -> bool:
    """May ``source`` import one of ``modules`` (top-level names)?

    An import writes the module's name right after ``import``, ``from`` or a
    comma (``import os, random``).
    """
    return any(written_after(source, module, ("import", "from", ",")) for module in modules)


def dotted_tail_imported(source: str, name: str) -> bool:
    """Is ``name`` written as the last part of a dotted name that may end an import?

    ``import pkg.name`` binds ``pkg``, which then stands for ``name`` in a
    callee's name as :func:`~cwemod.codemods.base.imported_tails` reads it:
    ``.name`` followed by the end of a line or of the source, ``,``, ``;``,
    ``)``, a comment or a backslash.
    """
    for end in name_ends(source, name):
        dot = _before_spaces(source, end - len(name))
        after = _past_line_spaces(source, end)
        if (dot >= 0 and source[dot] == ".") and (
            after == len(source) or source[after] in "\n\r,;)#\\"
        ):
            return True
    return False


def called_on_a_name(source: str, method: str, names: Collection[str] | None = None) -> bool:
    """May ``method`` be called on a plain name (``x.method(``), or on ``super()``?

    ``names``: the plain names that count (None: any). False only where
    every call of ``method`` (a whole word followed by ``(``) is on another
    name, an attribute (``x.y.method(``), a call's result (``f(x).method(``)
    or on no receiver at all. What this cannot tell (a receiver in
    brackets, on another line, a comment, a string or a backslash near
    it) counts.
    """
    for end in name_ends(source, method):
        if not source.startswith(("(", ")", "#", "\\"), past_spaces(source, end)):
            continue
        dot = _before_spaces(source, end - len(method))
        if dot >= 0 and source[dot] in "\n\r\\":
            return True  # the receiver and its dot may be on the line above
        if dot < 0 or source[dot] != ".":
            continue  # a plain call: no method
        receiver = _before_spaces(source, dot)
        if receiver >= 0 and source[receiver] == ")":
            if _called_by_name(source, receiver) in (None, "super"):
                return True  # ``super()``, or ``(x)``: not told
            continue
        if receiver < 0 or not _in_name(source, receiver):
            return True  # ``x[0]``, a line end...: not told
        name_end = receiver + 1
        while _in_name(source, receiver):
            receiver -= 1
        above = _before_spaces(source, receiver + 1)
        if (above < 0 or source[above] != ".") and (
            names is None or source[receiver + 1 : name_end] in names
        ):
            return True
    return False


def parameter_names(source: str) -> set[str] | None:
    """Every identifier written in the parameter list of a ``def``: the parameters and more.

    None when a list cannot be read by brackets alone (a string or a
    comment in it), or a ``def`` is not written ``def name(``.
    """
    headers = list(_DEF_HEADER.finditer(source))
    if len(headers) != sum(1 for _ in name_ends(source, "def")):
        return None
    names: set[str] = set()
    for header in headers:
        close = _closing(source, header.end())
        if close is None:
            return None
        names.update(_IDENTIFIER.findall(source, header.end(), close))
    return names


_DEF_HEADER = re.compile(r"\bdef[ \t]+\w+[ \t]*\(")
_IDENTIFIER = re.compile(r"[A-Za-z_]\w*")


def bracket_depths(
    source: str, start: int, backwards: bool = False, unreadable: str = "'\"#"
) -> Iterator[tuple[int, int | None]]:
    """Each index from ``start`` on, with the brackets the text from ``start`` to it opens.

    Backwards, closing brackets open. It ends with ``(index, None)`` at a
    character of ``unreadable`` (a string or a comment, whose brackets do
    not count: where the text goes from there cannot be read this way).
    """
    opening, closing = (")]}", "([{") if backwards else ("([{", ")]}")
    depth = 0
    for at in range(start, -1, -1) if backwards else range(start, len(source)):
        character = source[at]
        if character in unreadable:
            yield at, None
            return
        if character in opening:
            depth += 1
        elif character in closing:
            depth -= 1
        yield at, depth


def bracketed_end(source: str, start: int) -> int | None:
    """Just after the bracket that closes the one at ``start``; None when not told simply.

    One-line plain strings are skipped; any other string, a comment or a
    backslash gives up.
    """
    closing = {"(": ")", "[": "]", "{": "}"}
    expected: list[str] = []
    at = start
    while at < len(source):
        char = source[at]
        if char in closing:
            expected.append(closing[char])
        elif char in ")]}":
            if not expected or expected.pop() != char:
                return None
            if not expected:
                return at + 1
        elif char in "'\"":
            at = _string_end(source, at)
            if at is None:
                return None
            continue
        elif char in "#\\":
            return None
        at += 1
    return None


def _string_end(source: str, start: int) -> int | None:
    """The end of the one-line string literal at ``start``; None for any other.

    Not f-strings nor t-strings (from Python 3.12 their fields may hold the
    same quotes), triple-quoted strings, escapes.
    """
    quote = source[start]
    prefix = _PREFIX.search(source, max(0, start - 2), start).group().lower()
    if source.startswith(quote * 3, start) or "f" in prefix or "t" in prefix:
        return None
    end = source.find(quote, start + 1)
    if end < 0 or "\\" in source[start:end] or "\n" in source[start:end]:
        return None
    return end + 1


_PREFIX = re.compile(r"[A-Za-z]*\Z")  # the letters just before a quote: a string's prefix


def _closing(source: str, start: int) -> int | None:
    """The index of the ``)`` that closes the ``(`` just before ``start``; None if not told."""
    for at, depth in bracket_depths(source, start):
        if depth is None:
            return None
        if depth < 0:
            return at
    return None


def _called_by_name(source: str, close: int) -> str | None:
    """The name called by the parentheses that close at ``close``: ``f`` in ``f(x)``.

    ``""`` for a call of a call's or a subscript's result (``f(x)(y)``,
    ``x[0](y)``); None when they may only group (``(x)``) or cannot be told.
    """
    # The first index at no depth: the opening bracket, or a string or a comment (None).
    at, depth = next(
        ((at, depth) for at, depth in bracket_depths(source, close, backwards=True) if not depth),
        (close, None),
    )
    if depth is None or source[at] != "(":
        return None
    before = _before_spaces(source, at)
    if before >= 0 and source[before] in ")]":
        return ""
    if before < 0 or not _in_name(source, before):
        return None
    name_end = before + 1
    while _in_name(source, before):
        before -= 1
    name = source[before + 1 : name_end]
    return None if keyword.iskeyword(name) else name


def past_spaces(source: str, at: int) -> int:
    """Where the spaces and line ends from ``at`` stop."""
    return _SPACE.match(source, at).end()


_SPACE = re.compile(r"\s*")


def _past_line_spaces(source: str, at: int) -> int:
    """Where the spaces and tabs from ``at`` stop (a line end stops them)."""
    while at < len(source) and source[at] in " \t":
        at += 1
    return at


def _before_spaces(source: str, at: int) -> int:
    """The index of the last character before ``at`` that is no space, tab or line continuation.

    A backslash ends a line that continues only where no ``#`` on that line
    may have made it part of a comment; -1 when nothing is left.
    """
    at -= 1
    while at >= 0:
        if source[at] in " \t":
            at -= 1
            continue
        backslash = at - 2 if source[at - 1 : at + 1] == "\r\n" else at - 1
        if source[at] == "\n" and backslash >= 0 and source[backslash] == "\\":
            line_start = source.rfind("\n", 0, backslash) + 1
            if "#" not in source[line_start:backslash]:
                at = backslash - 1
                continue
        return at
    return at


def _in_name(source: str, at: int) -> bool:
    return 0 <= at < len(source) and (source[at].isalnum() or source[at] == "_")


# ``from sentry_sdk.utils import (\n    capture_internal_exceptions,\n    logger,\n)``: the
# module and the names, in brackets over several lines or on one line.
_FROM_IMPORT_NAMES = re.compile(r"from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]*(\([^)]*\)|[^\n]*)")


def from_imports(text: str, indented: bool = False) -> Iterator[tuple[str, str, str]]:
    """``(module as written, name, name bound)`` of each name a ``from ... import`` at a
    line's start imports (nor a word ending "from"); ``indented``: in a block too."""
    for match in _FROM_IMPORT_NAMES.finditer(text):
        line_start = text.rfind("\n", 0, match.start()) + 1
        before = text[line_start : match.start()]
        if before and not (indented and before.isspace()):
            continue
        for name in re.sub(r"#[^\n]*", "", match[2]).strip("()").split(","):
            source, _, alias = name.partition(" as ")
            yield match[1], source.strip(), (alias or source).strip()
