"""What the prose of a review points at: code in backticks, cited lines, and CWE ids.

Every pattern here sees text whose inner runs of whitespace are one space
(see _review_blocks), so that none backtracks over a long run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from cwemod.reports._shape import LINE_SPAN, MAX_LINES, cwe_name, line_in_text

CWE = re.compile(r"\bCWE[-_ ]?(\d+)\b", re.I)
_EMPHASIS = re.compile(r"\*\*|(?<!\w)__|__(?!\w)|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])")
PATH = re.compile(r"(?<![\w/.-])((?:[\w.-]+/)*[\w.-]+\.pyw?)(?::(\d+))?(?![\w/])")
_BACKTICKED = re.compile(r"`([^`\n]+)`")
_SYMBOL = re.compile(r"^(?:(?:self|cls)\.)?([A-Za-z_]\w*(?:\.[A-Za-z_]\w*)*)\s*(\(.*\))?$")
_LINES = re.compile(
    r"(?:\blines?\b\s*:?\s*|#?\bL(?=\d))"
    r"(\d+(?:\s*(?:-|–|to)\s*\d+)?(?:\s*(?:,|and|&|or)\s*\d+(?:\s*(?:-|–|to)\s*\d+)?)*)",
    re.I,
)
_LINE_BESIDE = re.compile(
    r"^\s*(?:(?:method|function|class|call)\s*)?[(,]?\s*(?:at\s+|on\s+|in\s+)?"
    r"(?:lines?\s*:?\s*|L)(\d+)",
    re.I,
)
_KIND_AFTER = re.compile(r"^\s*(?:method|function|class)\b", re.I)
_KIND_BEFORE = re.compile(r"\b(?:method|function|class|def)\s*$", re.I)
_IN_BEFORE = re.compile(r"\b(?:in|inside|within)\s*$", re.I)


def strip_emphasis(text: str) -> str:
    """Drop bold and italic markers outside backticks (code keeps its underscores)."""
    parts = re.split(r"(`[^`\n]*`)", text)
    return "".join(part if part.startswith("`") else _EMPHASIS.sub("", part) for part in parts)


def cwe_ids(text: str) -> tuple[str, ...]:
    names = (cwe_name(number) for number in CWE.findall(text))
    return tuple(dict.fromkeys(name for name in names if name))


def normalise_quotes(text: str) -> str:
    return text.replace("\u2019", "'").replace("\u2018", "'")


def readable(text: str) -> str:
    return re.sub(r"\s+", " ", strip_emphasis(text)).strip()


@dataclass(frozen=True)
class Symbol:
    name: str
    line: int | None
    strength: int  # 3: a line cited beside it, 2: called a method/function, 1: looks callable


def named_code(text: str) -> tuple[list[Symbol], list[int]]:
    """The code names an issue text points at, and the lines cited beside other code."""
    found: list[Symbol] = []
    stray_lines: list[int] = []
    for match in _BACKTICKED.finditer(text):
        token = match.group(1).strip()
        shaped = _SYMBOL.match(token)
        if not shaped:
            continue
        name, called = shaped.group(1), bool(shaped.group(2))
        before = text[max(0, match.start() - 24) : match.start()]
        after = text[match.end() : match.end() + 48]
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
        found.append(Symbol(name, line, strength))
    if not found:
        return [], stray_lines
    best = 2 if max(symbol.strength for symbol in found) >= 2 else 1
    chosen: dict[str, Symbol] = {}
    for symbol in found:
        if symbol.strength >= best and (
            symbol.name not in chosen or symbol.line and not chosen[symbol.name].line
        ):
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


def cited_lines(text: str) -> list[int]:
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
