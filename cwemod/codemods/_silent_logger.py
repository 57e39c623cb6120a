"""``silent-except``: the logger a module gets when it has none, as the project's modules have it.

The survey (``_silent_survey.py``) reads how the project's modules import
logging and name their logger; a new logger follows the majority. oslo.log
is used only when the project depends on it (its requirements name
``oslo.log``).
"""

from __future__ import annotations

import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass

import libcst as cst

from cwemod.codemods._silent_survey import STDLIB_LOGGING
from cwemod.codemods._silent_tree import ParentOf
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import named_parameters
from cwemod.codemods.kit.imports import h306_key, is_import
from cwemod.codemods.kit.logger_names import LOGGER_NAMES
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.parents import ancestors
from cwemod.codemods.kit.requirements import requires
from cwemod.codemods.kit.source import code_of


@dataclass(frozen=True)
class LoggerPlan:
    """Which logger the rewritten handlers call, and whether it must be added."""

    name: str
    exists: bool
    ready_after_line: int  # module-level code before this line runs without the logger
    module_alias: str = ""  # for a new logger: the name the logging module is bound to
    import_needed: bool = False
    logging_module: str = STDLIB_LOGGING  # for a new import: which module
    insert_at: int = 0  # for a new logger: index in the module body
    argument: str = "__name__"  # for a new logger: what getLogger() is given


@dataclass(frozen=True)
class NoLogger:
    reason: str
    # The reason where the handler is in no method, where the first one is not true.
    outside_a_method: str = ""
    # The reason in a method of a class that keeps no logger, ``{}`` its name: the same.
    in_a_class_without_one: str = ""


def instance_logger(
    method: cst.FunctionDef,
    owner: cst.ClassDef,
    module: cst.Module | None = None,
    inherited: frozenset[str] = frozenset(),
) -> str | None:
    """``self.logger`` where ``method`` is an instance method of ``owner`` and the class keeps one.

    The attribute (one of the module logger names) must be bound in the
    class's other methods only (through ``self``, or ``cls`` in a class
    method), each time to a logger factory's call (``getLogger(...)``,
    ``get_logger(...)``) or to a name that says it is a logger
    (``self.logger = logger``, gunicorn's ``self.log = worker.log``); or
    a method of the class logs with it already (``self._logger.debug(...)``:
    gallery-dl's extractors, whose base class in another module binds
    ``self.log``). A class that keeps its logger, as Swift's and
    sushy-tools' do, logs with it rather than with a new module logger; so does one
    whose base class, of the project's, binds it in its ``__init__`` (``inherited``, the
    attributes the survey found: zuul's ``EbsSnapshotUploader`` and the ``self.log`` of
    ``ImageUploader``), where the class binds it nowhere itself. Not an
    object of a class of the ``module`` whose ``debug()`` takes no ``exc_info``
    (moonraker's ``ProtoLogger``, whose ``debug(msg)`` would raise ``TypeError``).
    """
    if not _is_instance_method(method) or method.name.value in ("__init__", "__new__"):
        return None
    bound = _self_attributes(owner)
    logs_with = _logging_attributes(owner)
    for name in LOGGER_NAMES:
        values = bound.get(name)
        if values and module is not None and any(_made_without_exc_info(v, module) for v in values):
            continue
        if name in logs_with or (values and all(_names_a_logger(value) for value in values)):
            return f"self.{name}"
        if name in inherited and not values:
            return f"self.{name}"
    return None


def _made_without_exc_info(value: cst.BaseExpression, module: cst.Module) -> bool:
    """Is ``value`` an object of a class of ``module`` whose ``debug()`` has no ``exc_info``
    parameter and no ``**kwargs``?"""
    if not (isinstance(value, cst.Call) and isinstance(value.func, cst.Name)):
        return False
    made = value.func.value
    for statement in module.body:
        if isinstance(statement, cst.ClassDef) and statement.name.value == made:
            for method in statement.body.body:
                if isinstance(method, cst.FunctionDef) and method.name.value == "debug":
                    params = method.params
                    names = {p.name.value for p in (*params.params, *params.kwonly_params)}
                    return "exc_info" not in names and not isinstance(params.star_kwarg, cst.Param)
    return False


_LOG_METHODS = frozenset({"debug", "info", "warning", "error", "exception", "critical"})


def _logging_attributes(owner: cst.ClassDef) -> set[str]:
    """``name`` of each ``self.<name>.debug(...)`` (or another level) the class's methods call."""
    names = set()
    for call in nodes_of_type(owner, cst.Call):
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in _LOG_METHODS):
            continue
        owner = func.value
        if _is_self_attribute(owner):
            names.add(owner.attr.value)  # type: ignore[attr-defined]
    return names


def _is_self_attribute(node: cst.BaseExpression) -> bool:
    return (
        isinstance(node, cst.Attribute)
        and isinstance(node.value, cst.Name)
        and node.value.value in ("self", "cls")
    )


def _is_instance_method(function: cst.FunctionDef) -> bool:
    params = function.params.params
    decorators = {
        decorator.decorator.value
        for decorator in function.decorators
        if isinstance(decorator.decorator, cst.Name)
    }
    return (
        bool(params)
        and params[0].name.value == "self"
        and not decorators & {"staticmethod", "classmethod"}
    )


def _self_attributes(owner: cst.ClassDef) -> dict[str, list[cst.BaseExpression]]:
    """``self.<name>`` (or ``cls.<name>``) -> the values the class's methods assign to it."""
    bound: dict[str, list[cst.BaseExpression]] = {}
    for statement in owner.body.body:
        if not isinstance(statement, cst.FunctionDef):
            continue
        for assign in nodes_of_type(statement, cst.Assign):
            for target in assign.targets:
                attribute = target.target
                if _is_self_attribute(attribute):
                    name = attribute.attr.value  # type: ignore[attr-defined]
                    bound.setdefault(name, []).append(assign.value)
    return bound


def _names_a_logger(value: cst.BaseExpression) -> bool:
    if isinstance(value, cst.BooleanOperation):
        return _names_a_logger(value.left) and _names_a_logger(value.right)
    if isinstance(value, cst.Call):
        func = value.func
        name = func.attr if isinstance(func, cst.Attribute) else func
        return isinstance(name, cst.Name) and name.value in ("getLogger", "get_logger")
    if isinstance(value, cst.Attribute):  # gunicorn's ``self.log = worker.log``
        return value.attr.value in LOGGER_NAMES
    return isinstance(value, cst.Name) and "log" in value.value.lower()


def insert_logger(module: cst.Module, plan: LoggerPlan) -> cst.Module:
    """The module with the logger at ``plan.insert_at``, after the blank lines that were
    there where there are two or more before a statement that is no definition (rally's
    ruff isort: ``lines-after-imports = 2``; a definition's two are pycodestyle's)."""
    line = f"{plan.name} = {plan.module_alias}.getLogger({plan.argument})\n"
    statement = cst.parse_statement(line, config=module.config_for_parsing)
    body = list(module.body)
    following = body[plan.insert_at] if plan.insert_at < len(body) else None
    blank = [] if following is None else list(following.leading_lines)
    if plan.insert_at:
        kept = (
            len(blank) >= 2
            and all(line.comment is None for line in blank)
            and not isinstance(following, (cst.FunctionDef, cst.ClassDef))
        )
        statement = statement.with_changes(leading_lines=blank if kept else (cst.EmptyLine(),))
        if kept:
            body[plan.insert_at] = following.with_changes(leading_lines=(cst.EmptyLine(),))  # type: ignore[union-attr]
    if following is not None and not following.leading_lines:
        body[plan.insert_at] = following.with_changes(leading_lines=(cst.EmptyLine(),))
    body.insert(plan.insert_at, statement)
    return module.with_changes(body=body)


def definitions_apart_from_logger(module: cst.Module, name: str) -> cst.Module:
    """Two blank lines between the new logger and a ``def`` or ``class`` right after it
    (pycodestyle's E302): PyInstaller's runtime hooks start with their function."""
    body = list(module.body)
    for index, statement in enumerate(body[1:], start=1):
        before = body[index - 1]
        if not (
            isinstance(statement, (cst.FunctionDef, cst.ClassDef))
            and m.matches(before, m.SimpleStatementLine([m.Assign([m.AssignTarget(m.Name(name))])]))
        ):
            continue
        blank = [line for line in statement.leading_lines if line.comment is None]
        if len(blank) < 2 and len(blank) == len(statement.leading_lines):
            body[index] = statement.with_changes(leading_lines=(cst.EmptyLine(), cst.EmptyLine()))
    return module.with_changes(body=body)


def depends_on_oslo_log(root: str | None) -> bool:
    """Do the project's requirements name oslo.log?"""
    return bool(requires(root, "oslo.log"))


def add_oslo_log_import(module: cst.Module, own_package: str, alias: str) -> cst.Module:
    """``from oslo_log import log as <alias>`` in the third-party group, in hacking order.

    Plain ``from oslo_log import log`` when the alias is ``log``. Without a
    third-party group it forms one after the standard-library group (or
    before the project's own imports).
    """
    spelled = "" if alias == "log" else f" as {alias}"
    new = cst.parse_statement(
        f"from oslo_log import log{spelled}\n", config=module.config_for_parsing
    )
    body = list(module.body)
    groups = _import_groups(body)
    kinds = [
        _group_kind(body[start:end], own_package, index)
        for index, (start, end) in enumerate(groups)
    ]
    third_party = [group for group, kind in zip(groups, kinds) if kind == "third-party"]
    if third_party:
        start, end = third_party[0]
        index = next((i for i in range(start, end) if h306_key(body[i]) > "oslo_log.log"), end)
        if index == start:  # the new first import takes over the group's leading lines
            new = new.with_changes(leading_lines=body[start].leading_lines)
            body[start] = body[start].with_changes(leading_lines=())
        body.insert(index, new)
        return module.with_changes(body=body)
    stdlib_ends = [end for (_, end), kind in zip(groups, kinds) if kind == "stdlib"]
    if stdlib_ends:
        body.insert(stdlib_ends[0], new.with_changes(leading_lines=(cst.EmptyLine(),)))
    elif groups:
        start = groups[0][0]
        new = new.with_changes(leading_lines=body[start].leading_lines)
        body[start] = body[start].with_changes(leading_lines=(cst.EmptyLine(),))
        body.insert(start, new)
    else:
        body.insert(0, new)
    return module.with_changes(body=body)


def _import_groups(body: Sequence[cst.BaseStatement]) -> list[tuple[int, int]]:
    """[start, end) of each run of top-level import lines with no blank line inside."""
    groups: list[tuple[int, int]] = []
    start = None
    for index, statement in enumerate(body):
        plain = isinstance(statement, cst.SimpleStatementLine) and is_import(statement)
        if start is not None and (not plain or statement.leading_lines):
            groups.append((start, index))
            start = None
        if plain and start is None and not _is_future(statement):
            start = index
        elif not plain and groups:
            break  # the code after the import block
    if start is not None:
        groups.append((start, len(body)))
    return groups


def _group_kind(statements: Sequence[cst.BaseStatement], own_package: str, index: int) -> str:
    tops = [_top_module(statement) for statement in statements]
    if all(top in sys.stdlib_module_names for top in tops):
        return "stdlib"
    if own_package:
        # A group that mixes in third-party imports (zunclient's one group after the
        # standard library's) is where a third-party import goes.
        third_party = any(
            top not in ("", own_package) and top not in sys.stdlib_module_names for top in tops
        )
        return "third-party" if third_party else "project"
    return "third-party" if index <= 1 and "" not in tops else "project"


def _top_module(statement: cst.BaseStatement) -> str:
    """The imported package (``""`` for a relative import)."""
    small = statement.body[0]  # type: ignore[attr-defined]
    if isinstance(small, cst.Import):
        return code_of(small.names[0].name).split(".")[0]
    if small.relative or small.module is None:
        return ""
    return code_of(small.module).split(".")[0]


def _is_future(statement: cst.BaseStatement) -> bool:
    return _top_module(statement) == "__future__"


def debug_level_refusal(
    module: cst.Module, function: cst.FunctionDef | None, logger: str, parent_of: ParentOf
) -> str | None:
    """Where the module sets its ``logger`` to DEBUG and passes its records up, a debug line
    is not quiet: the handler the application installs (``basicConfig(level=WARN)`` sets the
    root logger's level, not its handler's) prints it. oci-cli's cli_metrics.py, whose
    other debug lines are under the function's ``if debug:``."""
    if not _set_to_debug(module, logger):
        return None
    reason = (
        f"the module's logger is set to DEBUG and passes records up ({logger}.setLevel()):"
        " a debug line there prints on every call"
    )
    guard = debug_guard(function, logger, parent_of) if function is not None else None
    if guard is None:
        return reason
    return (
        f"{reason}; the function's other debug lines are under `if {guard}:`: log the"
        " exception under it by hand"
    )


def _set_to_debug(module: cst.Module, logger: str) -> bool:
    """Does a top-level ``logger.setLevel(...)`` set DEBUG (or a level up to 10), where the
    records are not kept to NullHandlers (``logger.propagate = False``)?"""
    calls = [
        line.body[0].value  # type: ignore[attr-defined]
        for line in module.body
        if m.matches(line, m.SimpleStatementLine([m.Expr(m.Call(func=_method_of(logger)))]))
    ]
    levels = [call.args[0].value for call in calls if _called(call, "setLevel") and call.args]
    if not any(map(_debug_level, levels)):
        return False
    kept = m.SimpleStatementLine(
        [m.Assign([m.AssignTarget(_attribute_of(logger, "propagate"))], m.Name("False"))]
    )
    handlers = [call.args[0].value for call in calls if _called(call, "addHandler") and call.args]
    null = m.Call(func=m.Name("NullHandler") | m.Attribute(attr=m.Name("NullHandler")))
    quiet = any(m.matches(line, kept) for line in module.body) and all(
        m.matches(handler, null) for handler in handlers
    )
    return not quiet


def _method_of(logger: str) -> m.Attribute:
    return m.Attribute(value=m.Name(logger))


def _attribute_of(logger: str, name: str) -> m.Attribute:
    return m.Attribute(value=m.Name(logger), attr=m.Name(name))


def _called(call: cst.Call, method: str) -> bool:
    return isinstance(call.func, cst.Attribute) and call.func.attr.value == method


def _debug_level(level: cst.BaseExpression) -> bool:
    """``logging.DEBUG``, ``DEBUG``, ``"DEBUG"`` or a number from 1 to 10 (0 is NOTSET)."""
    if isinstance(level, cst.Attribute):
        level = level.attr
    if isinstance(level, cst.Name):
        return level.value == "DEBUG"
    if isinstance(level, cst.SimpleString):
        return level.evaluated_value == "DEBUG"
    return isinstance(level, cst.Integer) and 0 < int(level.value, 0) <= 10


def debug_guard(function: cst.FunctionDef, logger: str, parent_of: ParentOf) -> str | None:
    """The test every ``logger.debug(...)`` of ``function`` is under, as written, where it is
    one of its parameters (``debug``) or ``ctx.obj['debug']``: None where one is under none."""
    names = {p.name.value for p in named_parameters(function.params)}
    guards = set()
    for call in m.findall(function.body, m.Call(func=_attribute_of(logger, "debug"))):
        tests = (node.test for node in ancestors(call, parent_of) if isinstance(node, cst.If))
        guard = next((code_of(test) for test in tests if _a_debug_flag(test, names)), None)
        guards.add(guard)
    return guards.pop() if len(guards) == 1 else None


_CONTEXT_DEBUG = re.compile(r"\w+\.obj\[(['\"])debug\1\]")


def _a_debug_flag(test: cst.BaseExpression, parameters: set[str]) -> bool:
    if isinstance(test, cst.Name):
        return test.value in parameters
    return _CONTEXT_DEBUG.fullmatch(code_of(test)) is not None
