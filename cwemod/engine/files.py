"""Which files a run covers and how they are named in diffs."""

from __future__ import annotations

import fnmatch
from pathlib import Path
from typing import Iterable, Iterator, Sequence

DEFAULT_EXCLUDES = (
    ".git",
    ".hg",
    ".tox",
    ".nox",
    ".venv",
    "venv",
    "__pycache__",
    "build",
    "dist",
    "*.egg-info",
    "node_modules",
)


class InputError(Exception):
    """A path or option given by the user is unusable (exit code 2)."""


def is_excluded(relative: Path, patterns: Sequence[str]) -> bool:
    """Match a glob against the whole relative path or any one of its parts."""
    posix = relative.as_posix()
    return any(
        fnmatch.fnmatch(posix, pattern) or any(fnmatch.fnmatch(part, pattern) for part in relative.parts)
        for pattern in patterns
    )


def python_files(paths: Iterable[Path], excludes: Sequence[str] = ()) -> Iterator[Path]:
    """Python files under ``paths``, sorted per directory, each once.

    A file named explicitly is always taken; excludes apply inside
    directories, as with ruff and Black.
    """
    patterns = tuple(DEFAULT_EXCLUDES) + tuple(excludes)
    seen: set[Path] = set()
    for path in paths:
        if path.is_file():
            candidates: Iterable[Path] = [path]
        elif path.is_dir():
            candidates = (
                found
                for found in sorted(path.rglob("*.py"))
                if found.is_file() and not is_excluded(found.relative_to(path), patterns)
            )
        else:
            raise InputError(f"{path}: no such file or directory")
        for candidate in candidates:
            key = candidate.resolve()
            if key not in seen:
                seen.add(key)
                yield candidate


def repository_root(path: Path) -> Path | None:
    """The nearest enclosing directory that holds ``.git``."""
    for directory in [path.resolve(), *path.resolve().parents]:
        if (directory / ".git").exists():
            return directory
    return None


def display_path(path: Path, root: Path | None = None) -> str:
    """The name a diff uses: relative to the repository root, else to the cwd."""
    resolved = path.resolve()
    for base in (root or repository_root(path.parent), Path.cwd().resolve()):
        if base is not None and resolved.is_relative_to(base):
            return resolved.relative_to(base).as_posix()
    return resolved.as_posix().lstrip("/")
