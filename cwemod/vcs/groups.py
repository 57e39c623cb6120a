"""Split a planned run into commits: one per codemod, per finding or per file.

The engine gives one new text per file with every codemod applied. When one
file has fixes of several commits, each commit needs the file as it is after
that commit and before the next. Those intermediate texts are made by running
the same codemods again on the original text with a growing selection (the
codemods, or the findings, of the commits so far), and are checked: each must
compile, carry exactly the fixes expected so far, and differ from the one
before. The last stage is always the engine's own bytes. When a file's fixes
cannot be separated that way, the commits that share it are merged into one,
so a commit never holds half a fix.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cwemod.codemods import Fix, LineRange
from cwemod.codemods.kit.compiled import compile_error
from cwemod.engine.results import FileResult
from cwemod.engine.run import FixRequest
from cwemod.engine.source import decode_source
from cwemod.engine.transform import TransformError, transform_source
from cwemod.errors import VcsError


class Split(str, enum.Enum):
    CODEMOD = "codemod"
    FINDING = "finding"
    FILE = "file"


class SeriesError(VcsError):
    """The run cannot become a series (failed files, nothing to commit)."""


@dataclass(frozen=True, order=True)
class Unit:
    """The smallest thing a commit can answer: one codemod, one finding set, or one file."""

    kind: str  # "codemod", "finding" or "file"
    values: tuple[str, ...]  # the codemod id, the finding ids, or the file's display name

    @property
    def name(self) -> str:
        return " ".join(self.values)

    @property
    def findings(self) -> tuple[str, ...]:
        return self.values if self.kind == "finding" else ()


@dataclass
class FileStage:
    path: Path  # on disk
    display: str  # name relative to the repository
    content: bytes  # the file as this commit leaves it


@dataclass
class PlannedFix:
    display: str
    fix: Fix


@dataclass
class Group:
    """One commit of the series."""

    units: list[Unit]
    fixes: list[PlannedFix] = field(default_factory=list)
    files: list[FileStage] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Stable text naming what the commit answers (used for its Change-Id)."""
        return "; ".join(f"{unit.kind} {unit.name}" for unit in self.units)

    @property
    def codemods(self) -> list[str]:
        return list(dict.fromkeys(planned.fix.codemod for planned in self.fixes))

    @property
    def findings(self) -> list[str]:
        return list(dict.fromkeys(f for planned in self.fixes for f in planned.fix.findings))

    @property
    def displays(self) -> list[str]:
        return [stage.display for stage in self.files]


def unit_of(fix: Fix, display: str, split: Split) -> Unit:
    if split is Split.FILE:
        return Unit("file", (display,))
    if split is Split.FINDING and fix.findings:
        return Unit("finding", tuple(sorted(set(fix.findings))))
    return Unit("codemod", (fix.codemod,))


def plan_groups(results: Sequence[FileResult], request: FixRequest, split: Split) -> list[Group]:
    """The series for ``results``: groups in commit order, each with its file stages."""
    failed = [result for result in results if result.error is not None]
    if failed:
        names = ", ".join(f"{result.display} ({result.error})" for result in failed[:3])
        more = f" and {len(failed) - 3} more" if len(failed) > 3 else ""
        raise SeriesError(
            f"cannot build a series while files fail: {names}{more}; fix them or --exclude them"
        )
    changed = [result for result in results if result.changed]
    if not changed:
        return []
    order = _unit_order(changed, request, split)
    merged = _Partition(order)
    while True:
        conflict = _first_inseparable(changed, request, split, merged)
        if conflict is None:
            break
        merged.merge(conflict)
    return _build(changed, request, split, merged)


def _unit_order(changed: Sequence[FileResult], request: FixRequest, split: Split) -> list[Unit]:
    seen: dict[Unit, tuple] = {}
    codemod_rank = {codemod_id: index for index, (codemod_id, _) in enumerate(request.codemods)}
    for file_index, result in enumerate(changed):
        for fix in result.fixes:
            unit = unit_of(fix, result.display, split)
            rank = (
                (codemod_rank.get(fix.codemod, len(codemod_rank)),)
                if unit.kind == "codemod"
                else ()
            )
            seen.setdefault(unit, (*rank, file_index, fix.line))
    return sorted(seen, key=lambda unit: seen[unit])


class _Partition:
    """Units merged into commits; a commit keeps the position of its first unit."""

    def __init__(self, order: list[Unit]) -> None:
        self.blocks: list[list[Unit]] = [[unit] for unit in order]

    def block_of(self, unit: Unit) -> int:
        return next(index for index, block in enumerate(self.blocks) if unit in block)

    def merge(self, units: Iterable[Unit]) -> None:
        indexes = sorted({self.block_of(unit) for unit in units})
        first = indexes[0]
        for index in reversed(indexes[1:]):
            self.blocks[first] += self.blocks.pop(index)


def _first_inseparable(
    changed: Sequence[FileResult], request: FixRequest, split: Split, partition: _Partition
) -> set[Unit] | None:
    """The units of the first file whose fixes cannot be staged commit by commit."""
    for result in changed:
        blocks = _blocks_touching(result, split, partition)
        if len(blocks) > 1 and _stages(result, request, split, partition, blocks) is None:
            return {unit for index in blocks for unit in partition.blocks[index]}
    return None


def _blocks_touching(result: FileResult, split: Split, partition: _Partition) -> list[int]:
    return sorted({partition.block_of(unit_of(fix, result.display, split)) for fix in result.fixes})


def _stages(
    result: FileResult, request: FixRequest, split: Split, partition: _Partition, blocks: list[int]
) -> list[bytes] | None:
    """The file's content after each of ``blocks``; None when they cannot be separated."""
    source = decode_source(result.old)
    previous = result.old
    stages: list[bytes] = []
    selected: set[Unit] = set()
    for index in blocks[:-1]:
        selected |= set(partition.blocks[index])
        expected = Counter(
            (fix.codemod, fix.findings)
            for fix in result.fixes
            if unit_of(fix, result.display, split) in selected
        )
        codemods, targets = _selection(request, result.path, selected)
        try:
            outcome = transform_source(
                source.text,
                codemods,
                filename=result.display,
                allow_review=request.allow_review,
                targets=targets,
            )
            content = source.encode(outcome.text)
        except (TransformError, UnicodeEncodeError):
            return None
        if compile_error(content, result.display) is not None:
            return None
        if (
            Counter((fix.codemod, fix.findings) for fix in outcome.fixes) != expected
            or content == previous
        ):
            return None
        stages.append(content)
        previous = content
    if result.new == previous:
        return None
    return [*stages, result.new]


def _selection(request: FixRequest, path: Path, selected: set[Unit]):
    """Codemods and targets that reproduce only the fixes of ``selected``."""
    codemod_ids = {unit.name for unit in selected if unit.kind == "codemod"}
    findings = {finding for unit in selected for finding in unit.findings}
    file_targets: Mapping[str, Sequence[LineRange]] | None = (
        None if request.targets is None else request.targets.get(path, {})
    )
    if not findings:
        return [spec for spec in request.codemods if spec[0] in codemod_ids], file_targets
    assert file_targets is not None, "findings come only from a report, which gives targets"
    targets = {
        codemod_id: [
            target
            for target in ranges
            if target.finding in findings or (target.finding is None and codemod_id in codemod_ids)
        ]
        for codemod_id, ranges in file_targets.items()
    }
    return list(request.codemods), targets


def _build(
    changed: Sequence[FileResult], request: FixRequest, split: Split, partition: _Partition
) -> list[Group]:
    groups = [Group(units=sorted(block)) for block in partition.blocks]
    for result in changed:
        blocks = _blocks_touching(result, split, partition)
        if len(blocks) == 1:
            contents = [result.new]
        else:
            contents = _stages(result, request, split, partition, blocks)
            assert contents is not None, "inseparable files were merged above"
        for index, content in zip(blocks, contents):
            groups[index].files.append(FileStage(result.path, result.display, content))
        for fix in result.fixes:
            index = partition.block_of(unit_of(fix, result.display, split))
            groups[index].fixes.append(PlannedFix(result.display, fix))
    return groups
