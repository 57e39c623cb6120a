"""``except Exception: pass`` -> log the exception it swallows (CWE-390, CWE-703)."""

from __future__ import annotations

import ast
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import libcst as cst
import libcst.matchers as m
from libcst.codemod.visitors import AddImportsVisitor
from libcst.metadata import GlobalScope, PositionProvider, ScopeProvider

from cwemod.codemods.base import Codemod, imported_tails
from cwemod.codemods.kit.imports import add_stdlib_imports, end_of_import_block
from cwemod.codemods.kit.lines import fits, wrapped_after_paren
from cwemod.codemods.kit.loggers import (
    LOGGER_FACTORIES,
    LOGGER_NAMES,
    imported_logging_modules,
    module_assignments,
)
from cwemod.codemods.kit.names import QualifiedNames
from cwemod.codemods.kit.quotes import prevailing_quote
from cwemod.codemods.records import Applicability, RefusalKind

NEW_LOGGER_NAME = "LOG"
# Values of the `logging-module` option: where a new logger comes from.
LOGGING_MODULES = ("logging", "oslo_log.log")
LOG_LEVELS = ("exception", "error", "warning", "info", "debug")
BROAD_EXCEPTIONS = {"builtins.Exception", "builtins.BaseException"}
# An ``except`` clause whose body is ``pass`` or ``continue`` (comment lines allowed
# between): files without one are never parsed.
SILENT_HANDLER_TEXT = re.compile(
    r"\bexcept\b[^\n]*:[ \t]*(?:#[^\n]*)?(?:\n(?:[ \t]*#[^\n]*)?)*[ \t]*(?:pass|continue)\b"
)
# Base classes of logging machinery: logging from inside them can recurse.
LOGGING_PACKAGES = ("logging.", "oslo_log.")


@dataclass(frozen=True)
class LoggerPlan:
    """Which logger the rewritten handlers call, and whether it must be added."""

    name: str
    exists: bool
    ready_after_line: int  # module-level code before this line runs without the logger
    module_alias: str = ""  # for a new logger: the name the logging module is bound to
    import_needed: bool = False
    insert_at: int = 0  # for a new logger: index in the module body


@dataclass(frozen=True)
class NoLogger:
    reason: str


class SilentExcept(Codemod):
    id = "silent-except"
    title = "Log exceptions that are silently swallowed"
    cwe = ("CWE-390", "CWE-703")
    rules = ("B110",)
    applicability = Applicability.SAFE
    prefilter = ("except",)
    docs = """\
## What it does
Finds handlers that catch every exception and do nothing with it (bare
`except:`, `except Exception:`, `except BaseException:`, with or without
`as name`, also inside a tuple) whose whole body is `pass` or `continue`, and
makes them log the exception with the module's logger:

    except Exception:
        LOG.exception("Ignoring exception in Agent.sync()")

The exception is still swallowed and `continue` is kept, so control flow is
unchanged. The message names the enclosing function (the log line may not),
is plain English and is not translated. The logger is the module's existing
one: a module-level `LOG`, `LOGGER`, `logger`, `log` (or the same with a
leading underscore) bound only to `logging.getLogger(...)` or oslo.log's
`log.getLogger(...)`. Bare `except:` and `except BaseException:` are not
narrowed to `Exception`: that would let `KeyboardInterrupt` and `SystemExit`
escape where they did not before, a separate decision for a human.

## Why is this bad?
An error that is detected and then dropped without a trace (CWE-390,
detection of error condition without action; CWE-703, improper handling of
exceptional conditions; Bandit B110/B112) hides failures, including ones an
attacker provokes, and makes incidents impossible to diagnose.

## Fix safety
Safe when the module already has a logger: only a log call is added.
Review when it has none: the fix adds `LOG = logging.getLogger(__name__)`
after the imports (and `import logging` if needed, in the standard-library
group in OpenStack hacking order; an existing `from oslo_log import log as
logging` is reused). Check that the new logger fits the project's logging
conventions; `from oslo_log import log as logging` (option `logging-module`)
is added at the end of the top import block, so check its place. In both
cases check that the handler is not on a hot path: every swallowed exception now writes a
traceback to the log at the chosen level. A program that never configures
logging gets records of level WARNING and above on stderr (Python's
last-resort handler); use `log-level = "debug"` where that is unwanted.

## Refuses
- Handlers of specific exception types (`except KeyError: pass`): ignoring
  an expected, named error is usually deliberate. Not reported in a
  whole-tree run; with a report pointing there, said as not-applicable.
- A handler with any comment in or right above it, including linter
  suppressions such as `# noqa: S110` or `# nosec`: the silence is
  documented as intended.
- Handlers inside `__del__` (runs during garbage collection and interpreter
  shutdown, when logging may be torn down) and inside classes derived from
  `logging` or `oslo_log` classes (a handler, filter or formatter that logs
  can recurse).
- Handlers inside test functions and their helpers (`test*`, `_test*`):
  there the swallowed exception is usually the outcome the test provokes
  (a mock raising to end a loop). Cleanup helpers in tests are fixed.
- A module without a known logger whose name `LOG` is taken by something
  else (`from myproject import LOG`, `LOG = []`): `LOG.exception` may not
  exist; a module without a logger whose name `logging` is taken; a handler
  in a function that binds the logger name locally; a module-level handler
  that runs before the logger is defined.

## Options
- `log-level` (default `exception`): `exception` writes
  `LOG.exception(msg)`; `error`, `warning`, `info` or `debug` write
  `LOG.<level>(msg, exc_info=True)`, for code where a swallowed error is
  routine.
- `logging-module` (default `logging`): where a new logger comes from when
  the module has none, `logging` or `oslo_log.log` (imported as
  `from oslo_log import log as logging`, the OpenStack convention).
- `line-length` (default 79): the message names `Class.method()` when the
  line fits, else only `method()`, else no place (the traceback still names
  it); each is tried on one line, then wrapped after the opening parenthesis.
"""
    example = """\
from oslo_log import log as logging

LOG = logging.getLogger(__name__)


class Agent:
    def stop(self):
        try:
            self.connection.close()
        except Exception:
            pass
"""
    default_options = {"log-level": "exception", "logging-module": "logging", "line-length": 79}

    # Qualified names are asked of the scope node by node: resolving
    # QualifiedNameProvider for the whole tree would double the metadata cost.
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider)

    @classmethod
    def wants(cls, source: str, options: Mapping[str, Any] | None = None) -> bool:
        return super().wants(source) and SILENT_HANDLER_TEXT.search(source) is not None

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        """A handler of a possibly broad type whose whole body is ``pass`` or ``continue``.

        Only those are fixed or refused in a whole-tree run.
        """
        imported = imported_tails(tree)
        return any(
            isinstance(node, ast.ExceptHandler)
            and len(node.body) == 1
            and isinstance(node.body[0], (ast.Pass, ast.Continue))
            and _may_catch_everything(node.type, imported)
            for node in ast.walk(tree)
        )

    def visit_Module(self, node: cst.Module) -> None:
        self._module = node
        self._enclosing: list[cst.FunctionDef | cst.ClassDef] = []
        self._logger: LoggerPlan | NoLogger | None = None  # found on first use
        self._quote: str | None = None
        self._logger_used = False
        self._names = QualifiedNames(self)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        plan = self._logger
        if not self._logger_used or not isinstance(plan, LoggerPlan) or plan.exists:
            return updated_node
        if plan.import_needed and self.options["logging-module"] == "oslo_log.log":
            AddImportsVisitor.add_needed_import(self.context, "oslo_log", "log", plan.module_alias)
        module = _insert_logger(updated_node, plan)
        if plan.import_needed and self.options["logging-module"] == "logging":
            module = add_stdlib_imports(module, ("logging",), self.context)
        return module

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._enclosing.append(node)

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        self._enclosing.pop()
        return updated_node

    def visit_FunctionDef(self, node: cst.FunctionDef) -> None:
        self._enclosing.append(node)

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        self._enclosing.pop()
        return updated_node

    def leave_ExceptHandler(
        self, original_node: cst.ExceptHandler, updated_node: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        if _silent_statement(original_node.body) is None:
            self._explain_if_reported(
                original_node, RefusalKind.ALREADY_FIXED, "the handler already does something"
            )
            return updated_node
        if not self._catches_everything(original_node):
            self._explain_if_reported(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                "catches a specific exception type, which is usually ignored on purpose",
            )
            return updated_node
        refusal = self._context_refusal(original_node)
        if refusal is None:
            plan = self._logger_plan()
            refusal = (
                plan.reason
                if isinstance(plan, NoLogger)
                else self._logger_refusal(original_node, plan)
            )
        if refusal is not None:
            self.refuse(original_node, RefusalKind.NOT_APPLICABLE, refusal)
            return updated_node

        assert isinstance(plan, LoggerPlan)
        applicability, reason = _applicability(plan)
        if not self.permits(original_node, applicability, reason):
            return updated_node
        self.record_fix(original_node, applicability, reason)
        self._logger_used = True
        log_line = self._log_statement(original_node, plan.name)
        return updated_node.with_changes(body=_with_log_line(updated_node.body, log_line))

    # -- what the handler is ---------------------------------------------

    def _catches_everything(self, handler: cst.ExceptHandler) -> bool:
        if handler.type is None:
            return True
        if isinstance(handler.type, cst.Tuple):
            caught = [element.value for element in handler.type.elements]
        else:
            caught = [handler.type]
        return any(self._qualified(item) & BROAD_EXCEPTIONS for item in caught)

    def _context_refusal(self, handler: cst.ExceptHandler) -> str | None:
        if m.findall(handler, m.Comment()):
            return "a comment documents that the exception is ignored on purpose"
        functions = [node for node in self._enclosing if isinstance(node, cst.FunctionDef)]
        if any(function.name.value == "__del__" for function in functions):
            return "runs in __del__, where logging may already be shut down"
        if any(
            self._is_logging_class(node)
            for node in self._enclosing
            if isinstance(node, cst.ClassDef)
        ):
            return "inside a logging class, where logging again can recurse"
        if functions and functions[-1].name.value.lstrip("_").startswith("test"):
            return "inside a test, where the swallowed exception is usually the expected outcome"
        return None

    def _is_logging_class(self, node: cst.ClassDef) -> bool:
        return any(
            name.startswith(LOGGING_PACKAGES)
            for base in node.bases
            for name in self._qualified(base.value)
        )

    def _explain_if_reported(self, node: cst.ExceptHandler, kind: RefusalKind, reason: str) -> None:
        # A whole-tree run stays quiet about handlers that are not its business;
        # a report that points at the ``except`` line (or the line under it) gets an answer.
        header_line = self.lines_of(node)[0]
        self.note(node, kind, reason, lines=(header_line, header_line + 1))

    # -- which logger ----------------------------------------------------

    def _logger_plan(self) -> LoggerPlan | NoLogger:
        if self._logger is None:
            self._logger = self._find_logger() or self._new_logger()
        return self._logger

    def _find_logger(self) -> LoggerPlan | None:
        scope = self._global_scope()
        logger_values = module_assignments(self._module)
        for name in LOGGER_NAMES:
            assignments = list(scope.assignments[name])
            if assignments and all(
                self._is_logger_factory_call(logger_values.get(assignment.node))
                for assignment in assignments
            ):
                first_line = min(self.lines_of(assignment.node)[0] for assignment in assignments)
                return LoggerPlan(name, exists=True, ready_after_line=first_line)
        return None

    def _new_logger(self) -> LoggerPlan | NoLogger:
        scope = self._global_scope()
        if scope.assignments[NEW_LOGGER_NAME]:
            return NoLogger(
                f"{NEW_LOGGER_NAME} is bound to something that is not known to be a logger"
            )
        body = self._module.body
        insert_at = end_of_import_block(body)
        imported = imported_logging_modules(body, LOGGING_MODULES)
        alias, index = imported.get(self.options["logging-module"]) or next(
            iter(imported.values()), (None, -1)
        )
        if alias is not None:
            if len(scope.assignments[alias]) != 1:
                return NoLogger(
                    f"the name {alias} is bound more than once; cannot tell which logging module it is"
                )
            insert_at = max(insert_at, index + 1)
            import_needed = False
        elif scope.assignments["logging"]:
            return NoLogger(
                "the module has no logger and the name logging is taken by something else"
            )
        else:
            alias, import_needed = "logging", True
        ready_line = self.lines_of(body[insert_at - 1])[1] + 1 if insert_at else 0
        return LoggerPlan(
            NEW_LOGGER_NAME,
            exists=False,
            ready_after_line=ready_line,
            module_alias=alias,
            import_needed=import_needed,
            insert_at=insert_at,
        )

    def _is_logger_factory_call(self, value: cst.BaseExpression | None) -> bool:
        return isinstance(value, cst.Call) and bool(self._qualified(value.func) & LOGGER_FACTORIES)

    def _logger_refusal(self, handler: cst.ExceptHandler, plan: LoggerPlan) -> str | None:
        scope = self.get_metadata(ScopeProvider, handler, None)
        local_scope = scope is not None and not isinstance(scope, GlobalScope)
        if local_scope and any(not isinstance(a.scope, GlobalScope) for a in scope[plan.name]):
            return f"{plan.name} is rebound locally, so it may not be the module logger here"
        runs_at_import = not any(isinstance(node, cst.FunctionDef) for node in self._enclosing)
        if runs_at_import and self.lines_of(handler)[0] <= plan.ready_after_line:
            return f"runs at import time, before {plan.name} is defined"
        return None

    # -- the new code ----------------------------------------------------

    def _log_statement(self, handler: cst.ExceptHandler, logger: str) -> cst.SimpleStatementLine:
        """The log call: the most precise message that fits the line length, wrapped after ``(`` if need be."""
        column = self._body_column(handler)
        limit = int(self.options["line-length"])
        then_continue = isinstance(_silent_statement(handler.body), cst.Continue)
        messages = [_message(where, then_continue) for where in self._where()]
        calls = [self._log_call(logger, message) for message in messages]
        indent = self._module.default_indent
        candidates = [form for call in calls for form in (call, wrapped_after_paren(call, indent))]
        fitting = (call for call in candidates if fits(self._module, call, column, limit))
        return cst.SimpleStatementLine([cst.Expr(next(fitting, candidates[-1]))])

    def _log_call(self, logger: str, message: str) -> cst.Call:
        level = self.options["log-level"]
        quote = self._quote_char()
        extra = "" if level == "exception" else ", exc_info=True"
        call = cst.parse_expression(f"{logger}.{level}({quote}{message}{quote}{extra})")
        assert isinstance(call, cst.Call)
        return call

    def _body_column(self, handler: cst.ExceptHandler) -> int:
        """The column the handler's body starts at (after a rewrite of a one-line body too)."""
        if isinstance(handler.body, cst.IndentedBlock):
            return self.get_metadata(PositionProvider, handler.body.body[0]).start.column
        handler_column = self.get_metadata(PositionProvider, handler).start.column
        return handler_column + len(self._module.default_indent)

    def _where(self) -> list[str]:
        """Names of the code around the handler, most precise first.

        ``Class.method()``, ``method()``, then nothing: the traceback names
        the function too, so a line too long for the name can do without it.
        """
        for index in range(len(self._enclosing) - 1, -1, -1):
            node = self._enclosing[index]
            if isinstance(node, cst.FunctionDef):
                owner = self._enclosing[index - 1] if index else None
                function = f"{node.name.value}()"
                if isinstance(owner, cst.ClassDef):
                    return [f"{owner.name.value}.{function}", function, ""]
                return [function, ""]
        return [""]

    def _quote_char(self) -> str:
        """The module's prevailing quote, so the new line looks like its neighbours."""
        if self._quote is None:
            self._quote = prevailing_quote(self._module)
        return self._quote

    # -- small helpers ---------------------------------------------------

    def _global_scope(self) -> GlobalScope:
        scope = self.get_metadata(ScopeProvider, self._module)
        assert isinstance(scope, GlobalScope)
        return scope

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return self._names.of(node)

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        if options["log-level"] not in LOG_LEVELS:
            raise ValueError(f"{cls.id}: option log-level must be one of {', '.join(LOG_LEVELS)}")
        if not str(options["line-length"]).isdigit():
            raise ValueError(f"{cls.id}: option line-length must be a whole number")
        if options["logging-module"] not in LOGGING_MODULES:
            raise ValueError(
                f"{cls.id}: option logging-module must be one of {', '.join(LOGGING_MODULES)}"
            )


def _may_catch_everything(caught: ast.expr | None, imported: Mapping[str, set[str]]) -> bool:
    """Can ``except <caught>`` resolve to a bare except, Exception or BaseException?"""
    broad = {name.rpartition(".")[2] for name in BROAD_EXCEPTIONS}
    if caught is None:
        return True
    if isinstance(caught, ast.Tuple):
        return any(_may_catch_everything(item, imported) for item in caught.elts)
    if isinstance(caught, ast.Starred):
        return _may_catch_everything(caught.value, imported)
    if isinstance(caught, ast.Name):
        return bool({caught.id, *imported.get(caught.id, ())} & broad)
    if isinstance(caught, ast.Attribute):
        return caught.attr in broad
    return True  # an expression a name cannot be read from: let LibCST look


def _applicability(plan: LoggerPlan) -> tuple[Applicability, str]:
    if plan.exists:
        return (
            Applicability.SAFE,
            f"exception was swallowed without a trace; now logged with {plan.name}",
        )
    reason = (
        f"exception was swallowed without a trace; adds a module logger {plan.name} "
        "(check it fits the project's logging setup)"
    )
    return Applicability.REVIEW, reason


def _message(where: str, then_continue: bool) -> str:
    message = f"Ignoring exception in {where}" if where else "Ignoring exception"
    return f"{message}; continuing" if then_continue else message


def _silent_statement(body: cst.BaseSuite) -> cst.BaseSmallStatement | None:
    """The lone ``pass`` or ``continue`` that makes up a handler body, if it is one."""
    if isinstance(body, cst.IndentedBlock):
        if len(body.body) != 1 or not isinstance(body.body[0], cst.SimpleStatementLine):
            return None
        statements = body.body[0].body
    else:
        statements = body.body
    if len(statements) == 1 and isinstance(statements[0], (cst.Pass, cst.Continue)):
        return statements[0]
    return None


def _with_log_line(body: cst.BaseSuite, log_line: cst.SimpleStatementLine) -> cst.IndentedBlock:
    if isinstance(body, cst.SimpleStatementSuite):
        # ``except Exception: pass`` on one line becomes an indented block.
        silent_line = cst.SimpleStatementLine(body.body)
        body = cst.IndentedBlock(body=[silent_line], header=body.trailing_whitespace)
    assert isinstance(body, cst.IndentedBlock)
    silent_line = body.body[0]
    assert isinstance(silent_line, cst.SimpleStatementLine)
    if isinstance(silent_line.body[0], cst.Pass):
        return body.with_changes(body=[silent_line.with_changes(body=log_line.body)])
    log_line = log_line.with_changes(leading_lines=silent_line.leading_lines)
    return body.with_changes(body=[log_line, silent_line.with_changes(leading_lines=())])


def _insert_logger(module: cst.Module, plan: LoggerPlan) -> cst.Module:
    statement = cst.parse_statement(
        f"{plan.name} = {plan.module_alias}.getLogger(__name__)\n", config=module.config_for_parsing
    )
    body = list(module.body)
    if plan.insert_at:
        statement = statement.with_changes(leading_lines=(cst.EmptyLine(),))
    if plan.insert_at < len(body) and not body[plan.insert_at].leading_lines:
        body[plan.insert_at] = body[plan.insert_at].with_changes(leading_lines=(cst.EmptyLine(),))
    body.insert(plan.insert_at, statement)
    return module.with_changes(body=body)
