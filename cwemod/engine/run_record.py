"""A whole-tree run's results, kept whole: a rerun over an unchanged project neither walks nor reads.

The file cache (:mod:`cwemod.engine.cache`) answers a rerun file by file:
the walk, each file's job, project and names, its status, its outcome
looked up in a pack. Over Neutron's 2,080 files that is half of a rerun.
A run record keeps the results of a run over one project whole, with the
status (:func:`~cwemod.engine.file_digests.signature`) of every file the
run read and of every directory it listed, or asked for a project's
markers. A rerun with the same settings from the same directory finds it
and takes it when every status is the same and the project's
configuration gives the same settings: no file then has other bytes, no
directory other entries, so the walk, the jobs and their outcomes would
all be the same. As git's untracked cache, it trusts a directory whose
status is unchanged to list the same entries (an entry added, removed or
renamed sets the directory's times), and it keeps only statuses that had
settled before the run began, as the digest memo does; a directory that
changed while the run went on (the project root, where a first run makes
its cache) is kept as the entries the run listed, and listed again.

Only a run over the files of one project is kept, when the walk refused
nothing and every result is an outcome the file cache holds (a failure may
not recur). A link the walk followed is its directory's entry, so pointing
it elsewhere changes that directory. Anything else, or any change, falls
back to the file cache.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cwemod.codemods.kit.project import Project, load_project
from cwemod.engine.cache import (
    UNREADABLE,
    code_fingerprint,
    entry_of,
    project_settings,
    stored_result,
)
from cwemod.engine.file_digests import FileDigests, settled, signature
from cwemod.engine.files import Listings, NotRegularFile, read_regular, relative_posix
from cwemod.engine.projects import Projects
from cwemod.engine.results import FileResult
from cwemod.engine.store import CACHE_DIR, digest, key_of, store_at

if TYPE_CHECKING:
    from cwemod.engine.run import FixRequest, RunFiles


class RunRecord:
    """The kept results of the run ``request`` asks for, in its project's cache."""

    def __init__(self, request: FixRequest, root: Path | None) -> None:
        """``root``: the directory names in diffs are relative to."""
        self._projects = Projects(
            request.codemods, request.excludes, request.paths, tops=request.paths
        )
        real_paths = [path.resolve() for path in request.paths]
        self._tops = [_directory_of(path) for path in real_paths]
        self._root = self._projects.root_above(self._tops[0]) if self._tops else None
        self._key = key_of(
            "run",
            code_fingerprint(),
            [[codemod_id, dict(options)] for codemod_id, options in request.codemods],
            request.allow_review,
            list(request.excludes),
            [[str(path), str(real)] for path, real in zip(request.paths, real_paths)],
            os.getcwd(),
            str(root),
        )

    def recall(self) -> list[FileResult] | None:
        """The run's results as kept; None when there are none or anything changed."""
        if self._root is None:
            return None
        entry = store_at(self._root).load(self._key)
        try:
            return None if entry is None else self._recalled(entry)
        except UNREADABLE:
            return None  # well-formed JSON, but not a record this code wrote

    def _recalled(self, entry: Mapping[str, Any]) -> list[FileResult] | None:
        below = str(self._root) + os.sep
        directories, listings, files = entry["directories"], entry["listings"], entry["files"]
        names, kept = entry["names"], _Kept(*entry["results"])
        if not (
            all(_status(name) == status for name, status in directories.items())
            and all(_listing(name) == listed for name, listed in listings.items())
            and all(_status(below + name) == status for name, status in files.items())
            and _settings_key(
                load_project(
                    self._root,
                    run_files=frozenset(names),
                    modules=lambda: (below + name for name in files),
                )
            )
            == entry["project"]
        ):
            return None
        results = []
        paths = Listings()  # each file's Path made from its directory's
        for name in names:
            result = kept.result(paths.path(below + name), name)
            if result is None:
                return None
            results.append(result)
        return results

    def save(self, files: RunFiles, results: Sequence[FileResult], digests: FileDigests) -> None:
        """Keep ``results``, the run's over ``files``, when the run is one to keep whole."""
        root = self._root
        if (
            root is None
            or not files.paths
            or files.problems
            or [result.path for result in results] != files.paths
            or any(files.projects.root_of(path) != root for path in files.paths)
        ):
            return
        listings = files.projects.real.listings
        project_files = [path for _, path in files.projects.files_of(root)]
        statuses = _file_statuses(root, dict.fromkeys([*files.paths, *project_files]), digests)
        looked_in = {*listings.directories(), *_between(self._tops, root)}
        directories = _directories(looked_in, listings, digests.settled_before)
        names = [relative_posix(result.path, root) for result in results]
        kept = _Kept.of(results, names)
        if statuses is None or directories is None or None in names or kept is None:
            return
        store_at(root).save(
            self._key,
            {
                "project": _settings_key(files.projects.project_at(root)),
                "directories": directories[0],
                "listings": directories[1],
                "files": statuses,
                "names": names,
                "results": kept.stored(),
            },
        )


def _directory_of(path: Path) -> Path:
    return path if path.is_dir() else path.parent


def _between(tops: Iterable[Path], root: Path) -> Iterator[str]:
    """Each top and the directories above it up to ``root``: where its project was looked for."""
    for top in tops:
        for directory in (top, *top.parents):
            yield str(directory)
            if directory == root:
                break


def _settings_key(project: Project) -> str:
    return key_of(*project_settings(project))


def _status(path: str) -> list[int] | None:
    try:
        return signature(os.stat(path))
    except OSError:
        return None


def _file_statuses(
    root: Path, paths: Iterable[Path], digests: FileDigests
) -> dict[str, list[int]] | None:
    """Each file's status when this run read it, by its name below ``root``.

    None when one is outside ``root`` or had not settled.
    """
    statuses = {}
    for path in paths:
        name = relative_posix(path, root)
        status = digests.settled_status(path, root)
        if name is None or status is None:
            return None
        statuses[name] = status
    return statuses


def _directories(
    directories: Iterable[str], listings: Listings, before: int
) -> tuple[dict[str, list[int]], dict[str, list[str]]] | None:
    """The status of each directory that had settled, and the entries of each other one.

    A directory that changed in the last seconds (a project root where this
    run made its cache) is compared by the entries the run listed in it.
    None when one is gone, or changed and was not listed by the run.
    """
    statuses, listed = {}, {}
    for directory in directories:
        try:
            status = os.stat(directory)
        except OSError:
            return None
        if settled(status, before):
            statuses[directory] = signature(status)
        elif listings.listed(directory):
            try:
                listed[directory] = _marks(listings.entries(directory, directory))
            except OSError:  # the kind of an entry, on a file system that does not say
                return None
        else:
            return None
    return statuses, listed


def _listing(directory: str) -> list[str] | None:
    """:func:`_marks` of the entries in ``directory`` now; None when it cannot be listed."""
    try:
        with os.scandir(directory) as entries:
            return _marks(entries)
    except OSError:
        return None


def _marks(entries: Iterable[os.DirEntry]) -> list[str]:
    """The entries' names, a ``/`` after a directory's and ``@`` after a link's, sorted.

    The cache's directory is left out: a run may just have made it.
    """
    return sorted(_kind_mark(entry) for entry in entries if entry.name != CACHE_DIR)


def _kind_mark(entry: os.DirEntry) -> str:
    if entry.is_symlink():
        return entry.name + "@"
    return entry.name + ("/" if entry.is_dir(follow_symlinks=False) else "")


class _Kept:
    """The results of a run as a record keeps them: only what a file with nothing to say lacks.

    Each result is named by its file's name below the project root; its
    name in diffs is ``prefix`` and that name, unless ``displays`` says
    otherwise; ``outcomes`` hold the stored fields of the results that have
    any (:func:`~cwemod.engine.cache.entry_of`), and the digest of the bytes
    a change was made from.
    """

    def __init__(
        self, prefix: str, displays: Mapping[str, str], outcomes: Mapping[str, list[Any]]
    ) -> None:
        self._prefix, self._displays, self._outcomes = prefix, displays, outcomes

    @classmethod
    def of(cls, results: Sequence[FileResult], names: Sequence[str | None]) -> _Kept | None:
        """None when a result does not read back."""
        first = results[0].display, names[0] or ""
        prefix = first[0][: -len(first[1])] if first[0].endswith(first[1]) else ""
        displays, outcomes = {}, {}
        for result, name in zip(results, names):
            outcome = entry_of(result)
            if outcome is None or name is None:
                return None
            if result.display != prefix + name:
                displays[name] = result.display
            if outcome:
                old_digest = None if result.new is None else digest(result.old)
                outcomes[name] = [outcome, old_digest]
        return cls(prefix, displays, outcomes)

    def stored(self) -> list[Any]:
        return [self._prefix, self._displays, self._outcomes]

    def result(self, path: Path, name: str) -> FileResult | None:
        """The result of the file at ``path``; None when it does not read back, or the
        bytes a change was made from are not the file's."""
        display = self._displays.get(name, self._prefix + name)
        outcome, old_digest = self._outcomes.get(name, ({}, None))
        if not (isinstance(display, str) and isinstance(outcome, dict)):
            return None
        result = FileResult(path, display, **stored_result(outcome))
        if result.new is not None:  # a change is shown against the bytes it was made from
            try:
                result.old = read_regular(path)
            except (OSError, NotRegularFile):
                return None
            if digest(result.old) != old_digest:
                return None
        return result
