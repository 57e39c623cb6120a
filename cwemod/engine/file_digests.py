"""The digest of each file's bytes, read once per run, or recalled while the file is unchanged.

The cache is keyed by content. Reading and hashing every file of a tree
is most of what a rerun over an unchanged tree costs, so each project
remembers, in its cache directory, the digest of each file's bytes with the
file's status when they were read: device, inode, size, and the times of
its last modification and last change, to the nanosecond. A rerun takes a
file whose status is the same for unchanged, as git's index, Black and
mypy do (they trust a modification time and a size alone).

A write to a file sets its change time, which no tool can set back (a
modification time can be: ``touch -d``, ``tar``, ``cp -p``). A status is
remembered only when the file's last change and modification came at least
:data:`SETTLE_SECONDS` before the run began, so that a write in the same
tick of a coarse clock as the one that was read cannot leave the status as
it was (git's "racily clean" entries): a file written in the last seconds
is read again by the next run.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

from cwemod.engine.files import NotRegularFile, read_regular_with_status
from cwemod.engine.store import Store, digest, key_of, store_at

SETTLE_SECONDS = 2  # the coarsest file time stamps (FAT's) are two seconds apart


class DigestMemo:
    """The digests one project's files had when an earlier run read them, with their statuses."""

    def __init__(self, store: Store, root: str, settled_before: int) -> None:
        self._store = store
        self._key = key_of("file digests", root)
        self._below = root.rstrip(os.sep) + os.sep  # files are remembered by their names below it
        self._settled_before = settled_before
        self._known: dict[str, list] | None = None  # name -> status, then digest
        self._looked_at: dict[str, list] = {}  # what this run knows, to remember

    def recall(self, path: str) -> str | None:
        """The file's digest when its status is the one remembered with it; else None."""
        name = self._name(path)
        known = self._entries().get(name)
        if known is None:
            return None
        try:
            status = os.stat(path)
        except OSError:
            return None
        if known[:-1] != signature(status):
            return None
        self._looked_at[name] = known
        return known[-1]

    def learn(self, path: str, status: os.stat_result, file_digest: str) -> None:
        """Remember the digest of the bytes read from ``path``, whose status was ``status``."""
        name = self._name(path)
        self._looked_at.pop(name, None)
        if settled(status, self._settled_before):
            self._looked_at[name] = [*signature(status), file_digest]

    def settled_status(self, path: str) -> list[int] | None:
        """The status of the file this run looked at, if it had settled (see :func:`settled`)."""
        known = self._looked_at.get(self._name(path))
        return None if known is None else known[:-1]

    def save(self) -> None:
        """What this run looked at, when it differs from what was remembered.

        Files this run did not look at are forgotten: a run with the cache
        looks at every file of the project (the project's facts are keyed
        by all of them).
        """
        if self._looked_at != self._entries():
            self._store.save(self._key, {"digests": self._looked_at})

    def _name(self, path: str) -> str:
        return path[len(self._below) :] if path.startswith(self._below) else path

    def _entries(self) -> dict[str, list]:
        if self._known is None:
            entry = self._store.load(self._key)
            found = None if entry is None else entry.get("digests")
            self._known = found if isinstance(found, dict) else {}
        return self._known


def signature(status: os.stat_result) -> list[int]:
    """What a status is compared by: device, inode, size, modification and change times."""
    return [
        status.st_dev,
        status.st_ino,
        status.st_size,
        status.st_mtime_ns,
        status.st_ctime_ns,
    ]


def settled(status: os.stat_result, before: int) -> bool:
    """Did the file's last change and modification come before ``before`` (ns since the epoch)?"""
    return max(status.st_mtime_ns, status.st_ctime_ns) < before


class FileDigests:
    """The digest of each file's bytes as this run read them, or recalled from its project's memo.

    The run's cache and the project's facts key on the same files: each is
    read at most once for both. Only files given by an absolute path (every
    file of a walk) are remembered across runs.
    """

    def __init__(self) -> None:
        self._known: dict[Path, str | None] = {}
        self._memos: dict[str, DigestMemo] = {}
        # A status may be trusted when it was this run's at least SETTLE_SECONDS before it began.
        self.settled_before = time.time_ns() - int(SETTLE_SECONDS * 10**9)

    def recall(self, path: Path, root: Path) -> str | None:
        """The digest of the file's bytes without reading them, when known; else None."""
        if path not in self._known and os.path.isabs(path):
            self._known[path] = self._memo(root).recall(str(path))
        return self._known.get(path)

    def read(self, path: Path, root: Path) -> bytes:
        """The file's bytes, their digest recorded. Raises OSError or NotRegularFile."""
        data, status = read_regular_with_status(path)
        self._known[path] = file_digest = digest(data)
        if os.path.isabs(path):
            self._memo(root).learn(str(path), status, file_digest)
        return data

    def recorded(self, path: Path) -> str | None:
        """The digest :meth:`recall`, :meth:`read` or :meth:`of` found; None when none did."""
        return self._known.get(path)

    def of(self, path: Path, root: Path) -> str | None:
        """The digest recalled or read now; None when the file cannot be read."""
        if self.recall(path, root) is None:
            try:
                self.read(path, root)
            except (OSError, NotRegularFile):
                self._known[path] = None
        return self._known[path]

    def settled_status(self, path: Path, root: Path) -> list[int] | None:
        """:meth:`DigestMemo.settled_status` of a file this run looked at; None when unsettled."""
        return self._memo(root).settled_status(str(path))

    def save(self) -> None:
        for memo in self._memos.values():
            memo.save()

    def _memo(self, root: Path) -> DigestMemo:
        name = str(root)
        if name not in self._memos:
            self._memos[name] = DigestMemo(store_at(root), name, self.settled_before)
        return self._memos[name]
