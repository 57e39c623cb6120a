"""The module's logger."""

from __future__ import annotations

from collections.abc import Sequence

import libcst as cst

from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import name_words
from cwemod.codemods.kit.imports import imported_names
from cwemod.codemods.kit.logger_names import LOGGER_NAMES
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.names import dotted_name
from cwemod.codemods.kit.source import code_of

LOGGER_FACTORIES = frozenset({"logging.getLogger", "oslo_log.log.getLogger"})


def looks_like_get_logger(value: cst.BaseExpression | None) -> bool:
    """``getLogger(...)`` or ``<anything>.getLogger(...)``, by its text alone."""
    return value is not None and m.matches(
        value, m.Call(func=m.Name("getLogger") | m.Attribute(attr=m.Name("getLogger")))
    )


def module_assignments(module: cst.Module) -> dict[cst.Name, cst.BaseExpression]:
    """Each plain name target of a top-level assignment -> the value assigned to it.

    A logger bound anywhere else (a function with ``global LOG``) is not
    found here, so it counts as "not known to be a logger".
    """
    values: dict[cst.Name, cst.BaseExpression] = {}
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if isinstance(small, cst.Assign):
                targets = [target.target for target in small.targets]
            elif isinstance(small, cst.AnnAssign) and small.value is not None:
                targets = [small.target]
            else:
                continue
            for target in targets:
                if isinstance(target, cst.Name):
                    values[target] = small.value
    return values


def conventional_logger(candidates: Sequence[str]) -> str | None:
    """The most conventional of the names that hold a logger, else the first of them."""
    known = next((name for name in LOGGER_NAMES if name in candidates), None)
    return known if known is not None else next(iter(candidates), None)


def imported_logging_modules(
    body: Sequence[cst.BaseStatement], modules: Sequence[str]
) -> dict[str, tuple[str, int]]:
    """Which of ``modules`` the top-level imports bind: module -> (bound name, statement index).

    ``from oslo_log import log as logging`` gives ``{"oslo_log.log": ("logging", i)}``.
    """
    found: dict[str, tuple[str, int]] = {}
    for index, statement in enumerate(body):
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if not isinstance(small, (cst.Import, cst.ImportFrom)):
                continue
            for bound, module in imported_names(small).items():
                if "." not in bound and module in modules and module not in found:
                    found[module] = (bound, index)
    return found


# A logger's methods, called to log at a level (``warn``: the stdlib's old name for warning).
_LEVEL_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical"})
# The names an attribute holding a logger has: ``self.log``, ``self.context.log``.
_LOGGER_ATTRIBUTES = frozenset(name.lower() for name in LOGGER_NAMES)


def object_logger(function: cst.FunctionDef) -> str | None:
    """The logger a method logs through, held by an attribute of its object, as written:
    ``self.context.log`` where the method calls ``self.context.log.debug(...)`` (irc3's
    plugins, whose bot keeps the logger). None in a function that takes no ``self``."""
    params = function.params.params
    if not params or params[0].name.value != "self":
        return None
    for call in nodes_of_type(function, cst.Call):
        func = call.func
        if not (isinstance(func, cst.Attribute) and func.attr.value in _LEVEL_METHODS):
            continue
        receiver = dotted_name(func.value) or ""
        if _is_object_logger(receiver):
            return receiver
    return None


def logs_at_a_level(call: cst.Call) -> bool:
    """Is ``call`` a logger's level method, by how the logger is named: ``LOG.debug(...)``,
    ``logger.warning(...)`` (a module logger's conventional name), ``self.log.info(...)``
    (an attribute of the object that holds one)?"""
    func = call.func
    if not (isinstance(func, cst.Attribute) and func.attr.value in _LEVEL_METHODS):
        return False
    receiver = dotted_name(func.value) or ""
    return receiver in LOGGER_NAMES or _is_object_logger(receiver)


def _is_object_logger(receiver: str) -> bool:
    """``self.log``, ``self.context.logger``: an attribute of ``self`` named as a logger."""
    parts = receiver.split(".")
    return len(parts) > 1 and parts[0] == "self" and parts[-1].lower() in _LOGGER_ATTRIBUTES


def keeps_no_logger(owner: cst.ClassDef) -> bool:
    """Is no logger at hand in the methods of ``owner``: it has no base to inherit one from,
    and never names an attribute of ``self`` that holds one (``self.log``,
    ``self.context.logger``)? yagmail's RawAsyncSMTP."""
    if any(not m.matches(base.value, m.Name("object")) for base in owner.bases):
        return False
    return not any(
        _is_object_logger(dotted_name(attribute) or "")
        for attribute in nodes_of_type(owner, cst.Attribute)
    )


# The words after ``log`` in the name of a helper that logs the exception being handled.
_EXCEPTION_WORDS = frozenset({"exception", "exc", "traceback", "tb"})


def exception_helper(module: cst.Module) -> str | None:
    """The module's way to log the exception it handles through a helper of the project's:
    a function named ``log_`` for an exception or traceback, bound by a top-level import
    and called with no arguments as a statement of one of the module's ``except`` handlers,
    as written (blivet's ``log_exception_info()`` from its ``storage_log``, breezy's
    ``trace.log_exception_quietly()``). None where no handler calls one so."""
    imported = _top_level_import_names(module)
    for handler in nodes_of_type(module, cst.ExceptHandler):
        for call in m.findall(handler.body, _BARE_CALL_STATEMENT):
            callee = dotted_name(call.value.func)  # type: ignore[attr-defined]
            if callee is None or callee.split(".")[0] not in imported:
                continue
            words = name_words(callee.rpartition(".")[2])
            if words[:1] == ["log"] and _EXCEPTION_WORDS & set(words[1:]):
                return callee
    return None


_BARE_CALL_STATEMENT = m.Expr(value=m.Call(args=[]))


def _top_level_import_names(module: cst.Module) -> set[str]:
    """The names the module's top-level imports bind, relative ones too."""
    bound = set()
    for statement in module.body:
        for small in statement.body if isinstance(statement, cst.SimpleStatementLine) else ():
            if isinstance(small, cst.Import) or (
                isinstance(small, cst.ImportFrom) and not isinstance(small.names, cst.ImportStar)
            ):
                bound.update(
                    code_of(alias.asname.name if alias.asname else alias.name).split(".")[0]
                    for alias in small.names  # type: ignore[union-attr]
                )
    return bound
