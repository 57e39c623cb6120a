"""What a project's ``yaml`` is, where a call of ``yaml.load`` names one of its modules.

ansible-navigator's ``from .utils.serialize import yaml`` is PyYAML
re-exported (serialize.py's ``import yaml``); meltano's ``from meltano.core
import yaml`` is the project's own module, whose ``def load(path)`` reads a
file with ruamel.yaml, and its ``from meltano.core.yaml import yaml`` is
ruamel.yaml's ``YAML()``: neither has a ``safe_load``. yaml-safe-load's
survey notes how each module binds the names such a call goes through
(:func:`yaml_exports`), and the codemod follows the call's qualified name
through them (:func:`followed`). Only the standard library: surveys run
without LibCST.
"""

from __future__ import annotations

import ast
from collections.abc import Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet

from cwemod.codemods.kit.project import absolute_name
from cwemod.codemods.kit.syntax import nodes

# The names followed: a module named yaml's ``load``/``load_all``, a ``yaml`` in a module,
# and ``*`` for a star import. PyYAML's functions are where a name ends up.
_FOLLOWED = frozenset({"yaml", "load", "load_all", "*"})
PYYAML_FUNCTIONS = frozenset({"yaml.load", "yaml.load_all"})
_RUAMEL_YAML = frozenset({"ruamel.yaml.YAML", "ruamel.yaml.main.YAML"})
_DEPTH = 8  # re-exports followed, at most (a cycle of star imports ends there)
# What ``followed`` says of the project's own function or object (a def, a class).
OWN = "own"
RUAMEL = "ruamel:"  # then the ``typ`` of its ``YAML(typ=...)``: "rt", "safe", "unsafe"...


def yaml_exports(statements: Iterable[ast.stmt], module_path: str) -> tuple[tuple[str, str], ...]:
    """``(name, binding)`` of each module-level binding of ``yaml``, ``load``, ``load_all``,
    and ``*`` (a star import). A binding is ``=dotted`` (what an import or an assignment
    of a dotted name binds), ``def`` (the module's own function or class), ``ruamel:TYP``
    (ruamel.yaml's ``YAML(typ=TYP)``), ``none`` (``= None``, a fallback) or ``?``."""
    statements = list(statements)
    imports: dict[str, set[str]] = {}
    for statement in statements:
        for name, dotted in _import_bindings(statement, module_path):
            imports.setdefault(name, set()).add(dotted)
    unique = {name: next(iter(dotted)) for name, dotted in imports.items() if len(dotted) == 1}
    return tuple(
        (name, binding)
        for statement in statements
        for name, binding in _bindings(statement, module_path, unique)
        if name in _FOLLOWED
    )


def yaml_references(
    statements: Iterable[ast.stmt], module_path: str, attributes: Iterable[ast.Attribute] = ()
) -> tuple[str, ...]:
    """The project's names the module imports that a ``yaml.load`` may go through (meltano's
    ``from meltano.core import yaml``: ``meltano.core.yaml``), and those its ``attributes``
    reach (heat's ``template_format.yaml``: ``heat.common.template_format.yaml``, see
    :func:`yaml_attributes`): only the modules these name are followed, so that a module's
    ``import yaml`` alone changes no fact of the survey."""
    statements = list(statements)
    found = set()
    for statement in statements:
        for name, dotted in _import_bindings(statement, module_path, full=True):
            parts = dotted.split(".")
            if parts[0] not in ("yaml", "ruamel") and (name in _FOLLOWED or "yaml" in parts):
                found.add(dotted)
    imports = {
        name: dotted
        for statement in statements
        for name, dotted in _import_bindings(statement, module_path)
    }
    for attribute in attributes:
        dotted = _imported(attribute, imports)
        if dotted and dotted.split(".")[0] not in ("yaml", "ruamel"):
            found.add(dotted)
    return tuple(sorted(found))


def yaml_attributes(tree: ast.AST) -> Iterator[ast.Attribute]:
    """Each ``a.yaml`` (``a.b.yaml``) of ``tree``: PyYAML, where the module ``a`` it names
    does ``import yaml`` (heat's ``template_format.yaml.load(...)``)."""
    for node in nodes(tree, ast.Attribute):
        if node.attr == "yaml" and _root_name(node):
            yield node


def calls_through_a_module(tree: ast.AST, functions: AbstractSet[str]) -> bool:
    """Is there a call of ``a.yaml.load(...)`` (one of ``functions``) where ``a`` is a name
    an import binds (heat's ``template_format.yaml.load``)? That may be PyYAML's, followed
    into the module ``a``."""
    owners = {
        id(call.func.value)
        for call in nodes(tree, ast.Call)
        if isinstance(call.func, ast.Attribute) and call.func.attr in functions
    }
    if not owners:
        return False
    imported = {
        alias.asname or alias.name.partition(".")[0]
        for statement in nodes(tree, (ast.Import, ast.ImportFrom))
        for alias in getattr(statement, "names", ())
    }
    return any(
        id(attribute) in owners and _root_name(attribute) in imported
        for attribute in yaml_attributes(tree)
    )


def _root_name(node: ast.expr) -> str:
    """``a`` of ``a.b.c``; "" where that is no name (``f().yaml``)."""
    while isinstance(node, ast.Attribute):
        node = node.value
    return node.id if isinstance(node, ast.Name) else ""


def _import_bindings(
    statement: ast.stmt, module_path: str, full: bool = False
) -> Iterator[tuple[str, str]]:
    """``(name, dotted)`` of each name an import binds; ``full``: ``import a.b`` gives
    ``a.b``, not the ``a`` it binds."""
    if isinstance(statement, ast.Import):
        for alias in statement.names:
            head = alias.name.partition(".")[0]
            yield alias.asname or head, alias.name if alias.asname or full else head
    elif isinstance(statement, ast.ImportFrom):
        written = "." * statement.level + (statement.module or "")
        module = absolute_name(written, module_path) if module_path else written
        for alias in statement.names:
            dotted = module if alias.name == "*" else f"{module}.{alias.name}"
            yield alias.asname or alias.name, dotted


def _bindings(
    statement: ast.stmt, module_path: str, imports: Mapping[str, str]
) -> Iterator[tuple[str, str]]:
    if isinstance(statement, (ast.Import, ast.ImportFrom)):
        for name, dotted in _import_bindings(statement, module_path):
            yield name, f"={dotted}"
    elif isinstance(statement, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        yield statement.name, "def"
    elif isinstance(statement, (ast.Assign, ast.AnnAssign)) and statement.value is not None:
        binding = _assigned(statement.value, imports)
        targets = statement.targets if isinstance(statement, ast.Assign) else [statement.target]
        for target in targets:
            for name in _names_bound(target):
                yield name.id, binding if target is name else "?"


def _names_bound(target: ast.expr) -> Iterator[ast.Name]:
    """The names an assignment to ``target`` binds (``yaml.width = ...`` binds none)."""
    if isinstance(target, ast.Name):
        yield target
    elif isinstance(target, (ast.Tuple, ast.List)):
        for element in target.elts:
            yield from _names_bound(element)
    elif isinstance(target, ast.Starred):
        yield from _names_bound(target.value)


def _assigned(value: ast.expr, imports: Mapping[str, str]) -> str:
    if isinstance(value, ast.Constant) and value.value is None:
        return "none"
    dotted = _imported(value, imports)
    if dotted:
        return f"={dotted}"
    if isinstance(value, ast.Call) and _imported(value.func, imports) in _RUAMEL_YAML:
        return RUAMEL + _ruamel_typ(value)
    return "?"


def _imported(node: ast.AST, imports: Mapping[str, str]) -> str:
    """The dotted name of ``a.b.c`` with ``a`` as the module imports it; "" otherwise."""
    parts: list[str] = []
    while isinstance(node, ast.Attribute):
        parts.insert(0, node.attr)
        node = node.value
    if not isinstance(node, ast.Name) or node.id not in imports:
        return ""
    return ".".join([imports[node.id], *parts])


def _ruamel_typ(call: ast.Call) -> str:
    """The ``typ`` of ruamel.yaml's ``YAML(typ=...)`` (a string or a list of them; "rt"
    where none is given), "unsafe" where the list holds it, "?" where it is no literal."""
    if call.args or any(keyword.arg is None for keyword in call.keywords):
        return "?"
    typ = next((keyword.value for keyword in call.keywords if keyword.arg == "typ"), None)
    if typ is None:
        return "rt"
    given = typ.elts if isinstance(typ, (ast.List, ast.Tuple)) else [typ]
    names = [v.value for v in given if isinstance(v, ast.Constant) and isinstance(v.value, str)]
    if not names or len(names) != len(given):
        return "?"
    return "unsafe" if "unsafe" in names else names[0]


Exports = Mapping[str, Mapping[str, Sequence[str]]]


def referenced(
    exports: Exports, references: Iterable[str]
) -> dict[str, Mapping[str, Sequence[str]]]:
    """The ``exports`` of the modules that ``references`` (:func:`yaml_references`) name or
    start with: those a call may be followed into."""
    prefixes = set()
    for dotted in references:
        parts = dotted.split(".")
        prefixes.update(".".join(parts[:cut]) for cut in range(1, len(parts) + 1))
    return {module: names for module, names in exports.items() if module in prefixes}


def followed(
    name: str, exports: Exports, depth: int = 0, ends: AbstractSet[str] = PYYAML_FUNCTIONS
) -> str:
    """What the project's ``name`` (``meltano.core.yaml.load``) is, followed through the
    modules' ``exports`` (dotted module -> name -> its bindings): PyYAML's function
    (``yaml.load``; or another of PyYAML's names in ``ends``: heat's
    ``template_format.yaml.Loader`` is ``yaml.Loader``), the project's own (:data:`OWN`),
    ruamel.yaml's ``YAML()`` (``ruamel:TYP``), or "" where that cannot be told (a module
    the survey did not read, a name bound to something else, bindings that disagree)."""
    if name in ends:
        return name
    split = _split(name, exports)
    if split is None or depth >= _DEPTH:
        return ""
    bindings, rest = split
    outcomes = set()
    for binding in bindings:
        if binding.startswith("="):
            outcomes.add(followed(".".join([binding[1:], *rest]), exports, depth + 1, ends))
        elif binding == "def":
            outcomes.add(OWN)
        elif binding.startswith(RUAMEL) and rest in (["load"], ["load_all"]):
            outcomes.add(binding)
        elif binding != "none":  # ``yaml = None`` where PyYAML is missing: no call runs then
            outcomes.add("")
    return outcomes.pop() if len(outcomes) == 1 else ""


def _split(name: str, exports: Exports) -> tuple[Sequence[str], list[str]] | None:
    """The bindings, in the longest module of the project ``name`` starts with, of the name
    after it, and the names after that; None where no module of ``exports`` holds it."""
    parts = name.split(".")
    for cut in range(len(parts) - 1, 0, -1):
        module = exports.get(".".join(parts[:cut]))
        if module is None:
            continue
        head = parts[cut]
        stars = [f"{star}.{head}" for star in module.get("*", ())]
        return module.get(head) or stars, parts[cut + 1 :]
    return None
