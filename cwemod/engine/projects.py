"""The project each file belongs to, with the surveys codemods ask for, built once per run."""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from pathlib import Path

from cwemod.codemods import get_codemod
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit.project import Project, load_project, project_root
from cwemod.engine.cache import cached_survey
from cwemod.engine.files import NotRegularFile, RealPaths, read_regular, walk
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
        try:
            return self.real(path).relative_to(self.real(root)).as_posix()
        except ValueError:
            return None

    def _root_of(self, directory: Path) -> Path | None:
        if directory not in self._roots:
            self._roots[directory] = project_root(directory)
        return self._roots[directory]

    def _survey(self, root: Path | None) -> dict[str, object]:
        surveying = [
            (cls, cls.resolve_options(options))
            for cls, options in self._codemods
            if _surveys(cls) and root is not None
        ]
        if not surveying:
            return {}
        sources = list(_sources(root, self._excludes))
        facts = {}
        for cls, options in surveying:
            read = [(name, text) for name, text in sources if cls.wants(text, options)]
            survey = functools.partial(cls.survey, read, options)
            facts[cls.id] = (
                cached_survey(root, cls.id, options, read, survey) if self._cache else survey()
            )
        return facts


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
