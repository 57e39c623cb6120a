"""Where a series goes in Gerrit, and pushing it there.

The series is pushed as ``git push REMOTE LOCAL_BRANCH:refs/for/BRANCH`` with
Gerrit's push options (``-o topic=T -o hashtag=H -o r=R -o wip``). The
commits live on a local branch ``cwemod/<topic or branch>`` so the user can
look at what was uploaded and so that a later run finds the Change-Ids it
used. If the push fails, that branch is put back where it was.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import PurePosixPath
from urllib.parse import urlsplit

from cwemod.errors import VcsError
from cwemod.vcs.git import Git, GitError
from cwemod.vcs.gitreview import GitReview
from cwemod.vcs.message import normalize_project

BRANCH_PREFIX = "cwemod/"
_CHANGE_URL = re.compile(r"^remote:\s+(https?://\S+)(?:\s+(.*?))?\s*$", re.MULTILINE)
_REJECTED = re.compile(r"\[remote rejected\][^(]*\((.*)\)\s*$", re.MULTILINE)


class GerritError(VcsError):
    """Pushing to Gerrit failed; the message says why in one line."""


@dataclass(frozen=True)
class Target:
    remote: str  # a remote name or a URL
    branch: str  # the branch the change is for
    project: str  # Gerrit project name, e.g. "openstack/neutron"


@dataclass(frozen=True)
class PushOptions:
    topic: str | None = None
    hashtags: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    wip: bool = False

    def arguments(self) -> list[str]:
        """``-o`` arguments in the form Gerrit documents for ``git push``."""
        options = [f"topic={self.topic}"] if self.topic else []
        options += [f"hashtag={tag}" for tag in self.hashtags]
        options += [f"r={reviewer}" for reviewer in self.reviewers]
        options += ["wip"] if self.wip else []
        for option in options:
            if "\n" in option or "\0" in option:
                raise GerritError(f"push option {option!r} holds a line break")
        return [argument for option in options for argument in ("-o", option)]


def resolve_target(
    git: Git, gitreview: GitReview | None, remote: str | None = None, branch: str | None = None
) -> Target:
    """Flags first, then ``.gitreview``, then the ``gerrit``/``origin`` remote and the upstream branch."""
    remote = remote or _default_remote(git, gitreview)
    if remote is None:
        raise GerritError(
            "no remote to push to: add a .gitreview, a remote named gerrit or origin, or pass --remote"
        )
    branch = branch or (gitreview.defaultbranch if gitreview else None) or _upstream_branch(git)
    if branch is None:
        raise GerritError(
            "cannot tell which branch the change is for: the current branch tracks none; pass --branch"
        )
    project = (gitreview.project if gitreview and gitreview.project else None) or project_from_url(
        _remote_url(git, remote)
    )
    return Target(remote, branch.removeprefix("refs/heads/"), normalize_project(project))


def best_effort_target(git: Git, gitreview: GitReview | None) -> Target:
    """For ``cwemod patch``: the same defaults, with blanks instead of errors."""
    try:
        return resolve_target(git, gitreview)
    except GerritError:
        project = gitreview.project if gitreview and gitreview.project else git.root.name
        branch = (gitreview.defaultbranch if gitreview else None) or _upstream_branch(git) or ""
        return Target("", branch, normalize_project(project))


def _default_remote(git: Git, gitreview: GitReview | None) -> str | None:
    remotes = git.remotes()
    if gitreview is not None:
        named = gitreview.defaultremote or "gerrit"
        if named in remotes:
            return named
        url = gitreview.ssh_url(git.config("gitreview.username"))
        if url is not None:
            return url
    return next((name for name in ("gerrit", "origin") if name in remotes), None)


def _upstream_branch(git: Git) -> str | None:
    upstream = git.upstream_branch()
    return upstream[1] if upstream else None


def _remote_url(git: Git, remote: str) -> str:
    if remote in git.remotes():
        return git.output("remote", "get-url", remote)
    return remote


def project_from_url(url: str) -> str:
    """``openstack/neutron`` from ssh://, https://, scp-style or local-path remotes."""
    if "://" in url:
        path = urlsplit(url).path
    elif re.match(r"^[^/:]+:", url):  # user@host:path
        path = url.split(":", 1)[1]
    else:
        return PurePosixPath(url.rstrip("/")).name.removesuffix(".git")
    return normalize_project(path)


def local_branch(target: Target, options: PushOptions) -> str:
    return BRANCH_PREFIX + (options.topic or target.branch)


def push_command(target: Target, local: str, options: PushOptions) -> list[str]:
    return ["git", "push", *options.arguments(), target.remote, f"{local}:refs/for/{target.branch}"]


def show_command(command: Sequence[str]) -> str:
    return shlex.join(command)


def push(git: Git, command: Sequence[str]) -> str:
    """Run the push; return the server's reply (git prints it on stderr)."""
    completed = git.run(*command[1:], check=False)
    reply = completed.stderr.decode("utf-8", "replace")
    if completed.returncode != 0:
        raise GerritError(f"push to {command[-2]} failed: {rejection_reason(reply)}")
    return reply


def rejection_reason(reply: str) -> str:
    rejected = _REJECTED.search(reply)
    if rejected:
        return f"the remote rejected it ({rejected.group(1)})"
    lines = [line.strip() for line in reply.splitlines() if line.strip()]
    errors = [
        line
        for line in lines
        if line.startswith(("fatal:", "error:")) and "failed to push" not in line
    ]
    return (errors or lines or ["no message from git"])[0]


def change_urls(reply: str) -> list[str]:
    """The change URLs Gerrit lists in its reply, each with the text after it."""
    return [
        " ".join(part for part in match.groups() if part) for match in _CHANGE_URL.finditer(reply)
    ]


def move_branch(git: Git, branch: str, new: str, old: str | None) -> None:
    """Point ``branch`` at ``new`` only if it still is at ``old`` (None: does not exist)."""
    git.run("update-ref", "-m", "cwemod gerrit", f"refs/heads/{branch}", new, old or "")


def restore_branch(git: Git, branch: str, old: str | None, current: str) -> None:
    if old is None:
        git.run("update-ref", "-d", f"refs/heads/{branch}", current)
    else:
        git.run(
            "update-ref", "-m", "cwemod gerrit: push failed", f"refs/heads/{branch}", old, current
        )


__all__ = [
    "GerritError",
    "GitError",
    "PushOptions",
    "Target",
    "best_effort_target",
    "change_urls",
    "local_branch",
    "move_branch",
    "project_from_url",
    "push",
    "push_command",
    "resolve_target",
    "restore_branch",
    "show_command",
]
