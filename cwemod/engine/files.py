"""Which files a run covers, and how they are named in diffs.

Every file a run reads for writing lies inside the PATHs the user gave
(:class:`Roots`): a symbolic link is followed to the file it names, and
left alone when that file lies outside them. Directories behind a link are
not entered, so a link never leads the walk out of the tree or round in a
loop. A directory that cannot be listed is reported, never skipped in
silence; so is a ``.py`` name that is not a regular file (a FIFO, a socket,
a device, a link that leads nowhere or round in a loop): such a file is
never opened, since opening a FIFO for reading blocks until a writer comes.
"""

from __future__ import annotations

import errno
import fnmatch
import functools
import os
import re
import stat
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path, PurePath

from cwemod.engine.store import CACHE_DIR
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
    CACHE_DIR,  # cwemod's own: no Python there, and a run writes to it
)


def check_paths(paths: Sequence[Path]) -> None:
    """Raise :class:`InputError` in one line for a PATH that is missing or cannot be reached."""
    for path in paths:
        try:
            path.stat()
        except FileNotFoundError:
            raise InputError(f"{path}: no such file or directory") from None
        except OSError as error:
            raise InputError(f"{path}: cannot read: {error.strerror or error}") from None


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


@functools.lru_cache(maxsize=8)
def _matcher(patterns: tuple[str, ...]) -> Callable[[str], object]:
    """One regular expression for all of ``patterns``, as :func:`fnmatch.fnmatchcase` reads them."""
    if not patterns:
        return lambda name: None
    return re.compile("|".join(f"(?:{fnmatch.translate(p)})" for p in patterns)).match


def walk(
    paths: Sequence[Path],
    excludes: Sequence[str] = (),
    listings: Listings | None = None,
    walked: Mapping[str, Sequence[Path]] | None = None,
) -> Walk:
    """Python files under ``paths``, sorted per directory, each once.

    A file named explicitly is always taken; excludes apply inside
    directories, as with ruff and Black. Each file is given by its real
    path (links followed), so a write replaces the file itself, never a link.
    ``listings`` are the run's: a directory another walk of the run listed is
    not listed again. ``walked`` are the files earlier walks found below
    directories, by the directories' real paths (see :func:`reusable`): such
    a directory is not walked again.
    """
    listings = listings or Listings()
    roots = Roots(paths)
    patterns = tuple(DEFAULT_EXCLUDES) + tuple(excludes)
    found = Walk()
    seen: set[Path] = set()
    for path in roots.paths:
        if path.is_dir():
            candidates: Iterable[tuple[Path, Path | None]] = _files_below(
                path, patterns, found.problems, listings, walked or {}
            )
        elif os.path.lexists(path):
            candidates = ((file, None) for file in _regular([path], found.problems))
        else:
            raise InputError(f"{path}: no such file or directory")
        for candidate, real in candidates:
            if real is None:
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
    top: Path,
    patterns: Sequence[str],
    problems: list[tuple[Path, str]],
    listings: Listings,
    walked: Mapping[str, Sequence[Path]],
) -> list[tuple[Path, Path | None]]:
    """``(path, real path)`` of the Python files below ``top``, in path order.

    Links to directories are not entered, so the real path of a file that is
    no link is its path below the resolved ``top``, known without asking the
    filesystem; a link's real path is None, for the caller to resolve and check.
    Paths below ``top`` are built as strings: pathlib costs more than the
    walk itself over thousands of files.
    """
    real_top = str(top.resolve())
    excluded = _matcher(tuple(patterns))
    # (path below top; its entry, or the files an earlier walk found below it)
    found: list[tuple[str, os.DirEntry | Sequence[Path]]] = []
    pending = [""]  # directories below top, each as "a/b/" (top itself as "")
    while pending:
        below = pending.pop()
        directory = os.path.join(top, below[:-1]) if below else os.fspath(top)
        try:
            entries = listings.entries(directory, _joined(real_top, below))
        except OSError as error:
            problems.append(
                (
                    Path(error.filename or directory),
                    f"cannot read directory: {error.strerror or error}",
                )
            )
            continue
        for entry in entries:
            name = entry.name
            path = below + name
            # With a leading "/" too: "*/tests/*" takes a tests/ right below top.
            if excluded(path) or excluded(f"/{path}") or excluded(name):
                continue  # the parts above were checked on the way down
            try:
                is_directory = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_directory = False
            if is_directory:
                earlier = walked.get(_joined(real_top, path))
                if earlier is not None:
                    found.append((path, earlier))  # in its walk's order, as this one's would be
                else:
                    pending.append(path + "/")
            elif name.endswith(".py"):
                found.append((path, entry))
    found.sort(key=lambda item: item[0].split("/"))
    files: list[tuple[Path, Path | None]] = []
    for path, entry in found:
        if not isinstance(entry, os.DirEntry):
            files += [(file, file) for file in entry]
        elif file := _file_entry(top, real_top, path, entry, problems, listings):
            files.append(file)
    return files


def _joined(real_top: str, below: str) -> str:
    """The real path of ``below`` (``a/b`` or ``a/b/``, POSIX form) under ``real_top``."""
    below = below.rstrip("/")
    if not below:
        return real_top
    return real_top + os.sep + (below if os.sep == "/" else below.replace("/", os.sep))


def reusable(walk: Walk, patterns: Sequence[str]) -> bool:
    """May another walk with ``patterns`` take this walk's files for the directory it walked?

    Only when nothing was refused (a link out of the directory may lie inside
    the other walk's) and every pattern matches a path as it matches the
    path's last part (a name, or ``*`` then a name), so that excluding by the
    path below either walk's top is the same.
    """
    return not walk.problems and all(
        _NAME_ONLY.fullmatch(pattern) for pattern in (*DEFAULT_EXCLUDES, *patterns)
    )


_NAME_ONLY = re.compile(r"\*?[^*?\[\]/\\]+")


def _file_entry(
    top: Path, real_top: str, below: str, entry: os.DirEntry, problems: list, listings: Listings
) -> tuple[Path, Path | None] | None:
    """The file ``entry`` as :func:`_files_below` lists it; None, and a problem, when irregular."""
    try:
        link = entry.is_symlink()
        regular = entry.is_file(follow_symlinks=False) and not link
    except OSError:
        link = regular = False
    if regular:
        real = listings.path(_joined(real_top, below))
        return real, real  # the path as walked is only needed for a link's message
    path = top / below
    why = not_regular(path)
    if why is not None:
        problems.append((path, why))
        return None
    return path, None


def _regular(paths: Iterable[Path], problems: list[tuple[Path, str]]) -> list[Path]:
    """Those of ``paths`` that are, or link to, a regular file; a problem for each other one."""
    regular = []
    for path in paths:
        why = not_regular(path)
        if why is None:
            regular.append(path)
        else:
            problems.append((path, why))
    return regular


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISDIR, "a directory"),
)


def not_regular(path: Path) -> str | None:
    """Why ``path`` (links followed) is not a regular file to read, or None when it is one."""
    try:
        mode = os.stat(path).st_mode
    except OSError as error:
        if error.errno == errno.ELOOP:
            return "symbolic link loop; left alone"
        if os.path.islink(path) and error.errno == errno.ENOENT:
            return f"symbolic link to {os.readlink(path)}, which does not exist; left alone"
        return f"cannot read: {error.strerror or error}"
    return _mode_problem(mode)


def _mode_problem(mode: int) -> str | None:
    if stat.S_ISREG(mode):
        return None
    kind = next((name for test, name in _KINDS if test(mode)), "not a file")
    return f"not a regular file ({kind}); left alone"


def read_regular(path: Path) -> bytes:
    """The bytes of the regular file at ``path``; never blocks on a FIFO or a device.

    The file is opened without blocking and checked with ``fstat`` on the open
    descriptor, so a FIFO put in place of a file after the walk is refused
    too. Raises :class:`OSError`, or :class:`NotRegularFile`.
    """
    return read_regular_with_status(path)[0]


def read_regular_with_status(path: Path) -> tuple[bytes, os.stat_result]:
    """:func:`read_regular`, with the file's status as it was just before it was read."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        status = os.fstat(descriptor)
        why = _mode_problem(status.st_mode)
        if why is not None:
            raise NotRegularFile(why)
        # Left non-blocking: reading a regular file never waits, whatever the flag says.
        return _read_all(descriptor, status.st_size), status
    finally:
        os.close(descriptor)


def _read_all(descriptor: int, size: int) -> bytes:
    """Everything left to read, ``size`` (the file's length) a hint for the first read.

    No buffered file object: over thousands of files it costs more than the reading.
    """
    chunks = []
    while chunk := os.read(descriptor, max(size + 1, 1 << 16)):
        chunks.append(chunk)
    return b"".join(chunks)


class NotRegularFile(Exception):
    """The path names a FIFO, a socket, a device or a directory; ``str()`` says which."""


class Listings:
    """Each directory's entries as a run first listed them, by the directory's real path.

    A run walks its PATHs, then the project around them for the surveys, and
    asks of every directory whether it holds ``.git`` or a project marker:
    each directory is listed once, and a name its listing lacks is never
    looked up. Made per run and dropped after it.
    """

    def __init__(self) -> None:
        self._entries: dict[str, dict[str, os.DirEntry]] = {}
        self._paths: dict[str, Path] = {}

    def entries(self, directory: str, real: str) -> Iterable[os.DirEntry]:
        """The entries of ``directory``, whose real path is ``real``. Raises :class:`OSError`."""
        known = self._entries.get(real)
        if known is None:
            with os.scandir(directory) as listing:
                known = self._entries[real] = {entry.name: entry for entry in listing}
        return known.values()

    def path(self, real: str) -> Path:
        """The ``Path`` of the file at ``real``, made once however many walks find it.

        Made from its directory's (``Path(real)`` parses every part again: a
        tenth of a rerun from the cache went to it).
        """
        path = self._paths.get(real)
        if path is None:
            above, _, name = real.rpartition(os.sep)
            directory = self._paths.get(above)
            if directory is None:
                directory = self._paths[above] = Path(above or os.sep)
            path = self._paths[real] = directory / name
        return path

    def directories(self) -> list[str]:
        """The real paths of the directories listed."""
        return list(self._entries)

    def listed(self, real: str) -> bool:
        """Was the directory at ``real`` listed: is it a real directory (no link on the way)?"""
        return real in self._entries

    def exists(self, directory: str, name: str) -> bool:
        """``os.path.exists`` of ``name`` in ``directory``; no look-up when a listing lacks it."""
        known = self._entries.get(directory)
        if known is not None and name not in known:
            return False
        return os.path.exists(os.path.join(directory, name))


class RealPaths:
    """``Path.resolve()`` for the many files of one run, resolving each directory once.

    A file that is no link resolves to its resolved directory and its name:
    one ``lstat`` instead of one per part of the path. Made per run and
    dropped after it, so a directory replaced by a link is seen by the next.
    """

    def __init__(self, listings: Listings | None = None) -> None:
        self.listings = listings or Listings()
        self._directories: dict[Path, Path] = {}
        self._repositories: dict[Path, Path | None] = {}  # by directory as given
        self._repositories_by_name: dict[str, Path | None] = {}
        self._real_repositories: dict[Path, Path | None] = {}  # by real directory
        self._cwd = Path.cwd().resolve()
        self._real: set[Path] = set()
        self._below: dict[Path, dict[str, str | None]] = {}  # by base, then directory

    def known(self, paths: Iterable[Path]) -> None:
        """Take ``paths`` as real without asking the filesystem (the files :func:`walk` found)."""
        self._real.update(paths)

    def is_known(self, path: Path) -> bool:
        """Is ``path`` one of those :meth:`known` took as real?"""
        return path in self._real

    def __call__(self, path: Path) -> Path:
        if path in self._real or self.listings.listed(str(path)):
            return path
        if path.name in ("", ".", "..") or path.is_symlink():
            return path.resolve()
        directory = self._directories.get(path.parent)
        if directory is None:
            directory = self._directories[path.parent] = path.parent.resolve()
        return directory / path.name

    def repository_root(self, directory: Path) -> Path | None:
        """:func:`repository_root`, each directory (and each above it) looked at once."""
        if directory not in self._repositories:
            self._repositories[directory] = self._repository_of(self(directory))
        return self._repositories[directory]

    def _repository_of(self, real: Path) -> Path | None:
        known = self._real_repositories
        if real not in known:
            if self.listings.exists(str(real), ".git"):
                known[real] = real
            elif real.parent == real:
                known[real] = None
            else:
                known[real] = self._repository_of(real.parent)
        return known[real]

    def display_path(self, path: Path, root: Path | None = None) -> str:
        """:func:`display_path`, resolving as this object does."""
        if root is None:
            directory = os.path.dirname(path)  # a file's directory, by name: no ``Path`` per file
            if directory not in self._repositories_by_name:
                self._repositories_by_name[directory] = self.repository_root(path.parent)
            root = self._repositories_by_name[directory]
        below = functools.partial(self.relative, path) if path in self._real else None
        return _display(self(path), root, self._cwd, below)

    def relative(self, path: Path, base: Path) -> str | None:
        """:func:`relative_posix` of ``path``, resolved, below ``base`` (resolved too).

        A walked file's is its directory's and its name: worked out once per directory.
        """
        if path not in self._real:
            return relative_posix(self(path), base)
        directories = self._below.get(base)
        if directories is None:
            directories = self._below[base] = {}
        directory, _, name = str(path).rpartition(os.sep)
        if directory not in directories:
            directories[directory] = relative_posix(directory, base)
        above = directories[directory]
        if above is None:
            return None
        return name if above == "." else f"{above}/{name}"


def repository_root(path: Path) -> Path | None:
    """The nearest enclosing directory that holds ``.git``."""
    for directory in [path.resolve(), *path.resolve().parents]:
        if (directory / ".git").exists():
            return directory
    return None


def display_path(path: Path, root: Path | None = None) -> str:
    """The name a diff uses: relative to the repository root, else to the cwd."""
    return _display(path.resolve(), root or repository_root(path.parent), Path.cwd().resolve())


def _display(
    resolved: Path,
    root: Path | None,
    cwd: Path,
    below: Callable[[Path], str | None] | None = None,
) -> str:
    """``resolved`` below ``root``, else below ``cwd``, else whole.

    ``below(base)`` is its name below ``base``, when the caller knows it faster.
    """
    below = below or functools.partial(relative_posix, resolved)
    for base in (root, cwd):
        relative = None if base is None else below(base)
        if relative is not None:
            return relative
    return resolved.as_posix().lstrip("/")


def relative_posix(path: str | Path, base: Path) -> str | None:
    """``path`` below ``base`` in POSIX form (``.`` for ``base`` itself); None when outside.

    Both resolved. String tests: pathlib's are slow over thousands of files.
    """
    text, prefix = str(path), str(base).rstrip(os.sep)
    if text == prefix:
        return "."
    if text.startswith(prefix + os.sep):
        below = text[len(prefix) + 1 :]
        return below if os.sep == "/" else PurePath(below).as_posix()
    return None
