"""Turn command-line choices plus ``[tool.cwemod]`` into a :class:`FixRequest`."""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

from cwemod.engine.config import Config, load_config
from cwemod.engine.files import InputError
from cwemod.engine.run import FixRequest
from cwemod.engine.triage import fix_targets, triage
from cwemod.reports import read_report


def make_request(
    paths: Sequence[Path],
    *,
    codemods: Sequence[str] = (),
    unsafe: bool = False,
    excludes: Sequence[str] = (),
    jobs: int | None = None,
    config: Config | None = None,
    reports: Sequence[Path] = (),
) -> FixRequest:
    """Flags win over the config of the nearest pyproject.toml above the first path.

    With ``reports`` the run is restricted to the findings triaged ``fix``
    (and ``review`` with ``unsafe``), each only where it points.
    """
    paths = list(paths) or [Path.cwd()]
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or directory")
    if jobs is not None and jobs < 1:
        raise InputError("-j/--jobs must be at least 1")
    config = config if config is not None else load_config(paths[0])
    ids = config.codemod_ids(list(codemods) or None)
    request = FixRequest(
        paths=paths,
        codemods=[(codemod_id, config.codemod_options.get(codemod_id, {})) for codemod_id in ids],
        allow_review=unsafe or config.unsafe,
        excludes=[*config.exclude, *excludes],
        jobs=jobs,
    )
    if reports:
        _restrict_to_reports(request, reports, config)
    return request


def _restrict_to_reports(request: FixRequest, reports: Sequence[Path], config: Config) -> None:
    findings = [finding for report in reports for finding in read_report(report)]
    triaged = triage(findings, request.paths, config)
    selected = [codemod_id for codemod_id, _ in request.codemods]
    request.targets = fix_targets(triaged, request.allow_review, selected)
    request.findings = {finding.id: finding for finding in findings}
    request.triaged = triaged
