"""Plan a run: every selected codemod over every file, checked, not written."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Protocol

from cwemod.codemods import LineRange
from cwemod.codemods.kit.compiled import compile_error
from cwemod.codemods.kit.project import Project
from cwemod.engine.cache import RunCache
from cwemod.engine.executor import Executor, SerialExecutor, local_executor
from cwemod.engine.files import (
    NotRegularFile,
    Roots,
    display_path,
    read_regular,
    repository_root,
    walk,
)
from cwemod.engine.linemap import follow_ranges
from cwemod.engine.parse import TOO_DEEP
from cwemod.engine.projects import Projects
from cwemod.engine.results import FileResult, add_created_files
from cwemod.engine.source import SourceError, decode_source
from cwemod.engine.transform import (
    CodemodSpec,
    ParsedFile,
    TransformError,
    transform_source,
)
from cwemod.reports.model import Finding, Triaged

Targets = Mapping[str, Sequence[LineRange]]  # codemod id -> where findings point


@dataclass(frozen=True)
class FileJob:
    path: Path
    display: str
    codemods: tuple[CodemodSpec, ...]
    allow_review: bool = False
    targets: Targets | None = None
    parsed: ParsedFile | None = None  # the file as triage read and parsed it, if it did
    project: Project = field(default_factory=Project)
    module_path: str = ""  # relative to the project root
    content: bytes | None = None  # read by the parent, for workers with no shared filesystem


@dataclass
class FixRequest:
    """Everything a run needs; the CLI builds one from flags and config."""

    paths: Sequence[Path]
    codemods: Sequence[CodemodSpec]
    allow_review: bool = False
    excludes: Sequence[str] = ()
    jobs: int | None = None
    # With a report: only these files, and only where findings point.
    targets: Mapping[Path, Targets] | None = None
    root: Path | None = None  # names in diffs are relative to it
    # With a report: its findings by id (commit messages quote them) and their triage.
    findings: Mapping[str, Finding] = field(default_factory=dict)
    triaged: Sequence[Triaged] = ()
    # The files triage read and parsed: the plan reuses them instead of reading them again.
    parsed: Mapping[Path, ParsedFile] = field(default_factory=dict)
    cache: bool = False  # use .cwemod_cache/ at each project root (whole-tree runs only)
    executor: str = "process"  # or "dask"
    scheduler: str | None = None  # a Dask scheduler's address; None: a local cluster


def process_file(job: FileJob) -> FileResult:
    """Read, transform and verify one file. Never raises for bad input."""
    result = FileResult(job.path, job.display)
    try:
        # Never a blocking open: a FIFO put in place of the file must not stall the run.
        result.old = _read(job)
        source = job.parsed.source if job.parsed else decode_source(result.old)
        result.encoding = source.encoding
        if job.parsed and job.targets is not None:
            # The tree triage parsed, and its run when it asked for the same one.
            outcome = job.parsed.transform(
                job.codemods, job.targets, allow_review=job.allow_review, filename=job.display
            )
        else:
            outcome = transform_source(
                source.text,
                job.codemods,
                filename=job.display,
                allow_review=job.allow_review,
                targets=job.targets,
                project=job.project,
                module_path=job.module_path,
            )
        result.fixes, result.refusals = list(outcome.fixes), list(outcome.refusals)
        result.skipped_review = list(outcome.skipped_review)
        if job.project.root is not None:
            root = Path(job.project.root)
            result.needs = [(root / module.path, module) for module in outcome.created]
        if outcome.text != source.text:
            new = source.encode(outcome.text)
            _check_compiles_before(job, result.old)
            _verify(job, source.text, outcome.text, new)
            result.new = new
    except OSError as error:
        result.error = f"cannot read: {error.strerror or error}"
    except NotRegularFile as error:
        result.error = str(error)
    except (SourceError, TransformError) as error:
        result.error = str(error)
    except UnicodeEncodeError as error:
        result.error = f"the fix cannot be encoded as {error.encoding}"
    except RecursionError:
        result.error = TOO_DEEP
    return result


def _read(job: FileJob) -> bytes:
    if job.parsed:
        return job.parsed.source.raw
    if job.content is not None:
        return job.content
    return read_regular(job.path)


def process_elsewhere(job: FileJob | FileResult) -> FileResult:
    """:func:`process_file` in a worker: an unchanged file's bytes do not travel back.

    A :class:`FileResult` is a file the parent could not read to ship it:
    it travels as it is, so the results stay in the order of the files.
    """
    if isinstance(job, FileResult):
        return job
    result = process_file(job)
    if not result.changed:
        result.old, result.new = b"", None
    return result


def crashed_file(job: FileJob, how: str) -> FileResult:
    """The result for a file whose worker process died on it: a native crash in LibCST's parser."""
    return FileResult(job.path, job.display, error=f"cannot parse: the parser crashed ({how})")


def _check_compiles_before(job: FileJob, old: bytes) -> None:
    """A fix is verified by compiling it, so the file must compile before it.

    LibCST parses syntax newer than the running Python (``type X = int``,
    ``def f[T]()``, PEP 701 f-strings): such a file is reported for what it is,
    never as a codemod whose output does not compile.
    """
    try:
        error = compile_error(old, job.display)
    except (RecursionError, MemoryError):
        raise TransformError(TOO_DEEP) from None
    if error is not None:
        version = ".".join(map(str, sys.version_info[:2]))
        raise TransformError(
            f"does not compile on the running Python {version} ({_one_line(error)}),"
            " so no fix can be verified; file left as it was"
        )


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _verify(job: FileJob, old_text: str, new_text: str, new: bytes) -> None:
    """Black's promise: the output compiles and a second run changes nothing."""
    try:
        error = compile_error(new, job.display)
    except (RecursionError, MemoryError):
        raise TransformError(TOO_DEEP) from None  # CPython's compiler: "too complex"
    if error is not None:
        raise TransformError(f"codemod output does not compile ({error}); file left as it was")
    targets = job.targets
    if targets is not None:
        targets = {
            codemod_id: follow_ranges(ranges, old_text, new_text)
            for codemod_id, ranges in targets.items()
        }
    again = transform_source(
        new_text,
        job.codemods,
        filename=job.display,
        allow_review=job.allow_review,
        targets=targets,
        project=job.project,
        module_path=job.module_path,
    )
    if again.text != new_text:
        changed_by = ", ".join(sorted({fix.codemod for fix in again.fixes})) or "a codemod"
        raise TransformError(
            f"{changed_by} is not idempotent here (a second run changes the output);"
            " file left as it was"
        )


def jobs_for(request: FixRequest) -> tuple[list[FileJob], list[FileResult]]:
    """A job per file to run, and a failed result per file the run must not touch.

    Report targets were contained by triage; they are checked again here, so
    that no caller of the engine can make it read for writing, or write, a
    file outside the request's PATHs.
    """
    roots = Roots(request.paths)
    root = request.root or _common_root(request.paths)
    if request.targets is not None:
        paths = [path for path in request.targets if roots.contain(path)]
        problems = [
            (path, roots.outside(path)) for path in request.targets if not roots.contain(path)
        ]
    else:
        found = walk(request.paths, request.excludes)
        paths, problems = found.files, found.problems
    projects = Projects(request.codemods, request.excludes, paths, cache=request.cache)
    if request.targets is None:
        projects.real.known(paths)  # the walk gives each file by its real path
    jobs = [
        FileJob(
            path,
            projects.real.display_path(path, root),
            tuple(request.codemods),
            request.allow_review,
            None if request.targets is None else request.targets[path],
            request.parsed.get(path),
            projects.of(path),
            projects.module_path(path),
        )
        for path in paths
    ]
    refused = [FileResult(path, _link_name(path, root), error=why) for path, why in problems]
    return jobs, refused


def _link_name(path: Path, root: Path | None) -> str:
    """The name of a refused path itself, not of the file a link leads to."""
    parent = display_path(path.parent, root)
    return path.name if parent in ("", ".") else f"{parent}/{path.name}"


class Progress(Protocol):
    def start(self, total: int) -> None: ...

    def advance(self, result: FileResult) -> None: ...


def plan(
    request: FixRequest,
    executor: Executor | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Run the request over its files and return one result per file, in path order."""
    # A report's run keeps triage's trees in this process: no cluster to start early.
    early = executor is None and request.targets is None
    cluster = _dask_executor(request) if early else None
    try:
        return _plan(request, executor, progress, cluster)
    finally:
        if cluster is not None:
            cluster.close()  # the cluster started for the run, when no batch went to it


def _plan(
    request: FixRequest,
    executor: Executor | None,
    progress: Progress | None,
    cluster: Executor | None,
) -> list[FileResult]:
    jobs, results = jobs_for(request)
    cache = RunCache() if request.cache and request.targets is None else None
    total = len(jobs)
    if cache is not None:
        jobs = cache.misses(jobs)  # each miss carries the bytes its key hashed
    if executor is None and any(job.parsed for job in jobs):
        executor = SerialExecutor()  # the trees triage parsed live in this process
    elif not isinstance(executor, (SerialExecutor, type(None))):
        jobs = [replace(job, parsed=None) for job in jobs]  # trees stay out of other processes
    if executor is None and jobs:
        executor = cluster or _dask_executor(request)
    executor = executor or local_executor(request.jobs, len(jobs))
    if progress is not None:
        progress.start(total)
    work: Iterable[FileJob | FileResult] = jobs
    if getattr(executor, "ships_files", False):
        work = (_shipped(job) for job in jobs)  # read one batch at a time, as it is sent
    function = process_file if isinstance(executor, SerialExecutor) else process_elsewhere
    fresh = executor.map(function, work, crashed=crashed_file)
    for result in cache.merged(fresh) if cache is not None else fresh:
        results.append(result)
        if progress is not None:
            progress.advance(result)
    root = request.root or _common_root(request.paths)
    # The new modules the changes need (a shared helper's home), as created files.
    return add_created_files(
        results, Roots(request.paths).contain, lambda path: display_path(path, root)
    )


def _dask_executor(request: FixRequest):
    """The Dask executor of a ``--executor dask`` run, its local cluster already starting."""
    if request.executor != "dask":
        return None
    from cwemod.engine.dask_executor import DaskExecutor  # an optional extra

    executor = DaskExecutor(request.scheduler, request.jobs, size_of=_shipped_size)
    executor.start()
    return executor


def _shipped(job: FileJob) -> FileJob | FileResult:
    """The job with the file's bytes in it, or the failed result of reading it."""
    if job.parsed is not None:
        job = replace(job, parsed=None)
    if job.content is not None:
        return job  # the cache hashed these bytes: the outcome must be theirs
    try:
        return replace(job, content=read_regular(job.path))
    except (OSError, NotRegularFile):
        return process_file(job)  # fails reading it again, with the reason


def _shipped_size(item: FileJob | FileResult) -> int:
    return len(item.content or b"") if isinstance(item, FileJob) else 0


def _common_root(paths: Sequence[Path]) -> Path | None:
    """The repository the paths are in; over several, the directory holding them all.

    Names in diffs are relative to it, so over several repositories each name
    starts with its repository's directory, and the results group by it.
    """
    roots = {repository_root(path if path.is_dir() else path.parent) for path in paths}
    roots.discard(None)
    if len(roots) <= 1:
        return next(iter(roots), None)
    return Path(os.path.commonpath([str(root) for root in roots]))
