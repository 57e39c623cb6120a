"""LLM security reviews written in Markdown.

The shape this reader expects is the one LLM reviewers produce: items headed
by a CWE id and name (numbered, ``###`` headings or bold lines), each with
``Issue``/``Solution`` sub-items that name code in backticks
(``_fip_port_lock()``, ``Class.method``) and cite lines in many forms
("line 110", "(line 178)", "lines 305-307", "line 114, 129, 132").

One finding is produced per located symbol of an item, so an item that
names ``create()`` and ``_delete()`` becomes ``#2.1`` and ``#2.2``, each with
the line cited beside it. Items that state no defect ("no incorrect
calculation was identified", "appears safe"; see _no_defect) are kept, marked
``states_no_defect``, as is each CWE a closing paragraph calls not applicable.

A review is prose, not a schema, so nothing in it is rejected: a line cited
beyond _shape.MAX_LINE is no line, a range wider than LINE_SPAN gives its
first line, and a finding keeps at most MAX_LINES line hints. Inner runs of
whitespace are made one space before any pattern sees a line, so that no
pattern backtracks over a long run: reading stays linear in the text.

Reading goes in three steps: _review_blocks gives each line its Markdown role
(markdown-it-py parses the blocks), _review_items gathers lines into items,
and this module turns each item into findings with what _review_text finds
in its prose.
"""

from __future__ import annotations

from cwemod.reports._no_defect import states_no_defect
from cwemod.reports._review_blocks import review_lines
from cwemod.reports._review_items import Item, Note, read_items
from cwemod.reports._review_text import (
    PATH,
    cited_lines,
    cwe_ids,
    named_code,
    readable,
    strip_emphasis,
)
from cwemod.reports._shape import MAX_LINES, line_in_text
from cwemod.reports.model import Finding

TOOL = "llm-review"


def _file_of(item: Item) -> tuple[str | None, list[int]]:
    """A file the item itself names (``File: a.py``, ```a.py:12```), with lines cited with it."""
    for text in [*item.location, *item.message]:
        for match in PATH.finditer(text):
            line = line_in_text(match.group(2)) if match.group(2) else None
            return match.group(1), [line] if line else []
    return item.file, []


def _findings_of(item: Item, report: str) -> list[Finding]:
    message = " ".join(item.message).strip() or (item.title or "")
    location_text = " ".join(item.location)
    symbols, stray_lines = named_code(location_text + " " + message)
    file, file_lines = _file_of(item)
    lines = list(
        dict.fromkeys(file_lines + cited_lines(location_text) + cited_lines(message) + stray_lines)
    )
    lines = lines[:MAX_LINES]
    common = {
        "tool": TOOL,
        "message": readable(message),
        "cwe": item.cwe,
        "title": item.title,
        "solution": readable(" ".join(item.solution)) or None,
        "path": file,
        "states_no_defect": states_no_defect(message),
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


def _notes_findings(notes: list[Note], covered: set[str], report: str) -> list[Finding]:
    """One no-defect finding per CWE that a closing remark calls not applicable."""
    findings = []
    for note, file in notes:
        plain = strip_emphasis(note)
        if not states_no_defect(plain):
            continue
        for cwe in cwe_ids(plain):
            if cwe in covered:
                continue
            covered.add(cwe)
            findings.append(
                Finding(
                    id=f"{report}#{cwe}",
                    tool=TOOL,
                    message=readable(note),
                    cwe=(cwe,),
                    path=file,
                    states_no_defect=True,
                    report=report,
                )
            )
    return findings


def parse_markdown(text: str, report: str) -> list[Finding]:
    """Every finding of a Markdown review; ``report`` names it in finding ids."""
    items, notes = read_items(review_lines(text))
    findings = [finding for item in items for finding in _findings_of(item, report)]
    covered = {cwe for item in items for cwe in item.cwe}
    return findings + _notes_findings(notes, covered, report)
