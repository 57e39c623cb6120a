"""The project-wide plan of ``salted-lock-name``, surveyed once with stdlib ``ast``.

A lock family is the set of lock files sharing one ``lock_file_prefix``: the
takers and removers of a family must all key their names or none may, or a
remover deletes nothing and two takers stop excluding each other. The plan
says which families are blocked (a member that cannot be keyed, such as a
tooz coordinator using the same prefix), which project wrappers exist,
which module holds the one helper every keyed site calls, and where the
sites of each family that spans modules are, with the widths they would
have keyed (each module is laid out in a run of its own).
"""

from __future__ import annotations

import ast
import os
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from itertools import takewhile
from pathlib import Path

from cwemod.codemods.kit.project import dotted_module, is_test_module
from cwemod.codemods.kit.syntax import nodes, parents, parse_ast
from cwemod.codemods.kit.text import word_matches
from cwemod.codemods.surveys import Survey

# The words of salted-lock-name's text test, which picks the files the survey reads.
# Hand-built lock files are only recognised through lock-named paths, hence the last ones.
LOCK_TEXT = (
    "lockutils",
    "oslo_concurrency",
    "synchronized",
    "InterProcessLock",
    "lock_dir",
    "lock_path",
    "lock_file",
    "lockdir",
    "lockfile",
    "lockpath",
    "LOCK_",
    "tooz",  # for the survey: tooz locks that share a prefix block keying
)
# Seven of those words hold "lock": a text without it is searched for the other five only.
_LOCK_WORDS = tuple(word for word in LOCK_TEXT if "lock" in word)
_OTHER_WORDS = tuple(word for word in LOCK_TEXT if "lock" not in word)


def mentions_locks(text: str) -> bool:
    """salted-lock-name's text test: does ``text`` hold one of ``LOCK_TEXT``?"""
    return any(word in text for word in _OTHER_WORDS) or (
        "lock" in text and any(word in text for word in _LOCK_WORDS)
    )


# Prefixes that other projects' constants name: neutron-lib's for its synchronized_with_prefix.
KNOWN_PREFIXES = {"neutron_lib.utils.runtime.SYNCHRONIZED_PREFIX": "neutron-"}
HELPER_NAME = "salted_lock_name"
# The module created for the helper where the project has no lock wrapper module.
NEW_HOME_NAME = "locks"
_HELPER_DEFINITION = f"def {HELPER_NAME}("
_LOCKUTILS = "oslo_concurrency.lockutils"
_TAKERS = {"lock", "synchronized"}
_ALWAYS_EXTERNAL = {"external_lock", "remove_external_lock_file"}
_FACTORIES = {"lock_with_prefix", "synchronized_with_prefix"}
_REMOVER_FACTORIES = {"remove_external_lock_file_with_prefix"}
# What makes a lock_path surely the running user's own (per_user_path).
EXPANDUSER = frozenset({"os.path.expanduser", "posixpath.expanduser"})
JOIN = frozenset({"os.path.join", "posixpath.join"})
# What makes a lock_path the directory of the file the lock is named after (beside_its_file).
DIRNAME = frozenset({"os.path.dirname", "posixpath.dirname"})
SAME_FILE = frozenset(
    f"{module}.{function}"
    for module in ("os.path", "posixpath")
    for function in ("abspath", "realpath", "normpath")
)
# A module is parsed only when it holds one of these. Every use of lockutils spells its name
# (in an import, or as the module it is reached through), so the many modules that import only
# processutils from oslo_concurrency are not parsed.
_SURVEYED = ("lockutils", "tooz", _HELPER_DEFINITION)
# A call that may take an external lock (found by kit.text.word_matches).
_EXTERNAL_KEYWORD = re.compile(r"external\s*=")
_APACHE = "Licensed under the Apache License"
_APACHE_END = "under the License."


@dataclass(frozen=True)
class Wrapper:
    """A project function that takes or removes external locks by the name it is given."""

    qualified_name: str
    module: str  # dotted module that defines it
    prefix: str | None  # the family of the names it produces; None: not known
    keyed_inside: bool  # a function keyed in its body (its callers are left alone)
    kind: str = "function"  # or "partial" (takes locks), "remover" (removes lock files)
    runtime: bool = False  # a function whose lock's external= is decided at run time


@dataclass(frozen=True)
class LockSite:
    """An external lock call, for keeping a family keyed alike across modules.

    Its text is kept so that it can be laid out keyed as its own module's
    run lays it out (``_lock_width.keyed_site_fits``): each module is run
    on its own, so a family that spans modules is keyed in one only where
    every site of it can be. No text: not measurable (another lock call on
    its line).
    """

    family: str | None  # its lock_file_prefix; None: not known (or one ``via`` decides)
    via: str | None  # the project partial it is a call of, when it is one
    line: int
    source: str = ""  # the lines the call spans, whole
    column: int = 0  # where the call starts on its first line
    end_column: int = 0  # where it ends on its last one


@dataclass(frozen=True)
class LockPlan:
    home: str | None  # dotted module that holds the helper; None: no shared place
    home_path: str | None  # the same, as a path relative to the project root
    helper_present: bool  # the home already defines the helper
    wrappers: dict[str, Wrapper] = field(default_factory=dict)  # by qualified name
    blocked: dict[str, str] = field(default_factory=dict)  # family -> what blocks it
    families: frozenset[str] = frozenset()  # prefixes taken externally somewhere
    # Module paths that take external locks of a keyable family themselves: the helper's
    # users, which a run must cover for the helper to be added to its home.
    users: frozenset[str] = frozenset()
    create_home: bool = False  # the home is a new module, made by the first run that keys
    license_header: str = ""  # the Apache 2.0 notice most of the project's modules carry
    home_taken: str | None = None  # the new home's path, where another file already is
    # Each family's lock sites outside tests -> (module path, site) of each: a family is
    # keyed only where all of them can be laid out keyed.
    sites: dict[str, tuple[tuple[str, LockSite], ...]] = field(default_factory=dict)
    # The module path of each site -> its top-level imports (local name, what it binds) and
    # the other names it binds: how it names the helper's module.
    namespaces: dict[str, tuple[tuple[tuple[str, str], ...], frozenset[str]]] = field(
        default_factory=dict
    )

    def spread(self, family: str) -> tuple[tuple[str, LockSite], ...]:
        """The family's sites, where they are in several modules (else none)."""
        found = self.sites.get(family, ())
        return found if len({path for path, _ in found}) > 1 else ()

    def binding(self, path: str) -> str | None:
        """The name the module at ``path`` (not the home) calls the helper's module by, as
        the codemod picks it (``kit.imports.module_binding``, else
        ``_lock_imports.free_module_name``); None where no name is free."""
        if self.home is None:
            return None
        imports, bound = self.namespaces.get(path, ((), frozenset()))
        for local, target in imports:
            if target == self.home and "." not in local:
                return local
        last = self.home.rpartition(".")[2]
        free = (name for name in (last, f"{self.home.split('.')[0]}_{last}") if name not in bound)
        return next(free, None)

    def keyable(self, family: str) -> bool:
        return family in self.families and family not in self.blocked


@dataclass(frozen=True)
class ModuleLocks:
    """What one module says of the project's locks: the survey's summary of it."""

    license_header: str
    member: bool = False  # it may take locks (it names lockutils or tooz, and parses)
    wrappers: tuple[Wrapper, ...] = ()
    taken: frozenset[str] = frozenset()  # the prefixes it takes externally
    tooz_strings: tuple[str, ...] = ()  # its string constants, when it imports tooz
    defines_helper: bool = False
    # What it calls with ``external=`` perhaps true (``pkg.utils.synchronized``): calls of a
    # project partial among them make it one of the helper's users.
    external_calls: frozenset[str] = frozenset()
    sites: tuple[LockSite, ...] = ()
    # Where it has sites: its top-level imports (local name, what it binds) and the names
    # it binds at the top (``LockPlan.binding``).
    imported: tuple[tuple[str, str], ...] = ()
    bound: frozenset[str] = frozenset()


def module_locks(path: str, text: str) -> ModuleLocks:
    """The summary of the module at ``path``."""
    header = _license_header(text)
    member = any(needle in text for needle in _SURVEYED)
    passes_external = next(word_matches(_EXTERNAL_KEYWORD, text), None) is not None
    if not member and not passes_external:
        return ModuleLocks(header)
    try:
        tree = parse_ast(text)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return ModuleLocks(header)
    imports = _imports(tree)
    external_calls = frozenset(
        name
        for call in (nodes(tree, ast.Call) if passes_external else ())
        if _may_be_true(_argument(call, "external", None))
        and (name := _called_name(call.func, imports)) is not None
    )
    if not member:
        return ModuleLocks(header, external_calls=external_calls)
    module = dotted_module(path)
    lines = text.split("\n")
    if "\r" in text:
        lines = [line.removesuffix("\r") for line in lines]
    sites = tuple(_sites(tree, imports, lines))
    tooz = any(name.split(".")[0] == "tooz" for name in imports.values())
    return ModuleLocks(
        header,
        member=True,
        wrappers=tuple(_wrappers(tree, module, imports)),
        taken=frozenset(_external_prefixes(tree, imports)),
        tooz_strings=tuple(sorted(_string_constants(tree))) if tooz else (),
        defines_helper=_defines_helper(tree),
        external_calls=external_calls,
        sites=sites,
        imported=tuple(imports.items()) if sites else (),
        bound=frozenset(_bound(tree)) if sites else frozenset(),
    )


def lock_plan(modules: Sequence[tuple[str, ModuleLocks]]) -> LockPlan:
    """The project's plan from its modules' summaries, in the walk's order."""
    licenses = Counter(summary.license_header for _, summary in modules)
    members = [(path, summary) for path, summary in modules if summary.member]
    wrappers: dict[str, Wrapper] = {}
    families: set[str] = set()
    tooz_strings: dict[str, str] = {}  # string constant -> module importing tooz
    for path, summary in members:
        for wrapper in summary.wrappers:
            wrappers[wrapper.qualified_name] = wrapper
        families |= summary.taken
        for text in summary.tooz_strings:
            tooz_strings.setdefault(text, dotted_module(path))
    families |= {w.prefix for w in wrappers.values() if w.prefix is not None}
    blocked = {
        family: f"tooz locks in {tooz_strings[family]} use the same prefix {family!r}"
        " and cannot be keyed"
        for family in families
        if family and family in tooz_strings
    }
    wrappers = {
        name: _without_blocked_inside(wrapper, blocked) for name, wrapper in wrappers.items()
    }
    # Test code is never keyed (its locks are not where other users share a lock_path):
    # no test module holds the helper or counts among its users.
    tests = {dotted_module(path) for path, _ in members if is_test_module(path)}
    home = _home(w for w in wrappers.values() if w.module not in tests)
    home = home or _helper_module(members)
    home_path = next((path for path, _ in members if dotted_module(path) == home), None)
    present = any(summary.defines_helper for path, summary in members if path == home_path)
    users = frozenset(
        path
        for path, summary in members
        if path != home_path
        and not is_test_module(path)
        and any(prefix not in blocked for prefix in summary.taken)
    ) | _partial_users(modules, wrappers, blocked, home_path)
    create_home = False
    if home is None and users:
        home_path = _new_home_path(users)
        home = dotted_module(home_path) if home_path else None
        create_home = home is not None
    production = [(path, summary) for path, summary in members if not is_test_module(path)]
    sites = _family_sites(production, wrappers)
    return LockPlan(
        home,
        home_path,
        present,
        wrappers,
        blocked,
        frozenset(families),
        users,
        create_home=create_home,
        license_header=_prevailing(licenses),
        sites=sites,
        namespaces={
            path: (summary.imported, summary.bound)
            for path, summary in production
            if any(path == where for found in sites.values() for where, _ in found)
        },
    )


def _family_sites(
    modules: Sequence[tuple[str, ModuleLocks]], wrappers: dict[str, Wrapper]
) -> dict[str, tuple[tuple[str, LockSite], ...]]:
    """The sites of each family, by the module they are in."""
    sites: dict[str, list[tuple[str, LockSite]]] = {}
    for path, summary in modules:
        for site in summary.sites:
            family = site.family
            if site.via is not None:
                wrapper = wrappers.get(site.via)
                if wrapper is None or wrapper.kind == "function":
                    continue  # not a project partial; one keyed inside: not keyed here
                family = wrapper.prefix
            if family is not None:  # else refused wherever it is: its prefix is not known
                sites.setdefault(family, []).append((path, site))
    return {family: tuple(found) for family, found in sites.items()}


def survey_locks(sources: Sequence[tuple[str, str]]) -> LockPlan:
    return SURVEY.run(sources)


def _partial_users(
    modules: Sequence[tuple[str, ModuleLocks]],
    wrappers: dict[str, Wrapper],
    blocked: dict[str, str],
    home_path: str | None,
) -> frozenset[str]:
    """Modules that take external locks through a project partial (``utils.synchronized``).

    They call the helper too, so they count as its users.
    """
    partials = {
        name
        for name, wrapper in wrappers.items()
        if wrapper.kind == "partial" and wrapper.prefix not in blocked
    }
    return frozenset(
        path
        for path, summary in modules
        if path != home_path and not is_test_module(path) and summary.external_calls & partials
    )


def _called_name(func: ast.expr, imports: dict[str, str]) -> str | None:
    """The dotted name a call's function is imported as: ``utils.synchronized`` ->
    ``pkg.utils.synchronized``."""
    if isinstance(func, ast.Name):
        return imports.get(func.id)
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        module = imports.get(func.value.id)
        return None if module is None else f"{module}.{func.attr}"
    return None


def defines_lock_wrapper(tree: ast.Module) -> bool:
    """Does the module define a lock wrapper (so it may be the helper's home)?"""
    return any(True for _ in _wrappers(tree, "", _imports(tree)))


def _defines_helper(tree: ast.Module) -> bool:
    return any(isinstance(node, ast.FunctionDef) and node.name == HELPER_NAME for node in tree.body)


def _helper_module(modules: Sequence[tuple[str, ModuleLocks]]) -> str | None:
    """A module that holds the helper without being a lock wrapper: one a run created."""
    homes = sorted(dotted_module(path) for path, summary in modules if summary.defines_helper)
    return homes[0] if homes else None


def _new_home_path(users: Iterable[str]) -> str | None:
    """Where the helper's new module goes: the users' one top-level package.

    :func:`placed` moves it into that package's ``common`` subpackage when
    the project has one. None when the users (never tests) are not all in
    one package. Where every user is private (oslo.messaging's
    ``_drivers/``), so is the module (``_locks.py``): a library's reviewers
    would not add a public module that only its internals call.
    """
    users = list(users)
    tops = {path.split("/")[0] for path in users if "/" in path}
    if len(tops) != 1 or any("/" not in path for path in users):
        return None
    private = all(_is_private(path) for path in users)
    return f"{tops.pop()}/{'_' if private else ''}{NEW_HOME_NAME}.py"


def _is_private(module_path: str) -> bool:
    """Is the module, or a package it is in, named with one leading underscore?"""
    parts = module_path.removesuffix(".py").split("/")
    return any(part.startswith("_") and not part.startswith("__") for part in parts)


def placed(plan: LockPlan, root: str | None) -> LockPlan:
    """``plan`` with a new home in ``<package>/common/`` where the project has that package.

    Neutron keeps its shared helpers there (``neutron/common/``). The
    survey sees only the files that mention locks, so the packages are
    looked for on disk. A top directory that is no package (a ``src/``
    layout) has no importable place for the module: no home then.
    """
    if not plan.create_home or plan.home_path is None or root is None:
        return plan
    package, _, name = plan.home_path.rpartition("/")
    if not (Path(root) / package / "__init__.py").is_file():
        return replace(plan, home=None, home_path=None, create_home=False)
    home_path = plan.home_path
    if (Path(root) / package / "common" / "__init__.py").is_file():
        home_path = f"{package}/common/{name}"
    if os.path.lexists(Path(root) / home_path):  # a module of another purpose: never replaced
        return replace(plan, home=None, home_path=None, create_home=False, home_taken=home_path)
    return replace(plan, home=dotted_module(home_path), home_path=home_path)


def _license_header(text: str) -> str:
    """The Apache 2.0 notice among the comments and blank lines that open ``text``, past a
    shebang, a coding cookie and a copyright (caso's modules: ``# -*- coding: utf-8 -*-``, a
    blank line, the copyright, the notice): its comment lines from the one that says the
    License to the last that ends it, with no blank line between. The copyright and the
    cookie are left out: Python 3 reads UTF-8 without a cookie, and the helper is ASCII."""
    first = text.split("\n", 40)[:40]
    lines = [line.rstrip() for line in takewhile(_comment_or_blank, first)]
    start = next((i for i, line in enumerate(lines) if _APACHE in line), None)
    if start is None:
        return ""
    block = list(takewhile(lambda line: line.startswith("#"), lines[start:]))
    ends = [i for i, line in enumerate(block) if line.endswith(_APACHE_END)]
    return "\n".join(block[: ends[-1] + 1]) if ends else ""


def _comment_or_blank(line: str) -> bool:
    return line.startswith("#") or not line.strip()


def _prevailing(licenses: Counter[str]) -> str:
    """The notice more than half of the modules carry, as most of them write it; else none."""
    carrying = sum(count for header, count in licenses.items() if header)
    if carrying * 2 <= sum(licenses.values()):
        return ""
    return min((header for header in licenses if header), key=lambda h: (-licenses[h], h))


def _without_blocked_inside(wrapper: Wrapper, blocked: dict[str, str]) -> Wrapper:
    if wrapper.keyed_inside and (wrapper.prefix is None or wrapper.prefix in blocked):
        return replace(wrapper, keyed_inside=False)
    return wrapper


def _home(wrappers: Iterable[Wrapper]) -> str | None:
    """The project's own lock wrapper module: one keyed inside first, then one of partials."""
    ranked = sorted(
        (not w.keyed_inside, w.module.count("."), w.module) for w in wrappers if w.module
    )
    return ranked[0][2] if ranked else None


def _imports(tree: ast.Module) -> dict[str, str]:
    """Local name -> the dotted name it is bound to, for the module's top-level imports."""
    bound: dict[str, str] = {}
    for node in tree.body:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    bound[alias.asname] = alias.name
                else:
                    bound[alias.name.split(".")[0]] = alias.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            for alias in node.names:
                bound[alias.asname or alias.name] = f"{node.module}.{alias.name}"
    return bound


def _lockutils_attr(func: ast.expr, imports: dict[str, str]) -> str | None:
    """``lock`` for ``lockutils.lock`` or ``from oslo_concurrency.lockutils import lock``."""
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name):
        if imports.get(func.value.id) == _LOCKUTILS:
            return func.attr
    if isinstance(func, ast.Name):
        dotted = imports.get(func.id, "")
        if dotted.startswith(_LOCKUTILS + "."):
            return dotted.rpartition(".")[2]
    return None


def _wrappers(tree: ast.Module, module: str, imports: dict[str, str]) -> Iterable[Wrapper]:
    for node in tree.body:
        if (
            isinstance(node, ast.Assign)
            and len(node.targets) == 1
            and isinstance(node.targets[0], ast.Name)
            and isinstance(node.value, ast.Call)
            and _lockutils_attr(node.value.func, imports) in _FACTORIES | _REMOVER_FACTORIES
        ):
            prefix = _literal(_argument(node.value, "lock_file_prefix", 0))
            remover = _lockutils_attr(node.value.func, imports) in _REMOVER_FACTORIES
            kind = "remover" if remover else "partial"
            yield Wrapper(f"{module}.{node.targets[0].id}", module, prefix, False, kind)
        elif isinstance(node, ast.FunctionDef):
            call = _wrapped_lock_call(node, imports)
            if call is not None:
                prefix = _wrapper_prefix(node, call)
                runtime = _decides_at_run_time(call, imports)
                yield Wrapper(f"{module}.{node.name}", module, prefix, True, runtime=runtime)


def _function_wrapper_prefix(
    function: ast.FunctionDef, imports: dict[str, str]
) -> str | None | bool:
    """The family of a function that may lock the name it is given externally; False: not one."""
    call = _wrapped_lock_call(function, imports)
    return False if call is None else _wrapper_prefix(function, call)


def _wrapped_lock_call(function: ast.FunctionDef, imports: dict[str, str]) -> ast.Call | None:
    """The first call in ``function`` that may take or remove an external lock by the name a
    parameter gives it (``lock``, ``synchronized``, ``external_lock``, a remover)."""
    params = {arg.arg for arg in [*function.args.posonlyargs, *function.args.args]}
    for call in nodes(function, ast.Call):
        attr = _lockutils_attr(call.func, imports)
        if not _may_be_external(call, attr) or _not_applicable(call, attr, function, imports):
            continue  # in-process only, such as a memoizing decorator's: no lock file to key
        name = _argument(call, "name", 0)
        if isinstance(name, ast.Name) and name.id in params:
            return call
    return None


def _wrapper_prefix(function: ast.FunctionDef, call: ast.Call) -> str | None:
    """The prefix ``call`` in ``function`` gives, where a parameter passes it its default."""
    positional = [arg.arg for arg in [*function.args.posonlyargs, *function.args.args]]
    first_default = len(positional) - len(function.args.defaults)
    defaults = dict(zip(positional[first_default:], function.args.defaults))
    prefix = _argument(call, "lock_file_prefix", 1)
    if isinstance(prefix, ast.Name) and prefix.id in positional:
        prefix = defaults.get(prefix.id)
    return "" if prefix is None else _literal(prefix)


def _decides_at_run_time(call: ast.Call, imports: dict[str, str]) -> bool:
    """Is a wrapper's lock ``call`` given ``external=`` as other than a literal true?"""
    if _lockutils_attr(call.func, imports) in _ALWAYS_EXTERNAL:
        return False
    external = _argument(call, "external", 2)
    return not (isinstance(external, ast.Constant) and external.value is True)


def _not_applicable(
    call: ast.Call, attr: str | None, scope: ast.AST, imports: dict[str, str]
) -> bool:
    """Is the lock_path of lockutils' ``call`` (of ``attr``) surely the user's own, or the
    directory of the file the lock is named after?

    Such locks are the codemod's not-applicable ones: their files are no
    family's, nor is a function that takes them a wrapper.
    """
    lock_path = _argument(call, "lock_path", 3 if attr in _TAKERS else 2)
    if lock_path is None:
        return False
    name = _argument(call, "name", 0)
    beside = name is not None and beside_its_file(name, lock_path, scope, imports)
    return beside or per_user_path(lock_path, scope, imports)


def beside_its_file(
    name: ast.expr, lock_path: ast.expr, scope: ast.AST, imports: dict[str, str]
) -> bool:
    """``_lock_values.guarded_file`` in ``ast``: is ``lock_path`` ``os.path.dirname(X)`` (of
    an absolute or real X) and ``name`` built from X? Names are followed to their one plain
    assignment in ``scope``, once."""
    if not isinstance(lock_path, (ast.Name, ast.Call)):
        return False
    values = _plain_values(scope)
    directory = _followed(lock_path, values)
    if not (
        isinstance(directory, ast.Call)
        and _dotted(directory.func, imports) in DIRNAME
        and len(directory.args) == 1
        and not directory.keywords
        and not isinstance(directory.args[0], ast.Starred)
    ):
        return False
    spellings = _spellings(directory.args[0], values, imports)
    return any(ast.dump(part) in spellings for part in _name_parts(name, values))


def _followed(node: ast.expr, values: dict[str, list[ast.expr]]) -> ast.expr:
    found = values.get(node.id, ()) if isinstance(node, ast.Name) else ()
    return found[0] if len(found) == 1 else node


def _spellings(
    path: ast.expr, values: dict[str, list[ast.expr]], imports: dict[str, str]
) -> set[str]:
    found = {ast.dump(path)}
    followed = _followed(path, values)
    if followed is not path:
        found |= _spellings(followed, {}, imports)
    elif (
        isinstance(path, ast.Call)
        and _dotted(path.func, imports) in SAME_FILE
        and len(path.args) == 1
        and not path.keywords
        and not isinstance(path.args[0], ast.Starred)
    ):
        found |= _spellings(path.args[0], values, imports)
    return found


def _name_parts(name: ast.expr, values: dict[str, list[ast.expr]]) -> list[ast.expr]:
    if isinstance(name, ast.BinOp) and isinstance(name.op, (ast.Add, ast.Mod)):
        return [*_name_parts(name.left, values), *_name_parts(name.right, values)]
    if isinstance(name, ast.Tuple):
        return [part for item in name.elts for part in _name_parts(item, values)]
    if isinstance(name, ast.JoinedStr):
        items = [item.value for item in name.values if isinstance(item, ast.FormattedValue)]
        return [part for item in items for part in _name_parts(item, values)]
    if (
        isinstance(name, ast.Call)
        and isinstance(name.func, ast.Attribute)
        and name.func.attr == "format"
        and isinstance(name.func.value, ast.Constant)
    ):
        return [part for arg in name.args for part in _name_parts(arg, values)]
    if isinstance(name, ast.Constant):
        return []
    followed = _followed(name, values)
    return [name] if followed is name else [name, *_name_parts(followed, {})]


def per_user_path(path: ast.expr, scope: ast.AST | None, imports: dict[str, str]) -> bool:
    """``_lock_values.per_user_directory`` in ``ast``: a name is followed to its plain
    assignments in ``scope`` (None: not followed)."""
    if isinstance(path, ast.Name):
        values = _plain_values(scope).get(path.id) if scope is not None else None
        return bool(values) and all(per_user_path(value, None, imports) for value in values)
    if not isinstance(path, ast.Call) or not path.args or path.keywords:
        return False
    called, texts = _dotted(path.func, imports), [_literal(arg) for arg in path.args]
    if called in JOIN:
        relative = all(relative_part(text) for text in texts[1:])
        return relative and per_user_path(path.args[0], None, imports)
    return called in EXPANDUSER and len(texts) == 1 and in_home(texts[0])


def in_home(text: str | None) -> bool:
    """Is ``text`` ``~`` or ``~/...`` below it (never ``~user``, which is another's home)?"""
    if text is None or not (text == "~" or text.startswith("~/")):
        return False
    return relative_part(text.removeprefix("~/"))


def relative_part(text: str | None) -> bool:
    """A path part that stays below the directory it is joined to: no ``/`` first, no
    ``..`` (the empty text too)."""
    return text is not None and not text.startswith("/") and ".." not in text.split("/")


def _plain_values(scope: ast.AST) -> dict[str, list[ast.expr]]:
    """The values of each name every binding of which in ``scope`` is a plain ``name =
    value`` (no parameter, import, definition, ``global``, loop or unpacking binds it)."""
    values: dict[str, list[ast.expr]] = {}
    for assign in nodes(scope, ast.Assign):
        for target in assign.targets:
            if isinstance(target, ast.Name):
                values.setdefault(target.id, []).append(assign.value)
    stored = Counter(n.id for n in nodes(scope, ast.Name) if not isinstance(n.ctx, ast.Load))
    other = {arg.arg for arg in nodes(scope, ast.arg)}
    other |= {alias.asname or alias.name.partition(".")[0] for alias in nodes(scope, ast.alias)}
    other |= {name for node in nodes(scope, (ast.Global, ast.Nonlocal)) for name in node.names}
    other |= {node.name for node in nodes(scope, _NAMED) if node.name}
    return {
        name: found
        for name, found in values.items()
        if len(found) == stored[name] and name not in other
    }


_NAMED = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.ExceptHandler)


def _scope(node: ast.AST, tree: ast.Module) -> ast.AST:
    """The function ``node`` is in, innermost; else the module."""
    parent_of = parents(tree)
    parent = parent_of.get(node)
    while parent is not None and not isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef)):
        parent = parent_of.get(parent)
    return tree if parent is None else parent


def _dotted(node: ast.expr, imports: dict[str, str]) -> str | None:
    """``os.path.join`` for ``os.path.join`` or ``path.join`` (``from os import path``)."""
    if isinstance(node, ast.Name):
        return imports.get(node.id)
    if isinstance(node, ast.Attribute):
        base = _dotted(node.value, imports)
        return None if base is None else f"{base}.{node.attr}"
    return None


def _may_be_external(call: ast.Call, attr: str | None) -> bool:
    """Is ``call`` (of lockutils' ``attr``) one that may take or remove a lock file?"""
    return attr in _ALWAYS_EXTERNAL or (
        attr in _TAKERS and _may_be_true(_argument(call, "external", 2))
    )


def _sites(tree: ast.Module, imports: dict[str, str], lines: list[str]) -> Iterable[LockSite]:
    """The module's external lock calls: lockutils' own, and calls that may be of a project
    partial (given ``external=``, or of a name holding "lock", as a remover's)."""
    wrapped: dict[int, str | None] = {}  # id of a call in a function wrapper -> its prefix
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            prefix = _function_wrapper_prefix(node, imports)
            if not isinstance(prefix, bool):
                wrapped.update({id(call): prefix for call in nodes(node, ast.Call)})
    found = []
    for call in nodes(tree, ast.Call):
        attr = _lockutils_attr(call.func, imports)
        family: str | None = None
        via = None
        if _may_be_external(call, attr):
            if _not_applicable(call, attr, _scope(call, tree), imports):
                continue
            prefix = _argument(call, "lock_file_prefix", 1)
            family = "" if prefix is None else _prefix_value(prefix, imports)
            if id(call) in wrapped:
                family = wrapped[id(call)]
        elif attr is None and (via := _called_name(call.func, imports)) is not None:
            given = _may_be_true(_argument(call, "external", None))
            if not given and "lock" not in via.rpartition(".")[2]:
                continue
        else:
            continue
        name = _argument(call, "name", 0)
        if name is not None and not _keyed_already(name, imports):
            found.append((call, name, family, via))
    crowded = Counter(name.lineno for _, name, _, _ in found)
    for call, name, family, via in found:
        first, last = call.lineno, call.end_lineno or call.lineno
        if crowded[name.lineno] > 1 or last > len(lines):
            yield LockSite(family, via, call.lineno)  # not measurable
        else:
            yield LockSite(
                family,
                via,
                call.lineno,
                "\n".join(lines[first - 1 : last]),
                _column(lines[first - 1], call.col_offset),
                _column(lines[last - 1], call.end_col_offset or 0),
            )


def _keyed_already(name: ast.expr, imports: dict[str, str]) -> bool:
    """Is the name passed through the helper, or an HMAC, already (the codemod's
    ``already_keyed``)? Such a site is not keyed again."""
    for call in nodes(name, ast.Call):
        func = call.func
        called = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if called in (HELPER_NAME, f"_{HELPER_NAME}"):
            return True
        if _called_name(func, imports) in ("hmac.new", "hmac.digest", "hmac.HMAC"):
            return True
    return False


def _column(line: str, offset: int) -> int:
    """The column, in characters, of ``ast``'s ``offset`` (in UTF-8 bytes) on ``line``."""
    if line.isascii():
        return offset
    return len(line.encode()[:offset].decode(errors="replace"))


def _bound(tree: ast.Module) -> Iterable[str]:
    """The names bound at the top of the module, as ``_lock_imports.binds_name`` reads them."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            yield node.name
        elif isinstance(node, ast.Import):
            yield from (alias.asname or alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and not node.level and node.module:
            yield from (alias.asname or alias.name for alias in node.names if alias.name != "*")
        elif isinstance(node, ast.Assign):
            yield from (target.id for target in node.targets if isinstance(target, ast.Name))


def _external_prefixes(tree: ast.Module, imports: dict[str, str]) -> set[str]:
    """Prefixes of the external lockutils locks this module takes or removes directly."""
    prefixes = set()
    for call in nodes(tree, ast.Call):
        attr = _lockutils_attr(call.func, imports)
        external = _may_be_external(call, attr)
        if external and _not_applicable(call, attr, _scope(call, tree), imports):
            continue
        prefix = _argument(call, "lock_file_prefix", 1)
        value = "" if prefix is None else _prefix_value(prefix, imports)
        if external and value is not None:
            prefixes.add(value)
    return prefixes


def _prefix_value(node: ast.expr, imports: dict[str, str]) -> str | None:
    """A literal prefix, or a library's known constant (neutron-lib's ``SYNCHRONIZED_PREFIX``)."""
    literal = _literal(node)
    if literal is not None or not isinstance(node, ast.Attribute):
        return literal
    if isinstance(node.value, ast.Name) and node.value.id in imports:
        return KNOWN_PREFIXES.get(f"{imports[node.value.id]}.{node.attr}")
    return None


def _may_be_true(node: ast.expr | None) -> bool:
    return node is not None and not (isinstance(node, ast.Constant) and not node.value)


def _argument(call: ast.Call, keyword: str, index: int | None) -> ast.expr | None:
    for item in call.keywords:
        if item.arg == keyword:
            return item.value
    if index is not None and len(call.args) > index:
        value = call.args[index]
        return None if isinstance(value, ast.Starred) else value
    return None


def _literal(node: ast.expr | None) -> str | None:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    return None


def _string_constants(tree: ast.Module) -> set[str]:
    return {node.value for node in nodes(tree, ast.Constant) if isinstance(node.value, str)}


def _uses_lockutils(text: str) -> bool:
    """Does the module use oslo's lockutils (whose external locks have the plan read)?"""
    return "lockutils" in text


SURVEY = Survey(mentions_locks, module_locks, lock_plan, asked_by=_uses_lockutils)
