"""The project surveys: what a codemod learns from a whole project before it fixes a file.

A survey reads every Python file of a project that passes its codemod's text
test, with the standard library (``ast``, regular expressions) and never
LibCST, and returns picklable facts, which every file's run reads as
``self.facts``. The engine finds a survey here by its codemod's id, without
importing the codemod: a run on several cores forks the surveys first and
imports LibCST and the codemods while they run (``engine/projects.py``).
"""

from __future__ import annotations

import functools
import importlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Survey:
    """A survey in two steps: what each file says, then the facts all of them make.

    A file's summary depends on that file alone, so a run keeps it by the
    file's bytes and summarises again only the files that changed
    (``engine/cache.summarised_survey``); summaries are plain data that
    survive a round trip through JSON.
    """

    # The files the survey reads: its codemod's own text test (its ``wants``), or a wider
    # one where the facts are about the whole project (how its modules name a logger).
    wants: Callable[[str], bool]
    # ``(module path, text)`` of one of those files -> its summary.
    summarise: Callable[[str, str], Any]
    # ``(module path, summary)`` of each of those files, in the walk's order -> the facts.
    combine: Callable[[Sequence[tuple[str, Any]]], Any]
    # The files whose run nearly always asks for the facts, where a project has some: the
    # workers a run forks would each survey, so the run surveys once before it forks them.
    asked_by: Callable[[str], bool] | None = None
    # Only the project's own code: what its linters leave out (planemo's autopygen/, which its
    # ruff excludes, logs with logging.debug()) has no say in the facts.
    project_code_only: bool = False

    def run(self, sources: Sequence[tuple[str, str]]) -> Any:
        """The facts of ``sources``, ``(module path, text)`` of the files the survey reads."""
        return self.combine([(path, self.summarise(path, text)) for path, text in sources])


# The module that holds each surveying codemod's ``SURVEY``, by codemod id. None of
# them may import LibCST (tests/test_surveys.py checks).
_MODULES = {
    "cleanup-on-failure": "cwemod.codemods._cleanup_survey",
    "command-argv": "cwemod.codemods._command_survey",
    "hash-not-for-security": "cwemod.codemods._hash_survey",
    "jinja2-autoescape": "cwemod.codemods._jinja_options",
    "requests-timeout": "cwemod.codemods._http_survey",
    "salted-lock-name": "cwemod.codemods._lock_survey",
    "secure-random": "cwemod.codemods._random_survey",
    "silent-except": "cwemod.codemods._silent_survey",
    "ssh-host-key-policy": "cwemod.codemods._ssh_survey",
    "tls-verify": "cwemod.codemods._http_survey",
    "yaml-safe-load": "cwemod.codemods._yaml_loaders",
}


def surveying_ids() -> frozenset[str]:
    """The ids of the codemods that survey."""
    return frozenset(_MODULES)


def survey_name(codemod_id: str) -> str | None:
    """The name of the codemod's survey: one name for the codemods that share a survey."""
    return _MODULES.get(codemod_id)


def survey_of(codemod_id: str) -> Survey | None:
    """The survey of the codemod ``codemod_id``; None when it has none."""
    module = _MODULES.get(codemod_id)
    return None if module is None else importlib.import_module(module).SURVEY


def mentions_any(needles: Sequence[str]) -> Callable[[str], bool]:
    """The text test of a codemod's ``prefilter``: does the text hold one of ``needles``?"""
    return functools.partial(_mentions_any, tuple(needles))


def _mentions_any(needles: tuple[str, ...], text: str) -> bool:
    return any(needle in text for needle in needles)
