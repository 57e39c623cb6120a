"""Hunks of a change: the unit of a unified diff and of ``--interactive``."""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from cwemod.linediff import Opcode, opcodes

CONTEXT = 3


@dataclass(frozen=True)
class Hunk:
    old_start: int  # 0-based index of the first old line shown
    old_count: int
    new_start: int
    new_count: int
    opcodes: tuple[Opcode, ...]

    def header(self) -> str:
        return f"@@ -{_span(self.old_start, self.old_count)} +{_span(self.new_start, self.new_count)} @@"


def split_lines(text: str) -> list[str]:
    """Lines as git sees them: split after each "\\n" only, endings kept.

    ``str.splitlines`` would also split at form feeds and other separators
    that may stand inside Python source, and the diff would no longer apply.
    """
    lines = text.split("\n")
    last = lines.pop()
    return [line + "\n" for line in lines] + ([last] if last else [])


def hunks(old: Sequence[Hashable], new: Sequence[Hashable], context: int = CONTEXT) -> list[Hunk]:
    found = []
    for group in _grouped(opcodes(old, new), context):
        first, last = group[0], group[-1]
        found.append(
            Hunk(
                old_start=first[1],
                old_count=last[2] - first[1],
                new_start=first[3],
                new_count=last[4] - first[3],
                opcodes=tuple(group),
            )
        )
    return found


def _grouped(codes: list[Opcode], context: int) -> list[list[Opcode]]:
    """The changes with up to ``context`` equal lines around them, as ``get_grouped_opcodes``.

    Changes with at most ``2 * context`` equal lines between them share a
    group, so the hunks never overlap.
    """
    groups: list[list[Opcode]] = []
    group: list[Opcode] = []
    for tag, i1, i2, j1, j2 in codes:
        if tag == "equal" and (not group or i2 - i1 > 2 * context):
            if group:
                groups.append(group + [(tag, i1, min(i2, i1 + context), j1, min(j2, j1 + context))])
            group = [(tag, max(i1, i2 - context), i2, max(j1, j2 - context), j2)]
        else:
            group.append((tag, i1, i2, j1, j2))
    if group and group[-1][0] == "equal":
        tag, i1, i2, j1, j2 = group.pop()
        group.append((tag, i1, min(i2, i1 + context), j1, min(j2, j1 + context)))
    if any(code[0] != "equal" for code in group):
        groups.append(group)
    return groups


def apply_hunks(old: Sequence[str], new: Sequence[str], accepted: Sequence[Hunk]) -> str:
    """The old text with only the ``accepted`` hunks of ``old -> new`` applied."""
    replacements = {
        (i1, i2): new[j1:j2]
        for hunk in accepted
        for tag, i1, i2, j1, j2 in hunk.opcodes
        if tag != "equal"
    }
    out: list[str] = []
    index = 0
    for (i1, i2), lines in sorted(replacements.items()):
        out += old[index:i1]
        out += lines
        index = i2
    out += old[index:]
    return "".join(out)


def _span(start: int, count: int) -> str:
    # Unified diff convention: an empty range names the line before it.
    first = start + 1 if count else start
    return f"{first}" if count == 1 else f"{first},{count}"
