"""command-argv's survey: the modules whose tests assert the exact arguments of a subprocess
function's calls (tripleo-ansible's test_tripleo_deploy_artifacts.py: ``mock_run``, bound by
``@mock.patch('subprocess.run')``, then ``mock_run.assert_called_once_with('tar xvz -C / -f
foo', check=True, shell=True, ...)``).

An argument list in place of the command string, without ``shell=True``, breaks such a test:
the fix there is left to a person, who changes the call and the assertion together. A mock
counts by its name (``mock_run``, ``m_check_output``, ``popen_mock``,
``mock_subprocess.call``) or by what its patch replaces (``_http_mocks``: only subprocess's
function, ``mock.patch('pkg.mod.subprocess.run')``, ``mock.patch.object(subprocess, 'run')``),
in a test module that names the module. A text test first: most test modules are not parsed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from cwemod.codemods._http_mocks import (
    ASSERTION,
    named_assertions,
    verbs_asserted_through_patches,
    where_asserted,
)
from cwemod.codemods.kit.project import is_test_module, modules_named_in_text, named_modules
from cwemod.codemods.kit.syntax import parsed_or_none
from cwemod.codemods.surveys import Survey

FUNCTIONS = ("run", "call", "check_call", "check_output", "Popen")
_FUNCTION = "|".join((*FUNCTIONS, "popen"))
# ``mock_run``, ``m_popen``, ``mock_subprocess_run``, ``run_mock``, ``mock_subprocess.run``,
# ``subprocess.call`` (patched in place): not another object's ``self.runner.run``.
_NAMED_MOCK = re.compile(
    rf"(?:\b(?:mock(?:ed)?|m)_(?:subprocess_)?|\b(?:(?:mock(?:ed)?|m)_)?subprocess\.|(?<![\w.]))"
    rf"(?P<verb>{_FUNCTION})(?:_mock(?:ed)?)?\Z"
)
_LONGEST_MOCK_NAME = 40
_PATCHES_SUBPROCESS = re.compile(
    rf"patch\b[\w.]*\([^)]*?(?:subprocess\.(?:{_FUNCTION})['\"]"
    rf"|subprocess\s*,\s*['\"](?:{_FUNCTION})['\"])"
)
# A test module's summary: the modules it names, and ``(function, line)`` of each assertion.
CommandSummary = tuple[frozenset[str], tuple[tuple[str, int], ...]]


@dataclass(frozen=True)
class CommandFacts:
    """Dotted module -> ``(function, test module, line)`` of each assertion of the exact
    arguments of a subprocess function in the tests that name the module."""

    asserted: Mapping[str, tuple[tuple[str, str, int], ...]] = field(default_factory=dict)

    def assertions(self, module: str, function: str) -> str:
        """Where the tests naming ``module`` assert the arguments of ``function``
        (``subprocess.run``: by its last name); "" where none does."""
        name = function.rpartition(".")[2].lower()
        found = self.asserted.get(module, ())
        return where_asserted((path, line) for verb, path, line in found if verb == name)


def wanted(text: str) -> bool:
    """The modules that may assert a subprocess function's arguments (a text test)."""
    return ".assert_" in text and (
        "subprocess" in text or any(named_assertions(text, _NAMED_MOCK, _LONGEST_MOCK_NAME))
    )


def summarise(path: str, text: str) -> CommandSummary:
    if not is_test_module(path):
        return frozenset(), ()
    found: dict[str, set[int]] = {}
    for mock, line in named_assertions(text, _NAMED_MOCK, _LONGEST_MOCK_NAME):
        found.setdefault(mock["verb"].lower(), set()).add(line)
    tree = None
    if ASSERTION.search(text) and _PATCHES_SUBPROCESS.search(text):
        tree = parsed_or_none(text)
    if tree is not None:
        for verb, lines in verbs_asserted_through_patches(tree, FUNCTIONS, "subprocess").items():
            found.setdefault(verb.lower(), set()).update(lines)
    if not found:
        return frozenset(), ()
    named = modules_named_in_text(text, path) if tree is None else named_modules(tree, path)
    pairs = sorted((verb, line) for verb, lines in found.items() for line in lines)
    return frozenset(named), tuple(pairs)


def combine(summaries: Iterable[tuple[str, CommandSummary]]) -> CommandFacts:
    asserted: dict[str, list[tuple[str, str, int]]] = {}
    for path, (named, pairs) in summaries:
        for module in named:
            asserted.setdefault(module, []).extend((verb, path, line) for verb, line in pairs)
    return CommandFacts({module: tuple(found) for module, found in asserted.items()})


SURVEY = Survey(wants=wanted, summarise=summarise, combine=combine)
