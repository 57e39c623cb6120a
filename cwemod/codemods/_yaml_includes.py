"""yaml-safe-load: a module's own SafeLoader whose constructor opens what a document names.

senlin's ``YamlLoader(SafeLoader)`` registers an ``!include`` constructor that passes the
node's value to ``urllib.request.urlopen()``: it builds only plain data, so ``yaml.load``
with it is no CWE-502, yet any document it reads can read a local file (``file://``) or
make a request (SSRF). Such a loader is worth advice, not "already fixed".
"""

from __future__ import annotations

import ast
from collections.abc import Collection

from cwemod.codemods.kit.syntax import nodes

# PyYAML's functions that register a constructor: ``Loader.add_constructor(tag, f)``, or
# ``yaml.add_constructor(tag, f, Loader)``.
_REGISTERS = frozenset({"add_constructor", "add_multi_constructor"})
# What opens a file or a URL: ``open()`` (also ``io.open``, ``Path.open``), ``urlopen()``,
# ``urlretrieve()``, ``Path.read_text()``; and ``requests.get()`` and the like.
_OPENERS = frozenset({"open", "urlopen", "urlretrieve", "read_text", "read_bytes"})
_HTTP_CLIENTS = frozenset({"requests", "httpx"})
_HTTP_CALLS = frozenset({"get", "post", "head", "request"})

Function = ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda


def opening_constructors(tree: ast.Module, loaders: Collection[str]) -> dict[str, str]:
    """``{class: tag}`` ("" where not a string) of the classes named in ``loaders`` (the
    module's safe loaders) that register a constructor, or inherit one from such a class
    of the module, which reads its node and opens a file or a URL (senlin's
    ``YamlLoader``: ``!include``)."""
    classes = {c.name: c for c in nodes(tree, ast.ClassDef) if c.name in loaders}
    found: dict[str, str] = {}
    for call in nodes(tree, ast.Call):
        registered = _registered(call)
        if registered is None:
            continue
        loader, tag, constructor = registered
        if loader in classes and loader not in found and _opens(constructor, classes, tree):
            found[loader] = tag
    grown = True
    while grown:  # a subclass has its bases' constructors
        grown = False
        for name, cls in classes.items():
            bases = [base.id for base in cls.bases if isinstance(base, ast.Name)]
            inherited = next((found[base] for base in bases if base in found), None)
            if name not in found and inherited is not None:
                found[name] = inherited
                grown = True
    return found


def _registered(call: ast.Call) -> tuple[str, str, ast.expr] | None:
    """``(loader, tag, constructor)`` of ``Loader.add_constructor(tag, constructor)`` or
    ``yaml.add_constructor(tag, constructor, Loader=Loader)``, the loader a bare name."""
    func, args = call.func, call.args
    if not (isinstance(func, ast.Attribute) and func.attr in _REGISTERS and len(args) >= 2):
        return None
    owner = func.value
    loader: ast.expr | None = owner
    if isinstance(owner, ast.Name) and owner.id == "yaml":
        given = [keyword.value for keyword in call.keywords if keyword.arg == "Loader"]
        loader = (given or args[2:3] or [None])[0]
    if not isinstance(loader, ast.Name):
        return None
    tag = args[0]
    said = tag.value if isinstance(tag, ast.Constant) and isinstance(tag.value, str) else ""
    return loader.id, said, args[1]


def _opens(constructor: ast.expr, classes: dict[str, ast.ClassDef], tree: ast.Module) -> bool:
    """Does the constructor (``Loader.method``, a function's name, a lambda) open a file
    or a URL, where it reads its node?"""
    if isinstance(constructor, ast.Lambda):
        return _reads_node_and_opens(constructor)
    if isinstance(constructor, ast.Name):
        functions = nodes(tree, (ast.FunctionDef, ast.AsyncFunctionDef))
        defined = [f for f in functions if f.name == constructor.id]  # type: ignore[attr-defined]
    elif isinstance(constructor, ast.Attribute) and isinstance(constructor.value, ast.Name):
        owner = classes.get(constructor.value.id)
        body = owner.body if owner is not None else []
        defined = [
            f
            for f in body
            if isinstance(f, (ast.FunctionDef, ast.AsyncFunctionDef)) and f.name == constructor.attr
        ]
    else:
        return False
    return any(_reads_node_and_opens(function) for function in defined)  # type: ignore[arg-type]


def _reads_node_and_opens(function: Function) -> bool:
    """Does ``function`` read its last positional parameter (the node) and call what opens a
    file or a URL?"""
    parameters = [*function.args.posonlyargs, *function.args.args]
    if not parameters:
        return False
    node = parameters[-1].arg
    inside = list(ast.walk(function))  # small: not worth the module's index
    reads = any(isinstance(name, ast.Name) and name.id == node for name in inside)
    return reads and any(isinstance(call, ast.Call) and _is_an_opener(call.func) for call in inside)


def _is_an_opener(func: ast.expr) -> bool:
    if isinstance(func, ast.Name):
        return func.id in _OPENERS
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    if isinstance(owner, ast.Name) and owner.id in _HTTP_CLIENTS:
        return func.attr in _HTTP_CALLS
    return func.attr in _OPENERS
