"""Syntax facts the ``cleanup-on-failure`` codemod needs about a module or a block."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import called_name, named_parameters
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.imports import imported_names
from cwemod.codemods.kit.loggers import (
    conventional_logger,
    logs_at_a_level,
    looks_like_get_logger,
)
from cwemod.codemods.kit.names import dotted_name
from cwemod.codemods.kit.source import code_of, module_code

TEARDOWN_WORDS = (
    "delete",
    "unplug",
    "remove",
    "close",
    "destroy",
    "clean",  # cleanup, clean_up, and z/VM's clean_temp_folder
    "purge",
    "wipe",
    "erase",
    "dispose",
    "teardown",
    "rmtree",
    "unlink",
    "kill",
    "stop",
)


@dataclass
class ModuleFacts:
    imports: dict[str, str] = field(default_factory=dict)  # local name -> what it imports
    module_names: set[str] = field(default_factory=set)  # every name bound at module level
    logger: str | None = None
    # Module-level names bound to a call of an imported function: name -> the function's
    # dotted name (zenml's ``logger = get_logger(__name__)``, a logger where the project's
    # survey finds that function returns one).
    made_by_imported: dict[str, str] = field(default_factory=dict)
    excutils: str | None = None  # how to call save_and_reraise_exception, if imported
    # An import statement indented in the text: a function may import names of its own.
    indented_imports: bool = False


def module_facts(module: cst.Module) -> ModuleFacts:
    facts = ModuleFacts()
    loggers: dict[str, cst.BaseExpression] = {}
    calls: dict[str, cst.BaseExpression] = {}
    for statement in module.body:
        if isinstance(statement, (cst.FunctionDef, cst.ClassDef)):
            facts.module_names.add(statement.name.value)
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, (cst.Import, cst.ImportFrom)):
                facts.imports.update(imported_names(small))
            elif isinstance(small, cst.Assign):
                for target in small.targets:
                    if isinstance(target.target, cst.Name):
                        facts.module_names.add(target.target.value)
                        if looks_like_get_logger(small.value):
                            loggers.setdefault(target.target.value, small.value)
                        elif isinstance(small.value, cst.Call):
                            calls.setdefault(target.target.value, small.value.func)
    facts.module_names |= set(facts.imports)
    for name, func in calls.items():
        head, _, rest = (dotted_name(func) or "").partition(".")
        if head in facts.imports:
            facts.made_by_imported[name] = ".".join(filter(None, [facts.imports[head], rest]))
    standard = [name for name, made in loggers.items() if _standard_logger(made, facts.imports)]
    facts.logger = conventional_logger(standard)
    facts.excutils = _excutils_reference(facts.imports)
    facts.indented_imports = _INDENTED_IMPORT.search(module_code(module)) is not None
    return facts


_INDENTED_IMPORT = re.compile(r"^[ \t]+(?:import|from)[ \t]", re.MULTILINE)


def _standard_logger(made: cst.BaseExpression, imports: dict[str, str]) -> bool:
    """Is ``made`` (a ``getLogger(...)`` call) the logging module's or oslo.log's? pwntools'
    ``from pwnlib.log import getLogger`` makes loggers whose ``exception()`` raises again."""
    func = made.func  # type: ignore[attr-defined]
    if isinstance(func, cst.Name):
        return imports.get(func.value) in ("logging.getLogger", "oslo_log.log.getLogger")
    owner = func.value
    return isinstance(owner, cst.Name) and imports.get(owner.value) in ("logging", "oslo_log.log")


def _excutils_reference(imports: dict[str, str]) -> str | None:
    for local, target in imports.items():
        if target == "oslo_utils.excutils":
            return f"{local}.save_and_reraise_exception"
        if target == "oslo_utils.excutils.save_and_reraise_exception":
            return local
    return None


class FlowScan(cst.CSTVisitor):
    """Returns, yields and rebound names in a block, not counting nested functions or classes."""

    def __init__(self) -> None:
        # The returns inside an ``except`` block: a failure's way out (rpkg's
        # ``except rpm.error: return None``), not the success path.
        self._failure_returns: list[cst.Return] = []
        self._other_returns: list[cst.Return] = []
        self._in_handlers = 0
        self.yields = False
        self.rebound: set[str] = set()

    @classmethod
    def of(cls, statements: Sequence[cst.BaseStatement]) -> FlowScan:
        scan = cls()
        for statement in statements:
            statement.visit(scan)
        return scan

    def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
        self._bind(node.name)
        return False

    def visit_ClassDef(self, node: cst.ClassDef) -> bool:
        self._bind(node.name)
        return False

    def visit_Lambda(self, node: cst.Lambda) -> bool:
        return False

    def visit_Return(self, node: cst.Return) -> None:
        if self._in_handlers:
            self._failure_returns.append(node)
        else:
            self._other_returns.append(node)

    def visit_ExceptHandler(self, node: cst.ExceptHandler) -> None:
        self._in_handlers += 1

    def leave_ExceptHandler(self, original_node: cst.ExceptHandler) -> None:
        self._in_handlers -= 1

    def only_failures_return(self, resource: str) -> bool:
        """Does every return leave from an ``except`` block, handing ``resource`` to no one?"""
        return not self._other_returns and not self._handing_on(resource)

    def leaking_return(self, resource: str) -> cst.Return | None:
        """The first return outside an ``except`` block, where none hands ``resource`` on:
        it leaves without the release that follows (kobo's upload view returns its
        "Checksum mismatch." response and leaves its upload's directory behind)."""
        if self._handing_on(resource):
            return None
        return self._other_returns[0] if self._other_returns else None

    def _handing_on(self, resource: str) -> bool:
        return any(
            node.value is not None and resource in code_of(node.value)
            for node in (*self._failure_returns, *self._other_returns)
        )

    def visit_Yield(self, node: cst.Yield) -> None:
        self.yields = True

    def visit_Assign(self, node: cst.Assign) -> None:
        for target in node.targets:
            self._bind(target.target)

    def visit_AnnAssign(self, node: cst.AnnAssign) -> None:
        if node.value is not None:
            self._bind(node.target)

    def visit_AugAssign(self, node: cst.AugAssign) -> None:
        self._bind(node.target)

    def visit_NamedExpr(self, node: cst.NamedExpr) -> None:
        self._bind(node.target)

    def visit_For(self, node: cst.For) -> None:
        self._bind(node.target)

    def visit_AsName(self, node: cst.AsName) -> None:
        self._bind(node.name)

    def visit_Del(self, node: cst.Del) -> None:
        self._bind(node.target)

    def _bind(self, target: cst.BaseExpression) -> None:
        if isinstance(target, (cst.Tuple, cst.List)):
            for element in target.elements:
                self._bind(element.value)
        elif isinstance(target, cst.StarredElement):
            self._bind(target.value)
        else:
            self.rebound.add(code_of(target))


def is_trivial_return(statement: cst.BaseStatement) -> bool:
    """``return``, ``return name``, ``return self.attr`` or a literal: nothing there can fail."""
    if not (isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1):
        return False
    small = statement.body[0]
    if not isinstance(small, cst.Return):
        return False
    value = small.value
    return (
        value is None
        or m.matches(value, _plain_reference())
        or isinstance(value, (cst.SimpleString, cst.Integer))
    )


def _plain_reference() -> m.BaseMatcherNode:
    return m.Name() | m.Attribute(value=m.Name())


def first_comment_kept(lines: Sequence[cst.EmptyLine]) -> list[cst.EmptyLine]:
    """Drop the blank lines before the first comment line."""
    for index, line in enumerate(lines):
        if line.comment is not None:
            return list(lines[index:])
    return []


def teardown_calls(function: cst.FunctionDef) -> tuple[cst.Call | None, cst.Call | None]:
    """A teardown step in a top-level loop with no try around it, and a teardown call after it.

    ``(None, None)`` when the function has no such loop.
    """
    if not isinstance(function.body, cst.IndentedBlock):
        return None, None
    body = list(function.body.body)
    for index, statement in enumerate(body):
        if not isinstance(statement, cst.For):
            continue
        inside = [call for call in _calls_outside_try(statement.body) if _is_teardown(call)]
        if not inside:
            continue
        later = [
            call
            for after in body[index + 1 :]
            for call in m.findall(after, m.Call())
            if _is_teardown(call)
        ]
        return inside[0], (later[0] if later else None)  # type: ignore[return-value]
    return None, None


def _calls_outside_try(node: cst.CSTNode) -> list[cst.Call]:
    found: list[cst.Call] = []

    class Collect(cst.CSTVisitor):
        def visit_Try(self, node: cst.Try) -> bool:
            return False

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return False

        def visit_Call(self, node: cst.Call) -> None:
            found.append(node)

    node.visit(Collect())
    return found


def _is_teardown(call: cst.Call) -> bool:
    name = called_name(call) or ""
    return name.startswith("del_") or any(name.startswith(word) for word in TEARDOWN_WORDS)


# Callees that start work which goes on after the call returns.
_CONCURRENT_STARTS = frozenset(
    {
        "Thread",
        "Timer",
        "Process",
        "start_new_thread",
        "spawn",
        "spawn_n",
        "spawn_after",
        "submit",
        "apply_async",
        "map_async",
    }
)


def starts_concurrent_work(call: cst.Call) -> bool:
    """Does ``call`` start a thread, a process or a green thread, or submit to a pool?"""
    return called_name(call) in _CONCURRENT_STARTS


def lone_call(statement: cst.BaseStatement) -> cst.Call | None:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            return small.value
    return None


_RISKY = m.Call() | m.Raise() | m.Assert() | m.Subscript()


def can_fail(statements: Sequence[cst.BaseStatement]) -> bool:
    """A call, raise, assert or subscript anywhere in ``statements``, but in a step that only
    reports or registers a cleanup (:func:`only_reports_or_registers`)."""
    return any(
        m.findall(statement, _RISKY)
        for statement in statements
        if not only_reports_or_registers(statement)
    )


# Calls that register a cleanup to run later (an exit stack's, a test's, the interpreter's):
# they only append to a list, so a step that makes one does not fail.
_CLEANUP_REGISTRARS = frozenset({"callback", "addCleanup", "add_cleanup", "atexit.register"})


def registers_a_cleanup(call: cst.Call) -> bool:
    """``exit_stack.callback(...)``, ``self.addCleanup(...)``, ``atexit.register(...)``."""
    callee = code_of(call.func)
    return callee in _CLEANUP_REGISTRARS or callee.rpartition(".")[2] in _CLEANUP_REGISTRARS


def only_reports_or_registers(statement: cst.BaseStatement) -> bool:
    """Is ``statement`` one call that is no failing step: ``print()`` (to no ``file=``) or a
    logger's level method (nectar-osc's mailout ``setup()`` prints where its directory is),
    or the registration of a cleanup (zaza's ``atexit.register(self.close)``), given only
    names, attributes, numbers and strings (f-strings of those)? Logging hands its own
    errors to ``handleError()``; a closed stdout is not what a cleanup on failure is for."""
    call = lone_call(statement)
    if call is None or not all(not arg.star and _plain(arg.value) for arg in call.args):
        return False
    if m.matches(call.func, m.Name("print")):
        return not any(m.matches(arg.keyword, m.Name("file")) for arg in call.args)
    return logs_at_a_level(call) or registers_a_cleanup(call)


def _plain(value: cst.BaseExpression) -> bool:
    """A name, a dotted attribute, a number, a string, or an f-string of such values."""
    if isinstance(value, (cst.Name, cst.Integer, cst.Float, cst.SimpleString)):
        return True
    if isinstance(value, cst.Attribute):
        return dotted_name(value) is not None
    if isinstance(value, cst.ConcatenatedString):
        return _plain(value.left) and _plain(value.right)
    if isinstance(value, cst.FormattedString):
        return all(_plain_part(part) for part in value.parts)
    return False


def _plain_part(part: cst.BaseFormattedStringContent) -> bool:
    if isinstance(part, cst.FormattedStringText):
        return True
    assert isinstance(part, cst.FormattedStringExpression)
    spec = part.format_spec or ()
    return _plain(part.expression) and all(_plain_part(each) for each in spec)


def can_fail_but_paths(
    statements: Sequence[cst.BaseStatement],
    qualified: Callable[[cst.CSTNode], str | None] | None = None,
) -> bool:
    """:func:`can_fail`, where a name built with ``os.path`` (atomic-reactor's
    ``os.path.join(self.temp_dir, BUILD_JSON)``) cannot fail: strings in, a string out.
    Given ``qualified`` (what a callee stands for through the module's imports), nor can a
    pure path, a ``Path`` or ``os.fspath()`` of names and strings (meltano's
    ``tmp_path = Path(tmp_name)``), nor an empty container (oslo.rootwrap's
    ``self._accepted = weakref.WeakSet()``)."""
    return any(
        not _PATH_CALL.matches(node)
        and not _makes_a_path(node, qualified)
        and not _makes_an_empty_container(node, qualified)
        for statement in statements
        if not only_reports_or_registers(statement)
        for node in m.findall(statement, _RISKY)
    )


_PATH_CALL = m.Call(
    func=m.Attribute(
        value=m.Attribute(value=m.Name("os"), attr=m.Name("path")),
        attr=m.Name("join") | m.Name("basename") | m.Name("dirname"),
    )
)

# Not PosixPath or WindowsPath: each raises when made on the other's system.
_PATH_MAKERS = frozenset(
    {"pathlib.Path", "pathlib.PurePath", "pathlib.PurePosixPath", "pathlib.PureWindowsPath"}
    | {"os.fspath"}
)


def _makes_a_path(node: cst.CSTNode, qualified: Callable[[cst.CSTNode], str | None] | None) -> bool:
    """Is ``node`` ``Path(name)``, ``PurePath(name, "part")``, ``os.fspath(name)``: plain
    names and strings given by position?"""
    return (
        qualified is not None
        and isinstance(node, cst.Call)
        and all(
            not arg.star and arg.keyword is None and isinstance(arg.value, _PLAIN)
            for arg in node.args
        )
        and qualified(node.func) in _PATH_MAKERS
    )


_PLAIN = (cst.Name, cst.SimpleString)

# Given no argument, each makes an empty container and cannot fail.
_EMPTY_MAKERS = frozenset(
    f"{module}.{name}"
    for module, names in (
        ("builtins", ("dict", "frozenset", "list", "set", "tuple")),
        ("collections", ("OrderedDict", "defaultdict", "deque")),
        ("weakref", ("WeakKeyDictionary", "WeakSet", "WeakValueDictionary")),
    )
    for name in names
)


def _makes_an_empty_container(
    node: cst.CSTNode, qualified: Callable[[cst.CSTNode], str | None] | None
) -> bool:
    """Is ``node`` ``set()``, ``weakref.WeakSet()``, ``collections.deque()``: no argument?"""
    return (
        qualified is not None
        and isinstance(node, cst.Call)
        and not node.args
        and qualified(node.func) in _EMPTY_MAKERS
    )


def handles_every_failure(statements: Sequence[cst.BaseStatement]) -> bool:
    """Does each step that can fail sit in a ``try`` that catches every exception and goes on?

    A broad handler (bare ``except:``, ``except Exception`` or ``BaseException``)
    that neither raises, returns nor leaves a loop means a failing step
    already reaches the code after the ``try`` (glances' port scan): a
    release there runs when a step fails.
    """
    return can_fail(statements) and all(
        _handled(statement) or not can_fail([statement]) for statement in statements
    )


_BROAD = m.Name("Exception") | m.Name("BaseException")
_LEAVES = m.Raise() | m.Return() | m.Break() | m.Continue()


def _handled(statement: cst.BaseStatement) -> bool:
    if not isinstance(statement, cst.Try) or not statement.handlers:
        return False
    if any(can_fail([block]) for block in (statement.orelse, statement.finalbody) if block):
        return False
    broad = any(
        handler.type is None or any(m.matches(each, _BROAD) for each in caught_classes(handler))
        for handler in statement.handlers
    )
    return broad and not any(m.findall(handler, _LEAVES) for handler in statement.handlers)


def returns_name(statements: Sequence[cst.BaseStatement], name: str) -> bool:
    returns = (node for statement in statements for node in m.findall(statement, m.Return()))
    return any(node.value is not None and code_of(node.value) == name for node in returns)


def parameters(function: cst.FunctionDef) -> set[str]:
    params = function.params
    every = named_parameters(params)
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            every.append(star)
    return {param.name.value for param in every}


def nested_statements(function: cst.FunctionDef) -> list[cst.BaseStatement]:
    """Simple statements below the top level of ``function``.

    Statements of nested functions or classes are not included.
    """
    found: list[cst.BaseStatement] = []

    class Collect(cst.CSTVisitor):
        depth = 0

        def visit_FunctionDef(self, node: cst.FunctionDef) -> bool:
            return node is function

        def visit_ClassDef(self, node: cst.ClassDef) -> bool:
            return False

        def visit_IndentedBlock(self, node: cst.IndentedBlock) -> None:
            self.depth += 1

        def leave_IndentedBlock(self, original_node: cst.IndentedBlock) -> None:
            self.depth -= 1

        def visit_SimpleStatementLine(self, node: cst.SimpleStatementLine) -> bool:
            if self.depth > 1:
                found.append(node)
            return False

    function.visit(Collect())
    return found
