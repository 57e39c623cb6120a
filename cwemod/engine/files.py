"""Which files a run covers, and how they are named in diffs.

Every file a run reads for writing lies inside the PATHs the user gave
(:class:`Roots`): a symbolic link is followed to the file it names, and
left alone when that file lies outside them. Directories behind a link are
not entered, so a link never leads the walk out of the tree or round in a
loop. A directory that cannot be listed is reported, never skipped in
silence.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from cwemod.errors import InputError

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


class Roots:
    """The PATHs of a run, resolved: the only places cwemod may write."""

    def __init__(self, paths: Iterable[Path]) -> None:
        self.paths = [Path(path) for path in paths] or [Path.cwd()]
        self._resolved = [path.resolve() for path in self.paths]

    def contain(self, path: Path) -> bool:
        """Whether ``path``, every link in it followed, lies inside a PATH."""
        resolved = path.resolve()
        return any(resolved == root or resolved.is_relative_to(root) for root in self._resolved)

    def outside(self, path: Path, named: object = None) -> str:
        """Why ``path`` (``named`` so in a report) is refused: where it really leads."""
        return f"{named or path} resolves to {path.resolve()}, outside the given paths"


@dataclass
class Walk:
    """The files to read, each once by its real path, and what could not be walked."""

    files: list[Path] = field(default_factory=list)
    problems: list[tuple[Path, str]] = field(default_factory=list)


def is_excluded(relative: Path, patterns: Sequence[str]) -> bool:
    """Match a glob against the whole relative path or any one of its parts."""
    posix = relative.as_posix()
    return any(
        fnmatch.fnmatch(posix, pattern)
        or any(fnmatch.fnmatch(part, pattern) for part in relative.parts)
        for pattern in patterns
    )


def walk(paths: Sequence[Path], excludes: Sequence[str] = ()) -> Walk:
    """Python files under ``paths``, sorted per directory, each once.

    A file named explicitly is always taken; excludes apply inside
    directories, as with ruff and Black. Each file is given by its real
    path (links followed), so a write replaces the file itself, never a link.
    """
    roots = Roots(paths)
    patterns = tuple(DEFAULT_EXCLUDES) + tuple(excludes)
    found = Walk()
    seen: set[Path] = set()
    for path in roots.paths:
        if path.is_file():
            candidates: Iterable[Path] = [path]
        elif path.is_dir():
            candidates = _files_below(path, patterns, found.problems)
        else:
            raise InputError(f"{path}: no such file or directory")
        for candidate in candidates:
            if not roots.contain(candidate):
                found.problems.append(
                    (
                        candidate,
                        f"symbolic link to {candidate.resolve()}, "
                        "outside the given paths; left alone",
                    )
                )
                continue
            real = candidate.resolve()
            if real not in seen:
                seen.add(real)
                found.files.append(real)
    return found


def python_files(paths: Sequence[Path], excludes: Sequence[str] = ()) -> list[Path]:
    """The files of :func:`walk`; its problems are the caller's to ignore."""
    return walk(paths, excludes).files


def _files_below(
    top: Path, patterns: Sequence[str], problems: list[tuple[Path, str]]
) -> list[Path]:
    def unreadable(error: OSError) -> None:
        problems.append(
            (Path(error.filename or top), f"cannot read directory: {error.strerror or error}")
        )

    files = []
    for directory, subdirectories, names in os.walk(top, onerror=unreadable):
        here = Path(directory)
        subdirectories[:] = sorted(
            name
            for name in subdirectories
            if not is_excluded((here / name).relative_to(top), patterns)
        )
        for name in sorted(names):
            candidate = here / name
            if (
                name.endswith(".py")
                and not is_excluded(candidate.relative_to(top), patterns)
                and candidate.is_file()
            ):
                files.append(candidate)
    return sorted(files)


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
