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
    # The files the survey reads: its codemod's own text test (its ``wants``), or a wider
    # one where the facts are about the whole project (how its modules name a logger).
    wants: Callable[[str], bool]
    # ``(module path, text)`` of each of those files -> the facts.
    run: Callable[[Sequence[tuple[str, str]]], Any]


# The module that holds each surveying codemod's ``SURVEY``, by codemod id. None of
# them may import LibCST (tests/test_surveys.py checks).
_MODULES = {
    "requests-timeout": "cwemod.codemods._http_survey",
    "salted-lock-name": "cwemod.codemods._lock_survey",
    "silent-except": "cwemod.codemods._silent_survey",
}


def surveying_ids() -> frozenset[str]:
    """The ids of the codemods that survey."""
    return frozenset(_MODULES)


def survey_of(codemod_id: str) -> Survey | None:
    """The survey of the codemod ``codemod_id``; None when it has none."""
    module = _MODULES.get(codemod_id)
    return None if module is None else importlib.import_module(module).SURVEY


def mentions_any(needles: Sequence[str]) -> Callable[[str], bool]:
    """The text test of a codemod's ``prefilter``: does the text hold one of ``needles``?"""
    return functools.partial(_mentions_any, tuple(needles))


def _mentions_any(needles: tuple[str, ...], text: str) -> bool:
    return any(needle in text for needle in needles)
