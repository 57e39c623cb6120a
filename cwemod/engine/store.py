"""One cache directory (``.cwemod_cache/``): entries of JSON behind a checksum, written atomically.

What the entries hold and how they are keyed is the business of their
users (:mod:`cwemod.engine.cache`, :mod:`cwemod.engine.file_digests`).
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

CACHE_DIR = ".cwemod_cache"
_LAYOUT = "v1"  # bump when the entry format changes: old entries are then never read
MAX_AGE_DAYS = 30
MAX_BYTES = 256 * 1024 * 1024
_PRUNE_EVERY = 24 * 3600  # seconds between two prunes of one cache
_TOUCH_AFTER = 24 * 3600  # a hit refreshes an entry's age at most once a day


def digest(data: bytes) -> str:
    # SHA-256, not BLAKE2: OpenSSL computes it with the CPU's SHA instructions where there
    # are some (most x86 and ARM servers), twice as fast as BLAKE2 over a tree's files.
    return hashlib.sha256(data).hexdigest()


def key_of(*parts: Any) -> str:
    return digest(_KEY_ENCODER.encode(parts).encode())


_KEY_ENCODER = json.JSONEncoder(sort_keys=True, default=repr)  # one for the thousands of keys


class Store:
    """The entries under one ``.cwemod_cache/``: ``v1/<2 hex>/<key>.json``.

    An entry file is the checksum of its body on the first line, then the
    body, a JSON object that repeats its key. Every failure to read or write
    is a miss, never an error: the cache only ever saves time.
    """

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self.entries = directory / _LAYOUT

    def load(self, key: str) -> dict[str, Any] | None:
        path = self._path(key)
        try:
            raw = path.read_bytes()
        except OSError:
            return None
        checksum, _, body = raw.partition(b"\n")
        if checksum.decode("ascii", "replace") != digest(body):
            return None
        try:
            entry = json.loads(body)
        except (ValueError, RecursionError):
            return None
        if not isinstance(entry, dict) or entry.get("key") != key:
            return None
        self._touch(path)
        return entry

    def has(self, key: str) -> bool:
        """Is there an entry under ``key``? Not checked: :meth:`load` says whether it is good."""
        return self._path(key).is_file()

    def save(self, key: str, entry: Mapping[str, Any]) -> None:
        body = json.dumps({**entry, "key": key}, sort_keys=True).encode()
        path = self._path(key)
        try:
            self._create()
            path.parent.mkdir(exist_ok=True)
            _write_atomically(path, digest(body).encode() + b"\n" + body)
        except OSError:
            pass  # a read-only tree, a full disk: the run goes on uncached

    def prune(
        self, max_age_days: float = MAX_AGE_DAYS, max_bytes: int = MAX_BYTES, force: bool = False
    ) -> None:
        """Remove entries unused for ``max_age_days``, then the oldest beyond ``max_bytes``."""
        stamp = self.entries / "pruned"
        now = time.time()
        try:
            if not force and now - stamp.stat().st_mtime < _PRUNE_EVERY:
                return
        except OSError:
            pass  # never pruned yet
        try:
            stamp.touch()
        except OSError:
            if not self.entries.is_dir():
                return
        kept = []
        for path in self.entries.glob("*/*"):
            try:
                info = path.stat()
            except OSError:
                continue  # another run removed it
            # A temporary file older than an hour belongs to a run that was killed.
            too_old = max_age_days * 86400 if path.suffix == ".json" else 3600
            if now - info.st_mtime > too_old:
                _remove(path)
            else:
                kept.append((info.st_mtime, info.st_size, path))
        total = sum(size for _, size, _ in kept)
        for _, size, path in sorted(kept):
            if total <= max_bytes:
                break
            _remove(path)
            total -= size

    def _path(self, key: str) -> Path:
        return self.entries / key[:2] / f"{key}.json"

    def _create(self) -> None:
        """The cache directory, with a ``.gitignore`` of ``*`` so git never lists it."""
        if self.entries.is_dir():
            return
        self.entries.mkdir(parents=True, exist_ok=True)
        for name, text in (
            (".gitignore", "# Created by cwemod.\n*\n"),
            # Backup tools skip a directory with this tag (https://bford.info/cachedir/).
            ("CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55\n"),
        ):
            if not (self.directory / name).exists():
                _write_atomically(self.directory / name, text.encode())

    @staticmethod
    def _touch(path: Path) -> None:
        try:
            if time.time() - path.stat().st_mtime > _TOUCH_AFTER:
                os.utime(path)
        except OSError:
            pass


def _write_atomically(path: Path, data: bytes) -> None:
    """``data`` in a new file beside ``path``, then renamed over it.

    Named as ``tempfile.mkstemp`` names one (random, created exclusively),
    without importing ``tempfile``: a rerun that learns file statuses stores them.
    """
    temporary = path.parent / f".tmp-{os.urandom(8).hex()}.part"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_CLOEXEC", 0)
    descriptor = os.open(temporary, flags, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as file:
            file.write(data)
        os.replace(temporary, path)
    except BaseException:
        _remove(temporary)
        raise


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except OSError:
        pass


def store_at(root: str | Path) -> Store:
    return Store(Path(root) / CACHE_DIR)
