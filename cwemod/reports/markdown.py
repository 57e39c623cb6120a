"""LLM security reviews written in Markdown.

The shape this reader expects is the one LLM reviewers produce: items headed
by a CWE id and name (numbered, ``###`` headings or bold lines), each with
``Issue``/``Solution`` sub-items that name code in backticks
(``_fip_port_lock()``, ``Class.method``) and cite lines in many forms
("line 110", "(line 178)", "lines 305-307", "line 114, 129, 132").

One finding is produced per located symbol of an item, so an item that
names ``create()`` and ``_delete()`` becomes ``#2.1`` and ``#2.2``, each with
the line cited beside it. Items that state no defect ("doesn't seem to be",
"cannot be determined") are kept, marked ``states_no_defect``, as is each CWE
a closing paragraph calls not applicable.

A review is prose, not a schema, so nothing in it is rejected: a line cited
beyond _shape.MAX_LINE is no line, a range wider than LINE_SPAN gives its
first line, and a finding keeps at most MAX_LINES line hints. Inner runs of
whitespace are made one space before any pattern sees a line, so that no
pattern backtracks over a long run: reading stays linear in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from cwemod.reports._shape import LINE_SPAN, MAX_LINES, cwe_name, line_in_text
from cwemod.reports.model import Finding

TOOL = "llm-review"

_HEADING = re.compile(r"^ {0,3}#{1,6}\s+(.*)$")
_LIST_ITEM = re.compile(r"^(\s*)(?:[-*+]|\d+[.)])\s+(.*)$")
_NUMBER = re.compile(r"^\s*(?:#{1,6}\s+)?(?:\*\*|__)?\s*(?:(?:finding|issue|item)\s*)?(\d+)[.):]", re.I)
_CWE = re.compile(r"\bCWE[-_ ]?(\d+)\b", re.I)
_CWE_FIRST = re.compile(r"^(?:\W*(?:finding|issue|item)?\s*\d+\s*[.):-])?\W*CWE[-_ ]?\d+", re.I)
_EMPHASIS = re.compile(r"\*\*|(?<!\w)__|__(?!\w)|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
_LABEL = re.compile(r"^(?P<label>[A-Za-z][A-Za-z ]{1,24}?)\s*:\s*(?P<rest>.*)$")
_PATH = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.pyw?)(?::(\d+))?(?![\w/])")
_FILE_LINE = re.compile(r"^(?:(?:file|path|module)\s*:?\s*)?`?((?:[\w.-]+/)*[\w.-]+\.pyw?)`?\s*:?$", re.I)
_SPACES = re.compile(r"\s+")
_BACKTICKED = re.compile(r"`([^`\n]+)`")
_SYMBOL = re.compile(r"^(?:(?:self|cls)\.)?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(\(.*\))?$")
_LINES = re.compile(
    r"(?:\blines?\b\s*:?\s*|#?\bL(?=\d))"
    r"(\d+(?:\s*(?:-|–|to)\s*\d+)?(?:\s*(?:,|and|&|or)\s*\d+(?:\s*(?:-|–|to)\s*\d+)?)*)",
    re.I,
)
_LINE_BESIDE = re.compile(
    r"^\s*(?:(?:method|function|class|call)\s*)?[(,]?\s*(?:at\s+|on\s+|in\s+)?(?:lines?\s*:?\s*|L)(\d+)",
    re.I,
)
_KIND_AFTER = re.compile(r"^\s*(?:method|function|class)\b", re.I)
_KIND_BEFORE = re.compile(r"\b(?:method|function|class|def)\s*$", re.I)
_IN_BEFORE = re.compile(r"\b(?:in|inside|within)\s*$", re.I)

# Phrases by which a reviewer says there is nothing to fix. They are anchored
# ("there doesn't seem to be") so that "the input doesn't seem to be
# validated", which does report a defect, is not read as a non-finding.
_NO_DEFECT = re.compile(
    r"there\s+(?:doesn't|does not)\s+(?:seem|appear)\s+to\s+be"
    r"|there\s+(?:isn't|is not|aren't|are not)\s+(?:an?\s+|any\s+)?(?:obvious\s+|apparent\s+|clear\s+)?"
    r"(?:defect|issue|vulnerabilit|problem|weakness)"
    r"|there\s+is\s+no\s+(?:obvious\s+|apparent\s+|clear\s+)?(?:defect|issue|vulnerabilit|problem|weakness)"
    r"|\bno\s+(?:obvious\s+|apparent\s+|specific\s+)?(?:defects?|issues?|vulnerabilit\w+|problems?)"
    r"\s+(?:\w+\s+){0,2}(?:found|identified|apparent|evident|detected)"
    r"|\b(?:cannot|can't|could not|couldn't)\s+be\s+(?:determined|identified|assessed)"
    r"|\b(?:don't|do not|doesn't|does not)\s+apply\b"
    r"|\bnot\s+applicable\b",
    re.I,
)

_MESSAGE_LABELS = {"issue", "description", "problem", "details", "detail", "finding", "impact", "risk", "explanation"}
_SOLUTION_LABELS = {"solution", "fix", "recommendation", "remediation", "mitigation", "suggested fix", "suggestion"}
_LOCATION_LABELS = {"location", "file", "path", "line", "lines", "symbol", "function", "method", "code"}


@dataclass
class _Item:
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
        plain = _strip_emphasis(text).strip()
        labelled = _LABEL.match(plain)
        if labelled:
            label = labelled.group("label").strip().lower()
            if label in _MESSAGE_LABELS | _SOLUTION_LABELS | _LOCATION_LABELS:
                self.section = (
                    "message" if label in _MESSAGE_LABELS else "solution" if label in _SOLUTION_LABELS else "location"
                )
                text = _after_label(text)
        getattr(self, self.section).append(text.strip())


def _one_space(line: str) -> str:
    """The line with each run of inner spaces made one: the patterns below may try every
    split of a long run, which a hostile review could make take hours. Indentation stays."""
    body = line.lstrip()
    return line[: len(line) - len(body)] + _SPACES.sub(" ", body).rstrip()


def _after_label(text: str) -> str:
    """The text after ``**Issue**:`` or ``Issue:``, emphasis of the label removed."""
    match = re.match(r"^\W*[A-Za-z][A-Za-z ]{1,24}?\W*:\W*?(?=\S)", text)
    return text[match.end():] if match else text


def _strip_emphasis(text: str) -> str:
    """Drop bold and italic markers outside backticks (code keeps its underscores)."""
    parts = re.split(r"(`[^`\n]*`)", text)
    return "".join(part if part.startswith("`") else _EMPHASIS.sub("", part) for part in parts)


def _cwe_ids(text: str) -> tuple[str, ...]:
    names = (cwe_name(number) for number in _CWE.findall(text))
    return tuple(dict.fromkeys(name for name in names if name))


class _Parser:
    def __init__(self, report: str) -> None:
        self.report = report
        self.file: str | None = None  # the file named by the latest "File:" line or heading
        self.item: _Item | None = None
        self.items: list[_Item] = []
        self.outside: list[str] = []  # the paragraph being read outside any item
        self.notes: list[tuple[str, str | None]] = []  # paragraphs outside items, with the file then named
        self.after_blank = False
        self.count = 0
        self.fence: str | None = None  # the ``` or ~~~ of an open code block

    def feed(self, line: str) -> None:
        line = _one_space(line)
        if self._in_code_block(line):
            return
        if not line.strip():
            self._end_paragraph()
            self.after_blank = True
            return
        heading = _HEADING.match(line)
        listed = _LIST_ITEM.match(line)
        indent = len(line) - len(line.lstrip())
        if heading:
            self._heading(_heading_text(heading.group(1)))
        elif listed:
            self._list_item(line, len(listed.group(1)), listed.group(2))
        else:
            self._plain(line, indent)
        self.after_blank = False

    def _in_code_block(self, line: str) -> bool:
        """Code blocks (a suggested fix) are text of the item; a ``# comment`` there is no heading."""
        marker = re.match(r"^\s*(`{3,}|~{3,})", line)
        if self.fence is None and not marker:
            return False
        if self.fence is None:
            self.fence = marker.group(1)
        elif marker and marker.group(1).startswith(self.fence):
            self.fence = None
        if self.item is not None:
            getattr(self.item, self.item.section).append(line.strip())
        return True

    def close(self) -> list[_Item]:
        self._end_paragraph()
        self._close_item()
        return self.items

    # -- line kinds ---------------------------------------------------------

    def _heading(self, text: str) -> None:
        self._close_item()
        if self._is_item_header(text, top_level=True):
            self._open_item(text, "heading", 0)
        else:
            path = _file_line(text)
            self.file = path if path else self.file

    def _list_item(self, line: str, indent: int, text: str) -> None:
        item = self.item
        inside = item is not None and (item.style == "heading" or indent > item.indent)
        if self._is_item_header(text, top_level=indent <= 1 or not inside):
            self._close_item()
            self._open_item(line.strip(), "list", indent)
        elif inside:
            self._body(text)
        else:
            self._outside_items(text)

    def _plain(self, line: str, indent: int) -> None:
        text = line.strip()
        if _is_bold_line(text) and self._is_item_header(text, top_level=True):
            self._close_item()
            self._open_item(text, "heading", 0)
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
        foreign = set(_cwe_ids(text)) - set(self.item.cwe)
        if foreign and not set(_cwe_ids(text)) & set(self.item.cwe):
            self.outside.append(text)
            self._end_paragraph()
            return
        self.item.add(text)

    # -- items ----------------------------------------------------------------

    def _is_item_header(self, text: str, top_level: bool) -> bool:
        plain = _strip_emphasis(text).strip()
        if not _CWE.search(plain):
            return False
        if _CWE_FIRST.match(plain):
            return True
        labelled = _LABEL.match(plain)
        if labelled and labelled.group("label").strip().lower() in _MESSAGE_LABELS | _SOLUTION_LABELS | _LOCATION_LABELS:
            return False
        return top_level

    def _open_item(self, text: str, style: str, indent: int) -> None:
        self.count += 1
        number = _NUMBER.match(text)
        plain = _strip_emphasis(_LIST_ITEM.sub(r"\2", text)).strip()
        cwe = _cwe_ids(plain)
        title, rest = _title_and_rest(plain)
        self.item = _Item(
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


def _heading_text(text: str) -> str:
    """Without a closing ``##`` (string methods: a regex for it backtracks badly on long lines)."""
    return text.rstrip().rstrip("#").rstrip()


def _is_bold_line(text: str) -> bool:
    return bool(re.match(r"^(\*\*|__).+(\*\*|__)\s*:?$", text))


def _file_line(text: str) -> str | None:
    match = _FILE_LINE.match(_strip_emphasis(text).strip())
    return match.group(1) if match else None


def _title_and_rest(header: str) -> tuple[str | None, str]:
    """``1. CWE-284 (Improper Access Control): text`` -> title and text."""
    header = re.sub(r"^\s*(?:(?:finding|issue|item)\s*)?\d+\s*[.):-]\s*", "", header, flags=re.I)
    match = re.match(
        r"^\W*CWE[-_ ]?\d+\s*(?:\((?P<paren>[^)]*)\)|[:\s–—-]*(?P<plain>[^:.]*))?\s*[:.]?\s*(?P<rest>.*)$",
        header,
        re.I,
    )
    if match:
        title = (match.group("paren") or match.group("plain") or "").strip(" :–—-") or None
        if title and match.group("plain") and ("`" in title or len(title) > 80):
            # "CWE-78: `run()` passes ..." has no title; all of it is the issue.
            return None, header[match.start("plain"):].strip(" :–—-")
        return title, match.group("rest").strip()
    # "Improper Access Control (CWE-284): text"
    match = re.match(r"^(?P<title>[^(:]*?)\s*\(?CWE[-_ ]?\d+\)?\s*:?\s*(?P<rest>.*)$", header, re.I)
    if match:
        return (match.group("title").strip(" :–—-") or None), match.group("rest").strip()
    return None, header


# -- from an item to findings ---------------------------------------------------


@dataclass(frozen=True)
class _Symbol:
    name: str
    line: int | None
    strength: int  # 3: a line cited beside it, 2: called a method/function, 1: looks callable


def _symbols(text: str) -> tuple[list[_Symbol], list[int]]:
    """The code names an issue text points at, and the lines cited beside other code."""
    found: list[_Symbol] = []
    stray_lines: list[int] = []
    for match in _BACKTICKED.finditer(text):
        token = match.group(1).strip()
        shaped = _SYMBOL.match(token)
        if not shaped:
            continue
        name, called = shaped.group(1), bool(shaped.group(2))
        before = text[max(0, match.start() - 24):match.start()]
        after = text[match.end():match.end() + 48]
        beside = _LINE_BESIDE.match(after)
        line = line_in_text(beside.group(1)) if beside else None
        if _is_library_name(name, token):
            # `lockutils.lock()` names the API used, not where: keep only its line.
            if line is not None:
                stray_lines.append(line)
            continue
        named_as_code = _KIND_AFTER.match(after) or _KIND_BEFORE.search(before)
        if not (called or named_as_code or _looks_like_class(name)):
            # `lock_name`, `service`: a variable, not where the defect is.
            if line is not None:
                stray_lines.append(line)
            continue
        if line is not None:
            strength = 3
        elif named_as_code or (called and _IN_BEFORE.search(before)):
            strength = 2
        else:
            strength = 1
        found.append(_Symbol(name, line, strength))
    if not found:
        return [], stray_lines
    best = 2 if max(symbol.strength for symbol in found) >= 2 else 1
    chosen: dict[str, _Symbol] = {}
    for symbol in found:
        if symbol.strength >= best and (symbol.name not in chosen or symbol.line and not chosen[symbol.name].line):
            chosen[symbol.name] = symbol
    return list(chosen.values()), stray_lines


def _looks_like_class(name: str) -> bool:
    """``FipNamespace`` or ``FipNamespace.create``."""
    return name[:1].isupper() and not name.isupper()


def _is_library_name(name: str, token: str) -> bool:
    """``os.system``, ``lockutils.lock``: a lower-case module before the dot."""
    if token.startswith(("self.", "cls.")):
        return False
    head = name.split(".")[0]
    return "." in name and head[:1].islower()


def _lines(text: str) -> list[int]:
    """Lines cited, at most MAX_LINES; a range wider than LINE_SPAN cites its first line only."""
    lines: list[int] = []
    for match in _LINES.finditer(text):
        for part in re.split(r"\s*(?:,|and|&|or)\s*", match.group(1)):
            numbers = re.split(r"\s*(?:-|–|to)\s*", part.strip())
            bounds = [line_in_text(number) for number in numbers if number.isdigit()]
            if None in bounds:
                continue  # no file has such a line
            if len(bounds) == 2 and 0 <= bounds[1] - bounds[0] <= LINE_SPAN:
                lines.extend(range(bounds[0], bounds[1] + 1))
            elif bounds:
                lines.append(bounds[0])
            if len(lines) >= MAX_LINES:
                return lines[:MAX_LINES]
    return lines


def _file_of(item: _Item) -> tuple[str | None, list[int]]:
    """A file the item itself names (``File: a.py``, ```a.py:12```), with lines cited with it."""
    for text in [*item.location, *item.message]:
        for match in _PATH.finditer(text):
            line = line_in_text(match.group(2)) if match.group(2) else None
            return match.group(1), [line] if line else []
    return item.file, []


def _findings_of(item: _Item, report: str) -> list[Finding]:
    message = " ".join(item.message).strip() or (item.title or "")
    location_text = " ".join(item.location)
    symbols, stray_lines = _symbols(location_text + " " + message)
    file, file_lines = _file_of(item)
    lines = list(dict.fromkeys(file_lines + _lines(location_text) + _lines(message) + stray_lines))
    lines = lines[:MAX_LINES]
    common = {
        "tool": TOOL,
        "message": _readable(message),
        "cwe": item.cwe,
        "title": item.title,
        "solution": _readable(" ".join(item.solution)) or None,
        "path": file,
        "states_no_defect": bool(_NO_DEFECT.search(_normalise_quotes(message))),
        "report": report,
    }
    base = f"{report}#{item.number}"
    if len(symbols) <= 1:
        symbol = symbols[0] if symbols else None
        hinted = ([symbol.line] if symbol and symbol.line else []) + lines
        return [
            Finding(
                id=base,
                symbols=(symbol.name,) if symbol else (),
                lines=tuple(dict.fromkeys(hinted)),
                **common,
            )
        ]
    return [
        Finding(
            id=f"{base}.{index}",
            symbols=(symbol.name,),
            lines=(symbol.line,) if symbol.line else tuple(lines),
            **common,
        )
        for index, symbol in enumerate(symbols, start=1)
    ]


def _notes_findings(notes: list[tuple[str, str | None]], covered: set[str], report: str) -> list[Finding]:
    """One no-defect finding per CWE that a closing remark calls not applicable."""
    findings = []
    for note, file in notes:
        plain = _normalise_quotes(_strip_emphasis(note))
        if not _NO_DEFECT.search(plain):
            continue
        for cwe in _cwe_ids(plain):
            if cwe in covered:
                continue
            covered.add(cwe)
            findings.append(
                Finding(
                    id=f"{report}#{cwe}",
                    tool=TOOL,
                    message=_readable(note),
                    cwe=(cwe,),
                    path=file,
                    states_no_defect=True,
                    report=report,
                )
            )
    return findings


def _normalise_quotes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def _readable(text: str) -> str:
    return re.sub(r"\s+", " ", _strip_emphasis(text)).strip()


def parse_markdown(text: str, report: str) -> list[Finding]:
    """Every finding of a Markdown review; ``report`` names it in finding ids."""
    parser = _Parser(report)
    for line in text.splitlines():
        parser.feed(line)
    items = parser.close()
    findings = [finding for item in items for finding in _findings_of(item, report)]
    covered = {cwe for item in items for cwe in item.cwe}
    return findings + _notes_findings(parser.notes, covered, report)
