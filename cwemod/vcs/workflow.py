"""From a planned run to a patch series on disk or changes in Gerrit.

Both paths share :func:`prepare_series` (groups, checks, messages) and build
commits with plumbing only, so the user's working tree, index, HEAD and
current branch stay as they were, whatever happens.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from cwemod.engine.results import FileResult
from cwemod.engine.run import FixRequest
from cwemod.vcs.describe import MessageContext, commit_message
from cwemod.vcs.gerrit import (
    GerritError,
    PushOptions,
    Target,
    best_effort_target,
    change_urls,
    local_branch,
    move_branch,
    push,
    push_command,
    resolve_target,
    restore_branch,
)
from cwemod.vcs.git import Git, repository_at
from cwemod.vcs.gitreview import read_gitreview
from cwemod.vcs.groups import Group, Split, plan_groups
from cwemod.vcs.message import CommitMessage, existing_change_ids
from cwemod.vcs.series import build_commits, check_files, export_patches


@dataclass
class Series:
    git: Git
    base: str  # the commit the series starts from (HEAD)
    groups: list[Group]
    messages: list[CommitMessage]


def repository_for(request: FixRequest) -> Git:
    first = request.paths[0] if request.paths else Path.cwd()
    return repository_at(first)


def prepare_series(
    git: Git,
    results: Sequence[FileResult],
    request: FixRequest,
    split: Split,
    context: MessageContext,
) -> Series:
    base = git.head()
    groups = plan_groups(results, request, split)
    check_files(git, base, groups)
    verification = {
        finding: status for result in results for finding, status in result.verification.items()
    }
    context = replace(context, verification=verification)
    return Series(git, base, groups, [commit_message(group, context) for group in groups])


def message_context(
    request: FixRequest, target: Target, existing_ids: Mapping[str, str] | None = None
) -> MessageContext:
    """The report's findings and where triage found them, for the commit messages."""
    located = {
        triaged.finding.id: triaged.location.symbol
        for triaged in request.triaged
        if triaged.location is not None and triaged.location.symbol
    }
    return MessageContext(
        target.project, target.branch, request.findings, existing_ids or {}, located
    )


# -- cwemod patch ------------------------------------------------------------


@dataclass
class PatchSeries:
    paths: list[Path]  # the .patch files, in order; empty when nothing changes
    has_crlf: bool  # some patched file uses CRLF: ``git am`` needs --keep-cr


def write_patch_series(
    results: Sequence[FileResult],
    request: FixRequest,
    split: Split,
    output: Path,
) -> PatchSeries:
    """Write one ``git format-patch`` file per group into ``output``."""
    git = repository_for(request)
    target = best_effort_target(git, read_gitreview(git.root))
    context = message_context(request, target)
    series = prepare_series(git, results, request, split, context)
    if not series.groups:
        return PatchSeries([], False)
    commits = build_commits(git, series.base, series.groups, series.messages)
    paths = export_patches(git, series.base, commits[-1].sha, output)
    has_crlf = any(b"\r\n" in stage.content for group in series.groups for stage in group.files)
    return PatchSeries(paths, has_crlf)


# -- cwemod gerrit -----------------------------------------------------------


@dataclass
class Submission:
    series: Series
    target: Target
    local: str  # the local branch that will hold the series
    command: list[str]  # the exact push command


def plan_submission(
    results: Sequence[FileResult],
    request: FixRequest,
    split: Split,
    options: PushOptions,
    remote: str | None = None,
    branch: str | None = None,
) -> Submission:
    """Everything a push needs, computed without changing anything."""
    git = repository_for(request)
    target = resolve_target(git, read_gitreview(git.root), remote, branch)
    local = local_branch(target, options)
    if git.current_branch() == local:
        raise GerritError(
            f"the current branch is {local}, which cwemod uses for the series; switch to the branch to fix"
        )
    earlier = (
        git.commit_messages(f"HEAD..refs/heads/{local}")
        if git.resolve(f"refs/heads/{local}")
        else []
    )
    context = message_context(request, target, existing_change_ids(earlier))
    series = prepare_series(git, results, request, split, context)
    return Submission(series, target, local, push_command(target, local, options))


def submit(submission: Submission) -> list[str]:
    """Commit, point the local branch at the series, push; on failure put the branch back."""
    series, git = submission.series, submission.series.git
    commits = build_commits(git, series.base, series.groups, series.messages)
    tip = commits[-1].sha
    old = git.resolve(f"refs/heads/{submission.local}")
    move_branch(git, submission.local, tip, old)
    try:
        reply = push(git, submission.command)
    except BaseException:
        restore_branch(git, submission.local, old, tip)
        raise
    return change_urls(reply)
