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

The results may have been linted (``--lint``): the hunks lint dropped are no
longer in the engine's bytes, and their fixes are refusals. Re-running the
codemods brings those hunks back, so an intermediate text then keeps only the
changes that the final text also makes: no commit holds a dropped hunk.
"""

from __future__ import annotations

import enum
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cwemod.codemods import Fix, LineRange, Refusal
from cwemod.codemods.kit.compiled import compile_error
from cwemod.engine.hunks import split_lines
from cwemod.engine.lint import is_dropped
from cwemod.engine.projects import Projects
from cwemod.engine.reformat import ReformatError, laid_out
from cwemod.engine.results import FileResult
from cwemod.engine.run import FixRequest
from cwemod.engine.source import decode_source
from cwemod.engine.transform import TransformError, transform_source
from cwemod.errors import VcsError
from cwemod.linediff import opcodes


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
class DroppedFix:
    """A fix planned, then dropped from the change (by ``--lint``), with the reason."""

    display: str
    refusal: Refusal


@dataclass
class Group:
    """One commit of the series."""

    units: list[Unit]
    fixes: list[PlannedFix] = field(default_factory=list)
    files: list[FileStage] = field(default_factory=list)
    dropped: list[DroppedFix] = field(default_factory=list)  # fixes of its units left out

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


def unit_of(fix: Fix | Refusal, display: str, split: Split) -> Unit:
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
    # The re-runs see each file's project as the run did (line length, surveys).
    projects = Projects(request.codemods, request.excludes, [result.path for result in results])
    while True:
        conflict = _first_inseparable(changed, request, split, merged, projects)
        if conflict is None:
            break
        merged.merge(conflict)
    groups = _build(changed, request, split, merged, projects)
    _attach_dropped(dropped_fixes(results), split, merged, groups)
    return groups


def dropped_fixes(results: Sequence[FileResult]) -> list[DroppedFix]:
    """Every fix that was planned and then dropped from its file's change, in file order."""
    return [
        DroppedFix(result.display, refusal)
        for result in results
        for refusal in result.refusals
        if is_dropped(refusal)
    ]


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
    changed: Sequence[FileResult],
    request: FixRequest,
    split: Split,
    partition: _Partition,
    projects: Projects,
) -> set[Unit] | None:
    """The units of the first file whose fixes cannot be staged commit by commit."""
    for result in changed:
        blocks = _blocks_touching(result, split, partition)
        stages = len(blocks) > 1 and _stages(result, request, split, partition, blocks, projects)
        if stages is None:
            return {unit for index in blocks for unit in partition.blocks[index]}
    return None


def _blocks_touching(result: FileResult, split: Split, partition: _Partition) -> list[int]:
    return sorted({partition.block_of(unit_of(fix, result.display, split)) for fix in result.fixes})


def _stages(
    result: FileResult,
    request: FixRequest,
    split: Split,
    partition: _Partition,
    blocks: list[int],
    projects: Projects,
) -> list[bytes] | None:
    """The file's content after each of ``blocks``; None when they cannot be separated."""
    source = decode_source(result.old)
    previous = result.old
    stages: list[bytes] = []
    selected: set[Unit] = set()
    for index in blocks[:-1]:
        selected |= set(partition.blocks[index])
        codemods, targets = _selection(request, result.path, selected)
        try:
            outcome = transform_source(
                source.text,
                codemods,
                filename=result.display,
                allow_review=request.allow_review,
                targets=targets,
                project=projects.of(result.path),
                module_path=projects.module_path(result.path),
                path=result.path,
            )
            text = outcome.text
            if not _fixes_as_planned(result, split, selected, outcome.fixes):
                return None
            if result.laid_out_by is not None:  # --reformat laid the whole change out
                text = laid_out(result, text)
            if any(is_dropped(refusal) for refusal in result.refusals):
                # The re-run brings dropped hunks back: keep only what the final text keeps.
                text = _kept_changes(source.text, text, decode_source(result.new).text)
                if text is None:
                    return None
            content = source.encode(text)
        except (TransformError, ReformatError, UnicodeEncodeError):
            return None
        if compile_error(content, result.display) is not None or content == previous:
            return None
        stages.append(content)
        previous = content
    if result.new == previous:
        return None
    return [*stages, result.new]


def _fixes_as_planned(
    result: FileResult, split: Split, selected: set[Unit], fixes: Sequence[Fix]
) -> bool:
    """The re-run made the planned fixes of ``selected``, and besides them only dropped ones."""

    def key(record: Fix | Refusal) -> tuple[str, tuple[str, ...]]:
        return record.codemod, record.findings

    expected = Counter(
        key(fix) for fix in result.fixes if unit_of(fix, result.display, split) in selected
    )
    extra = Counter(key(fix) for fix in fixes)
    extra.subtract(expected)
    if any(count < 0 for count in extra.values()):
        return False
    dropped = Counter(key(refusal) for refusal in result.refusals if is_dropped(refusal))
    return all(count <= dropped[name] for name, count in extra.items())


def _kept_changes(old: str, stage: str, final: str) -> str | None:
    """``old`` with those changes of ``old -> stage`` that ``old -> final`` makes too.

    A change of the stage that the final text does not make is one that was
    dropped, and is left out. None when a change of the stage touches one of
    the final text's changes without being identical to it: the two cannot
    be told apart.
    """
    old_lines, stage_lines, final_lines = split_lines(old), split_lines(stage), split_lines(final)
    final_changes = {
        (i1, i2): final_lines[j1:j2]
        for tag, i1, i2, j1, j2 in opcodes(old_lines, final_lines)
        if tag != "equal"
    }
    out: list[str] = []
    index = 0
    for tag, i1, i2, j1, j2 in opcodes(old_lines, stage_lines):
        if tag == "equal":
            continue
        lines = stage_lines[j1:j2]
        if final_changes.get((i1, i2)) != lines:
            if any(i1 <= end and start <= i2 for start, end in final_changes):
                return None
            continue  # dropped: the old lines stay
        out += old_lines[index:i1]
        out += lines
        index = i2
    out += old_lines[index:]
    return "".join(out)


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
    changed: Sequence[FileResult],
    request: FixRequest,
    split: Split,
    partition: _Partition,
    projects: Projects,
) -> list[Group]:
    groups = [Group(units=sorted(block)) for block in partition.blocks]
    for result in changed:
        blocks = _blocks_touching(result, split, partition)
        if len(blocks) == 1:
            contents = [result.new]
        else:
            contents = _stages(result, request, split, partition, blocks, projects)
            assert contents is not None, "inseparable files were merged above"
        for index, content in zip(blocks, contents):
            groups[index].files.append(FileStage(result.path, result.display, content))
        for fix in result.fixes:
            index = partition.block_of(unit_of(fix, result.display, split))
            groups[index].fixes.append(PlannedFix(result.display, fix))
    return groups


def _attach_dropped(
    dropped: Sequence[DroppedFix], split: Split, partition: _Partition, groups: list[Group]
) -> None:
    """Each dropped fix goes to the commit of its unit, if the series has one."""
    units = {unit for block in partition.blocks for unit in block}
    for item in dropped:
        unit = unit_of(item.refusal, item.display, split)
        if unit in units:
            groups[partition.block_of(unit)].dropped.append(item)
