"""The target project a file belongs to: its root, its gate's rules, project-wide facts.

A fix has to pass the project's own gate, so every codemod sees the same
:class:`Project`: the line length its flake8 (or ruff/black) keeps to,
whether its hacking checks forbid logging in tests, and what codemods
learnt by surveying the whole project before any file was changed
(:mod:`cwemod.codemods.surveys`).
"""

from __future__ import annotations

import ast
import re
import warnings
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any

from cwemod.codemods.kit.ansible import collection_line_length, is_collection, modules_python
from cwemod.codemods.kit.bandit_config import bandit_skipped
from cwemod.codemods.kit.formatters import project_formatter, project_line_length
from cwemod.codemods.kit.import_order import sorts_as_isort
from cwemod.codemods.kit.lines import DEFAULT_LINE_LENGTH, flake8_configs, register_modules
from cwemod.codemods.kit.lint_excludes import lint_excludes
from cwemod.codemods.kit.pylint_config import pylint_disabled
from cwemod.codemods.kit.pytest_plugins import pytest_plugins
from cwemod.codemods.kit.python_versions import BARE_MAJOR, SIX, declared_python
from cwemod.codemods.kit.ruff_ignores import PerFileIgnores, per_file_ignores
from cwemod.codemods.kit.syntax import called_last_name, nodes
from cwemod.codemods.kit.text import from_imports

# A local hacking check that forbids logging in tests, as Cinder's C309 ``no_test_log``.
_TEST_LOG_CHECK = re.compile(r"\bno_test_log|test_log(ging)?_?check", re.IGNORECASE)


@dataclass(frozen=True)
class Project:
    """What a codemod may know about the project around the file it rewrites."""

    root: str | None = None
    line_length: int = DEFAULT_LINE_LENGTH
    forbids_test_logging: bool = False
    # codemod id -> what its survey of the project's files found (picklable data).
    facts: Mapping[str, Any] = field(default_factory=dict, compare=False)
    # The project's files this run may change (paths relative to the root): a fix that
    # needs a change in another file (a shared helper) is made only when that file is here.
    run_files: frozenset[str] = field(default_factory=frozenset, compare=False)
    # The oldest (major, minor) the project says it runs on; None when it says none.
    oldest_python: tuple[int, int] | None = None
    # What says it where the packaging does not name it outright: a bare major classifier
    # (BARE_MAJOR), a test configuration ("its tox.ini envlist"), six (SIX); else None.
    oldest_python_from: str | None = None
    # The rules its ruff configuration turns off by file (ceilometer's "tools/*" = ["S"]).
    ruff_per_file_ignores: PerFileIgnores = ()
    # What its flake8 and ruff leave out (PyInstaller's vendored waf in "bootloader").
    lint_excludes: tuple[str, ...] = ()
    # Its isort (or ruff's isort rules) puts a group's ``import`` lines first (pretix's).
    sorts_as_isort: bool = False
    # The formatter that gates it (black or ruff format), None where none does.
    formatter: str | None = None
    # The scanner rules its pylint configuration turns off in every file (horizon's B113).
    pylint_disabled: frozenset[str] = frozenset()
    # The Bandit tests its bandit gate skips in every file (monasca-api's B303, SHA-1).
    bandit_skipped: frozenset[str] = frozenset()
    # The dotted modules its packaging names pytest plugins (``pytest11`` entry points).
    pytest_plugins: frozenset[str] = frozenset()

    def is_test_module(self, relative: str, text: str | None = None) -> bool:
        """:func:`is_test_module`, and a pytest plugin the project registers is test code
        too: pytest loads it into its sessions only (pulpcore's ``pytest_plugin.py``)."""
        plugin = bool(self.pytest_plugins) and dotted_module(relative) in self.pytest_plugins
        return plugin or is_test_module(relative, text)

    def python_before(self, version: tuple[int, int]) -> str | None:
        """The oldest Python the project supports (``"3.8"``) when it is older than ``version``."""
        if self.oldest_python is None or self.oldest_python >= version:
            return None
        major, minor = self.oldest_python
        return f"{major}.{minor}"

    def supports_before(self, version: tuple[int, int]) -> str | None:
        """That the project supports a Python older than ``version``, in words that stay
        true where it names only a major version (detect-secrets' bare "Python :: 3"), where
        only its tests name it, or where nothing does but it installs six; None where it
        does not."""
        older = self.python_before(version)
        if older is None:
            return None
        said = self.oldest_python_from
        if said is None:
            return f"the project supports Python {older}"
        before = f"so it may support one before {version[0]}.{version[1]}"
        if said == BARE_MAJOR:
            major = older.partition(".")[0]
            return f"the project says Python {major} and names no minor version, {before}"
        if said == SIX:
            return f"the project declares no Python version and depends on six, {before}"
        return f"the project declares no Python version and tests on Python {older} ({said})"

    def facts_surveyed(self, codemod_id: str) -> bool:
        """Are the facts of ``codemod_id`` at hand? False: reading them runs its survey now."""
        surveyed = getattr(self.facts, "surveyed", None)
        return surveyed is None or surveyed(codemod_id)


def load_project(
    root: Path | None,
    facts: Mapping[str, Any] | None = None,
    run_files: frozenset[str] = frozenset(),
    modules: Callable[[], Iterable[str]] | None = None,
) -> Project:
    """The project rooted at ``root`` (``None``: a loose file, default rules); ``modules``
    lists its Python files where the run has walked it, and is registered for every fact
    that reads them (:func:`~cwemod.codemods.kit.lines.register_modules`)."""
    if root is None:
        return Project(facts={} if facts is None else facts, run_files=run_files)
    if modules is not None:
        register_modules(root, modules)
    collection = is_collection(root)
    oldest, said = (modules_python(root), None) if collection else declared_python(root)
    return Project(
        root=str(root),
        line_length=collection_line_length(root) if collection else project_line_length(root),
        forbids_test_logging=_forbids_test_logging(root),
        facts={} if facts is None else facts,
        run_files=run_files,
        oldest_python=oldest,
        oldest_python_from=said,
        ruff_per_file_ignores=per_file_ignores(root),
        pylint_disabled=pylint_disabled(root),
        bandit_skipped=bandit_skipped(root),
        lint_excludes=lint_excludes(root),
        sorts_as_isort=sorts_as_isort(root),
        formatter=project_formatter(root),
        pytest_plugins=pytest_plugins(root),
    )


def module_path(path: Path, root: str | None) -> str:
    """``path`` relative to the project root, in POSIX form; the file name when outside it."""
    if root is None:
        return path.name
    try:
        return path.resolve().relative_to(Path(root).resolve()).as_posix()
    except ValueError:
        return path.name


def dotted_module(module_path: str) -> str:
    """``pkg/mod.py`` -> ``pkg.mod``; a package's ``__init__.py`` is the package, and
    ``src/pkg/mod.py`` is ``pkg.mod`` too (exabgp's src layout: src/ is no package)."""
    parts = module_path.removesuffix(".py").split("/")
    if parts[-1] == "__init__":
        parts.pop()
    if len(parts) > 1 and parts[0] == "src":
        parts.pop(0)
    return ".".join(parts)


def own_top_packages(module_path: str) -> set[str]:
    """The first names of the project's own packages, as the module at ``module_path`` may
    import them: its dotted module's first (exabgp's ``src/exabgp/...``: exabgp), or a
    folder it sits in, where a setup's ``package_dir`` makes that folder the root (carbon's
    ``lib/carbon/...``, graphite-web's ``webapp/graphite/...``)."""
    return {dotted_module(module_path).partition(".")[0], *module_path.split("/")[:-1]}


def absolute_name(name: str, module_path: str) -> str:
    """``name`` as written from the module at ``module_path``, its leading dots resolved:
    ``.utils.serialize.Loader`` in ``pkg/diagnostics.py`` is ``pkg.utils.serialize.Loader``."""
    level = len(name) - len(name.lstrip("."))
    if not level:
        return name
    package = dotted_module(module_path).split(".")
    if not module_path.endswith("__init__.py"):
        package.pop()
    package = package[: len(package) - (level - 1)]
    return ".".join([*package, name[level:]] if name[level:] else package)


def named_modules(tree: ast.Module, module_path: str) -> set[str]:
    """The modules the module at ``module_path`` imports (relative ones resolved) or names
    in a dotted string, with each leading part: a test names the module whose code it
    pins that way (``mock.patch("fabric.connection.AutoAddPolicy")``)."""
    names: set[str] = set()
    for node in nodes(tree, (ast.Import, ast.ImportFrom, ast.Constant)):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            module = absolute_name("." * node.level + (node.module or ""), module_path)
            names.add(module)
            names.update(f"{module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            parts = node.value.split(".")
            if len(parts) > 1:
                names.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
    return names


def modules_named_in_text(text: str, module_path: str) -> set[str]:
    """What :func:`named_modules` reads, off the text rather than a tree, for a module not
    worth parsing whole: the modules its imports at a line's start name, and each leading
    part of a dotted name in quotes; more where a string or comment holds such lines."""
    names: set[str] = set()
    for match in _IMPORT_LINE.finditer(text):
        names.update(alias.partition(" as ")[0].strip() for alias in match[1].split(","))
    for module, name, _ in from_imports(text, indented=True):
        module = absolute_name(module, module_path)
        names.update((module, f"{module}.{name}"))
    for match in _QUOTED_DOTTED.finditer(text):
        parts = match[1].split(".")
        names.update(".".join(parts[:end]) for end in range(1, len(parts) + 1))
    return names


_IMPORT_LINE = re.compile(r"^[ \t]*import[ \t]+([^\n#;\\]+)", re.MULTILINE)
_QUOTED_DOTTED = re.compile(r"""['"]([A-Za-z_]\w*(?:\.\w+)+)['"]""")


# Folders of tests besides ``tests`` and ``test``: python-barbicanclient's ``functionaltests``,
# bioblend's ``bioblend/_tests`` (kept out of the public API by its underscore), borgbackup's
# ``src/borg/testsuite`` (shipped inside its package).
_TEST_FOLDER = re.compile(
    r"^(?:_?tests?|(?:functional|unit|integration|fullstack)_?tests|test_?suites?)$"
)
# Packages that are test suites as a whole: Tempest and its plugins, which boot servers to
# test and log in to them (``heat_tempest_plugin/common/remote_client.py``), and a
# project's own test package beside its code (mycli's ``mycli_test/``).
_TEST_PACKAGE = re.compile(r"^(?:tempest|\w+_tempest_plugin|\w+_tests?)$")
# A top-level ``testing/`` is a test suite (rdiff-backup's), and so are
# ``t/`` (celery's, kombu's), ``selftests/`` (avocado's) and ``test-tools/``
# (mechanize's local test servers); inside a package ``testing/`` ships with
# it (alembic's ``alembic/testing/``, the suite third-party dialects run). A
# top-level ``.github/`` (``.gitlab/``, ``.circleci/``, ``.ci/``) holds the
# CI's own scripts, not the product: cowrie's
# ``.github/scripts/advanced-honeypot-tests.py`` logs in to the honeypot its
# workflow has just started, with a host key no known_hosts holds. So does an
# OpenStack project's top-level ``rally-jobs/`` (``rally-scenarios/``, its old
# name): the Rally plugins its gate runs against a test cloud (neutron-vpnaas's
# ``rally-jobs/plugins/vpn_utils.py`` logs in to the test servers it booted).
_TOP_TEST_FOLDERS = frozenset(
    {"testing", "t", "selftests", "test-tools", "test_tools"}
    | {".github", ".gitlab", ".circleci", ".ci", "rally-jobs", "rally-scenarios"}
)
# A module named for tests: ``test_*.py``, ``*_test.py``, and ``*_tests.py`` or a script's
# ``*-tests.py`` (cowrie's ``advanced-honeypot-tests.py``, its test methods in a plain class).
_TEST_NAME = re.compile(r"^test_|[_-]tests?\.py$")


def is_test_module(relative: str, text: str | None = None) -> bool:
    """Is the module at ``relative`` (a project-relative path) test code?

    With its ``text``, a module that is one by its name alone
    (``test_*.py``, ``*_test.py``, ``*_tests.py``, ``*-tests.py`` outside
    any test folder) must define a test: stestr's ``test_processor.py`` runs
    every ``stestr run``; and a module of any name that defines a
    ``TestCase`` subclass or a ``Test*`` class, with a test method, is one,
    as is one that imports pytest and has a test method in a class, or that
    imports pytest and defines a test function at its top (borgbackup's
    ``hashindex_pytest.py``); but
    where its path says nowhere "test", not one that defines a public
    function or class besides its tests and their helpers (tendo's
    ``tee.py``: its package's ``system()``, then a ``unittest`` class).
    """
    parts = PurePosixPath(relative).parts
    name = parts[-1] if parts else ""
    in_a_test_folder = (
        any(_TEST_FOLDER.match(part) for part in parts[:-1])
        or (len(parts) > 1 and _TEST_PACKAGE.match(parts[0]) is not None)
        or (len(parts) > 1 and parts[0] in _TOP_TEST_FOLDERS)
    )
    if in_a_test_folder or name in ("conftest.py", "tests.py"):  # tests.py: Django's, Horizon's
        return True
    named = _TEST_NAME.search(name) is not None
    if text is None:
        return named
    if named:
        # ``def test...`` (a pytest function or a TestCase method) or a TestCase subclass.
        return _defines_a_test(text, _LINE_HEAD) or _TEST_CASE.search(text) is not None
    # PyGithub's openapi/Cli.py: class Cli(unittest.TestCase) with its test methods;
    # dogpile.cache's testing/fixtures.py: pytest's test classes, shipped for its backends;
    # bioblend's TestGalaxyJobs.py: class TestGalaxyJobs(GalaxyTestBase.GalaxyTestBase)
    lines = "\n" + text
    pytest = _IMPORTS_PYTEST.search(lines) is not None
    suite = pytest or _TEST_CASE_CLASS.search(lines) is not None
    # borgbackup's hashindex_pytest.py: pytest's test functions, at the module's top (unittest
    # runs none there: zaza's charm_lifecycle/test.py imports it and defines its test() runner).
    if not (
        (suite and _defines_a_test(text, _INDENTED_LINE_HEAD))
        or (pytest and _defines_a_test(text, _TOP_LINE_HEAD))
    ):
        return False
    # tendo's tee.py: its public system() and system2(), then class testTee(unittest.TestCase)
    return _PATH_NAMES_TESTS.search(relative) is not None or not _defines_public_code(text)


def _defines_public_code(text: str) -> bool:
    """Does the module define, at its top, a public function or class that is no test and no
    helper of its tests: no test class nor a base of one, no ``test*`` function, no pytest
    fixture, and not naming a test class (PyGithub's ``keepMode()`` sets ``Cli.keepMode``)?"""
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # a SyntaxWarning of the project's is not ours
            tree = ast.parse(text)
    except (SyntaxError, ValueError, RecursionError):
        return False
    defined = [node for node in tree.body if isinstance(node, _DEFINITIONS)]
    tests: set[str] = set()
    for node in defined:  # in order: a class on a test class of the module is one too
        if _is_a_test(node, tests):
            tests.add(node.name)
    helpers = tests | {
        called_last_name(base) for node in defined if node.name in tests for base in _bases(node)
    }
    return any(
        not node.name.startswith("_")
        and node.name not in helpers
        and not any(called_last_name(decorator) == "fixture" for decorator in node.decorator_list)
        and not any(isinstance(name, ast.Name) and name.id in tests for name in ast.walk(node))
        for node in defined
    )


_DEFINITIONS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
_Definition = ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef


def _is_a_test(node: _Definition, tests: set[str]) -> bool:
    """A ``test*`` function, or a class on ``TestCase`` or on a test class, or with a test
    method (tmt's ``class TestsWithAdjusts(TypedDict)`` is no test by its name)."""
    if not isinstance(node, ast.ClassDef):
        return node.name.startswith("test")
    return any(
        called_last_name(base).endswith("TestCase") or called_last_name(base) in tests
        for base in node.bases
    ) or any(
        isinstance(item, _DEFINITIONS[:2]) and item.name.startswith("test") for item in node.body
    )


def _bases(node: ast.AST) -> list[ast.expr]:
    return node.bases if isinstance(node, ast.ClassDef) else []


def _defines_a_test(text: str, head: re.Pattern[str]) -> bool:
    """Is a ``def test...`` (or ``async def test...``) written after a line's ``head``?"""
    for found in _TEST_DEFINITION.finditer(text):
        line_start = text.rfind("\n", 0, found.start()) + 1
        if head.fullmatch(text, line_start, found.start()):
            return True
    return False


# Each pattern starts with a literal (a line's, searched after a newline, for ``^``): ``re``
# skips ahead to it, where a pattern that starts with ``^`` is tried at every position.
# ``testing_*`` is no test's name: pyramid's config/testing.py is its Configurator's public
# ``testing_securitypolicy()`` and the like, in class TestingConfiguratorMixin.
_TEST_DEFINITION = re.compile(r"def\s+test(?!ing)")
_LINE_HEAD = re.compile(r"\s*(?:async\s+)?")
_INDENTED_LINE_HEAD = re.compile(r"[ \t]+(?:async\s+)?")
_TOP_LINE_HEAD = re.compile(r"(?:async\s+)?")
_TEST_CASE = re.compile(r"TestCase\b")
# A module of any name that is a test suite: a TestCase subclass or a class named as pytest
# and unittest name test classes (``Test*``, whatever its base), and a test method in it.
_TEST_CASE_CLASS = re.compile(r"\nclass\s+(?:Test\w*\b|\w+\((?:[\w.]+\.)?TestCase\))")
_IMPORTS_PYTEST = re.compile(r"\n(?:import pytest\b|from pytest import )")
# A path that says test anywhere (dogpile.cache's ``testing/fixtures.py``, rope's
# ``ropetest/doatest.py``, imapclient's ``livetest.py``): a suite there is test code
# whatever else the module defines.
_PATH_NAMES_TESTS = re.compile("test", re.IGNORECASE)


def _forbids_test_logging(root: Path) -> bool:
    return any(
        _TEST_LOG_CHECK.search(parser.get("flake8:local-plugins", "extension", fallback=""))
        for parser in flake8_configs(root, _TEST_LOG_CHECK)
    )
