"""The project each file belongs to, with the surveys codemods ask for, built once per run."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from cwemod.codemods import get_codemod
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit.project import Project, is_root, load_project
from cwemod.engine.cache import cached_survey
from cwemod.engine.files import NotRegularFile, RealPaths, read_regular, relative_posix, walk
from cwemod.engine.source import SourceError, decode_source
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
    ) -> None:
        self._codemods = [(get_codemod(cid), options) for cid, options in codemods]
        self._excludes = tuple(excludes)
        self._run_paths = tuple(run_paths)
        self._cache = cache  # keep each survey's facts in .cwemod_cache/, by the files it read
        self._roots: dict[Path, Path | None] = {}
        self._real_roots: dict[Path, Path] = {}
        self._projects: dict[Path | None, Project] = {}
        self.real = RealPaths()

    def of(self, path: Path) -> Project:
        root = self._root_of(path.parent)
        if root not in self._projects:
            run_files = frozenset(
                self._relative(run_path, root) for run_path in self._run_paths
            ) - {None}
            self._projects[root] = load_project(root, self._survey(root), run_files)
        return self._projects[root]

    def module_path(self, path: Path) -> str:
        """:func:`module_path`, resolving as :attr:`real` does."""
        return self._relative(path, self._root_of(path.parent)) or path.name

    def _relative(self, path: Path, root: Path | None) -> str | None:
        """``path`` relative to ``root`` (POSIX form); None when outside it."""
        if root is None:
            return None
        if root not in self._real_roots:
            self._real_roots[root] = self.real(root)
        return relative_posix(self.real(path), self._real_roots[root])

    def _root_of(self, directory: Path) -> Path | None:
        """The nearest directory at or above ``directory`` that is a project's top, if any.

        Each directory is looked at once, however many files it holds.
        """
        if directory not in self._roots:
            if is_root(directory):
                self._roots[directory] = directory
            elif directory.parent == directory:
                self._roots[directory] = None
            else:
                self._roots[directory] = self._root_of(directory.parent)
        return self._roots[directory]

    def _survey(self, root: Path | None) -> Mapping[str, Any]:
        surveying = [
            (cls, cls.resolve_options(options))
            for cls, options in self._codemods
            if _surveys(cls) and root is not None
        ]
        if not surveying:
            return {}
        sources = functools.cache(lambda: list(_sources(root, self._excludes)))
        surveys = {}
        for cls, options in surveying:
            surveys[cls.id] = functools.partial(self._facts, cls, options, root, sources)
        return Surveys(surveys)

    def _facts(
        self,
        cls: type[Codemod],
        options: Mapping[str, Any],
        root: Path,
        sources: Callable[[], list[tuple[str, str]]],
    ) -> Any:
        read = [(name, text) for name, text in sources() if cls.wants(text, options)]
        survey = functools.partial(cls.survey, read, options)
        return cached_survey(root, cls.id, options, read, survey) if self._cache else survey()


class Surveys(Mapping[str, Any]):
    """Each codemod's facts about one project, surveyed when first asked for.

    A run that never needs them (a report whose findings are all answered
    without them) never reads the project. Pickled, it is the plain dict of
    every survey's facts: a process pool or a cluster gets them computed once,
    here, and never surveys again.
    """

    def __init__(self, surveys: Mapping[str, Callable[[], Any]]) -> None:
        self._surveys = dict(surveys)
        self._facts: dict[str, Any] = {}

    def __getitem__(self, codemod_id: str) -> Any:
        if codemod_id not in self._facts:
            self._facts[codemod_id] = self._surveys[codemod_id]()
        return self._facts[codemod_id]

    def surveyed(self, codemod_id: str) -> bool:
        """Are ``codemod_id``'s facts at hand (surveyed, or no survey of its)?"""
        return codemod_id in self._facts or codemod_id not in self._surveys

    def __iter__(self) -> Iterator[str]:
        return iter(self._surveys)

    def __len__(self) -> int:
        return len(self._surveys)

    def __reduce__(self) -> tuple[type, tuple[dict[str, Any]]]:
        return dict, (dict(self),)


def _surveys(cls: type[Codemod]) -> bool:
    return cls.survey.__func__ is not Codemod.survey.__func__  # type: ignore[attr-defined]


def _sources(root: Path, excludes: Sequence[str]) -> Iterator[tuple[str, str]]:
    """``(module path, text)`` of every readable Python file under ``root``."""
    real_root = root.resolve()
    for path in walk([root], excludes).files:  # real paths: below ``real_root``
        try:
            text = decode_source(read_regular(path)).text
        except (OSError, NotRegularFile, SourceError):
            continue  # the run itself reports the file when it is one of its PATHs
        yield path.relative_to(real_root).as_posix(), text
