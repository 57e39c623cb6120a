"""The items of a review: a CWE heading, numbered line or bold line and the text under it.

Lines come with their Markdown role (see _review_blocks); which item a line
belongs to is decided here, by the reviewer's habits rather than by strict
Markdown nesting: a heading-style item runs to the next heading, a list-style
item takes the lines indented under it, and a line after a blank line that
is not indented ends the item.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cwemod.reports._review_blocks import Line, Role
from cwemod.reports._review_text import CWE, cwe_ids, strip_emphasis

_LEADING_MARKER = re.compile(r"^\s*(?:[-*+]|\d+[.)])\s+")
_NUMBER = re.compile(
    r"^\s*(?:#{1,6}\s+)?(?:\*\*|__)?\s*(?:(?:finding|issue|item)\s*)?(\d+)[.):]", re.I
)
_CWE_FIRST = re.compile(r"^(?:\W*(?:finding|issue|item)?\s*\d+\s*[.):-])?\W*CWE[-_ ]?\d+", re.I)
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,24}?)\s*:\s*(?P<rest>.*)$")
_FILE_LINE = re.compile(
    r"^(?:(?:file|path|module)\s*:?\s*)?`?((?:[\w.-]+/)*[\w.-]+\.pyw?)`?\s*:?$", re.I
)
# The labels of an item's sub-items, and the part of the item each one starts.
_SECTION_OF_LABEL = {
    **dict.fromkeys(
        ("issue", "description", "problem", "details", "detail", "finding", "impact", "risk"),
        "message",
    ),
    "explanation": "message",
    **dict.fromkeys(
        ("solution", "fix", "recommendation", "remediation", "mitigation", "suggestion"),
        "solution",
    ),
    "suggested fix": "solution",
    **dict.fromkeys(
        ("location", "file", "path", "line", "lines", "symbol", "function", "method", "code"),
        "location",
    ),
}

# A paragraph outside any item, with the file named last before it.
Note = tuple[str, str | None]


@dataclass
class Item:
    number: str
    cwe: tuple[str, ...]
    title: str | None
    style: str  # "heading": body until the next heading; "list": indented body
    indent: int
    file: str | None
    message: list[str] = field(default_factory=list)
    solution: list[str] = field(default_factory=list)
    location: list[str] = field(default_factory=list)
    section: str = "message"

    def add(self, text: str) -> None:
        plain = strip_emphasis(text).strip()
        labelled = _LABEL.match(plain)
        section = (
            _SECTION_OF_LABEL.get(labelled.group("label").strip().lower()) if labelled else None
        )
        if section:
            self.section = section
            text = _after_label(text)
        getattr(self, self.section).append(text.strip())


def _after_label(text: str) -> str:
    """The text after ``**Issue**:`` or ``Issue:``, emphasis of the label removed."""
    match = re.match(r"^\W*[A-Za-z][A-Za-z ]{1,24}?\W*:\W*?(?=\S)", text)
    return text[match.end() :] if match else text


def read_items(lines: list[Line]) -> tuple[list[Item], list[Note]]:
    """The items of a review, and the paragraphs outside them."""
    parser = _Parser()
    for line in lines:
        parser.feed(line)
    return parser.close(), parser.notes


class _Parser:
    def __init__(self) -> None:
        self.file: str | None = None  # the file named by the latest "File:" line or heading
        self.item: Item | None = None
        self.items: list[Item] = []
        self.outside: list[str] = []  # the paragraph being read outside any item
        self.notes: list[Note] = []
        self.after_blank = False
        self.count = 0

    def feed(self, line: Line) -> None:
        if line.role is Role.CODE:
            # A code block (a suggested fix) is text of the item; its ``# comment`` no heading.
            if self.item is not None:
                getattr(self.item, self.item.section).append(line.content)
            return
        if line.role is Role.BLANK:
            self._end_paragraph()
            self.after_blank = True
            return
        if line.role is Role.HEADING:
            self._heading(line.content)
        elif line.role is Role.LIST_ITEM:
            self._list_item(line.line, line.indent, line.content)
        else:
            self._plain(line.line, line.indent)
        self.after_blank = False

    def close(self) -> list[Item]:
        self._end_paragraph()
        self._close_item()
        return self.items

    # -- line kinds ---------------------------------------------------------

    def _heading(self, text: str) -> None:
        self._close_item()
        if self._is_item_header(text, top_level=True):
            self._open_item(text, _LEADING_MARKER.sub("", text), "heading", 0)
        else:
            path = _file_line(text)
            self.file = path if path else self.file

    def _list_item(self, line: str, indent: int, text: str) -> None:
        item = self.item
        inside = item is not None and (item.style == "heading" or indent > item.indent)
        if self._is_item_header(text, top_level=indent <= 1 or not inside):
            self._close_item()
            self._open_item(line.strip(), text, "list", indent)
        elif inside:
            self._body(text)
        else:
            self._outside_items(text)

    def _plain(self, line: str, indent: int) -> None:
        text = line.strip()
        if _is_bold_line(text) and self._is_item_header(text, top_level=True):
            self._close_item()
            self._open_item(text, _LEADING_MARKER.sub("", text), "heading", 0)
            return
        item = self.item
        continues = item is not None and (
            item.style == "heading" or indent > item.indent or not self.after_blank
        )
        if continues:
            self._body(text)
            return
        self._outside_items(text)

    def _outside_items(self, text: str) -> None:
        """A line after the current item: a "File: path" line or closing prose."""
        self._close_item()
        path = _file_line(text)
        if path:
            self.file = path
        else:
            self.outside.append(text)

    def _body(self, text: str) -> None:
        # A paragraph about other CWEs inside an item (a closing remark after
        # the last heading-style item) is not part of that item.
        foreign = set(cwe_ids(text)) - set(self.item.cwe)
        if foreign and not set(cwe_ids(text)) & set(self.item.cwe):
            self.outside.append(text)
            self._end_paragraph()
            return
        self.item.add(text)

    # -- items ----------------------------------------------------------------

    def _is_item_header(self, text: str, top_level: bool) -> bool:
        plain = strip_emphasis(text).strip()
        if not CWE.search(plain):
            return False
        if _CWE_FIRST.match(plain):
            return True
        labelled = _LABEL.match(plain)
        if labelled and labelled.group("label").strip().lower() in _SECTION_OF_LABEL:
            return False
        return top_level

    def _open_item(self, header: str, text: str, style: str, indent: int) -> None:
        """``header`` is the whole line (its number counts), ``text`` that without a list marker."""
        self.count += 1
        number = _NUMBER.match(header)
        plain = strip_emphasis(text).strip()
        cwe = cwe_ids(plain)
        title, rest = _title_and_rest(plain)
        self.item = Item(
            number=number.group(1) if number else str(self.count),
            cwe=cwe,
            title=title,
            style=style,
            indent=indent,
            file=self.file,
        )
        if rest:
            self.item.add(rest)

    def _close_item(self) -> None:
        if self.item is not None:
            self.items.append(self.item)
            self.item = None

    def _end_paragraph(self) -> None:
        if self.outside:
            self.notes.append((" ".join(self.outside), self.file))
            self.outside = []


def _is_bold_line(text: str) -> bool:
    return bool(re.match(r"^(\*\*|__).+(\*\*|__)\s*:?$", text))


def _file_line(text: str) -> str | None:
    match = _FILE_LINE.match(strip_emphasis(text).strip())
    return match.group(1) if match else None


def _title_and_rest(header: str) -> tuple[str | None, str]:
    """``1. CWE-284 (Improper Access Control): text`` -> title and text."""
    header = re.sub(r"^\s*(?:(?:finding|issue|item)\s*)?\d+\s*[.):-]\s*", "", header, flags=re.I)
    match = re.match(
        r"^\W*CWE[-_ ]?\d+\s*(?:\((?P<paren>[^)]*)\)|[:\s–—-]*(?P<plain>[^:.]*))?"
        r"\s*[:.]?\s*(?P<rest>.*)$",
        header,
        re.I,
    )
    if match:
        title = (match.group("paren") or match.group("plain") or "").strip(" :–—-") or None
        if title and match.group("plain") and ("`" in title or len(title) > 80):
            # "CWE-78: `run()` passes ..." has no title; all of it is the issue.
            return None, header[match.start("plain") :].strip(" :–—-")
        return title, match.group("rest").strip()
    # "Improper Access Control (CWE-284): text"
    match = re.match(r"^(?P<title>[^(:]*?)\s*\(?CWE[-_ ]?\d+\)?\s*:?\s*(?P<rest>.*)$", header, re.I)
    if match:
        return (match.group("title").strip(" :–—-") or None), match.group("rest").strip()
    return None, header
