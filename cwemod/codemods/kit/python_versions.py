"""The Python a project, or one module, says it runs on.

A fix may use what only newer Pythons have (``hashlib``'s ``usedforsecurity``
came in 3.9): a codemod asks :attr:`Project.oldest_python` (the project's
``requires-python``, else the oldest of its classifiers (or a universal wheel's 2.7), of
the Pythons its setup.py branches for and of the one its distutils ``requires`` names; where
none says, the Python 2 its own top-level code branches for, or the oldest its tox env list
or CI matrix tests, else 2.7 where it installs six) before it does, and
:func:`lacks_with_statement` where a module's comments name an older one.
"""

from __future__ import annotations

import ast
import configparser
import re
from collections.abc import Callable
from pathlib import Path

from cwemod.codemods.kit.lines import registered_modules
from cwemod.codemods.kit.pyproject import TOMLDecodeError, config_text, read_pyproject
from cwemod.codemods.kit.requirements import REQUIREMENT_FILES, names_distribution
from cwemod.codemods.kit.tested_pythons import tested_python

Version = tuple[int, int]

# The lower bounds of a version specifier: ">=3.6", "~=3.8", "==3.10.*" (">3.5" is taken as
# 3.5), and ">=3" (paste's), which admits 3.0.
_LOWER_BOUND = re.compile(r"(?:>=|>|~=|==)\s*(\d+)(?:\.(\d+))?")
_CLASSIFIER = re.compile(r"Programming Language :: Python :: (\d+)\.(\d+)\b")
_MAJOR = re.compile(r"Programming Language :: Python :: (\d+)(?![\d.])")
_SETUP_PY_REQUIRES = re.compile(r"python_requires\s*=\s*['\"]([^'\"]+)['\"]")


# A comment that names a Python 2 older than 2.6, as os-xenapi's dom0 plugins say of
# XenServer's ("must use only Python 2.4 features").
# Not a before_after case's own "# case: oldest-python 2.4", which says what the project does.
_OLD_PYTHON_COMMENT = re.compile(
    r"^[ \t]*#.*(?<![\w-])python\s*2\.[0-5]\b", re.IGNORECASE | re.MULTILINE
)


WITH_STATEMENT: Version = (2, 6)  # before, ``with`` needs ``from __future__ import``


def lacks_with_statement(source: str, oldest: Version | None = None) -> bool:
    """Does the module run on a Python without ``with``, and not import it from ``__future__``?

    As a comment says (2.5 or older), or as the project declares (``oldest``:
    mitogen's ``python_requires='>=2.4'``, whose modules run on the hosts' Python).
    """
    if "with_statement" in source:
        return False
    declared_old = oldest is not None and oldest < WITH_STATEMENT
    return declared_old or _OLD_PYTHON_COMMENT.search(source) is not None


def oldest_python(root: Path) -> Version | None:
    """The oldest ``major.minor`` the project at ``root`` declares; None when it says none.

    ``requires-python`` says it; else the oldest its classifiers say, its setup.py branches
    for, a ``requirements-py2.txt`` says (atomic-reactor 1.6: no classifiers, and
    ``if sys.version_info[0] < 3:`` adds that file's requirements), and distutils'
    ``requires=['python (>= 2.7)']`` says (hyde 0.8.9's setup.py). Where none of these says
    anything, the oldest Python 2 its own code has a branch for (:func:`_code_for_python_2`)
    or its tox env list or CI matrix tests; else 2.7 where it installs six.
    """
    return declared_python(root)[0]


# What says the oldest Python where the packaging does not name it outright (besides a test
# configuration, which :func:`declared_python` names by its file).
BARE_MAJOR = "bare major"  # only a "Python :: 3" classifier, which names no minor version
SIX = "six"  # nothing, but the project installs six: a code base for Python 2 and 3


def declared_python(root: Path) -> tuple[Version | None, str | None]:
    """:func:`oldest_python`, and what says it where the packaging does not name it outright
    (None where it does): :data:`BARE_MAJOR`, detect-secrets 1.5's "Python :: 3", whose 3.0
    stands for any 3.x; where the packaging says nothing, the test configuration that names
    it (``"its tox.ini envlist"``, :func:`~cwemod.codemods.kit.tested_pythons.tested_python`),
    or :data:`SIX` (2.7)."""
    texts = {name: config_text(root / name) for name in _DECLARING}
    declared = _requires_python(root, texts)
    if declared is not None:
        bounds = [(int(major), int(minor or 0)) for major, minor in _LOWER_BOUND.findall(declared)]
        return (min(bounds) if bounds else None), None
    classified, bare = _classified(texts)
    others = [
        _branched_for(texts["setup.py"]),
        (2, 7) if any((root / name).is_file() for name in _PYTHON2_REQUIREMENTS) else None,
        _distutils_requires(texts),
    ]
    said = [version for version in (classified, *others) if version is not None]
    if not said:
        return _undeclared_python(root)
    oldest = min(said)
    return oldest, (BARE_MAJOR if bare and oldest == classified and oldest not in others else None)


def _undeclared_python(root: Path) -> tuple[Version | None, str | None]:
    """Where the packaging names no Python: the oldest of the Python 2 the project's own code
    branches for (:func:`_code_for_python_2`) and of the Pythons its tox env list or CI
    matrix tests (openstackinabox's tox.ini: py3.6); with none, where it installs six (as
    openstackinabox 0.2, whose sdist ships no tox.ini), 2.7, which such a code base may
    still support."""
    branched = _code_for_python_2(root)
    tested = tested_python(root)
    if tested is not None and (branched is None or tested[0] < branched):
        return tested
    if branched is not None:
        return branched, None
    # Read are the files at the root only: no listing of it beside the run's walk.
    installs = (config_text(root / name) for name in REQUIREMENT_FILES)
    return ((2, 7), SIX) if names_distribution(installs, "six") else (None, None)


def _code_for_python_2(root: Path) -> Version | None:
    """The oldest Python 2 that a branch of the project's own code goes on for: s4cmd 2.1.0
    declares no Python, and its s4cmd.py imports ``cStringIO`` where ``IS_PYTHON2 =
    sys.version_info[0] == 2`` and its own ``cmp_to_key`` where ``sys.version_info < (2, 7)``
    (2.6). Read are only its top-level modules and its top-level packages' ``__init__`` and
    compat modules, not the whole tree. A module that exits or raises on Python 2 at its top
    (``if sys.version_info < (3, 6): sys.exit(...)``) has no code for it, whatever it
    branches for."""
    found = (
        _branched_for(config_text(path), _turns_python_2_away) for path in _own_top_modules(root)
    )
    return min((version for version in found if version and version[0] == 2), default=None)


def _turns_python_2_away(tree: ast.Module) -> bool:
    """Does a module-level ``if`` that tests for a Python up to 2.7 or newer exit or raise?"""
    for node in tree.body:
        if not (isinstance(node, ast.If) and _aborts(node.body)):
            continue
        test = node.test
        parts = (
            test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or) else [test]
        )
        splits = [_version_split(part) for part in parts]
        if any(split and split[0] and split[1] >= (2, 7) for split in splits):
            return True
    return False


# Not the project's own code: what setup.py says is read above; the rest are vendored.
_NOT_OWN_MODULES = frozenset({"setup.py", "ez_setup.py", "distribute_setup.py", "six.py"})


def _own_top_modules(root: Path) -> list[Path]:
    """The top-level modules (s4cmd.py), and each top-level package's (under src/ too)
    ``__init__.py`` and compat modules (``_compat.py``, ``py3compat.py``): from the run's
    walk of the project where one is registered (see ``kit.lines.register_modules``), else
    looked for here."""
    modules = registered_modules(root)
    if modules is None:
        found = [*root.glob("*.py"), *root.glob("*/*.py"), *root.glob("src/*/*.py")]
    else:
        found = [Path(path) for path in modules()]
    real = root.resolve()
    top = [_relative_parts(path, root, real) for path in found]
    packages = {parts[:-1] for parts in top if parts[-1] == "__init__.py" and _top(parts)}
    chosen = [
        parts
        for parts in top
        if (len(parts) == 1 and parts[0] not in _NOT_OWN_MODULES)
        or (parts[:-1] in packages and (parts[-1] == "__init__.py" or "compat" in parts[-1]))
    ]
    return [root.joinpath(*parts) for parts in sorted(chosen)]


def _relative_parts(path: Path, root: Path, real: Path) -> tuple[str, ...]:
    """``path``'s parts below ``root`` (as given, or its real path); none outside it."""
    for top in (root, real):
        if path.is_relative_to(top):
            return path.relative_to(top).parts
    return ()


def _top(parts: tuple[str, ...]) -> bool:
    """Is ``parts`` (``pkg/__init__.py``, ``src/pkg/__init__.py``) a top-level package's?"""
    return len(parts) == 2 or (len(parts) == 3 and parts[0] == "src")


_PYTHON2_REQUIREMENTS = ("requirements-py2.txt", "requirements_py2.txt")
# distutils' ``requires`` (PEP 314) with a python entry: hyde 0.8.9's setup.py says
# ``requires=['python (>= 2.7)']``, its PKG-INFO ``Requires: python (>= 2.7)``.
_DISTUTILS_REQUIRES = {
    "setup.py": re.compile(r"\brequires\s*=\s*[\[(][^\]]*?['\"]python\s*\(([^)]*)\)"),
    "PKG-INFO": re.compile(r"^Requires:[ \t]*python[ \t]*\(([^)\r\n]*)\)", re.MULTILINE),
}


def _distutils_requires(texts: dict[str, str]) -> Version | None:
    """The oldest Python distutils' ``requires`` admits (``python (>= 2.7)``)."""
    bounds = [
        (int(major), int(minor or 0))
        for name, pattern in _DISTUTILS_REQUIRES.items()
        for found in pattern.findall(texts[name])
        for major, minor in _LOWER_BOUND.findall(found)
    ]
    return min(bounds, default=None)


def _classified(texts: dict[str, str]) -> tuple[Version | None, bool]:
    """The oldest Python the classifiers name, else a universal wheel's 2.7; and whether
    it is a bare major's (no classifier names a minor version)."""
    listed = [
        (int(major), int(minor))
        for text in texts.values()
        for major, minor in _CLASSIFIER.findall(text)
    ]
    if listed:
        return min(listed), False
    # Only "Python :: 3" (detect-secrets 1.5, which ran on 3.8): it admits 3.0; "Python :: 2"
    # (genshi's) is 2.7, the one a project that says so runs on (as a universal wheel's).
    majors = [
        (int(major), 7 if major == "2" else 0)
        for text in texts.values()
        for major in _MAJOR.findall(text)
    ]
    if majors:
        return min(majors), True
    # sqlmap's setup.cfg: [bdist_wheel] universal = 1, one wheel for Python 2 and 3
    return ((2, 7) if _UNIVERSAL_WHEEL.search(texts["setup.cfg"]) else None), False


def _branched_for(
    source: str, dead: Callable[[ast.Module], bool] = lambda tree: False
) -> Version | None:
    """The oldest Python a branch of ``source`` is for: ``if sys.version_info[0] < 3:``
    that adds requirements is for 2.7; one that exits or raises turns that Python away.
    None where ``dead`` says the module's branches count for nothing."""
    if _TESTS_VERSION.search(source) is None:
        return None
    try:
        tree = ast.parse(source)
    except (SyntaxError, ValueError, RecursionError):
        return None
    if dead(tree):
        return None
    flags = _version_flags(tree)
    branches = (
        _older_branch_python(node, flags)
        for node in ast.walk(tree)
        if isinstance(node, (ast.If, ast.IfExp))
    )
    return min((version for version in branches if version is not None), default=None)


_TESTS_VERSION = re.compile(r"version_info|\bPY[23]\b")  # six.PY2 or the version itself
# six's flags: what holds on the older side, and the newest Python there.
_SIX_FLAGS = {"PY2": (True, (2, 7)), "PY3": (False, (2, 7))}
Split = tuple[bool, Version]


def _version_flags(tree: ast.Module) -> dict[str, Split]:
    """The names bound to a test of the Python's version (``IS_PYTHON2 = sys.version_info[0]
    == 2``), six's ``PY2``/``PY3`` imported or read from ``six``: what each says."""
    flags = {f"six.{name}": split for name, split in _SIX_FLAGS.items()}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "six":
            flags.update(
                (alias.asname or alias.name, _SIX_FLAGS[alias.name])
                for alias in node.names
                if alias.name in _SIX_FLAGS
            )
        elif (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and (split := _version_split(node.value)) is not None
        ):
            flags[node.targets[0].id] = split
    return flags


def _older_branch_python(node: ast.If | ast.IfExp, flags: dict[str, Split]) -> Version | None:
    """The newest Python the branch of ``node`` for the older Pythons runs on, when it has one
    that goes on (lorax's ``elif sys.version_info >= (3, 6): ... else:`` is for 3.5)."""
    test = node.test
    parts = test.values if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.And) else [test]
    both = len(parts) > 1
    for part in parts:
        split = flags.get(ast.unparse(part)) if _is_flag(part) else _version_split(part)
        if split is None or (both and not split[0]):
            continue
        branch = node.body if split[0] else node.orelse
        if not isinstance(branch, list) or (_does_something(branch) and not _aborts(branch)):
            return split[1]
    return None


def _is_flag(node: ast.expr) -> bool:
    return isinstance(node, ast.Name) or (
        isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)
    )


def _does_something(statements: list[ast.stmt]) -> bool:
    """Is there a statement besides ``pass``, ``...`` or a string?"""
    return any(
        not isinstance(statement, ast.Pass)
        and not (isinstance(statement, ast.Expr) and isinstance(statement.value, ast.Constant))
        for statement in statements
    )


def branch_python(test: str, holds: bool) -> Version | None:
    """The newest Python the branch of an ``if`` runs on, where ``test`` (its source) bounds it:
    the ``else`` (``holds`` False) of jenkins-job-builder's ``if sys.version_info[:2] >= (3,
    6):`` runs on 3.5 and older; None where the test is no such bound on that branch."""
    try:
        node = ast.parse(test.strip(), mode="eval").body
    except (SyntaxError, ValueError, RecursionError):
        return None
    split = _version_split(node)
    return split[1] if split is not None and split[0] == holds else None


def _version_split(test: ast.expr) -> Split | None:
    """For a test of ``sys.version_info``: is the older side where it holds, and the newest
    Python on that side? ``version_info >= (3, 6)``: (False, (3, 5))."""
    if not (isinstance(test, ast.Compare) and len(test.ops) == 1):
        return None
    part, bound = _version_part(test.left), _literal_version(test.comparators[0])
    if part is None or bound is None:
        return None
    bound = bound[:1] if part == "major" else bound
    op = type(test.ops[0])
    if op in (ast.Lt, ast.GtE, ast.LtE, ast.Gt):
        newest = _newest_below(bound, strictly=op in (ast.Lt, ast.GtE))
        return None if newest is None else (op in (ast.Lt, ast.LtE), newest)
    if op in (ast.Eq, ast.NotEq) and bound[0] == 2:  # version_info[0] == 2
        return op is ast.Eq, (2, bound[1] if len(bound) > 1 else 7)
    if op in (ast.Eq, ast.NotEq) and bound == (3,):  # version_info.major == 3: else is 2
        return op is ast.NotEq, (2, 7)
    return None


def _newest_below(bound: tuple[int, ...], strictly: bool) -> Version | None:
    """The newest ``major.minor`` below ``bound`` (or at it, not ``strictly``)."""
    major, minor, *rest = (*bound, 0) if len(bound) == 1 else bound
    if not strictly or any(rest):
        return (major, minor) if len(bound) > 1 else ((2, 7) if major == 2 else None)
    if minor > 0:
        return (major, minor - 1)
    return (2, 7) if major == 3 else None


def _version_part(node: ast.expr) -> str | None:
    """``"all"`` for ``sys.version_info`` (or a slice of it), ``"major"`` for its ``[0]`` or
    ``.major``; None for anything else."""
    if isinstance(node, ast.Subscript) and _is_version_info(node.value):
        index = node.slice
        if isinstance(index, ast.Slice):
            return "all"
        return "major" if isinstance(index, ast.Constant) and index.value == 0 else None
    if isinstance(node, ast.Attribute) and node.attr == "major" and _is_version_info(node.value):
        return "major"
    return "all" if _is_version_info(node) else None


def _is_version_info(node: ast.expr) -> bool:
    return (isinstance(node, ast.Attribute) and node.attr == "version_info") or (
        isinstance(node, ast.Name) and node.id == "version_info"
    )


def _literal_version(node: ast.expr) -> tuple[int, ...] | None:
    """``3`` -> (3,); ``(3, 6, 0, 'final', 0)`` -> (3, 6, 0): its leading numbers."""
    items = node.elts if isinstance(node, ast.Tuple) else [node]
    numbers: list[int] = []
    for item in items:
        if not (isinstance(item, ast.Constant) and type(item.value) is int):
            break
        numbers.append(item.value)
    return tuple(numbers) or None


def _aborts(statements: list[ast.stmt]) -> bool:
    """Does the branch raise or exit (``sys.exit("Python 3.6+ only")``)?"""
    return any(
        isinstance(statement, ast.Raise)
        or (
            isinstance(statement, ast.Expr)
            and isinstance(statement.value, ast.Call)
            and _EXITS.fullmatch(ast.unparse(statement.value.func)) is not None
        )
        for statement in statements
    )


_EXITS = re.compile(r"(?:\w+\.)*(?:exit|_exit|quit)")


# A universal wheel runs on Python 2 as well as 3.
_UNIVERSAL_WHEEL = re.compile(
    r"^\[(?:bdist_)?wheel\][^\[]*^\s*universal\s*=\s*(?:1|true)\b", re.MULTILINE | re.IGNORECASE
)


# The files that may say it; an sdist's PKG-INFO says what setup.py computed (Cheetah3's
# python_requires lives in a SetupConfig.py that setup.py imports).
_DECLARING = ("pyproject.toml", "setup.cfg", "setup.py", "PKG-INFO")
_PKG_INFO_REQUIRES = re.compile(r"^Requires-Python:[ \t]*(\S[^\r\n]*)", re.MULTILINE)


def _requires_python(root: Path, texts: dict[str, str]) -> str | None:
    """The version specifier of ``requires-python`` (pyproject.toml) or ``python_requires``,
    from ``texts``, the :data:`_DECLARING` files' texts."""
    if "requires-python" in texts["pyproject.toml"]:
        try:
            found = read_pyproject(root / "pyproject.toml").get("project", {})
        except (OSError, UnicodeDecodeError, TOMLDecodeError):
            found = {}
        value = found.get("requires-python") if isinstance(found, dict) else None
        if isinstance(value, str):
            return value
    if "python_requires" in texts["setup.cfg"]:
        parser = configparser.ConfigParser(interpolation=None)
        try:
            parser.read_string(texts["setup.cfg"])
        except configparser.Error:
            parser.clear()
        value = parser.get("options", "python_requires", fallback=None)
        if value is not None:
            return value
    found_in_setup_py = _SETUP_PY_REQUIRES.search(texts["setup.py"])
    if found_in_setup_py:
        return found_in_setup_py.group(1)
    found_in_pkg_info = _PKG_INFO_REQUIRES.search(texts["PKG-INFO"])
    return found_in_pkg_info.group(1) if found_in_pkg_info else None
