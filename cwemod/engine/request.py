"""Turn command-line choices plus ``[tool.cwemod]`` into a :class:`FixRequest`."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cwemod.engine.config import Config, load_config
from cwemod.engine.files import check_paths
from cwemod.engine.run import FixRequest
from cwemod.errors import InputError


def make_request(
    paths: Sequence[Path],
    *,
    codemods: Sequence[str] = (),
    unsafe: bool = False,
    excludes: Sequence[str] = (),
    jobs: int | None = None,
    config: Config | None = None,
    reports: Sequence[Path] = (),
    executor: str = "process",
    scheduler: str | None = None,
    cache: bool = False,
) -> FixRequest:
    """Flags win over the config of the nearest pyproject.toml above the first path.

    With ``reports`` the run is restricted to the findings triaged ``fix``
    (and ``review`` with ``unsafe``), each only where it points.
    """
    paths = list(paths) or [Path.cwd()]
    check_paths(paths)
    if jobs is not None and jobs < 1:
        raise InputError("-j/--jobs must be at least 1")
    _check_executor(executor, scheduler)
    config = config if config is not None else load_config(paths[0])
    ids = config.codemod_ids(list(codemods) or None)
    allow_review = unsafe or config.unsafe
    return FixRequest(
        paths=paths,
        codemods=[(codemod_id, config.codemod_options.get(codemod_id, {})) for codemod_id in ids],
        allow_review=allow_review,
        excludes=[*config.exclude, *excludes],
        jobs=jobs,
        executor=executor,
        scheduler=scheduler,
        cache=cache,
        **(_report_fields(reports, paths, config, allow_review, ids) if reports else {}),
    )


def _check_executor(executor: str, scheduler: str | None) -> None:
    if executor not in ("process", "dask"):
        raise InputError(f"unknown executor {executor!r}: process or dask")
    if scheduler is not None and executor != "dask":
        raise InputError("--scheduler needs --executor dask")
    if executor == "dask":
        from cwemod.engine.dask_executor import check_available

        check_available()


def read_path_list(source: Path) -> list[Path]:
    """The paths listed in ``source`` (``-``: stdin), one per line; ``#`` starts a comment."""
    try:
        text = sys.stdin.read() if str(source) == "-" else source.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"cannot read the path list {source}: {error}") from None
    lines = (line.split("#", 1)[0].strip() for line in text.splitlines())
    paths = [Path(line) for line in lines if line]
    if not paths:
        raise InputError(f"the path list {source} names no path")
    return paths


def _report_fields(
    reports: Sequence[Path],
    paths: Sequence[Path],
    config: Config,
    allow_review: bool,
    selected: Sequence[str],
) -> dict[str, Any]:
    """The request's report part: findings, their triage, and where the fix may act."""
    from cwemod.engine.triage import fix_targets, run_triage  # loads LibCST: only with a report
    from cwemod.reports import read_report  # a run with no report loads no report reader

    findings = [finding for report in reports for finding in read_report(report)]
    run = run_triage(findings, paths, config)
    targets = fix_targets(run.triaged, allow_review, selected)
    return {
        "targets": targets,
        "findings": {finding.id: finding for finding in findings},
        "triaged": run.triaged,
        # Only the files the fix will touch: the others' trees are not kept for the plan.
        "parsed": {path: parsed for path, parsed in run.parsed.items() if path in targets},
    }
