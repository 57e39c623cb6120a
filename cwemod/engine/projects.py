"""The project each file belongs to, with the surveys codemods ask for, built once per run."""

from __future__ import annotations

import functools
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cwemod.codemods.kit.lint_excludes import is_lint_excluded, lint_excludes
from cwemod.codemods.kit.project import Project, load_project
from cwemod.codemods.kit.roots import is_root
from cwemod.engine.cache import (
    UNREADABLE,
    ProjectFacts,
    decode_data,
    encoded_facts,
    has_summaries,
    summarised_survey,
)
from cwemod.engine.file_digests import FileDigests
from cwemod.engine.files import (
    Listings,
    NotRegularFile,
    RealPaths,
    Walk,
    read_regular,
    relative_posix,
    reusable,
    walk,
)
from cwemod.engine.forked import side_by_side
from cwemod.engine.store import digest

if TYPE_CHECKING:
    from cwemod.codemods.surveys import Survey
    from cwemod.engine.transform import CodemodSpec


class Projects:
    """Finds and remembers the :class:`Project` of each file of a run.

    A project is surveyed whole (every Python file under its root, not only
    the PATHs of the run), so that a fix in one file agrees with the rest of
    the project: a lock name keyed here is keyed where it is taken elsewhere.
    """

    def __init__(
        self,
        codemods: Sequence[CodemodSpec],
        excludes: Sequence[str] = (),
        run_paths: Sequence[Path] = (),
        cache: bool = False,
        digests: FileDigests | None = None,
        listings: Listings | None = None,
        tops: Sequence[Path] = (),
    ) -> None:
        self._codemods = list(codemods)  # imported only when needed: they load LibCST
        self._excludes = tuple(excludes)
        self._run_paths = tuple(run_paths)
        self._tops = tuple(tops)  # the PATHs the run walks from
        self._cache = cache  # keep each survey's facts in .cwemod_cache/, by the files it read
        self._digests = digests or FileDigests()  # the files' digests, shared with the run's cache
        self._roots: dict[Path, Path | None] = {}
        self._file_roots: dict[str, Path | None] = {}  # by the name of a file's directory
        self._real_roots: dict[Path, Path] = {}
        self._projects: dict[Path | None, Project] = {}
        self._walked: dict[Path, list[tuple[str, Path]]] = {}
        self._subtrees: dict[str, Sequence[Path]] = {}  # the run's walk, by its real top
        # (directory, root): the start of its files' names in diffs, their project and module path
        self._directories: dict[tuple[str, Path | None], tuple[str, Project, str]] = {}
        self.real = RealPaths(listings)  # with the listings of the run's walks

    def of(self, path: Path) -> Project:
        return self.project_at(self.root_of(path))

    def project_at(self, root: Path | None) -> Project:
        """The project whose root is ``root`` (None: loose files, default rules)."""
        if root not in self._projects:
            run_files = frozenset(
                self._relative(run_path, root) for run_path in self._run_paths
            ) - {None}
            modules = None if root is None else self._module_paths(root)
            self._projects[root] = load_project(root, self._survey(root), run_files, modules)
        return self._projects[root]

    def _module_paths(self, root: Path) -> Callable[[], Iterator[str]]:
        """The paths of the project's Python files, from its walk, when first asked."""
        return lambda: (str(path) for _, path in self.files_of(root))

    def placed(self, path: Path, root: Path | None) -> tuple[str, Project, str]:
        """The file's name in diffs (:meth:`RealPaths.display_path`), project and module path.

        A file the walk found by its real path has its directory's, worked
        out for the first file there, and its own name.
        """
        if not self.real.is_known(path):
            return self.real.display_path(path, root), self.of(path), self.module_path(path)
        directory, _, name = str(path).rpartition(os.sep)
        known = self._directories.get((directory, root))
        if known is None:
            display, module_path = self.real.display_path(path, root), self.module_path(path)
            known = (display[: -len(name)], self.of(path), module_path[: -len(name)])
            self._directories[directory, root] = known
        display_prefix, project, module_prefix = known
        return display_prefix + name, project, module_prefix + name

    def module_path(self, path: Path) -> str:
        """:func:`module_path`, resolving as :attr:`real` does."""
        return self._relative(path, self.root_of(path)) or path.name

    def _relative(self, path: Path, root: Path | None) -> str | None:
        """``path`` relative to ``root`` (POSIX form); None when outside it."""
        if root is None:
            return None
        if root not in self._real_roots:
            self._real_roots[root] = self.real(root)
        return self.real.relative(path, self._real_roots[root])

    def root_of(self, path: Path) -> Path | None:
        """:meth:`root_above` the file's directory, found by its name: no ``Path`` made per file."""
        directory = os.path.dirname(path)
        if directory not in self._file_roots:
            self._file_roots[directory] = self.root_above(path.parent)
        return self._file_roots[directory]

    def root_above(self, directory: Path) -> Path | None:
        """The nearest directory at or above ``directory`` that is a project's top, if any.

        Each directory is looked at once, however many files it holds.
        """
        if directory not in self._roots:
            if is_root(directory, self.real.listings.exists):
                self._roots[directory] = self._unless_left_out(directory)
            elif directory.parent == directory:
                self._roots[directory] = None
            else:
                self._roots[directory] = self.root_above(directory.parent)
        return self._roots[directory]

    def _unless_left_out(self, top: Path) -> Path:
        """``top``, or the project above it where the run walks into ``top`` from above and
        that project's linters leave ``top``'s folder out, as flake8 and ruff do not enter
        an excluded folder (singer-sdk's ruff leaves out ``cookiecutter/*``, where each
        template has a pyproject.toml of its own and modules that are Jinja). A run given
        ``top`` or a path in it takes it for a project, as they lint a path given them."""
        outer = None if top.parent == top else self.root_above(top.parent)
        if outer is None or not any(_below(top, path) for path in self._tops):
            return top
        folder = self._relative(top, outer)
        return outer if folder and is_lint_excluded(lint_excludes(outer), folder) else top

    def _survey(self, root: Path | None) -> Mapping[str, Any]:
        if root is None:
            return {}
        remembered = None
        if self._cache:
            files = functools.partial(self.files_of, root)
            remembered = ProjectFacts(root, self._codemods, files, self._digests)
        sources = functools.cache(lambda: list(_sources(self.files_of(root))))
        read_first = functools.partial(self._read_when_cold, root, sources)
        surveys = functools.partial(self._surveys, root, sources)
        return Surveys(surveys, remembered, read_first, functools.partial(_asked, sources))

    def _read_when_cold(
        self, root: Path, sources: Callable[[], list[Source]]
    ) -> list[Source] | None:
        """Read the project's files once for the surveys about to fork, unless they will read
        only the files that changed (their summaries are kept)."""
        kept = self._cache and all(has_summaries(root, name) for name in self._survey_names())
        return None if kept else sources()

    def _survey_names(self) -> set[str]:
        from cwemod.codemods.surveys import survey_name

        names = (survey_name(codemod_id) for codemod_id, _ in self._codemods)
        return {name for name in names if name is not None}

    def _reader(
        self, sources: Callable[[], list[Source]]
    ) -> Callable[[str, Path], tuple[str, str] | None]:
        """A file's digest and text: from the project's sources when they were read (before
        the surveys forked, say), else read now."""
        if not sources.cache_info().currsize:  # type: ignore[attr-defined]
            return _read_source
        by_name = {name: (file_digest, text) for name, text, file_digest in sources()}
        return lambda name, path: by_name.get(name)

    def _surveys(
        self, root: Path, sources: Callable[[], list[Source]]
    ) -> dict[str, Callable[[], Any]]:
        """Each surveying codemod's survey of the project at ``root``, by codemod id.

        Codemods that share a survey (requests-timeout and tls-verify) share
        one call, which surveys once.
        """
        # Imported here: a rerun from the cache surveys nothing.
        from cwemod.codemods.surveys import survey_name, survey_of

        calls: dict[str, Callable[[], Any]] = {}
        surveys = {}
        for codemod_id, _ in self._codemods:
            name = survey_name(codemod_id)
            if name is None:
                continue
            if name not in calls:
                survey = survey_of(codemod_id)  # no codemod imported: a survey needs no LibCST
                facts = functools.partial(self._facts, name, survey, root, sources)
                calls[name] = functools.cache(facts)
            surveys[codemod_id] = calls[name]
        return surveys

    def walked(self, top: Path, found: Walk) -> None:
        """Take the run's walk of ``top`` for the project's: the surveys and their key need no other.

        Whole when ``top`` is the project's root; else the files below ``top``
        are taken when the project's walk reaches it, if they are
        :func:`~cwemod.engine.files.reusable`.
        """
        real_top = top.resolve()
        if not real_top.is_dir():
            return
        if self.root_above(real_top) == real_top:
            self._walked[real_top] = self._named(real_top, found.files)
        elif reusable(found, self._excludes):
            self._subtrees[str(real_top)] = found.files

    def files_of(self, root: Path) -> list[tuple[str, Path]]:
        """``(module path, path)`` of every Python file under ``root``, walked once."""
        if root not in self._walked:
            real_root = root.resolve()
            found = walk([root], self._excludes, self.real.listings, self._subtrees)
            self._walked[root] = self._named(real_root, found.files)
        return self._walked[root]

    @staticmethod
    def _named(real_root: Path, files: Sequence[Path]) -> list[tuple[str, Path]]:
        """``(module path, path)`` of ``files``, real paths below ``real_root``."""
        return [(relative_posix(path, real_root) or "", path) for path in files]

    def _facts(
        self,
        name: str,
        survey: Survey,
        root: Path,
        sources: Callable[[], list[Source]],
    ) -> Any:
        counts = _counted(survey, root)
        if self._cache:
            files, read = self.files_of(root), self._reader(sources)
            files = [(module, path) for module, path in files if counts(module)]
            return summarised_survey(root, name, survey, files, self._digests, read)
        return survey.run(
            [
                (module, text)
                for module, text, _ in sources()
                if counts(module) and survey.wants(text)
            ]
        )


class Surveys(Mapping[str, Any]):
    """Each codemod's facts about one project, surveyed when first asked for.

    A run that never needs them (a report whose findings are all answered
    without them) never reads the project. With ``remembered``, every
    survey's facts are first looked up there, by all the files of the
    project, and stored there once all are known. Looked up, they stay
    encoded until read: :meth:`encoded` gives them to the file cache's key, so
    a rerun over an unchanged project imports no codemod. Pickled, it is the
    plain dict of every survey's facts: a cluster, or a pool that does not
    fork, gets them computed once, here, and never surveys again. The workers
    of a pool that forks from here inherit it as it is, and survey what their
    files ask for that it does not hold yet.
    """

    def __init__(
        self,
        surveys: Callable[[], Mapping[str, Callable[[], Any]]],
        remembered: ProjectFacts | None = None,
        read_sources: Callable[[], object] | None = None,
        asked: Callable[[str], bool] = lambda codemod_id: False,
    ) -> None:
        self._make_surveys = surveys
        self._asked = asked  # does a file of the project ask for the codemod's facts, always?
        self._surveys: Mapping[str, Callable[[], Any]] | None = None
        self._remembered = remembered
        self._read_sources = read_sources  # what every survey reads: read once, before forking
        self._looked_up = remembered is None
        self._stored: dict[str, Any] | None = None  # every survey's facts, encoded, when found
        self._facts: dict[str, Any] = {}

    def __getitem__(self, codemod_id: str) -> Any:
        if codemod_id not in self._facts:
            self._facts[codemod_id] = self._read(codemod_id)
            self._remember_when_complete()
        return self._facts[codemod_id]

    def survey_all(
        self, meanwhile: Callable[[], object] = lambda: None, only_asked: bool = False
    ) -> bool:
        """Run every survey not yet run, side by side in forked processes.

        For a run that uses several processes anyway; otherwise each survey
        runs when its facts are first read. Meanwhile this process calls
        ``meanwhile``: a run that forks its workers next imports its codemods
        then, and LibCST with them, which no survey needs. With
        ``only_asked``, only the surveys a file of the project asks for
        whenever it is run (the lock plan, where the project uses lockutils):
        for workers that fork from here and would each make them. True when
        it called ``meanwhile``.
        """
        if self._recall() is not None:
            return False  # stored: each is decoded when read
        pending = [codemod_id for codemod_id in self._each() if codemod_id not in self._facts]
        if only_asked:
            pending = [codemod_id for codemod_id in pending if self._asked(codemod_id)]
            if not pending:
                return False
        if len(pending) > 1 and self._read_sources is not None:
            self._read_sources()
        surveys = list(dict.fromkeys(self._each()[codemod_id] for codemod_id in pending))
        _, *facts = side_by_side([meanwhile, *surveys])
        made = dict(zip(surveys, facts))
        self._facts.update((codemod_id, made[self._each()[codemod_id]]) for codemod_id in pending)
        self._remember_when_complete()
        return True

    def _remember_when_complete(self) -> None:
        if self._remembered is not None and self._stored is None:
            if self._facts.keys() >= self._each().keys():
                self._remembered.save(self._facts)

    def surveyed(self, codemod_id: str) -> bool:
        """Are ``codemod_id``'s facts at hand (surveyed, or no survey of its)?

        Never looks the stored facts up: that reads the whole project.
        """
        surveying = self._stored if self._stored is not None else self._each()
        return codemod_id in self._facts or codemod_id not in surveying

    def encoded(self) -> dict[str, Any]:
        """Every survey's facts as :func:`~cwemod.engine.cache.encoded_facts` gives them."""
        stored = self._recall()
        return dict(stored) if stored is not None else encoded_facts(dict(self))

    def __iter__(self) -> Iterator[str]:
        return iter(self._ids())

    def __len__(self) -> int:
        return len(self._ids())

    def __reduce__(self) -> tuple[type, tuple[dict[str, Any]]]:
        return dict, (dict(self),)

    def _ids(self) -> Iterable[str]:
        """The codemods that survey: those whose facts were stored, with none imported."""
        stored = self._recall()
        return stored.keys() if stored is not None else self._each().keys()

    def _read(self, codemod_id: str) -> Any:
        stored = self._recall()
        if stored is not None and codemod_id in stored:
            from cwemod.codemods.surveys import survey_of

            try:
                survey_of(codemod_id)  # its module holds its facts' classes
                return decode_data(stored[codemod_id])
            except UNREADABLE:
                pass  # not what this code stored: surveyed again
        return self._each()[codemod_id]()

    def _each(self) -> Mapping[str, Callable[[], Any]]:
        if self._surveys is None:
            self._surveys = self._make_surveys()
        return self._surveys

    def _recall(self) -> dict[str, Any] | None:
        """The stored facts of every survey, looked up once; None when not found."""
        if not self._looked_up:
            self._looked_up = True
            self._stored = self._remembered.load() if self._remembered else None
        return self._stored


def _below(directory: Path, top: Path) -> bool:
    """Is ``directory`` strictly below ``top``?"""
    real = directory.resolve()
    return real != top.resolve() and real.is_relative_to(top.resolve())


# A project file as the surveys read it: its module path, text and bytes' digest.
Source = tuple[str, str, str]


def _counted(survey: Survey, root: Path) -> Callable[[str], bool]:
    """Does the module at a path count in ``survey``: all do, or only those the project's
    linters do not leave out (:attr:`~cwemod.codemods.surveys.Survey.project_code_only`)?"""
    if not survey.project_code_only:
        return lambda module: True
    excluded = lint_excludes(root)
    return lambda module: not is_lint_excluded(excluded, module)


def _asked(sources: Callable[[], list[Source]], codemod_id: str) -> bool:
    """Does a file of the project ask for ``codemod_id``'s facts whenever it is run?"""
    from cwemod.codemods.surveys import survey_of

    survey = survey_of(codemod_id)
    asked_by = None if survey is None else survey.asked_by
    return asked_by is not None and any(asked_by(text) for _, text, _ in sources())


def _sources(files: Iterable[tuple[str, Path]]) -> Iterator[Source]:
    """Every readable one of ``files``."""
    for name, path in files:
        found = _read_source(name, path)
        if found is not None:
            yield name, found[1], found[0]


def _read_source(name: str, path: Path) -> tuple[str, str] | None:
    """The digest of the file's bytes and its text; None when it is no readable source."""
    from cwemod.engine.source import SourceError, decode_source  # a rerun surveys nothing

    try:
        raw = read_regular(path)
        return digest(raw), decode_source(raw).text
    except (OSError, NotRegularFile, SourceError):
        return None  # the run itself reports the file when it is one of its PATHs
