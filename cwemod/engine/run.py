"""Plan a run: every selected codemod over every file, checked, not written."""

from __future__ import annotations

import functools
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from cwemod.codemods import LineRange, get_codemod
from cwemod.codemods.kit.project import Project
from cwemod.engine.cache import RunCache
from cwemod.engine.file_digests import FileDigests
from cwemod.engine.files import (
    Listings,
    NotRegularFile,
    Roots,
    display_path,
    read_regular,
    repository_root,
    walk,
)
from cwemod.engine.projects import Projects, Surveys
from cwemod.engine.results import FileResult, add_created_files, drop_unchanged_bytes

if TYPE_CHECKING:
    from cwemod.engine.executor import Executor
    from cwemod.engine.transform import CodemodSpec, ParsedFile
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


@dataclass
class RunFiles:
    """The files a request runs on, as walked, and their projects: what every job is made of."""

    paths: list[Path]
    problems: list[tuple[Path, str]]  # paths the run must not touch, with why
    projects: Projects
    root: Path | None  # names in diffs are relative to it


def files_for(
    request: FixRequest, root: Path | None, digests: FileDigests | None = None
) -> RunFiles:
    """The request's files and their projects; names in diffs are relative to ``root``.

    Report targets were contained by triage; they are checked again here, so
    that no caller of the engine can make it read for writing, or write, a
    file outside the request's PATHs. ``digests`` are the run cache's: a
    project's facts are keyed by the files it hashed.
    """
    roots = Roots(request.paths)
    listings = Listings()  # the walk's, for the project walk and each directory's questions
    if request.targets is not None:
        paths = [path for path in request.targets if roots.contain(path)]
        problems = [
            (path, roots.outside(path)) for path in request.targets if not roots.contain(path)
        ]
    else:
        found = walk(request.paths, request.excludes, listings)
        paths, problems = found.files, found.problems
    projects = Projects(
        request.codemods,
        request.excludes,
        paths,
        request.cache,
        digests,
        listings,
        tops=request.paths,
    )
    if request.targets is None:
        projects.real.known(paths)  # the walk gives each file by its real path
        if len(request.paths) == 1:
            projects.walked(request.paths[0], found)  # the project's walk takes it
    return RunFiles(paths, problems, projects, root)


def jobs_for(
    request: FixRequest, files: RunFiles | None = None
) -> tuple[list[FileJob], list[FileResult]]:
    """A job per file to run, and a failed result per file the run must not touch."""
    files = files or files_for(request, _diff_root(request))
    codemods = tuple(request.codemods)
    jobs = []
    for path in files.paths:
        display, project, module_path = files.projects.placed(path, files.root)
        targets = None if request.targets is None else request.targets[path]
        parsed = request.parsed.get(path)
        jobs.append(
            FileJob(
                path, display, codemods, request.allow_review, targets, parsed, project, module_path
            )
        )
    refused = [
        FileResult(path, _link_name(path, files.root), error=why) for path, why in files.problems
    ]
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
    """Run the request over its files and return one result per file, in path order.

    Only the results that change their files carry the files' bytes.
    """
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
    cache = RunCache() if request.cache and request.targets is None else None
    root = _diff_root(request)
    recalled = None if cache is None else cache.recall_run(request, root)
    if recalled is not None:
        return _finished(request, recalled, root, progress)
    files = files_for(request, root, None if cache is None else cache.digests)
    jobs, results = jobs_for(request, files)
    total = len(jobs)
    if cache is not None:
        cache.read(jobs)  # first: the project facts' key is made of the files' digests
    up_front = _surveys_up_front(request, executor, cache is not None, len(jobs))
    if up_front is not None:
        forks_here = _workers_fork_from_here(request, executor)
        _survey_side_by_side(jobs, forks_here, only_asked=up_front == "asked")
    if cache is not None:
        jobs = cache.misses(jobs)  # each miss carries the bytes its key hashed
    if progress is not None:
        progress.start(total)
    fresh = _run(request, jobs, executor, cluster) if jobs else iter(())
    for result in cache.merged(fresh) if cache is not None else fresh:
        results.append(drop_unchanged_bytes(result))
        if progress is not None:
            progress.advance(result)
    if cache is not None:
        cache.remember_run(files, results)
    return _finished(request, results, root)


def _finished(
    request: FixRequest,
    results: list[FileResult],
    root: Path | None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """The run's results with the new modules its changes need (a shared helper's home).

    ``progress`` is told of results it has not seen (a run recalled whole).
    """
    if progress is not None:
        progress.start(len(results))
        for result in results:
            progress.advance(result)
    return add_created_files(
        results, Roots(request.paths).contain, lambda path: display_path(path, root)
    )


def _run(
    request: FixRequest,
    jobs: Sequence[FileJob],
    executor: Executor | None,
    cluster: Executor | None,
) -> Iterator[FileResult]:
    from cwemod.engine.elsewhere import Elsewhere, crashed_file
    from cwemod.engine.executor import SerialExecutor, local_executor

    if executor is None and any(job.parsed for job in jobs):
        executor = SerialExecutor()  # the trees triage parsed live in this process
    elif not isinstance(executor, (SerialExecutor, type(None))):
        jobs = [replace(job, parsed=None) for job in jobs]  # trees stay out of other processes
    executor = executor or cluster or _dask_executor(request)
    executor = executor or local_executor(request.jobs, len(jobs), size_of=_file_size)
    if isinstance(executor, SerialExecutor):
        # Imported only now: ``work`` loads LibCST, which neither a run answered
        # whole from the cache nor the parent of a Dask run needs.
        from cwemod.engine.work import process_file

        return executor.map(process_file, jobs)
    elsewhere = Elsewhere(jobs)
    items: Iterable[FileJob | FileResult] = map(elsewhere.sendable, jobs)
    if getattr(executor, "ships_files", False):
        items = map(_shipped, items)  # read one batch at a time, as it is sent
    return executor.map(elsewhere, items, crashed=crashed_file)


def _surveys_up_front(
    request: FixRequest, executor: Executor | None, cached: bool, job_count: int
) -> Literal["all", "asked"] | None:
    """Which surveys to make before any job runs, side by side: all, the asked ones, or none.

    All when the run needs every survey's facts anyway: its cache keys
    outcomes by them, or its jobs go to processes that do not fork from this
    one (a cluster's, or a pool's that starts its workers afresh), which are
    sent the facts. The workers of a pool that forks from here, like a run in
    this process, survey as their files first ask (Neutron's files ask for
    one survey of seven, which each worker makes in less time than the seven
    take side by side), but for a survey that some file asks for whenever it
    is run: each worker would make it, so it is made here, once.
    """
    if request.targets is not None or request.jobs == 1:
        return None
    if cached or request.executor == "dask" or getattr(executor, "ships_files", False):
        return "all"
    from cwemod.engine.executor import SerialExecutor, pool_forks, pool_size

    if isinstance(executor, SerialExecutor):
        return None
    if executor is None and pool_size(request.jobs, job_count) <= 1:
        return None
    return "asked" if pool_forks() else "all"


def _survey_side_by_side(
    jobs: Sequence[FileJob], import_codemods: bool, only_asked: bool = False
) -> None:
    """Run the surveys of the jobs' projects now, side by side, as the run may use several cores.

    Here, in the main thread, before the first job carries its project's facts away.
    Meanwhile, when its workers fork from this process, it imports the codemods for them.
    With ``only_asked``, only the surveys their files always ask for (:meth:`Surveys.survey_all`).
    """
    chosen = {id(job.codemods): job.codemods for job in jobs}.values()  # one tuple, most runs
    codemod_ids = dict.fromkeys(codemod_id for codemods in chosen for codemod_id, _ in codemods)
    meanwhile = functools.partial(_import_codemods, codemod_ids) if import_codemods else _nothing
    for facts in {id(job.project.facts): job.project.facts for job in jobs}.values():
        if isinstance(facts, Surveys) and facts.survey_all(meanwhile, only_asked):
            meanwhile = _nothing


def _workers_fork_from_here(request: FixRequest, executor: Executor | None) -> bool:
    """Are the run's worker processes forked from this one (a pool), not started apart (Dask)?"""
    return request.executor != "dask" and not getattr(executor, "ships_files", False)


def _import_codemods(codemod_ids: Iterable[str]) -> None:
    for codemod_id in codemod_ids:
        get_codemod(codemod_id)


def _nothing() -> None:
    return None


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
        from cwemod.engine.work import process_file

        return process_file(job)  # fails reading it again, with the reason


def _shipped_size(item: FileJob | FileResult) -> int:
    return len(item.content or b"") if isinstance(item, FileJob) else 0


def _file_size(item: FileJob | FileResult) -> int:
    """The size of the item's file, which its work grows with; 0 when unknown."""
    if not isinstance(item, FileJob):
        return 0
    if item.content is not None:
        return len(item.content)
    try:
        return os.stat(item.path).st_size
    except OSError:
        return 0  # the worker reports why


def _diff_root(request: FixRequest) -> Path | None:
    """The directory names in diffs are relative to: the request's, else :func:`_common_root`."""
    return request.root or _common_root(request.paths)


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
