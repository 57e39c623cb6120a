"""yaml-safe-load's survey: the project's own names for PyYAML's safe loaders.

A module may bind a safe loader under a name of its own: a subclass
(sceptre's ``class CfnYamlLoader(yaml.SafeLoader)``), a base chosen in both
branches of an ``if`` (heatclient's ``yaml_loader_base = yaml.CSafeLoader``,
else ``yaml.SafeLoader``), or an import with a fallback (insights-core's
``from yaml import CSafeLoader as SafeLoader``, else ``SafeLoader``); other
modules then import it (``Loader=template_format.yaml_loader``). A name
counts only where every binding the module gives it is a safe loader.
"""

from __future__ import annotations

import ast
import copy
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field

from cwemod.codemods._yaml_exports import (
    Exports,
    referenced,
    yaml_attributes,
    yaml_exports,
    yaml_references,
)
from cwemod.codemods.kit.project import absolute_name, dotted_module, is_test_module
from cwemod.codemods.kit.syntax import nodes, own_returns, parse_ast
from cwemod.codemods.surveys import Survey

# The modules PyYAML's loaders are defined in (checkov's ``from yaml.loader import
# SafeLoader``), and ``yaml`` itself, which re-exports them.
PYYAML_MODULES = ("yaml", "yaml.loader", "yaml.cyaml")
SAFE_LOADER_NAMES = frozenset({"SafeLoader", "CSafeLoader", "BaseLoader", "CBaseLoader"})
UNSAFE_LOADER_NAMES = frozenset(
    {"Loader", "FullLoader", "UnsafeLoader", "CLoader", "CFullLoader", "CUnsafeLoader"}
)


@dataclass(frozen=True)
class YamlLoaders:
    """The dotted names of the project's own safe loaders, and of its unsafe ones."""

    safe: frozenset[str] = frozenset()
    unsafe: frozenset[str] = frozenset()
    # ``path:line`` of each constructor or resolver the project adds to PyYAML's default
    # loaders (no ``Loader=``), which safe_load() does not use (pywb's ``!envvar``).
    default_additions: tuple[str, ...] = ()
    # Dotted module -> how it binds ``yaml``, ``load``, ``load_all`` and ``*``: what a
    # ``yaml.load`` of the project's is followed through (``_yaml_exports.followed``).
    exports: Exports = field(default_factory=dict)
    # ``path:line`` of each call that drives a loader by hand (jenkins-job-builder's
    # ``loader.get_single_data()``), outside tests: no ``yaml.load`` names its loader there.
    drives: tuple[str, ...] = ()


def own_loader_names(
    tree: ast.Module,
    module_path: str = "",
    project_safe: frozenset[str] = frozenset(),
    outer: frozenset[str] = frozenset(),
    modules: Mapping[str, str] | None = None,
) -> tuple[set[str], set[str]]:
    """The module-level names ``tree`` binds only to safe loaders (or its own such
    classes), and those it binds only to unsafe ones (ansible-navigator's ``Loader``:
    ``yaml.CLoader``, else ``yaml.Loader``). An unsafe loader's subclass is neither: the
    constructors it adds may build what the safe loader cannot, so it is not rewritten.

    ``project_safe``: the dotted names of the project's safe loaders, which the module
    at ``module_path`` may import and subclass (esphome's web_server.py bases a class on
    yaml_util's ``FastestAvailableSafeLoader``). ``outer``: the safe names of the scope
    around, for a function's body: the module's that the body does not bind again;
    ``modules``: its names for PyYAML's modules (``_pyyaml_modules``).

    A module function whose every return is a safe loader is one when called: its name
    with ``()`` (airbyte-cdk's ``_get_safe_loader()``) is among the names found; so is a
    dict display's name with ``[]`` where its every value is one and nothing in ``tree``
    stores into it (octodns's ``_loaders``, by order mode)."""
    bindings = _bindings(tree.body, module_path)
    named = {**(modules or {}), **_pyyaml_modules(bindings)}
    for values in bindings.values():
        for index, value in enumerate(values):
            if isinstance(value, ast.Attribute) and _dotted(value) in project_safe:
                value = ast.Attribute(ast.Name("yaml"), "SafeLoader")  # one of them
            values[index] = _through_modules(value, named)
    _spoil_changed_dicts(bindings, tree)
    unclassed = {
        name: values
        for name, values in bindings.items()
        if not any(isinstance(value, ast.ClassDef) for value in values)
    }
    visible = frozenset(name for name in outer if _bare(name) not in bindings)
    return _bound_only_to(bindings, SAFE_LOADER_NAMES, visible), _bound_only_to(
        unclassed, UNSAFE_LOADER_NAMES
    )


def local_loader_names(
    tree: ast.Module, module_path: str = "", outer: frozenset[str] = frozenset()
) -> set[str]:
    """The names functions of ``tree`` bind only to safe loaders (copier's ``class
    _Loader(yaml.SafeLoader)`` inside the function that loads with it; airbyte-cdk's
    ``loader = _get_safe_loader()``, with ``outer`` the module's own names for them),
    where neither another function nor the module binds them to anything else."""
    safe: set[str] = set()
    other = _bound_names(tree.body, module_path)
    modules = _pyyaml_modules(_bindings(tree.body, module_path))
    for function in ast.walk(tree):
        if isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
            body = ast.Module(body=function.body, type_ignores=[])
            bound = _bound_names(body.body, module_path)
            shadowed = bound | {
                arg.arg for arg in ast.walk(function.args) if isinstance(arg, ast.arg)
            }
            around = {name: module for name, module in modules.items() if name not in shadowed}
            found, _ = own_loader_names(body, module_path, outer=outer, modules=around)
            safe |= found
            other |= bound - found
    return {name for name in safe if name not in other and _bare(name) not in other}


def _bindings(statements: list[ast.stmt], module_path: str) -> dict[str, list[ast.AST]]:
    """What each name is bound to by ``statements`` (``_bound``), at import."""
    bindings: dict[str, list[ast.AST]] = {}
    for statement in _module_level(statements):
        for name, value in _bound(statement, module_path):
            bindings.setdefault(name, []).append(value)
    return bindings


def _pyyaml_modules(bindings: Mapping[str, list[ast.AST]]) -> dict[str, str]:
    """The names bound only to one of PyYAML's modules, and the module: rally's ``from yaml
    import loader`` (its classes are based on ``loader.SafeLoader``), zuul's ``from yaml
    import cyaml``, ``import yaml as y``."""
    modules = {}
    for name, values in bindings.items():
        bound = {_module_bound(value, name) for value in values}
        if len(bound) == 1 and (module := bound.pop()) in PYYAML_MODULES:
            modules[name] = module
    return modules


def _module_bound(value: ast.AST, name: str) -> str:
    """The dotted name ``value`` binds ``name`` to, where an import or an attribute chain."""
    if isinstance(value, ast.Import):
        for alias in value.names:
            head = alias.name.partition(".")[0]
            if (alias.asname or head) == name:
                return alias.name if alias.asname else head
    return _dotted_name(value)


def _through_modules(value: ast.AST, modules: Mapping[str, str]) -> ast.AST:
    """``value`` (a class: its bases) with ``m.X`` as ``yaml.loader.X`` where ``modules``
    names ``m`` PyYAML's ``yaml.loader``."""
    if isinstance(value, ast.ClassDef):
        resolved = copy.copy(value)
        resolved.bases = [_through_modules(base, modules) for base in value.bases]  # type: ignore
        return resolved
    if isinstance(value, ast.Attribute) and isinstance(value.value, ast.Name):
        module = modules.get(value.value.id)
        if module is not None and module != value.value.id:
            return ast.Attribute(ast.Name(module), value.attr)
    return value


def _bare(name: str) -> str:
    """``f`` of ``f()``, ``d`` of ``d[]``: the name bound in the code."""
    return name.removesuffix("()").removesuffix("[]")


def _spoil_changed_dicts(bindings: dict[str, list[ast.AST]], tree: ast.AST) -> None:
    """Bind ``d[]`` to what is no loader too where ``tree`` stores into the dict ``d`` or
    binds ``d`` to anything but a dict display."""
    stored = _stored_into(tree)
    for name, values in bindings.items():
        bare = _bare(name)
        if name.endswith("[]") and (
            bare in stored or not all(isinstance(value, ast.Dict) for value in bindings[bare])
        ):
            values.append(ast.Constant(None))


# What stores into a dict (``d.update(...)``, ``d |= ...`` and ``d[k] = v`` besides).
_DICT_STORES = frozenset({"update", "setdefault", "__setitem__", "__ior__"})


def _stored_into(tree: ast.AST) -> set[str]:
    """The names of dicts ``tree`` may store into: ``d[k] = v``, ``d.update(...)``, ``d |=``."""
    stored = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and isinstance(node.ctx, ast.Store):
            stored.add(_dotted_name(node.value))
        elif isinstance(node, ast.Attribute) and node.attr in _DICT_STORES:
            stored.add(_dotted_name(node.value))
        elif isinstance(node, ast.AugAssign):
            stored.add(_dotted_name(node.target))
    return stored - {""}


def _bound_names(statements: list[ast.stmt], module_path: str) -> set[str]:
    return {name for line in _module_level(statements) for name, _ in _bound(line, module_path)}


def _bound_only_to(
    bindings: dict[str, list[ast.AST]], loaders: frozenset[str], known: frozenset[str] = frozenset()
) -> set[str]:
    """The names bound only to ``loaders``, or to names found or ``known``."""
    found: set[str] = set(known)
    grown = True
    while grown:  # a class based on a name found is one in turn
        grown = False
        for name, values in bindings.items():
            if name not in found and all(_is_one(value, found, loaders) for value in values):
                found.add(name)
                grown = True
    return found - known


def _module_level(statements: Iterable[ast.stmt]) -> Iterator[ast.stmt]:
    """The statements that run at import: the module's, and those in its ``if`` and ``try``."""
    for statement in statements:
        yield statement
        if isinstance(statement, ast.If):
            yield from _module_level([*statement.body, *statement.orelse])
        elif isinstance(statement, ast.Try):
            handlers = [line for handler in statement.handlers for line in handler.body]
            yield from _module_level([*statement.body, *handlers, *statement.orelse])


def _dotted(value: ast.Attribute) -> str:
    return f"{value.value.id}.{value.attr}" if isinstance(value.value, ast.Name) else ""


def _bound(statement: ast.stmt, module_path: str) -> Iterator[tuple[str, ast.AST]]:
    """``(name, what it is bound to)`` for each name ``statement`` binds."""
    if isinstance(statement, ast.ClassDef):
        yield statement.name, statement
    elif isinstance(statement, ast.Assign):
        for target in statement.targets:
            if isinstance(target, ast.Name):
                yield target.id, statement.value
                yield from _dict_values(target.id, statement.value)
    elif isinstance(statement, ast.ImportFrom):
        written = "." * statement.level + (statement.module or "")
        module = absolute_name(written, module_path) if module_path else written
        for alias in statement.names:
            yield alias.asname or alias.name, ast.Attribute(ast.Name(module), alias.name)
    elif isinstance(statement, ast.FunctionDef):
        yield statement.name, statement  # never safe; called, it gives what it returns:
        for returned in own_returns(statement.body):
            yield f"{statement.name}()", returned.value or ast.Constant(None)
    elif isinstance(statement, (ast.AsyncFunctionDef, ast.Import)):
        for name in _names_of(statement):
            yield name, statement  # bound to something else: never safe


def _dict_values(name: str, value: ast.expr) -> Iterator[tuple[str, ast.AST]]:
    """``(name[], each value)`` of a dict display: what ``name[key]`` gives (octodns's
    ``_loaders = {'natural': NaturalSortEnforcingLoader, ...}``)."""
    if isinstance(value, ast.Dict):
        for key, item in zip(value.keys, value.values):
            yield f"{name}[]", item if key is not None else ast.Constant(None)  # **other


def _names_of(statement: ast.stmt) -> list[str]:
    if isinstance(statement, ast.Import):
        return [alias.asname or alias.name.partition(".")[0] for alias in statement.names]
    return [statement.name]  # type: ignore[attr-defined]


def _names_an_unsafe_loader(base: ast.expr, found: set[str]) -> bool:
    """``yaml.FullLoader`` or a bare ``Loader`` among a class's bases: mixed in beside a safe
    one, its constructors come in too (before the safe one's, where it is listed first). Not
    a name ``found`` among the module's safe ones (senlin's ``Loader``: ``yaml.CSafeLoader``,
    else ``yaml.SafeLoader``)."""
    if isinstance(base, ast.Attribute):
        return _dotted_name(base.value) in PYYAML_MODULES and base.attr in UNSAFE_LOADER_NAMES
    return isinstance(base, ast.Name) and base.id in UNSAFE_LOADER_NAMES and base.id not in found


def _is_one(value: ast.AST, found: set[str], loaders: frozenset[str]) -> bool:
    if isinstance(value, ast.ClassDef):
        return any(_is_one(base, found, loaders) for base in value.bases) and not any(
            _names_an_unsafe_loader(base, found) for base in value.bases
        )
    if isinstance(value, ast.Name):
        return value.id in found
    if isinstance(value, ast.Subscript):  # octodns's _loaders[order_mode]
        return isinstance(value.value, ast.Name) and f"{value.value.id}[]" in found
    if isinstance(value, ast.Call) and not value.keywords:
        return _call_is_one(value, found, loaders)
    return (
        isinstance(value, ast.Attribute)
        and _dotted_name(value.value) in PYYAML_MODULES
        and value.attr in loaders
    )


def _call_is_one(call: ast.Call, found: set[str], loaders: frozenset[str]) -> bool:
    """``getattr(yaml, "CSafeLoader", yaml.SafeLoader)`` (a loader of PyYAML's where it has
    it, else the default), ``typing.cast(T, loader)``, ``f()`` where the module's
    function ``f`` returns only such loaders (airbyte-cdk's ``_get_safe_loader()``), and
    ``d.get(key)`` or ``d.get(key, loader)`` of a dict of them (None fails to load)."""
    func, args = call.func, call.args
    if isinstance(func, ast.Attribute) and func.attr == "get" and 1 <= len(args) <= 2:
        return (
            isinstance(func.value, ast.Name)
            and f"{func.value.id}[]" in found
            and (len(args) == 1 or _is_one(args[1], found, loaders))
        )
    if isinstance(func, ast.Name) and func.id == "getattr" and len(args) == 3:
        attribute = args[1]
        return (
            _dotted_name(args[0]) in PYYAML_MODULES
            and isinstance(attribute, ast.Constant)
            and attribute.value in loaders
            and _is_one(args[2], found, loaders)
        )
    if _dotted_name(func).rpartition(".")[2] == "cast" and len(args) == 2:
        return _is_one(args[1], found, loaders)
    return isinstance(func, ast.Name) and not args and f"{func.id}()" in found


def safe_loader_call(text: str, known: Iterable[str] = ()) -> bool:
    """Is the expression ``text`` a call or a subscript that gives a safe loader
    (``getattr(yaml, "CSafeLoader", yaml.SafeLoader)``; ``_get_safe_loader()`` or
    ``_loaders[mode]`` where ``known``, the module's names for them, holds
    ``_get_safe_loader()`` or ``_loaders[]``)?"""
    try:
        tree = ast.parse(f"(\n{text}\n)", mode="eval")
    except (SyntaxError, ValueError, RecursionError):
        return False
    given = tree.body
    return isinstance(given, (ast.Call, ast.Subscript)) and _is_one(
        given, set(known), SAFE_LOADER_NAMES
    )


def _dotted_name(node: ast.AST) -> str:
    """``yaml.loader`` of an attribute chain of names (or the name ``_bound`` makes of an
    imported module's dotted name); "" for anything else."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        owner = _dotted_name(node.value)
        return f"{owner}.{node.attr}" if owner else ""
    return ""


# A module's summary: the dotted names of its safe loaders, then of its unsafe ones, the
# lines where it adds a constructor or resolver to the default loaders, how it binds the
# names a project's ``yaml.load`` is followed through, the project's names it imports
# that one may go through (``_yaml_exports``), and the lines where it drives a loader by hand.
Summary = tuple[
    tuple[str, ...],
    tuple[str, ...],
    tuple[int, ...],
    tuple[tuple[str, str], ...],
    tuple[str, ...],
    tuple[int, ...],
]
# PyYAML's functions that add to a loader, and the position of their ``Loader`` argument:
# without it they add to Loader, FullLoader and UnsafeLoader, not SafeLoader.
_ADDITIONS = {
    "add_constructor": 2,
    "add_multi_constructor": 2,
    "add_implicit_resolver": 3,
    "add_path_resolver": 3,
}


def summarise(path: str, text: str) -> Summary:
    """The dotted names of the safe and the unsafe loaders the module at ``path`` binds."""
    try:
        tree = parse_ast(text)
    except (SyntaxError, ValueError, RecursionError):
        return (), (), (), (), (), ()
    module = dotted_module(path)
    safe, unsafe = own_loader_names(tree, path)
    return (  # a function's name with (), a dict's with [], are for this module alone
        tuple(sorted(f"{module}.{n}" for n in safe if _bare(n) == n)),
        tuple(sorted(f"{module}.{n}" for n in unsafe if _bare(n) == n)),
        () if is_test_module(path) else default_additions(tree),
        yaml_exports(_module_level(tree.body), path),
        yaml_references(  # a function's imports too
            nodes(tree, (ast.Import, ast.ImportFrom)), path, yaml_attributes(tree)
        ),
        () if is_test_module(path) else loader_drives(tree),
    )


def default_additions(tree: ast.Module) -> tuple[int, ...]:
    """The lines of ``yaml.add_constructor(...)`` and the like given no ``Loader``."""
    lines = []
    for call in nodes(tree, (ast.Call,)):
        func = call.func
        if not (isinstance(func, ast.Attribute) and _dotted_name(func.value) == "yaml"):
            continue
        index = _ADDITIONS.get(func.attr)
        if (
            index is None
            or len(call.args) > index
            or call.keywords
            and any(keyword.arg in ("Loader", None) for keyword in call.keywords)
        ):
            continue
        lines.append(call.lineno)
    return tuple(sorted(lines))


# A loader's own methods that load a document: what a project calls where it makes the
# loader itself, not through yaml.load() (jenkins-job-builder's Loader.load()).
_DRIVING = frozenset({"get_single_data", "get_data", "construct_document"})


def loader_drives(tree: ast.Module) -> tuple[int, ...]:
    """The lines of ``x.get_single_data()``, ``x.get_data()`` and ``x.construct_document(n)``."""
    return tuple(
        sorted(
            call.lineno
            for call in nodes(tree, (ast.Call,))
            if isinstance(call.func, ast.Attribute)
            and call.func.attr in _DRIVING
            and len(call.args) == (call.func.attr == "construct_document")
            and not call.keywords
        )
    )


# The tags of PyYAML's Python objects (``!!python/tuple``, which ``yaml.dump`` writes for a
# tuple): FullLoader builds some of them, SafeLoader none.
_PYTHON_TAGS = ("tag:yaml.org,2002:python/", "!!python/")


def python_tag_constructors(tree: ast.Module) -> list[tuple[str, str]]:
    """``(loader, tag)`` of each constructor the module adds for a Python tag
    (buku's tests: ``PrettySafeLoader.add_constructor('tag:yaml.org,2002:python/tuple', ...)``).
    """
    found = []
    for call in nodes(tree, ast.Call):
        func = call.func
        if not (isinstance(func, ast.Attribute) and func.attr in _ADDITIONS and call.args):
            continue
        tag = call.args[0]
        if isinstance(tag, ast.Constant) and str(tag.value).startswith(_PYTHON_TAGS):
            found.append((_dotted_name(func.value), tag.value))
    return found


def combine(summaries: Iterable[tuple[str, Summary]]) -> YamlLoaders:
    safe = frozenset(name for _, (names, *_) in summaries for name in names)
    unsafe = frozenset(name for _, (_, names, *_) in summaries for name in names)
    additions = tuple(f"{path}:{line}" for path, (_, _, lines, *_) in summaries for line in lines)
    exports: dict[str, dict[str, tuple[str, ...]]] = {}
    for path, (*_, bindings, _, _) in summaries:
        if bindings:
            module = exports.setdefault(dotted_module(path), {})
            for name, binding in bindings:
                module[name] = (*module.get(name, ()), binding)
    references = [name for _, (*_, names, _) in summaries for name in names]
    drives = tuple(f"{path}:{line}" for path, (*_, lines) in summaries for line in lines)
    return YamlLoaders(safe, unsafe, additions, referenced(exports, references), drives)


def _wants(text: str) -> bool:
    """A module that may name a loader, or bind a name a project's ``yaml.load`` goes
    through (meltano's core/yaml.py: ``yaml = YAML()``, ``def load(path)``)."""
    return "yaml" in text or "Loader" in text or "get_single_data" in text


SURVEY = Survey(wants=_wants, summarise=summarise, combine=combine)
