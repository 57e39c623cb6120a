"""The surveys of requests-timeout and command-argv, on a test module: the functions (HTTP
verbs, subprocess's) whose mocks it asserts the arguments of, known by what a patch replaces
(``verbs_asserted_through_patches``) or by the mock's name (``named_assertions``).

aodh's test_notifier.py patches ``requests.Session.post`` as ``poster``::

    with mock.patch.object(requests.Session, 'post') as poster:
        ...
        poster.assert_called_with(action, data=mock.ANY, headers=mock.ANY)

A mock is bound by ``with <patch> as NAME``, by a patch decorator (the one
nearest the function hands the first parameter after ``self``; a class's
decorators follow the method's own), and by ``NAME = <patch>.start()``.
``<patch>`` is ``mock.patch('requests.post')`` (any dotted target ending in
the verb) or ``mock.patch.object(<anything>, 'post')``, ``patch`` imported
bare too; one given its replacement (``new``) binds no mock, but a name given
as the replacement is the patched function's (python-cinderclient's
``mock.patch.object(requests, "request", mock_request)``). Where an ``owner`` is
given, the target must be its attribute: ``mock.patch('subprocess.run')``,
``mock.patch('pkg.mod.subprocess.run')``, ``mock.patch.object(subprocess, 'run')``;
a patch of anything else binds a mock of no function asked for (None).

What a patch replaces is read off its owner too. A class's other than a
session's or a client's (python-cinderclient's
``keystoneauth1.adapter.LegacyJsonAdapter.request``) is no HTTP function
whatever its name: its mock, like one of any other non-HTTP function, asserts
no HTTP call (``NO_HTTP``). ``request`` of the package itself
(``mock.patch.object(requests, "request")``) pins only ``requests.request(...)``
(``PACKAGE_REQUEST``): ``requests.get`` calls requests.api's ``request``;
``requests.api.request`` or a session's ``request`` pins every verb. Where
ddt hands a test its data, the patches' mocks are its last parameters.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Iterable, Iterator
from dataclasses import dataclass

from cwemod.codemods.kit.syntax import called_last_name, nodes

_ASSERTIONS = frozenset(
    {"assert_called_with", "assert_called_once_with", "assert_any_call", "assert_has_calls"}
)
_FUNCTIONS = (ast.FunctionDef, ast.AsyncFunctionDef)
_SCOPES = (*_FUNCTIONS, ast.Lambda)
# A mock bound in a scope, ``(where, name, verb)``, or its arguments asserted, ``(where,
# name, _ASSERTED)``: replayed in the order of the scope's code.
_ASSERTED = "asserted"
_Event = tuple[tuple[int, int], str, str | None]
# An assertion of a mock's exact arguments, as text: ``mock_get.assert_called_with(``.
ASSERTION = re.compile(r"\.assert_(?:called_once_with|called_with|any_call|has_calls)\(")


@dataclass(frozen=True)
class _Wanted:
    """The functions a patch must replace: their names, and what they must be attributes of."""

    verbs: Collection[str]
    owner: str | None = None


def named_assertions(
    text: str, mock: re.Pattern[str], longest: int
) -> Iterator[tuple[re.Match[str], int]]:
    """Each argument assertion of the text whose mock's name (up to ``longest`` characters
    before ``.assert_``) ``mock`` matches (it ends with ``\\Z``), with its line."""
    line, counted = 1, 0  # the line of text[counted]: counted on from the last assertion
    for at in ASSERTION.finditer(text):
        found = mock.search(text, max(0, at.start() - longest), at.start())
        if found:
            line, counted = line + text.count("\n", counted, at.start()), at.start()
            yield found, line


def where_asserted(found: Iterable[tuple[str, int]], most: int = 3) -> str:
    """``(test module, line)`` of assertions, said: ``tests/test_a.py, lines 3, 9; tests/
    test_b.py, line 4``, the first ``most`` modules named; "" for none."""
    lines: dict[str, set[int]] = {}
    for path, line in found:
        lines.setdefault(path, set()).add(line)
    said = [
        f"{path}, line{'s' if len(at) > 1 else ''} {', '.join(map(str, sorted(at)))}"
        for path, at in sorted(lines.items())
    ]
    more = len(said) - most
    return "; ".join(said[:most]) + (f"; and {more} more" if more > 0 else "")


# The "verb" of a mock patched over no HTTP function, and of one patched over the package's own
# ``requests.request`` / ``httpx.request`` (not requests.api's, which every verb calls).
NO_HTTP = ""
PACKAGE_REQUEST = "request of the package"
_PACKAGES = frozenset(("requests", "httpx"))
# The classes whose methods named for a verb are HTTP functions: requests.Session, httpx.Client...
_HTTP_CLASSES = ("Session", "Client")
# ddt's decorators, which hand a test its data before the patches' mocks.
_DDT = frozenset(("data", "file_data", "idata", "unpack"))


def verbs_asserted_through_patches(
    tree: ast.Module, verbs: Collection[str], owner: str | None = None
) -> dict[str, set[int]]:
    """The ``verbs`` (attributes of ``owner``, where given) whose patched mocks the module's
    tests assert the arguments of, each with the lines of those assertions (``NO_HTTP``'s:
    those of the mocks of other functions, where no ``owner`` is given)."""
    wanted = _Wanted(verbs, owner)
    attributes = {
        name: verb
        for _, name, verb in _bindings(tree, wanted, everywhere=True)
        if verb not in (None, NO_HTTP, _ASSERTED) and name.startswith("self.")
    }
    handed = _class_mocks(tree, wanted)
    found: dict[str, set[int]] = {}
    for scope in (tree, *nodes(tree, _FUNCTIONS)):
        bound = dict(attributes)
        if isinstance(scope, _FUNCTIONS):
            bound.update(_parameter_mocks(scope, wanted, handed.get(scope, [])))
        for (line, _), name, verb in sorted(_bindings(scope, wanted), key=lambda e: e[0]):
            if verb != _ASSERTED:
                bound[name] = verb
            elif bound.get(name) is not None:
                found.setdefault(bound[name], set()).add(line)  # type: ignore[index]
    return found


def _bindings(scope: ast.AST, wanted: _Wanted, everywhere: bool = False) -> Iterator[_Event]:
    """The scope's own mock bindings and argument assertions (of nested functions too where
    ``everywhere``)."""
    for node in _own_nodes(scope, everywhere):
        if isinstance(node, ast.With | ast.AsyncWith):
            for item in node.items:
                name = _spelled(item.optional_vars)
                patched = _patched(item.context_expr, wanted)
                if name and patched:
                    yield (node.lineno, node.col_offset), name, patched[1]
                if patched and patched[2]:
                    yield (node.lineno, node.col_offset), patched[2], patched[1]
        elif isinstance(node, ast.Assign) and _started(node.value):
            patched = _patched(node.value.func.value, wanted)  # type: ignore[attr-defined]
            for name in filter(None, map(_spelled, node.targets)):
                yield (node.lineno, node.col_offset), name, patched[1] if patched else None
        elif isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            name = _spelled(node.func.value)
            if name and node.func.attr in _ASSERTIONS:
                yield (node.lineno, node.col_offset), name, _ASSERTED


def _own_nodes(scope: ast.AST, everywhere: bool) -> Iterator[ast.AST]:
    """The nodes of ``scope``, not those of the functions in it unless ``everywhere``."""
    pending = list(ast.iter_child_nodes(scope))
    while pending:
        node = pending.pop()
        yield node
        if everywhere or not isinstance(node, _SCOPES):
            pending.extend(ast.iter_child_nodes(node))


def _started(value: ast.expr) -> bool:
    """``<patch>.start()``."""
    return (
        isinstance(value, ast.Call)
        and isinstance(value.func, ast.Attribute)
        and value.func.attr == "start"
    )


def _class_mocks(tree: ast.Module, wanted: _Wanted) -> dict[ast.AST, list[str | None]]:
    """The mocks a class's patch decorators hand each of its test methods."""
    handed: dict[ast.AST, list[str | None]] = {}
    for owner in nodes(tree, ast.ClassDef):
        mocks = _decorator_mocks(owner.decorator_list, wanted)
        for method in owner.body:
            if mocks and isinstance(method, _FUNCTIONS) and method.name.startswith("test"):
                handed[method] = mocks
    return handed


def _parameter_mocks(
    function: ast.FunctionDef | ast.AsyncFunctionDef,
    wanted: _Wanted,
    from_class: list[str | None],
) -> dict[str, str | None]:
    """The parameters the function's patch decorators (then its class's) bind to mocks."""
    mocks = _decorator_mocks(function.decorator_list, wanted) + from_class
    names = [arg.arg for arg in (*function.args.posonlyargs, *function.args.args)]
    if names and names[0] in ("self", "cls"):
        names = names[1:]
    if any(called_last_name(decorator) in _DDT for decorator in function.decorator_list):
        names = names[max(0, len(names) - len(mocks)) :]
    given = filter(None, (_given(decorator, wanted) for decorator in function.decorator_list))
    return dict(given) | dict(zip(names, mocks, strict=False))


def _decorator_mocks(decorators: list[ast.expr], wanted: _Wanted) -> list[str | None]:
    """The verb of each mock the decorators hand on, nearest the function first (None where
    it patches no HTTP function)."""
    found = [_patched(decorator, wanted) for decorator in reversed(decorators)]
    return [patched[1] for patched in found if patched and patched[0]]


def _patched(node: ast.expr, wanted: _Wanted) -> tuple[bool, str | None, str | None] | None:
    """For ``mock.patch(...)`` and ``mock.patch.object(...)``: whether it hands on a mock (it is
    given no replacement), the verb it patches (``NO_HTTP`` for another function; None for a
    target not written out, or one not of the owner wanted) and the name given as its
    replacement; None for another expression."""
    if not isinstance(node, ast.Call):
        return None
    func, args = node.func, node.args
    if isinstance(func, ast.Attribute) and func.attr == "object" and _is_patch(func.value):
        owner, target = (called_last_name(args[0]) if args else ""), _written(args[1:])
        given = args[2:]
    elif _is_patch(func):
        owner, _, target = _written(args).rpartition(".")
        owner, given = owner.rpartition(".")[2], args[1:]
    else:
        return None
    replacement = next((kw.value for kw in node.keywords if kw.arg == "new"), None)
    replacement = given[0] if given else replacement
    verb = _verb(owner, target, wanted) if target else None
    return replacement is None, verb, _spelled(replacement)


def _written(args: list[ast.expr]) -> str:
    """The string the first of ``args`` is, "" where it is none."""
    value = args[0].value if args and isinstance(args[0], ast.Constant) else None
    return value if isinstance(value, str) else ""


def _verb(owner: str, name: str, wanted: _Wanted) -> str | None:
    """The verb a patch of attribute ``name`` of ``owner`` (its last name) patches; where
    ``wanted`` has an owner, None unless ``owner`` is it."""
    if wanted.owner is not None:
        return name if name in wanted.verbs and owner == wanted.owner else None
    if name not in wanted.verbs or (
        owner[:1].isupper() and not owner.endswith(_HTTP_CLASSES) and owner not in _PACKAGES
    ):
        return NO_HTTP
    return PACKAGE_REQUEST if owner in _PACKAGES and name == "request" else name


def _given(decorator: ast.expr, wanted: _Wanted) -> tuple[str, str | None] | None:
    """``(name, verb)`` where a patch decorator is given a name as its replacement."""
    patched = _patched(decorator, wanted)
    return (patched[2], patched[1]) if patched and patched[2] else None


def _is_patch(node: ast.expr) -> bool:
    """``patch``, ``mock.patch``, ``unittest.mock.patch``."""
    if isinstance(node, ast.Name):
        return node.id == "patch"
    if not (isinstance(node, ast.Attribute) and node.attr == "patch"):
        return False
    owner = node.value
    return (owner.id if isinstance(owner, ast.Name) else getattr(owner, "attr", "")) == "mock"


def _spelled(node: ast.expr | None) -> str | None:
    """``poster``, ``self.poster``: a name a mock may be bound to."""
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}" if node.value.id == "self" else None
    return None
