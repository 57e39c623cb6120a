"""A thin wrapper around the real ``git`` binary with errors phrased for users."""

from __future__ import annotations

import os
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from cwemod.errors import VcsError


class GitError(VcsError):
    """A git command failed; the message says which one and why, in one line."""


def _last_words(stderr: bytes) -> str:
    lines = [
        line.strip() for line in stderr.decode("utf-8", "replace").splitlines() if line.strip()
    ]
    meaningful = [line for line in lines if not line.lower().startswith("hint:")]
    return (meaningful or lines or ["no message"])[-1]


@dataclass(frozen=True)
class Completed:
    returncode: int
    stdout: bytes
    stderr: bytes

    @property
    def text(self) -> str:
        return self.stdout.decode("utf-8", "replace").strip()


class Git:
    """Runs git in one repository (``root`` is its top-level directory)."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def run(
        self,
        *args: str,
        input: bytes | None = None,
        env: Mapping[str, str] | None = None,
        check: bool = True,
    ) -> Completed:
        binary = shutil.which("git")
        if binary is None:
            raise GitError("git is not installed or not on PATH")
        process = subprocess.run(
            [binary, *args],
            cwd=self.root,
            input=input,
            check=False,
            capture_output=True,
            env={**os.environ, "LC_ALL": "C", **(env or {})},
        )
        if check and process.returncode != 0:
            raise GitError(f"git {args[0]} failed: {_last_words(process.stderr)}")
        return Completed(process.returncode, process.stdout, process.stderr)

    def output(self, *args: str, env: Mapping[str, str] | None = None) -> str:
        return self.run(*args, env=env).text

    def succeeds(self, *args: str) -> bool:
        return self.run(*args, check=False).returncode == 0

    # -- questions about the repository ------------------------------------

    def head(self) -> str:
        if not self.succeeds("rev-parse", "--verify", "--quiet", "HEAD^{commit}"):
            raise GitError("the repository has no commit yet; commit something first")
        return self.output("rev-parse", "--verify", "HEAD^{commit}")

    def current_branch(self) -> str | None:
        """The checked-out branch name, or None on a detached HEAD."""
        completed = self.run("symbolic-ref", "--quiet", "--short", "HEAD", check=False)
        return completed.text or None

    def upstream_branch(self) -> tuple[str, str] | None:
        """(remote, branch) the current branch tracks, if any."""
        branch = self.current_branch()
        if branch is None:
            return None
        remote = self.config(f"branch.{branch}.remote")
        merge = self.config(f"branch.{branch}.merge")
        if not remote or not merge:
            return None
        return remote, merge.removeprefix("refs/heads/")

    def config(self, key: str) -> str | None:
        completed = self.run("config", "--get", key, check=False)
        return completed.text or None

    def remotes(self) -> list[str]:
        return self.output("remote").split()

    def resolve(self, ref: str) -> str | None:
        completed = self.run("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False)
        return completed.text or None

    def dirty_paths(self, paths: Sequence[str]) -> list[str]:
        """Those of ``paths`` whose index or working copy differs from HEAD."""
        if not paths:
            return []
        out = self.run(
            "status", "--porcelain=v1", "-z", "--untracked-files=all", "--", *paths
        ).stdout
        entries = iter(out.decode("utf-8", "surrogateescape").split("\0"))
        dirty = []
        for entry in entries:
            if not entry:
                continue
            dirty.append(entry[3:])
            if entry[0] in "RC":
                next(entries, None)  # a rename or copy is followed by its source path
        return dirty

    def tree_entry(self, commit: str, path: str) -> tuple[str, str] | None:
        """(mode, blob id) of ``path`` in ``commit``, or None when it is not tracked."""
        listing = self.run("ls-tree", "-z", commit, "--", path).stdout.decode(
            "utf-8", "surrogateescape"
        )
        for entry in filter(None, listing.split("\0")):
            meta, _, name = entry.partition("\t")
            mode, kind, blob = meta.split()
            if name == path and kind == "blob":
                return mode, blob
        return None

    def commit_messages(self, revision_range: str) -> list[str]:
        completed = self.run("log", "--format=%B%x00", revision_range, check=False)
        text = completed.stdout.decode("utf-8", "replace")
        return [message.strip("\n") for message in text.split("\0") if message.strip()]


def repository_at(path: Path) -> Git:
    """The repository that holds ``path`` (a file or a directory)."""
    directory = (path if path.is_dir() else path.parent).resolve()
    completed = Git(directory).run("rev-parse", "--show-toplevel", check=False)
    if completed.returncode != 0:
        raise GitError(f"{path}: not inside a git repository")
    return Git(Path(completed.text))
