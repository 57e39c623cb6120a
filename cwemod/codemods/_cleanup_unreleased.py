"""Resources a function makes and never releases: a temporary directory, a scratch device.

Such a resource leaks on every call, not only on failure. The fix releases it
in a ``finally`` around the rest of the function, which is only right when
nothing can use it after the function returns: it must not escape (returned,
yielded, stored in an attribute or a container, given to a base class's method
with the object, captured by a nested function, made the process's working
directory), and a device must have a name only this function knows.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import libcst as cst

from cwemod.codemods._cleanup_scan import TEARDOWN_WORDS, FlowScan
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.source import code_of

# Methods that keep their argument in the object they are called on.
_STORING_METHODS = frozenset(
    {"append", "appendleft", "add", "extend", "insert", "update", "setdefault", "put", "register"}
)
# Functions that keep their argument in the process's state: jupyterhub's spawner
# changes into a mkdtemp() directory for the server it starts.
_PROCESS_STATE = frozenset({"chdir", "chroot", "putenv", "addsitedir"})
# What prints a message, or logs one a user sees by default.
_SHOWING = frozenset({"print", "echo", "secho", "info", "warning", "warn", "error", "critical"})
# A name from one of these calls is known only to the function that made it.
_FRESH_NAME_WORDS = ("rand", "uuid", "mktemp", "unique")


def escape_of(
    statements: Sequence[cst.BaseStatement], name: str, returned: bool = False, path: bool = False
) -> str | None:
    """How ``name``, or a local computed from it, can outlive the function; None when it cannot.

    With ``returned``, the function is known to return it: how else it outlives the function.
    With ``path`` (``name`` is a path, a directory's), a path shown to the user (printed,
    or logged at info or above) is one the function made for them.
    """
    tracked = _derived_names(statements, name)
    for statement in statements:
        if path:
            shown = _shown(statement, tracked)
            if shown is not None:
                # insights-core's support archive: "Support information collected in %s"
                return f"{shown}() tells the user where it is: it holds the function's output"
        for node in m.findall(statement, m.Return() | m.Yield()):
            value = node.value
            if returned or value is None:
                continue
            if _mentions(value, tracked, skip_comparisons=True):
                how = "returned" if isinstance(node, cst.Return) else "yielded"
                if _mentions(value, {name}, skip_comparisons=True):
                    return f"it is {how}"
                made = sorted(n for n in tracked if _mentions(value, {n}, skip_comparisons=True))
                return f"{made[0]}, made from it, is {how}"
        for node in m.findall(statement, m.Assign() | m.AugAssign() | m.AnnAssign()):
            targets = (
                [t.target for t in node.targets] if isinstance(node, cst.Assign) else [node.target]
            )
            stored = [t for t in targets if not isinstance(t, cst.Name)]
            if stored and node.value is not None and _mentions(node.value, tracked):
                return f"it is stored in {code_of(stored[0])}"
        for node in m.findall(statement, m.FunctionDef() | m.Lambda() | m.ClassDef()):
            if _mentions(node, tracked):
                return "a nested function or class keeps it"
        for call in m.findall(statement, m.Call()):
            if "mount" in code_of(call).lower() and _mentions(call, tracked):
                return "it is used as a mount point, where a removal would delete the mounted files"
        for call in m.findall(statement, m.Call(func=m.Attribute())):
            assert isinstance(call, cst.Call) and isinstance(call.func, cst.Attribute)
            if _builds_the_object(call) and _mentions(call, tracked):
                # breezy's DiskTreeTransform.__init__(self, tree, limbodir, ...): finalize()
                # removes self._limbodir
                return f"{code_of(call.func)}() is given it with the object, which may keep it"
            if call.func.attr.value in _STORING_METHODS and _mentions(call, tracked):
                return f"{code_of(call.func)}() may keep it"
            if call.func.attr.value in _PROCESS_STATE and _mentions(call, tracked):
                return f"{code_of(call.func)}() makes it the process's own, past the return"
    return None


def used_as_object(statements: Sequence[cst.BaseStatement], name: str) -> bool:
    """Do ``statements`` use ``name`` as an object: read or set an attribute of it, index it,
    or let it outlive the function (:func:`escape_of`)? Only comparing it (a status code,
    nova's ``result = dev.create(flags)``, then ``result == -1``) is not."""
    pattern = m.Attribute(value=m.Name(name)) | m.Subscript(value=m.Name(name))
    used = any(m.findall(statement, pattern) for statement in statements)
    return used or escape_of(statements, name) is not None


def _builds_the_object(call: cst.Call) -> bool:
    """A base class's method called on the object: ``Base.__init__(self, ...)``, or
    ``super().__init__(...)``."""
    first = call.args[0].value if call.args else None
    return m.matches(first, m.Name("self")) or m.matches(
        call.func, m.Attribute(value=m.Call(func=m.Name("super")))
    )


def _shown(statement: cst.BaseStatement, tracked: set[str]) -> str | None:
    """The call in ``statement`` that prints or logs (info or above) one of ``tracked``."""
    for call in m.findall(statement, m.Call()):
        assert isinstance(call, cst.Call)
        callee = code_of(call.func)
        if callee.rpartition(".")[2] in _SHOWING and any(
            _mentions(arg.value, tracked) for arg in call.args
        ):
            return callee
    return None


def other_release(statements: Sequence[cst.BaseStatement], name: str) -> str | None:
    """A call that looks like it releases ``name`` some other way (``unlink_without_raise(d)``,
    or Fabric's ``local("rm -rf %s" % tmp_folder)``, a removal command run with it)."""
    for statement in statements:
        for call in m.findall(statement, m.Call()):
            assert isinstance(call, cst.Call)
            tail = code_of(call.func).rpartition(".")[2].lstrip("_")
            if tail.startswith(TEARDOWN_WORDS) and any(
                code_of(arg.value) == name for arg in call.args
            ):
                return code_of(call.func)
            if any(_removal_command_with(arg.value, name) for arg in call.args):
                return code_of(call.func)
    return None


# A shell line that removes what it names: ``rm -rf``, ``sudo rm -r``, ``rmdir``.
_REMOVAL_COMMAND = re.compile(r"^\s*(?:sudo\s+)?(?:rm|rmdir)\s")


def _removal_command_with(value: cst.BaseExpression, name: str) -> bool:
    """Is ``value`` a removal command line built with ``name`` in it?"""
    strings = [
        node.evaluated_value
        for node in nodes_of_type(value, cst.SimpleString)
        if isinstance(node.evaluated_value, str)
    ]
    strings += [
        part.value
        for node in nodes_of_type(value, cst.FormattedString)
        for part in node.parts[:1]
        if isinstance(part, cst.FormattedStringText)
    ]
    named = any(node.value == name for node in nodes_of_type(value, cst.Name))
    return named and any(_REMOVAL_COMMAND.match(text) for text in strings)


def has_fresh_name(before: Sequence[cst.BaseStatement], name: str) -> bool:
    """Was ``name`` last assigned, before the acquire, from a call that makes a fresh name?"""
    fresh = False
    for statement in before:
        if not isinstance(statement, cst.SimpleStatementLine):
            fresh = fresh and name not in FlowScan.of([statement]).rebound
            continue
        for small in statement.body:
            if m.matches(small, m.Assign(targets=[m.AssignTarget(target=m.Name(name))])):
                assert isinstance(small, cst.Assign)
                fresh = isinstance(small.value, cst.Call) and any(
                    word in code_of(small.value.func).lower() for word in _FRESH_NAME_WORDS
                )
            elif name in FlowScan.of([statement]).rebound:
                fresh = False
    return fresh


def _derived_names(statements: Sequence[cst.BaseStatement], name: str) -> set[str]:
    """``name`` and the locals assigned from expressions that mention it (transitively)."""
    tracked = {name}
    assigns = [
        node
        for statement in statements
        for node in m.findall(statement, m.Assign(targets=[m.AssignTarget(target=m.Name())]))
    ]
    grown = True
    while grown:
        grown = False
        for node in assigns:
            assert isinstance(node, cst.Assign)
            target = node.targets[0].target
            assert isinstance(target, cst.Name)
            if target.value not in tracked and _mentions(node.value, tracked):
                tracked.add(target.value)
                grown = True
    return tracked


def _mentions(node: cst.CSTNode, names: set[str], skip_comparisons: bool = False) -> bool:
    if skip_comparisons and isinstance(node, cst.Comparison):
        return False  # ``x == y`` hands over a bool, not the resource
    if isinstance(node, cst.Name):
        return node.value in names
    if isinstance(node, cst.Attribute):
        return _mentions(node.value, names, skip_comparisons)
    return any(_mentions(child, names, skip_comparisons) for child in node.children)


def closed_only_on_success(statements: Sequence[cst.BaseStatement], name: str) -> bool:
    """Is every ``name.close()`` in ``statements`` in a ``try``'s body or ``else``, which a
    failure skips, where no ``except`` or ``finally`` of that ``try`` closes it? todoman's
    ``atomic_write()`` closes its ``os.fdopen()`` file in the ``else`` only."""
    pattern = m.Call(func=m.Attribute(value=m.Name(name), attr=m.Name("close")))
    closes = {id(call) for statement in statements for call in m.findall(statement, pattern)}
    on_success: set[int] = set()
    for statement in statements:
        for node in nodes_of_type(statement, cst.Try):
            assert isinstance(node, cst.Try)
            failing = [*node.handlers, *([node.finalbody] if node.finalbody else [])]
            if node.handlers and not any(m.findall(part, pattern) for part in failing):
                success = [node.body, *([node.orelse] if node.orelse else [])]
                on_success |= {id(call) for part in success for call in m.findall(part, pattern)}
    return bool(closes) and closes <= on_success
