"""The block structure of a Markdown review, read by markdown-it-py: one role per source line.

The review reader keeps its own notion of items (a CWE heading, a numbered
line, a bold line), but which line is a heading, a list item, paragraph text
or code is markdown-it-py's answer. The reader then sees each line as
written, so that its text patterns (labels, backticks, cited lines) see what
the reviewer typed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from markdown_it import MarkdownIt

# Only the blocks a review's structure hangs on. Indented code, setext headings,
# block quotes, rules, link definitions and HTML blocks read as the text they look
# like: a reviewer indents and underlines freely, and quoted issue text is issue text.
_MARKDOWN = MarkdownIt("commonmark").disable(
    ["code", "lheading", "blockquote", "hr", "reference", "html_block", "inline", "text_join"],
    ignoreInvalid=True,  # text_join is new in markdown-it-py 3
)
_SPACES = re.compile(r"\s+")
# A list marker that CommonMark reads as paragraph text: "2." right after a paragraph
# (only "1." may interrupt one) or a marker indented past its list. Reviewers write both.
_LOOSE_MARKER = re.compile(r"\s*(?:[-*+]|\d+[.)])\s")
# A fence indented past its list right after text, which CommonMark reads as more text.
_LOOSE_FENCE = re.compile(r"\s*(`{3,}|~{3,})")


class Role(Enum):
    BLANK = "blank"
    HEADING = "heading"
    LIST_ITEM = "list item"  # the line that opens a list item, marker included
    TEXT = "text"  # paragraph text, or a line no block claims
    CODE = "code"  # a fenced code block, its fences included


@dataclass(frozen=True)
class Line:
    role: Role
    line: str  # as written, with runs of inner whitespace made one space
    content: str  # a heading's text without its #s, an item's text after its marker, else the line

    @property
    def indent(self) -> int:
        return len(self.line) - len(self.line.lstrip())


def review_lines(text: str) -> list[Line]:
    """Every line of ``text`` (split as ``str.splitlines`` does) with its role."""
    lines = [_one_space(line) for line in text.splitlines()]
    roles: list[tuple[Role, str] | None] = [None] * len(lines)
    for token in _MARKDOWN.parse("\n".join(lines)):
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "fence":
            for number in range(start, end):
                roles[number] = roles[number] or (Role.CODE, lines[number].strip())
        elif roles[start] is not None:
            continue  # a line opening a list item stays that, whatever else starts on it
        elif token.type == "list_item_open":
            roles[start] = _list_item(lines[start], token.info + token.markup)
        elif token.type == "heading_open":
            roles[start] = _heading(lines[start], token.markup)
    _loose_fences(lines, roles)
    return [_line(line, role) for line, role in zip(lines, roles, strict=True)]


def _loose_fences(lines: list[str], roles: list[tuple[Role, str] | None]) -> None:
    """Mark as code a fence that markdown-it read as text, up to its closing fence."""
    number = 0
    while number < len(lines):
        opening = _LOOSE_FENCE.match(lines[number]) if roles[number] is None else None
        number += 1
        if opening is None:
            continue
        roles[number - 1] = (Role.CODE, lines[number - 1].strip())
        while number < len(lines):
            closing = _LOOSE_FENCE.match(lines[number])
            roles[number] = (Role.CODE, lines[number].strip())
            number += 1
            if closing and closing.group(1).startswith(opening.group(1)):
                break


def _line(line: str, role: tuple[Role, str] | None) -> Line:
    if role is not None:
        return Line(role[0], line, role[1])
    if not line.strip():
        return Line(Role.BLANK, line, "")
    loose = _LOOSE_MARKER.match(line)
    if loose:
        return Line(Role.LIST_ITEM, line, line[loose.end() :].strip())
    return Line(Role.TEXT, line, line.strip())


def _list_item(line: str, marker: str) -> tuple[Role, str] | None:
    """An item with no text on its first line is that line's text ("-" alone)."""
    content = line.lstrip()[len(marker) :].strip()
    return (Role.LIST_ITEM, content) if content else None


def _heading(line: str, marker: str) -> tuple[Role, str] | None:
    """Heading text without a closing ``##``; a bare ``#`` or one indented as code is text."""
    content = line.lstrip()[len(marker) :]
    if not content[:1].isspace() or len(line) - len(line.lstrip(" ")) > 3:
        return None
    # String methods: a pattern for the closing #s backtracks badly on long lines.
    return Role.HEADING, content.strip().rstrip("#").rstrip()


def _one_space(line: str) -> str:
    """The line with each run of inner spaces made one: the reader's patterns may try every
    split of a long run, which a hostile review could make take hours. Indentation stays."""
    body = line.lstrip()
    return line[: len(line) - len(body)] + _SPACES.sub(" ", body).rstrip()
