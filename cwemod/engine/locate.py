"""Find a finding in today's code: symbol first, line second.

Reports are written against older revisions, so a cited line is only a hint:
a named symbol (``_fip_port_lock``, ``FipNamespace.create``) is looked up
among the file's functions and classes (methods in classes, nested
functions), and the line only breaks ties between several definitions of
that name. A line is used on its own only when the finding names no symbol.
When neither matches the code the result is :class:`Unlocated`, saying what
was looked for; a finding is never moved somewhere it did not point.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import libcst as cst
from libcst.metadata import PositionProvider

from cwemod.codemods.kit.metadata import MetadataWrapper
from cwemod.engine.hunks import split_lines
from cwemod.engine.parse import TOO_DEEP, ParseError, parse_module
from cwemod.reports.model import Finding, Location


@dataclass(frozen=True)
class Definition:
    qualname: str  # "FipNamespace._fip_port_lock", "outer.inner"
    start: int  # first decorator line
    line: int  # the def/class line
    end: int

    @property
    def parts(self) -> tuple[str, ...]:
        return tuple(self.qualname.split("."))


@dataclass(frozen=True)
class Unlocated:
    reason: str  # what was looked for and not found


class _Definitions(cst.CSTVisitor):
    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(self) -> None:
        self.found: list[Definition] = []
        self._stack: list[str] = []

    def _enter(self, node: cst.FunctionDef | cst.ClassDef) -> None:
        position = self.get_metadata(PositionProvider, node)
        # LibCST starts a decorated definition at its `def`; a lock decorator is part of it.
        start = (
            self.get_metadata(PositionProvider, node.decorators[0]).start.line
            if node.decorators
            else None
        )
        line = position.start.line
        self._stack.append(node.name.value)
        self.found.append(Definition(".".join(self._stack), start or line, line, position.end.line))

    def on_visit(self, node: cst.CSTNode) -> bool:
        if isinstance(node, _DEFINITIONS):
            self._enter(node)
            return True
        # A definition is a compound statement: no simple statement or expression holds one.
        return not isinstance(node, _NO_DEFINITION_BELOW)

    def on_leave(self, original_node: cst.CSTNode) -> None:
        if isinstance(original_node, _DEFINITIONS):
            self._stack.pop()

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        pass

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        pass


_DEFINITIONS = (cst.FunctionDef, cst.ClassDef)
_NO_DEFINITION_BELOW = (cst.SimpleStatementLine, cst.SimpleStatementSuite, cst.BaseExpression)


class SourceIndex:
    """The functions and classes of one file, with their line spans."""

    def __init__(self, text: str, wrapper: MetadataWrapper | None = None) -> None:
        """Index ``text``, or the tree in ``wrapper`` when the caller already parsed it.

        Raises :class:`ParseError` when ``text`` cannot be parsed or is nested too deeply.
        """
        visitor = _Definitions()
        try:
            if wrapper is None:
                wrapper = MetadataWrapper(parse_module(text), unsafe_skip_copy=True)
            wrapper.visit(visitor)
        except RecursionError:
            raise ParseError(TOO_DEEP) from None
        self.definitions = visitor.found
        self.line_count = len(split_lines(text))

    def named(self, symbol: str) -> list[Definition]:
        """Definitions whose qualified name ends with ``symbol``'s dotted parts."""
        wanted = tuple(symbol.split("."))
        exact = [d for d in self.definitions if d.parts[-len(wanted) :] == wanted]
        if exact:
            return exact
        # Reports drop or add a leading underscore (create_gateway_port vs _create_gateway_port).
        loose = tuple(part.lstrip("_") for part in wanted)
        return [
            d
            for d in self.definitions
            if tuple(part.lstrip("_") for part in d.parts[-len(loose) :]) == loose
        ]

    def enclosing(self, line: int) -> Definition | None:
        """The innermost function or class around ``line``."""
        around = [d for d in self.definitions if d.start <= line <= d.end]
        return max(around, key=lambda d: d.start, default=None)


def clean_symbol(symbol: str) -> str:
    """``self._fip_port_lock()`` -> ``_fip_port_lock``.

    ``FipNamespace.create(x)`` -> ``FipNamespace.create``.
    """
    symbol = re.sub(r"\(.*\)$", "", symbol.strip()).strip().strip("`")
    parts = [part for part in symbol.split(".") if part]
    if parts and parts[0] in ("self", "cls"):
        parts = parts[1:]
    return ".".join(parts)


def locate(finding: Finding, path: Path, index: SourceIndex) -> Location | Unlocated:
    if finding.symbols:
        return _by_symbol(finding, path, index)
    if finding.lines:
        return _by_lines(finding.lines, path, index)
    return Unlocated("the finding names no symbol and no line")


def _by_symbol(finding: Finding, path: Path, index: SourceIndex) -> Location | Unlocated:
    looked_for = []
    for raw in finding.symbols:
        symbol = clean_symbol(raw)
        if not symbol:
            continue
        looked_for.append(symbol)
        candidates = index.named(symbol)
        if not candidates:
            continue
        chosen = _closest(candidates, finding.lines)
        if chosen is None:
            where = ", ".join(f"{d.qualname} (line {d.line})" for d in candidates)
            return Unlocated(
                f"{symbol} is defined {len(candidates)} times ({where}) and no line says which"
            )
        return Location(path, chosen.start, chosen.end, chosen.qualname, line=chosen.line)
    names = " or ".join(looked_for) or "a symbol"
    hint = f" (the report cites line {finding.lines[0]})" if finding.lines else ""
    return Unlocated(f"no function or class named {names} in {path.name}{hint}")


def _closest(candidates: Sequence[Definition], lines: Sequence[int]) -> Definition | None:
    if len(candidates) == 1:
        return candidates[0]
    if not lines:
        return None
    # A definition that contains the cited line wins; otherwise the nearest one.
    hint = lines[0]
    containing = [d for d in candidates if d.start <= hint <= d.end]
    if containing:
        return max(containing, key=lambda d: d.start)
    return min(candidates, key=lambda d: min(abs(d.line - hint), abs(d.end - hint)))


def _by_lines(lines: Sequence[int], path: Path, index: SourceIndex) -> Location | Unlocated:
    inside = sorted({line for line in lines if 1 <= line <= index.line_count})
    if not inside:
        cited = ", ".join(str(line) for line in lines[:5])
        return Unlocated(f"line {cited} is past the end of {path.name} ({index.line_count} lines)")
    ranges = _runs(inside)
    around = index.enclosing(inside[0])
    return Location(
        path,
        inside[0],
        inside[-1],
        around.qualname if around else None,
        ranges=tuple(ranges) if len(ranges) > 1 else (),
    )


def _runs(lines: Sequence[int]) -> list[tuple[int, int]]:
    """Sorted line numbers -> ranges of consecutive lines."""
    ranges: list[tuple[int, int]] = []
    for line in lines:
        if ranges and line == ranges[-1][1] + 1:
            ranges[-1] = (ranges[-1][0], line)
        else:
            ranges.append((line, line))
    return ranges
