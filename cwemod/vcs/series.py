"""Commits for a series, built without touching the working tree, index or HEAD.

Blobs are written with ``git hash-object`` (through the same clean filters
``git add`` would apply, so with no filters configured a blob holds exactly
the engine's bytes), staged into a temporary index file (``GIT_INDEX_FILE``)
that starts as the base commit's tree (a file the run creates is added to
it, as ``git add`` would), and committed with ``git commit-tree``. No ref moves here; the callers decide what to do with the
commits (export them with ``git format-patch``, or push them).
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from cwemod.vcs.git import Git, GitError
from cwemod.vcs.groups import Group, SeriesError
from cwemod.vcs.message import CommitMessage

NEW_FILE_MODE = "100644"  # what git add gives a new file without the executable bit


@dataclass(frozen=True)
class Commit:
    sha: str
    message: CommitMessage


def repo_path(git: Git, path: Path) -> str:
    """``path`` relative to the repository top level, in git's spelling."""
    try:
        return path.resolve().relative_to(git.root.resolve()).as_posix()
    except ValueError:
        raise SeriesError(f"{path}: outside the repository at {git.root}") from None


def check_files(git: Git, base: str, groups: Sequence[Group]) -> None:
    """Refuse files with local changes or unknown to git: the series starts from ``base``."""
    paths = sorted({repo_path(git, stage.path) for group in groups for stage in group.files})
    dirty = git.dirty_paths(paths)
    if dirty:
        shown = ", ".join(dirty[:5]) + (f" and {len(dirty) - 5} more" if len(dirty) > 5 else "")
        raise SeriesError(
            f"uncommitted changes in files the series would change: {shown}; commit or stash them first"
        )
    on_disk = {
        repo_path(git, stage.path): os.path.lexists(stage.path)
        for group in groups
        for stage in group.files
    }
    # A path git does not track and that is not on disk is a new file of the run.
    untracked = [path for path in paths if git.tree_entry(base, path) is None and on_disk[path]]
    if untracked:
        raise SeriesError(
            f"not tracked by git at HEAD: {', '.join(untracked[:5])}; add and commit them first"
        )


def build_commits(
    git: Git, base: str, groups: Sequence[Group], messages: Sequence[CommitMessage]
) -> list[Commit]:
    """One commit per group on top of ``base``; returns them in order."""
    commits: list[Commit] = []
    with tempfile.TemporaryDirectory(prefix="cwemod-index-") as scratch:
        env = {"GIT_INDEX_FILE": str(Path(scratch) / "index")}
        git.run("read-tree", base, env=env)
        parent = base
        for group, message in zip(groups, messages, strict=True):
            for stage in group.files:
                _stage_file(git, base, stage.path, stage.content, env)
            tree = git.output("write-tree", env=env)
            parent = git.run(
                "commit-tree", tree, "-p", parent, "-F", "-", input=message.text().encode("utf-8")
            ).text
            commits.append(Commit(parent, message))
    return commits


def _stage_file(git: Git, base: str, path: Path, content: bytes, env: dict[str, str]) -> None:
    """Stage ``content`` at ``path``: a tracked file keeps its mode; a new file is added."""
    name = repo_path(git, path)
    entry = git.tree_entry(base, name)
    if entry is None and os.path.lexists(path):
        raise SeriesError(f"{name}: not tracked by git at HEAD")
    mode = entry[0] if entry is not None else NEW_FILE_MODE
    blob = git.run("hash-object", "-w", f"--path={name}", "--stdin", input=content).text
    git.run("update-index", "--add", "--cacheinfo", f"{mode},{blob},{name}", env=env)


def export_patches(git: Git, base: str, tip: str, output: Path) -> list[Path]:
    """``git format-patch`` of ``base..tip`` into ``output``; all or nothing."""
    output = output.resolve()
    if output.exists() and not output.is_dir():
        raise SeriesError(f"{output}: exists and is not a directory")
    if output.is_dir() and any(output.glob("*.patch")):
        raise SeriesError(
            f"{output}: already holds .patch files; choose an empty directory or remove them"
        )
    created_dir = not output.exists()
    output.mkdir(parents=True, exist_ok=True)
    moved: list[Path] = []
    try:
        with tempfile.TemporaryDirectory(prefix="cwemod-patches-") as scratch:
            listing = git.run(
                "format-patch", f"--base={base}", "-o", scratch, f"{base}..{tip}"
            ).text
            for written in listing.splitlines():
                source = Path(written)
                target = output / source.name
                shutil.move(str(source), target)
                moved.append(target)
    except BaseException:
        for path in moved:
            path.unlink(missing_ok=True)
        if created_dir:
            shutil.rmtree(output, ignore_errors=True)
        raise
    return moved


__all__ = [
    "Commit",
    "GitError",
    "SeriesError",
    "build_commits",
    "check_files",
    "export_patches",
    "repo_path",
]
