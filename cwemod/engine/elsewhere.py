"""One file's work as a run sends it to worker processes; no LibCST here.

The workers of a process pool fork from a parent that imported the
codemods; those of a Dask cluster import them themselves (see
:mod:`cwemod.engine.dask_preload`), and their parent, which only ships jobs
and reads results, never loads LibCST.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

from cwemod.engine.results import FileResult, drop_unchanged_bytes
from cwemod.engine.run import FileJob


class Elsewhere:
    """:func:`process_file` in a worker process, with the run's projects sent there once.

    A project's facts and the module paths of its run (110 kB for Neutron's,
    growing with the project) would otherwise travel with every batch: a job
    travels with its project stripped of them (:meth:`sendable`), and this
    callable, which every executor sends to each worker once, puts them back
    (a run has one project per root). An unchanged file's bytes do not
    travel back.
    """

    def __init__(self, jobs: Iterable[FileJob]) -> None:
        self._projects = {job.project.root: job.project for job in jobs}
        self._stripped = {
            root: replace(project, facts={}, run_files=frozenset())
            for root, project in self._projects.items()
        }

    def sendable(self, job: FileJob) -> FileJob:
        return replace(job, project=self._stripped[job.project.root])

    def __call__(self, job: FileJob | FileResult) -> FileResult:
        if isinstance(job, FileResult):
            return job  # a file the parent could not read to ship: it keeps its place
        from cwemod.engine import work  # loaded in the worker, not in the parent

        return drop_unchanged_bytes(
            work.process_file(replace(job, project=self._projects[job.project.root]))
        )


def crashed_file(job: FileJob, how: str) -> FileResult:
    """The result for a file whose worker process died on it: a native crash in LibCST's parser."""
    return FileResult(job.path, job.display, error=f"cannot parse: the parser crashed ({how})")
