"""A persistent cache of each file's outcome, like ruff's: ``.cwemod_cache/`` at the project root.

A file's outcome (the records, and the new bytes when the file changes) is
keyed by everything that decides it: its bytes, cwemod's own code (version
and source), LibCST's and Python's versions, the codemods and their
options, the run mode, the file's names, its project's facts (line
length, surveys, the configuration files codemods read) and whether a
module generated from it says so (:func:`~cwemod.engine.generated.generated_twin`). The outcomes of
one project's files under one run's settings are kept together, in one
entry: a pack. A rerun looks at each file's status (reading and hashing
only the files whose status changed since they were read:
:mod:`cwemod.engine.file_digests`), loads the pack and runs only the files
it has no outcome for; a rerun over an unchanged project is answered before
that, whole, by :mod:`cwemod.engine.run_record`.

Entries are plain JSON behind a checksum, one file each, written to a
temporary file and renamed into place: concurrent runs never see half an
entry, and an entry that is torn, edited or corrupt fails its checksum or
its key and is ignored (and rewritten by the run); an outcome in a pack
that does not read back is a miss for its file alone. Nothing in the cache
is ever run as code. The cache prunes itself: entries unused for
:data:`~cwemod.engine.store.MAX_AGE_DAYS`, then the oldest beyond
:data:`~cwemod.engine.store.MAX_BYTES`.
"""

from __future__ import annotations

import dataclasses
import enum
import functools
import hashlib
import importlib.util
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path, PurePath
from typing import TYPE_CHECKING, Any

import cwemod
from cwemod.codemods.kit.lint_excludes import lint_excludes
from cwemod.codemods.kit.project import Project
from cwemod.engine.file_digests import FileDigests
from cwemod.engine.files import NotRegularFile
from cwemod.engine.generated import generated_twin, twin_paths
from cwemod.engine.results import FileResult
from cwemod.engine.store import Store, digest, key_of, store_at

if TYPE_CHECKING:
    from cwemod.codemods.surveys import Survey
    from cwemod.engine.run import FileJob, FixRequest, RunFiles
    from cwemod.engine.run_record import RunRecord

# What codemods read on disk beyond the file and its project's facts: these files at the
# project root (line length, flake8 checks, oslo.log in the requirements), and whether these
# paths exist (salted-lock-name puts its helper in ``<package>/common/`` when there is one).
# A codemod that looks at the disk elsewhere must add what it reads here.
_PROJECT_FILES = (
    "tox.ini",
    ".flake8",
    "setup.cfg",
    "pyproject.toml",
    "ruff.toml",
    ".ruff.toml",
    "requirements.txt",
    ".pre-commit-config.yaml",  # its top-level exclude leaves files out
)
_PROJECT_GLOBS = ("*/common/__init__.py",)


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """cwemod's version and source, LibCST's version and Python's: a change to any is a new key."""
    package = os.path.dirname(cwemod.__file__)
    return key_of(cwemod.__version__, sources_digest(package), _libcst_version(), sys.version)


def sources_digest(package: str) -> str:
    """A digest of every ``.py`` file under ``package``: its name there and its bytes.

    Names are walked as strings, not with ``Path.rglob``: a rerun from the
    cache makes this key first thing.
    """
    names = []
    for directory, _, files in os.walk(package):
        below = os.path.relpath(directory, package).replace(os.sep, "/")
        names += [name if below == "." else f"{below}/{name}" for name in files]
    hasher = hashlib.sha256()
    for name in sorted((name for name in names if name.endswith(".py")), key=_parts):
        with open(os.path.join(package, name), "rb") as source:
            hasher.update(name.encode() + b"\0" + source.read() + b"\0")
    return hasher.hexdigest()


def _parts(name: str) -> list[str]:
    return name.split("/")


def _libcst_version() -> str:
    """LibCST's version file (its version and commit, written when it was built).

    Read without importing LibCST, or ``importlib.metadata``, which alone
    costs a rerun from the cache about 40 ms.
    """
    spec = importlib.util.find_spec("libcst")
    locations = spec.submodule_search_locations if spec is not None else None
    for directory in locations or ():
        try:
            return digest((Path(directory) / "_version.py").read_bytes())
        except OSError:
            continue
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("libcst")
    except PackageNotFoundError:  # pragma: no cover - an unusual install
        return "unknown"


# -- plain data to JSON and back, for the surveys' facts ---------------------------


class NotPlainData(TypeError):
    """A value this cache cannot store as JSON and read back equal."""


def encode_data(value: Any) -> Any:
    """``value`` as canonical JSON data (sets sorted), tagged for :func:`decode_data`."""
    if isinstance(value, enum.Enum):
        return {
            "type": "enum",
            "class": _class_name(type(value)),
            "value": encode_data(value.value),
        }
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if isinstance(value, bytes):
        import base64  # a rerun whose outcomes hold no bytes needs none

        return {"type": "bytes", "value": base64.b64encode(value).decode("ascii")}
    if isinstance(value, PurePath):
        return {"type": "path", "value": str(value)}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        fields = {
            field.name: encode_data(getattr(value, field.name))
            for field in dataclasses.fields(value)
            if field.init
        }
        return {"type": "dataclass", "class": _class_name(type(value)), "fields": fields}
    # Exact types: a subclass (a NamedTuple, a Counter) would not come back as itself.
    if type(value) in (list, tuple):
        return {"type": type(value).__name__, "items": [encode_data(item) for item in value]}
    if type(value) in (set, frozenset):
        items = sorted((encode_data(item) for item in value), key=_canonical)
        return {"type": type(value).__name__, "items": items}
    if type(value) is dict:
        pairs = [[encode_data(key), encode_data(item)] for key, item in value.items()]
        return {"type": "dict", "items": sorted(pairs, key=_canonical)}
    raise NotPlainData(f"cannot cache a {type(value).__name__}")


_CONTAINERS: dict[str, Callable[[Any], Any]] = {
    "list": list,
    "tuple": tuple,
    "set": set,
    "frozenset": frozenset,
}


def decode_data(data: Any) -> Any:
    """The value :func:`encode_data` encoded; only cwemod's own dataclasses and enums are built."""
    if not isinstance(data, dict):
        return data
    kind = data["type"]
    if kind in _CONTAINERS:
        return _CONTAINERS[kind](decode_data(item) for item in data["items"])
    if kind == "dict":
        return {decode_data(key): decode_data(item) for key, item in data["items"]}
    if kind == "bytes":
        import base64

        return base64.b64decode(data["value"].encode("ascii"), validate=True)
    if kind == "path":
        return Path(data["value"])
    cls = _own_class(data["class"])
    if kind == "dataclass" and dataclasses.is_dataclass(cls):
        return cls(**{name: decode_data(item) for name, item in data["fields"].items()})
    if kind == "enum" and issubclass(cls, enum.Enum):
        return cls(decode_data(data["value"]))
    raise NotPlainData(f"cannot restore a {kind} of {data['class']}")


# What reading back a value that this code did not write may raise.
UNREADABLE = (NotPlainData, LookupError, TypeError, ValueError, AttributeError, RecursionError)


def _canonical(data: Any) -> str:
    return json.dumps(data, sort_keys=True)


def _class_name(cls: type) -> str:
    return f"{cls.__module__}:{cls.__qualname__}"


def _own_class(name: str) -> type:
    """A class named ``module:qualname`` of a cwemod module this run has loaded; nothing else.

    Nothing is imported: an entry cannot make a run load a module.
    """
    module_name, _, qualname = name.partition(":")
    found: Any = sys.modules.get(module_name)
    if found is None or not (module_name == "cwemod" or module_name.startswith("cwemod.")):
        raise NotPlainData(f"{name} is not a class of cwemod's loaded modules")
    for part in qualname.split("."):
        found = getattr(found, part)
    if not isinstance(found, type):
        raise NotPlainData(f"{name} is not a class")
    return found


# -- what a run asks of the cache --------------------------------------------------


class _Pack:
    """The outcomes of one project's files under one run's settings, kept as one entry.

    An entry per file cost a file creation each (the most expensive part of
    storing a run over Neutron's 2,080 files) and an open each to read back.
    The pack's key is the run's settings and the project's facts; in it, each
    outcome is filed under the file's module path with the digest of the
    bytes and the name it was the outcome of: a lookup hashes nothing.
    """

    def __init__(self, store: Store, key: str) -> None:
        self._store, self._key = store, key
        entry = store.load(key)
        outcomes = None if entry is None else entry.get("files")
        self._outcomes: dict[str, Any] = outcomes if isinstance(outcomes, dict) else {}
        self._fresh: dict[str, Any] = {}

    def get(self, name: str, file_digest: str, display: str) -> Mapping[str, Any] | None:
        found = self._outcomes.get(name)
        if not (
            isinstance(found, dict)
            and found.get("digest") == file_digest
            and found.get("display") == display
        ):
            return None
        return found

    def put(self, name: str, file_digest: str, display: str, entry: Mapping[str, Any]) -> None:
        self._fresh[name] = {**entry, "digest": file_digest, "display": display}

    def save(self) -> None:
        """This run's outcomes, and those of the files it did not run: one per file.

        An outcome kept for older bytes of a file is still theirs: it is used
        only if the file holds them again.
        """
        if self._fresh:
            self._store.save(self._key, {"files": {**self._outcomes, **self._fresh}})


class _Unread:
    """The bytes of a file whose digest was recalled, not read: read only when needed."""


_UNREAD = _Unread()


class RunCache:
    """The cache as one whole-tree run uses it.

    :meth:`recall_run` answers a rerun over an unchanged project whole, with
    no job made. Otherwise :meth:`misses` looks every job up and returns
    those to run; :meth:`merged` puts their results back among the cached
    ones, in the order of the jobs, and stores them, one :class:`_Pack` per
    project; :meth:`remember_run` keeps the run's results whole for the next.
    """

    def __init__(self) -> None:
        self._stores: dict[str, Store] = {}
        self._packs: dict[tuple[str, str], _Pack] = {}
        # (project, codemods, allow_review), by their ids: their pack
        self._settings: dict[tuple[int, int, bool], tuple[Any, _Pack | None]] = {}
        self.digests = FileDigests()  # of the bytes this run hashed, by file
        self._bytes: dict[Path, bytes | _Unread | None] = {}  # read, and not yet looked up
        self._order: list[tuple[FileJob, FileResult | None]] = []
        self._record: RunRecord | None = None
        self._kept_every_outcome = True  # so far, every result is one a pack holds

    def recall_run(self, request: FixRequest, root: Path | None) -> list[FileResult] | None:
        """The results of the whole run, when an earlier run kept them and nothing changed since.

        ``root``: the directory names in diffs are relative to. None: the
        run is to be made (and :meth:`remember_run` may keep it).
        """
        from cwemod.engine.run_record import RunRecord  # it asks the projects, which ask this

        self._record = RunRecord(request, root)
        return self._record.recall()

    def remember_run(self, files: RunFiles, results: list[FileResult]) -> None:
        """Keep ``results`` whole, when every one is an outcome the packs hold."""
        if self._record is not None and self._kept_every_outcome:
            self._record.save(files, results, self.digests)

    def read(self, jobs: Sequence[FileJob]) -> None:
        """Hash every job's file (or recall its digest), before any key is made.

        A project's facts are keyed by all of its files, and take their
        digests from :attr:`digests`.
        """
        for job in jobs:
            self._bytes[job.path] = self._read(job)

    def misses(self, jobs: Sequence[FileJob]) -> list[FileJob]:
        """The jobs with no cached result, each carrying the bytes its key was made of."""
        self.read([job for job in jobs if job.path not in self._bytes])
        misses = []
        for job in jobs:
            old = self._bytes.pop(job.path)
            hit = None if old is None else self._lookup(job, old)
            self._order.append((job, hit))
            if hit is None:
                if old is _UNREAD:
                    old = self._read_now(job)  # its digest is now that of the bytes it carries
                misses.append(job if old is None else dataclasses.replace(job, content=old))
        return misses

    def merged(self, fresh: Iterable[FileResult]) -> Iterator[FileResult]:
        """Every job's result in order: the cached ones, and ``fresh`` (the misses', in order)."""
        fresh = iter(fresh)
        for job, hit in self._order:
            if hit is None:
                hit = next(fresh)
                self._save(job, hit)
            yield hit
        for pack in self._packs.values():
            pack.save()
        self.digests.save()
        self.prune()

    def _read(self, job: FileJob) -> bytes | _Unread | None:
        """The bytes the job's key is made of, or :data:`_UNREAD` when their digest was recalled.

        None: the file is not cached (the run reports why it cannot be read).
        """
        if job.project.root is None or job.parsed is not None:
            return None
        if self.digests.recall(job.path, job.project.root) is not None:
            return _UNREAD
        return self._read_now(job)

    def _read_now(self, job: FileJob) -> bytes | None:
        try:
            return self.digests.read(job.path, job.project.root)
        except (OSError, NotRegularFile):
            return None

    def _lookup(self, job: FileJob, old: bytes | _Unread) -> FileResult | None:
        """The cached result of the job on ``old``; None: a miss."""
        pack = self._pack_of(job)
        hashed = self.digests.recorded(job.path)
        entry = (
            None
            if pack is None or hashed is None
            else pack.get(job.module_path, _filed_digest(job.path, hashed), job.display)
        )
        if entry is None:
            return None
        try:
            stored = stored_result(entry)
        except UNREADABLE:
            return None  # well-formed JSON, but not an entry this code wrote
        if old is _UNREAD:
            # An unchanged file's result carries no bytes, as a worker's does; a change
            # is shown against the bytes it was made from.
            if stored.get("new") is None:
                return FileResult(job.path, job.display, **stored)
            old = self._read_now(job)
            if old is None or self.digests.recorded(job.path) != hashed:
                return None
        return FileResult(job.path, job.display, old=old, **stored)

    def _save(self, job: FileJob, result: FileResult) -> None:
        if not self._kept(job, result):
            self._kept_every_outcome = False

    def _kept(self, job: FileJob, result: FileResult) -> bool:
        """Remember ``result`` when it is the outcome of the bytes :meth:`_lookup` hashed.

        A worker leaves out an unchanged file's bytes; it ran on the bytes the job carried.
        False: it is not remembered.
        """
        hashed = self.digests.recorded(job.path)
        if hashed is None or result.error is not None:
            return False  # a failure may not recur
        if (result.old or result.changed) and digest(result.old) != hashed:
            return False  # the file changed since it was hashed
        pack = self._pack_of(job)
        entry = entry_of(result)
        if pack is None or entry is None:
            return False
        pack.put(job.module_path, _filed_digest(job.path, hashed), job.display, entry)
        return True

    def prune(self) -> None:
        for store in self._stores.values():
            store.prune()

    def _pack_of(self, job: FileJob) -> _Pack | None:
        """The pack of the job's project under the job's settings; None: the file is not cached.

        Its key is the run's settings and the project's facts. Worked out once
        for all the jobs that share a project and settings (kept with them, so
        that their ids stay their own).
        """
        marker = (id(job.project), id(job.codemods), job.allow_review)
        known = self._settings.get(marker)
        if known is None:
            project_key = _project_digest(job.project)
            pack = None
            if project_key is not None:
                codemods = [[codemod_id, dict(options)] for codemod_id, options in job.codemods]
                key = key_of("pack", code_fingerprint(), codemods, job.allow_review, project_key)
                pack = self._pack(str(job.project.root), key)
            known = self._settings[marker] = ((job.project, job.codemods), pack)
        return known[1]

    def _pack(self, root: str, key: str) -> _Pack:
        """The pack under ``key`` of the project at ``root``, read when first asked for."""
        if (root, key) not in self._packs:
            self._packs[root, key] = _Pack(self._store(root), key)
        return self._packs[root, key]

    def _store(self, root: str) -> Store:
        if root not in self._stores:
            self._stores[root] = store_at(root)
        return self._stores[root]


def _filed_digest(path: Path, hashed: str) -> str:
    """What an outcome of the file at ``path`` is filed under: the digest of its bytes, and
    for a module a twin may be generated from (jupytext's ``async_`` one), the twin's say."""
    if not twin_paths(path):
        return hashed
    return key_of(hashed, generated_twin(path))


def _project_digest(project: Project) -> str | None:
    try:
        facts = encoded_facts(project.facts)
    except NotPlainData:
        return None
    return key_of(*project_settings(project), facts)


def project_settings(project: Project) -> list[Any]:
    """What, besides its facts, a project gives every outcome of its files: for their keys."""
    root = Path(str(project.root))
    files = []
    for name in _PROJECT_FILES:
        try:
            files.append([name, digest((root / name).read_bytes())])
        except OSError:
            files.append([name, None])
    present = sorted(
        path.relative_to(root).as_posix() for glob in _PROJECT_GLOBS for path in root.glob(glob)
    )
    return [
        project.root,
        project.line_length,
        project.forbids_test_logging,
        project.oldest_python,
        project.oldest_python_from,
        project.formatter,
        # what its pylint and bandit configurations accept, wherever they are read from
        # (bandit's -c names any file: ironic-python-agent's tools/bandit.yml)
        sorted(project.pylint_disabled),
        sorted(project.bandit_skipped),
        sorted(project.pytest_plugins),
        sorted(project.run_files),
        files,
        present,
    ]


# A cached result is every field of the result but these, which the run knows itself.
_NOT_STORED = frozenset({"path", "display", "old"})


@functools.cache
def _defaults() -> dict[str, Any]:
    """Each stored field's default: most files have nothing to say, and store nothing."""
    return {
        field.name: field.default_factory()
        if field.default is dataclasses.MISSING
        else field.default
        for field in dataclasses.fields(FileResult)
        if field.name not in _NOT_STORED
    }


def entry_of(result: FileResult) -> dict[str, Any] | None:
    """The stored part of ``result``: its fields that differ from their default.

    None when it does not read back equal.
    """
    stored = {
        name: getattr(result, name)
        for name, default in _defaults().items()
        if getattr(result, name) != default
    }
    if not stored:
        return {}  # most files: nothing to say, and every field its default
    try:
        entry = {"result": encode_data(stored)}
        if _result_from(result.path, result.display, result.old, entry) != result:
            return None
    except UNREADABLE:
        return None
    return entry


def _result_from(path: Path, display: str, old: bytes, entry: Mapping[str, Any]) -> FileResult:
    return FileResult(path, display, old=old, **stored_result(entry))


def stored_result(entry: Mapping[str, Any]) -> dict[str, Any]:
    if "result" not in entry:
        return {}
    stored = decode_data(entry["result"])
    if not isinstance(stored, dict) or _NOT_STORED & stored.keys():
        raise ValueError("not a stored result")
    return stored


# -- the surveys' facts ------------------------------------------------------------


def summarised_survey(
    root: Path,
    survey_name: str,
    survey: Survey,
    files: Iterable[tuple[str, Path]],
    digests: FileDigests,
    read: Callable[[str, Path], tuple[str, str] | None],
) -> Any:
    """The survey's facts about the project at ``root``, summarising only what changed.

    Each file's summary (:class:`~cwemod.codemods.surveys.Survey`) is kept
    by its bytes' digest, all of a survey's in one entry: a rerun after an
    edit reads and summarises the edited files alone, then combines. A file
    the survey does not read is kept as such; a summary that does not read
    back from JSON equal is made again each run. ``read(name, path)`` gives
    a file's digest and text (None when it cannot be read as source).
    """
    store = store_at(root)
    key = _summaries_key(survey_name)
    kept = _kept_summaries(store.load(key))
    now: dict[str, list[Any]] = {}
    summaries = []
    for name, path in files:
        entry = kept.get(name)
        if entry is None or entry[0] != digests.of(path, root):
            entry = _summary_entry(survey, name, path, read)
        if entry is None:
            continue  # unreadable: not one of the survey's files, and nothing to keep
        if len(entry) == 3:  # a summary JSON cannot hold: used, never kept
            summaries.append((name, entry[2]))
            continue
        now[name] = entry
        if len(entry) == 2:
            summaries.append((name, decode_data(entry[1])))
    if now != kept:
        store.save(key, {"summaries": now})
    return survey.combine(summaries)


def has_summaries(root: Path, survey_name: str) -> bool:
    """Did a run keep the summaries of the survey ``survey_name`` of the project at ``root``?

    Only looked at, not read: the survey reads the entry, and a bad one costs it a read of
    the project's files, which it makes then.
    """
    return store_at(root).has(_summaries_key(survey_name))


def _summaries_key(survey_name: str) -> str:
    return key_of("survey summaries", code_fingerprint(), survey_name)


def _kept_summaries(entry: dict[str, Any] | None) -> dict[str, list[Any]]:
    """The entries of a summaries entry that this code could have written; the rest is dropped."""
    found = entry.get("summaries") if entry is not None else None
    if not isinstance(found, dict):
        return {}
    kept = {}
    for name, item in found.items():
        if isinstance(item, list) and len(item) in (1, 2) and isinstance(item[0], str):
            kept[name] = item
    return kept


def _summary_entry(
    survey: Survey, name: str, path: Path, read: Callable[[str, Path], tuple[str, str] | None]
) -> list[Any] | None:
    """``[digest]`` of a file the survey does not read, ``[digest, encoded summary]`` of one
    it does, ``[digest, None, summary]`` of a summary JSON cannot hold; None: unreadable."""
    found = read(name, path)
    if found is None:
        return None
    file_digest, text = found
    if not survey.wants(text):
        return [file_digest]
    summary = survey.summarise(name, text)
    try:
        encoded = encode_data(summary)
        if decode_data(encoded) == summary:
            return [file_digest, encoded]
    except UNREADABLE:
        pass
    return [file_digest, None, summary]


class ProjectFacts:
    """Every survey's facts about one project, keyed by the bytes of all of its files.

    Each survey's own entry (:func:`summarised_survey`) holds what each file
    says, which only the survey can read, so using it imports the survey's
    module. This one is keyed by every Python file under the root: a rerun
    over an unchanged project finds its facts with nothing imported, and a
    change anywhere falls back to the surveys' own entries.
    """

    def __init__(
        self,
        root: Path,
        codemods: Sequence[tuple[str, Mapping[str, Any]]],
        files: Callable[[], Iterable[tuple[str, Path]]],  # (module path, path): walked when asked
        digests: FileDigests,
    ) -> None:
        self._root = root
        self._digests = digests
        self._store = store_at(root)
        self._codemods = [[codemod_id, dict(options)] for codemod_id, options in codemods]
        self._files = files
        self._key: str | None = None

    def load(self) -> dict[str, Any] | None:
        """Each surveying codemod's facts, still encoded (:func:`decode_data` restores them).

        They stay encoded because their classes belong to the codemods'
        modules, which are not loaded yet and which an entry never loads.
        """
        entry = self._store.load(self._key_now())
        facts = None if entry is None else entry.get("facts")
        return facts if isinstance(facts, dict) else None

    def save(self, facts: Mapping[str, Any]) -> None:
        try:
            encoded = encoded_facts(facts)
            if {name: decode_data(data) for name, data in encoded.items()} != facts:
                return
        except UNREADABLE:
            return
        self._store.save(self._key_now(), {"facts": encoded})

    def _key_now(self) -> str:
        if self._key is None:
            files = sorted(
                [name, self._digests.of(path, self._root)] for name, path in self._files()
            )
            # what the linters leave out has no say in some facts (Survey.project_code_only)
            excluded = lint_excludes(self._root)
            self._key = key_of("project facts", code_fingerprint(), self._codemods, files, excluded)
        return self._key


def encoded_facts(facts: Mapping[str, Any]) -> dict[str, Any]:
    """Each codemod's facts as JSON data, by codemod id.

    Facts recalled from a :class:`ProjectFacts` entry and not yet read
    (:class:`~cwemod.engine.projects.Surveys`) give their stored form, never decoded.
    """
    encoded = getattr(facts, "encoded", None)
    if encoded is not None:
        return encoded()
    return {codemod_id: encode_data(value) for codemod_id, value in facts.items()}
