"""``except Exception: pass`` -> log the exception it swallows (CWE-390, CWE-703)."""

from __future__ import annotations

import ast
import re
from collections.abc import Collection, Iterable, Mapping
from typing import Any

import libcst as cst
from libcst.helpers import get_full_name_for_node
from libcst.metadata import (
    BaseAssignment,
    GlobalScope,
    ImportAssignment,
    PositionProvider,
    QualifiedNameSource,
    ScopeProvider,
)

from cwemod.codemods._silent_comments import summary_about_failing
from cwemod.codemods._silent_context import python2_shim_refusal, try_refusal
from cwemod.codemods._silent_docs import DOCS, EXAMPLE
from cwemod.codemods._silent_fail_open import fail_open_advice
from cwemod.codemods._silent_handler import (
    aligned_keyword,
    decorator_index,
    messages,
    silent_statement,
    with_log_line,
)
from cwemod.codemods._silent_logger import (
    LoggerPlan,
    NoLogger,
    add_oslo_log_import,
    debug_level_refusal,
    definitions_apart_from_logger,
    depends_on_oslo_log,
    insert_logger,
    instance_logger,
)
from cwemod.codemods._silent_modules import (
    ansible_logging_advice,
    ansible_module_refusal,
    isolated_function,
    module_refusal,
    restricted_imports_refusal,
)
from cwemod.codemods._silent_survey import (
    OSLO_LOG,
    OWN_NAMES,
    STDLIB_LOGGING,
    LoggerConvention,
    has_silent_handler_text,
    may_swallow_broadly,
)
from cwemod.codemods._silent_teardown import teardown_refusal
from cwemod.codemods.base import Codemod, imported_tails, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import name_words
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.handlers import caught_classes
from cwemod.codemods.kit.imports import (
    add_project_import,
    end_of_import_block,
    imported_modules,
    imports_after_code,
    module_binding,
)
from cwemod.codemods.kit.layout import broken_after_the_bracket, fits, wrapped_after_paren
from cwemod.codemods.kit.loggers import (
    LOGGER_FACTORIES,
    LOGGER_NAMES,
    exception_helper,
    imported_logging_modules,
    keeps_no_logger,
    module_assignments,
)
from cwemod.codemods.kit.names import QualifiedNames, dotted_expression
from cwemod.codemods.kit.parents import ParentProvider, ancestors
from cwemod.codemods.kit.project import Project, absolute_name, dotted_module
from cwemod.codemods.kit.quotes import prevailing_quote
from cwemod.codemods.kit.scanner_marks import MARKED
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.kit.syntax import bound_names, nodes, parsed_or_none
from cwemod.codemods.records import Applicability, Refusal, RefusalKind

# Values of the `logging-module` option: where a new logger comes from ("auto": as the
# project's other modules have it).
LOGGING_MODULES = ("auto", STDLIB_LOGGING, OSLO_LOG)
LOG_LEVELS = ("exception", "error", "warning", "info", "debug")
BROAD_EXCEPTIONS = {"builtins.Exception", "builtins.BaseException"}
# Base classes of logging machinery: logging from inside them can recurse.
# raven's SentryHandler subclasses logbook.Handler: a log line from its emit() can recurse too
LOGGING_PACKAGES = ("logging.", "oslo_log.", "logbook.", "structlog.", "loguru.")


# "Best effort: never raises" (celery); "returns an empty list in any error scenario" (avocado);
# "A safe version ... that doesn't raise any exception" (aws-sam-cli's save_config_safe());
# "Context manager that suppresses exceptions" (gradio's no_raise_exception()).
_BEST_EFFORT = re.compile(
    r"\bbest[- ]effort\b|\bnever (?:raises|fails)\b|\bwithout raising\b"
    r"|\b(?:doesn't|does not|won't|will not) raise (?:any|an)\b"
    r"|\b(?:suppresses|silences|swallows) (?:all |any )?(?:exceptions|errors)\b"
    r"|\b(?:in|on|for) (?:any|every) (?:error|failure|exception)",
    re.IGNORECASE,
)


_MAIN_GUARD = m.If(
    test=m.Comparison(
        left=m.Name("__name__"),
        comparisons=[m.ComparisonTarget(operator=m.Equal(), comparator=m.SimpleString())],
    )
)
# localstack's NonLoggingHandler: "Subclass of DNSHandler that avoids logging to stdout on error".
_NO_LOGGING = re.compile(
    r"\b(?:avoids?|without|no|not|never|don't|do not|doesn't|does not) log(?:s|ging)?\b",
    re.IGNORECASE,
)


# A docstring's section of what the function raises: "Raises:", ":raises X:".
_RAISES_SECTION = re.compile(r"^\s*Raises\s*:?\s*$|:raises\b", re.MULTILINE | re.IGNORECASE)


# kivy's console module: `def ignore_exception(f)`, whose wrapper swallows all. A verb alone
# (`swallow`) or with what it drops (`suppress_errors`); not `ignore_case`, `silence_output`.
_IGNORING = frozenset(
    {"ignore", "ignores", "ignoring", "suppress", "suppresses", "suppressing", "swallow",
     "swallows", "swallowing", "silence", "silences", "silencing", "silent", "silently"}
)  # fmt: skip
_FAILURES = frozenset(
    {"exception", "exceptions", "exc", "excs", "error", "errors", "err", "errs", "failure",
     "failures"}
)  # fmt: skip


def _named_to_ignore(functions: list[cst.FunctionDef]) -> str | None:
    """The function around the handler, or the decorator around that wrapper, whose name
    says it ignores exceptions: ``ignore_exception``, ``suppressErrors``, ``swallow``."""
    for function in reversed(functions[-2:]):
        words = name_words(function.name.value)
        if _IGNORING & {*words} and (len(words) == 1 or _FAILURES & {*words}):
            return function.name.value
    return None


def _says_best_effort(docstring: str) -> bool:
    """Does the docstring say the function swallows failures? Not one that lists what it
    raises (modal's watch(): "the iterator stops without raising an exception" at a
    timeout, and a Raises section)."""
    return bool(_BEST_EFFORT.search(docstring)) and not _RAISES_SECTION.search(docstring)


def _docstring_refusal(
    function: cst.FunctionDef | None, statement: cst.CSTNode | None
) -> str | None:
    """Where the summary of the function's docstring says the call may fail, as a comment
    above the try would (tuir's Terminal.curs_set(): "may fail for some terminals", on every
    prompt there), in a docstring that lists nothing the function raises."""
    docstring = (function.get_docstring() or "") if function is not None else ""
    if not summary_about_failing(docstring, statement) or _RAISES_SECTION.search(docstring):
        return None
    return (
        "the function's docstring says the call may fail (or is optional): the exception"
        " is ignored on purpose, as a comment above the try would say"
    )


class SilentExcept(EnclosingDefinitions, Codemod):
    id = "silent-except"
    title = "Log exceptions that are silently swallowed"
    cwe = ("CWE-390", "CWE-703")
    rules = ("B110", "B112")
    applicability = Applicability.REVIEW
    docs = DOCS
    example = EXAMPLE
    # line-length 0: the project's own (from its flake8, ruff or black settings).
    default_options = {"log-level": "debug", "logging-module": "auto", "line-length": 0}

    # Qualified names are asked of the scope node by node: resolving
    # QualifiedNameProvider for the whole tree would double the metadata cost.
    METADATA_DEPENDENCIES = (PositionProvider, ScopeProvider, ParentProvider)

    @classmethod
    def wants(cls, source: str, options: Mapping[str, Any] | None = None) -> bool:
        return has_silent_handler_text(source)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        return may_swallow_broadly(source)

    @classmethod
    def candidates(cls, tree: ast.Module, options: Mapping[str, Any]) -> list[ast.ExceptHandler]:
        """Handlers of a possibly broad type whose whole body is ``pass`` or ``continue``.

        Only those are fixed or refused in a whole-tree run.
        """
        imported = imported_tails(tree)
        return [
            node
            for node in nodes(tree, ast.ExceptHandler)
            if _swallows(node) and _may_catch_everything(node.type, imported)
        ]

    @classmethod
    def refusals_by_syntax(
        cls, tree: ast.Module, options: Mapping[str, Any], project: Project, module_path: str
    ) -> list[Refusal] | None:
        """In test code or tooling, each swallowing handler of a broad type is refused.

        ``leave_ExceptHandler`` refuses them for the module's reason before it
        looks at anything else. Only the candidates can be broad; a
        candidate's type is read here only where no name of it is bound
        anywhere in the module, so it means the builtin; otherwise LibCST's
        scope analysis decides.
        """
        reason = module_refusal(project, module_path)
        if reason is None:
            reason = ansible_module_refusal(_imported_modules(tree))
            if reason is not None and ansible_logging_advice(tree) is not None:
                return None  # advice, which the project's acceptance may answer first
        if reason is None:
            return None
        bound = bound_names(tree)
        refusals = []
        for handler in sorted(cls.candidates(tree, options), key=lambda node: node.lineno):
            broad = _builtin_broad(handler.type, bound)
            if broad is None:
                return None
            if broad:
                refusals.append(Refusal(cls.id, handler.lineno, RefusalKind.NOT_APPLICABLE, reason))
        return refusals

    def visit_Module(self, node: cst.Module) -> None:
        self._module = node
        self._copied: list[tuple[cst.FunctionDef, set[str]]] | None = None  # _source_copied
        self._module_reason = module_refusal(self.project, self.module_path)
        self._module_kind = RefusalKind.NOT_APPLICABLE
        ansible = ansible_module_refusal(imported_modules(node))
        if self._module_reason is None and ansible is not None:
            tree = parsed_or_none(module_code(node))  # the gate's parse, kept
            advice = None if tree is None else ansible_logging_advice(tree)
            self._module_kind = RefusalKind.ADVICE_ONLY if advice else self._module_kind
            self._module_reason = advice or ansible
        self._module_reason = self._module_reason or restricted_imports_refusal(node)
        self._logger: LoggerPlan | NoLogger | None = None  # found on first use
        self._quote: str | None = None
        self._logger_used = False
        self._names = QualifiedNames(self)
        # blivet's log_exception_info(): at the default level, the project's helper
        default_level = self.options["log-level"] == self.default_options["log-level"]
        self._helper = exception_helper(node) if default_level else None

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        plan = self._logger
        if not self._logger_used or not isinstance(plan, LoggerPlan) or plan.exists:
            return updated_node
        module = insert_logger(updated_node, plan)
        if plan.import_needed:
            module = self._with_logging_import(module, plan)
        return definitions_apart_from_logger(module, plan.name)

    def _with_logging_import(self, module: cst.Module, plan: LoggerPlan) -> cst.Module:
        if plan.logging_module == OSLO_LOG:
            own_package = self.module_path.partition("/")[0]
            return add_oslo_log_import(module, own_package, plan.module_alias)
        if plan.logging_module == STDLIB_LOGGING:
            return self.add_stdlib_imports(module, ("logging",))
        return add_project_import(module, plan.logging_module, plan.module_alias)

    def leave_ExceptHandler(
        self, original_node: cst.ExceptHandler, updated_node: cst.ExceptHandler
    ) -> cst.ExceptHandler:
        if self._fails_open(original_node):
            return updated_node
        if silent_statement(original_node.body) is None:
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
        refusal = context = self._context_refusal(original_node)
        if refusal not in (None, self._module_reason) and self.marked(original_node):
            # borgmatic marks its handlers for ruff's S110: the mark is the project's word
            refusal = f"{MARKED}, and {refusal}"
        if refusal is None and self._helper is not None and self.innermost_function():
            return self._log_with_helper(original_node, updated_node, self._helper)
        log_statement = None
        if refusal is None:
            plan = self._instance_logger() or self._plan_here()
            refusal = (
                plan.reason
                if isinstance(plan, NoLogger)
                else self._logger_refusal(original_node, plan)
            )
        if refusal is None:
            log_statement = self._log_statement(original_node, plan.name)
            if log_statement is None:
                refusal = "no log line fits the project's line length here"
        if refusal is not None or log_statement is None:
            self.refuse(original_node, self._refusal_kind(original_node, context), str(refusal))
            return updated_node

        assert isinstance(plan, LoggerPlan)
        reason = self._fix_reason(plan)
        if not self.accept_fix(original_node, Applicability.REVIEW, reason):
            return updated_node
        self._logger_used |= plan is self._logger
        return updated_node.with_changes(body=with_log_line(updated_node.body, log_statement))

    def _refusal_kind(self, handler: cst.ExceptHandler, context: str | None) -> RefusalKind:
        """Advice where the module's reason is (an Ansible module that sets logging up), or
        where only how to log stands in the way of a line or file the project accepts (its
        word comes first: openstacksdk's examples/*, whose S rules ruff turns off)."""
        if context is not None:
            module = context == self._module_reason
            return self._module_kind if module else RefusalKind.NOT_APPLICABLE
        accepted = self._accepted_reason(handler) is not None
        return RefusalKind.ADVICE_ONLY if accepted else RefusalKind.NOT_APPLICABLE

    # -- what the handler is ---------------------------------------------

    def _fails_open(self, handler: cst.ExceptHandler) -> bool:
        """Advise where a scrubber's handler gives its input back unscrubbed (feast's
        ``_sanitize_uri()``). Handlers that are not candidates get it only when reported."""
        advice = None if self._module_reason else fail_open_advice(handler, self.parent_of)
        if advice is None:
            return False
        if silent_statement(handler.body) is not None and self._catches_everything(handler):
            self.refuse(handler, RefusalKind.ADVICE_ONLY, advice)
        else:
            self._explain_if_reported(handler, RefusalKind.ADVICE_ONLY, advice)
        return True

    def _catches_everything(self, handler: cst.ExceptHandler) -> bool:
        if handler.type is None:
            return True
        return any(self._qualified(item) & BROAD_EXCEPTIONS for item in caught_classes(handler))

    def _context_refusal(self, handler: cst.ExceptHandler) -> str | None:
        if self._module_reason is not None:
            return self._module_reason
        functions = self.enclosing_functions()
        named = _named_to_ignore(functions)
        if named is not None:
            return f"{named}() says by its name that it ignores exceptions"
        if any(function.name.value == "__del__" for function in functions):
            return "runs in __del__, where logging may already be shut down"
        shown = next((f.name.value for f in functions if f.name.value in _SHOWING), None)
        if shown is not None:
            # impacket's KerberosError.__str__, which secretsdump calls for every error
            return (
                f"runs in {shown}, which callers use to print or log the object: a log line"
                " there is noise on every call, and can recurse"
            )
        if any(
            self._is_logging_class(node)
            for node in self.enclosing
            if isinstance(node, cst.ClassDef)
        ):
            return "inside a logging class, where logging again can recurse"
        streaming = self._stream_method(functions)
        if streaming is not None:
            # sopel's OutputRedirect.write(), which stands in for sys.stderr
            return (
                f"runs in {streaming}() of a class, the method of a stream a log handler may"
                " write through: a log line there can recurse"
            )
        if functions and functions[-1].name.value.lstrip("_").startswith("test"):
            return "inside a test, where the swallowed exception is usually the expected outcome"
        isolated = isolated_function(self.enclosing, self._module, self._qualified)
        if isolated is not None:
            # PyInstaller's import_library(), run by child.call() in build_main.py
            return (
                f"{isolated}() runs in a child interpreter (PyInstaller's isolated), from its"
                " code alone: the module's logger is not there"
            )
        copied = self._source_copied(functions)
        if copied is not None:
            # kfp's notebook executor template: inspect.getsource() of its helpers
            return (
                f"{copied}() is copied out as source (inspect.getsource()) to run elsewhere,"
                " from its code alone: the module's logger is not there"
            )
        if _names_cancellation(handler):
            # IPython's LLM suggestions: the task is cancelled at every keystroke
            return "also catches CancelledError by name: a cancelled task is routine here"
        innermost = functions[-1] if functions else None
        if innermost is not None and _says_best_effort(innermost.get_docstring() or ""):
            # celery's bound_open_broker_sockets(): "Best effort: never raises"
            return "the function's docstring says it swallows failures on purpose (best effort)"
        owner = self.innermost_class()
        if owner is not None and _NO_LOGGING.search(owner.get_docstring() or ""):
            # localstack's NonLoggingHandler "avoids logging to stdout on error"
            return f"the docstring of {owner.name.value} says it does not log its errors"
        return (
            try_refusal(handler, self.parent_of)
            or python2_shim_refusal(handler, self.parent_of, self.project.supports_before((3, 0)))
            or teardown_refusal(innermost, self.parent_of(handler), self.parent_of)
            or _docstring_refusal(innermost, self.parent_of(handler))
            or self._import_time_refusal(handler, functions, owner)
        )

    def _import_time_refusal(
        self,
        handler: cst.ExceptHandler,
        functions: list[cst.FunctionDef],
        owner: cst.ClassDef | None,
    ) -> str | None:
        """aws-sam-cli's colors.py: ``os.system("color")`` as the module is imported, in a
        module with no logger. Not a script's ``if __name__ == "__main__":`` block."""
        plan = self._logger_plan()
        exists = isinstance(plan, LoggerPlan) and plan.exists
        root = exists and plan.name == module_binding(self._module, STDLIB_LOGGING)
        if functions or owner is not None or (exists and not root):
            return None
        if any(m.matches(node, _MAIN_GUARD) for node in ancestors(handler, self.parent_of)):
            return None
        if root:
            # printrun's printcore.py: every later log line printed twice
            return (
                "the handler runs as the module is imported: logging.debug() there would set"
                " logging up itself (basicConfig's stderr handler) before the application does"
            )
        return (
            "the handler runs as the module is imported, before the application sets"
            " logging up: a new logger's debug line there would show nowhere"
        )

    def _source_copied(self, functions: list[cst.FunctionDef]) -> str | None:
        """The outermost function, where another function of the module that calls
        ``inspect.getsource()`` names it (kfp's templates, run in a component's container)."""
        if not functions:
            return None
        if self._copied is None:
            self._copied = self._names_in_source_copiers()
        name = functions[0].name.value
        return (
            name
            if any(name in names for copier, names in self._copied if copier is not functions[0])
            else None
        )

    def _names_in_source_copiers(self) -> list[tuple[cst.FunctionDef, set[str]]]:
        """Each top-level function that calls ``inspect.getsource()``, and the names it reads."""
        return [
            (function, {node.value for node in nodes_of_type(function, cst.Name)})
            for function in self._module.body
            if isinstance(function, cst.FunctionDef)
            and any(
                "inspect.getsource" in self._qualified(call.func)
                for call in nodes_of_type(function, cst.Call)
            )
        ]

    def _stream_method(self, functions: list[cst.FunctionDef]) -> str | None:
        """``write`` when the handler is in a method ``write``, ``writelines`` or ``flush``
        that takes what a stream's does: one argument, none for ``flush`` (routersploit's
        ``Device.write(self, characteristic, data)`` writes to a Bluetooth device)."""
        innermost = functions[-1] if functions else None
        if innermost is None or innermost.name.value not in _STREAM_METHODS:
            return None
        if self.innermost_class() is None:
            return None
        params = innermost.params
        arguments = len(params.posonly_params) + len(params.params) - 1  # not self
        wanted = 0 if innermost.name.value == "flush" else 1
        takes_more = isinstance(params.star_arg, cst.Param)
        if arguments != wanted and not (takes_more and arguments < wanted):
            return None
        return innermost.name.value

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

    def _plan_here(self) -> LoggerPlan | NoLogger:
        """The module's logger plan, as the handler's place reads it.

        A method (with ``self``) whose module's classes log through the instance, not with
        the module's logger, logs with that, by hand; a module-level function, with no
        ``self`` in reach, gets the module's plan (irc3's feeds.py: fetch(), run in a thread
        pool, beside a plugin logging through self.bot.log).
        """
        plan = self._logger_plan()
        if self.module_path == "setup.py":
            return plan
        in_method = self._self_in_reach()
        through = _logs_through_the_instance(module_code(self._module)) if in_method else None
        exists = isinstance(plan, LoggerPlan) and plan.exists
        if through is not None and not (exists and self._classes_log_with(plan.name)):
            # pyload's plugins: self.log_debug() of BasePlugin; its threads: self.pyload.log
            return NoLogger(
                f"the module's classes log through {through}(...): log the exception with"
                " it by hand, not with "
                + (f"{plan.name}, which they do not use" if exists else "a new module logger")
            )
        if isinstance(plan, NoLogger) and plan.outside_a_method and not in_method:
            return NoLogger(plan.outside_a_method)
        owner = self.innermost_class()
        if isinstance(plan, NoLogger) and plan.in_a_class_without_one and owner is not None:
            if keeps_no_logger(owner):
                return NoLogger(plan.in_a_class_without_one.format(owner.name.value))
        return plan

    def _classes_log_with(self, logger: str) -> bool:
        """Does a class of the module call a method of the module's ``logger``?"""
        return any(
            m.matches(call.func, m.Attribute(value=m.Name(logger)))
            for node in self._module.body
            if isinstance(node, cst.ClassDef)
            for call in nodes_of_type(node, cst.Call)
        )

    def _self_in_reach(self) -> bool:
        """Is the handler in a method that takes ``self`` (or in a function nested in one)?"""
        pairs = zip(self.enclosing, self.enclosing[1:])
        methods = [
            f for c, f in pairs if isinstance(c, cst.ClassDef) and isinstance(f, cst.FunctionDef)
        ]
        if not methods:
            return False
        params = methods[-1].params.params
        return bool(params) and params[0].name.value == "self"

    def _instance_logger(self) -> LoggerPlan | None:
        """The logger the enclosing instance keeps, where the module has none of its own."""
        module_plan = self._logger_plan()
        if len(self.enclosing) < 2 or (isinstance(module_plan, LoggerPlan) and module_plan.exists):
            return None
        method, owner = self.enclosing[-1], self.enclosing[-2]
        if not (isinstance(method, cst.FunctionDef) and isinstance(owner, cst.ClassDef)):
            return None
        name = instance_logger(method, owner, self._module, self._inherited_loggers(owner))
        return None if name is None else LoggerPlan(name, exists=True, ready_after_line=0)

    def _inherited_loggers(self, owner: cst.ClassDef) -> frozenset[str]:
        """The logger attributes the ``__init__`` of a base class of ``owner`` binds, where
        the base is one of the project's classes the survey found keeping one."""
        surveyed = self.facts if isinstance(self.facts, LoggerConvention) else None
        if surveyed is None or not surveyed.logger_keepers:
            return frozenset()
        here = dotted_module(self.module_path)
        bases = {
            f"{here}.{name.name}"
            if name.source is QualifiedNameSource.LOCAL
            else absolute_name(name.name, self.module_path)
            for base in owner.bases
            for name in self._names.full(base.value)
        }
        return frozenset(name for keeper, name in surveyed.logger_keepers if keeper in bases)

    def _find_logger(self) -> LoggerPlan | None:
        scope = self._global_scope()
        logger_values = module_assignments(self._module)
        convention = self._convention()
        made_with = convention.logging_module
        factories = LOGGER_FACTORIES | {
            made_with if convention.factory else f"{made_with}.getLogger"
        }
        named = sorted(
            {assignment.name for assignment in scope.assignments}.difference(LOGGER_NAMES)
        )
        for name in (*LOGGER_NAMES, *named):
            assignments = list(scope.assignments[name])
            values = [logger_values.get(assignment.node) for assignment in assignments]
            if values and self._binds_a_logger(name, values, factories):
                first_line = min(self.lines_of(assignment.node)[0] for assignment in assignments)
                return LoggerPlan(name, exists=True, ready_after_line=first_line)
        # qtile's modules import the one logger its log_utils makes: ``from ... import logger``.
        surveyed = self.facts if isinstance(self.facts, LoggerConvention) else None
        imported = _imported_logger(self._module, self.module_path, surveyed)
        if imported is not None and imported[0] in LOGGER_NAMES:
            name, statement = imported
            if len(scope.assignments[name]) == 1:
                return LoggerPlan(name, exists=True, ready_after_line=self.lines_of(statement)[1])
        return None

    def _convention(self) -> LoggerConvention:
        """How a new logger is made: the option, else as the project's modules make theirs."""
        surveyed = self.facts if isinstance(self.facts, LoggerConvention) else LoggerConvention()
        chosen = self.options["logging-module"]
        if chosen == "auto":
            chosen = surveyed.logging_module
            if chosen == OSLO_LOG and not depends_on_oslo_log(self.project.root):
                chosen = STDLIB_LOGGING
        if chosen == surveyed.logging_module:
            return surveyed
        return LoggerConvention(chosen, surveyed.name, "logging", argument=surveyed.argument)

    def _new_logger(self) -> LoggerPlan | NoLogger:
        if self.module_path == "setup.py":
            # pywb's and discord.py's (not a package's own setup module: kiwi's system/setup.py):
            # pip and setuptools set up no logging it could reach
            return NoLogger(
                "setup.py runs where nothing sets up logging, so a new logger's debug line"
                " would show nowhere: report the failure by hand (print(), warnings)"
            )
        surveyed = self.facts if isinstance(self.facts, LoggerConvention) else None
        imported = _imported_logger(self._module, self.module_path, surveyed)
        if imported is not None:
            return NoLogger(
                f"the module imports {imported[0]}, a logger of the project's: log the exception"
                " with it, or leave it as it is where it is ignored on purpose"
            )
        if surveyed is not None and surveyed.shared_logger:
            return NoLogger(
                f"the project's modules log with {surveyed.shared_logger} (imported by"
                f" {surveyed.shared_importers} of them): import it here, and log the"
                " exception with it by hand"
            )
        if surveyed is not None and not surveyed.loggers:
            if surveyed.project_loggers:
                return NoLogger(
                    "the project's modules log through loggers of their own ("
                    + ", ".join(sorted(surveyed.project_loggers)[:3])
                    + "): log the exception with one of them by hand"
                )
            if surveyed.inner_loggers and not surveyed.made_otherwise_count:
                # koji's self.logger = logging.getLogger("koji.build"), in methods (not
                # borg's, whose modules make theirs at their top with create_logger())
                return NoLogger(
                    "the project makes its loggers inside functions and classes, none at"
                    " module level: log the exception with the one at hand by hand",
                    outside_a_method=(
                        "the project makes its loggers inside functions and classes, none at"
                        " module level, and no logger is at hand in a module-level function:"
                        " pass one in, or log the exception by hand"
                    ),
                    # yagmail's RawAsyncSMTP, beside AsyncClient and its self.log
                    in_a_class_without_one=(
                        "the project makes its loggers inside functions and classes, none at"
                        " module level, and {} keeps none: give it one, or log the exception"
                        " by hand"
                    ),
                )
            root = self._root_logging()
            if root is not None:
                return root
            if surveyed.made_otherwise_count > surveyed.root_loggers:
                return NoLogger(
                    "the project's modules make their loggers with its own"
                    f" {surveyed.made_otherwise}() (in {surveyed.made_otherwise_count} of"
                    " them): log the exception with one made that way by hand"
                )
            if surveyed.root_loggers:
                # you-get's modules call logging.debug(), and no logger of their own
                return NoLogger(
                    "the project's modules log with the logging module's own functions"
                    f" (logging.debug(), in {surveyed.root_loggers} of them), no logger of"
                    " their own: log the exception that way by hand"
                )
            return NoLogger(
                "no module of the project makes a logger: a new one would write where "
                "nothing is set up to show it; report the exception the project's own way"
            )
        scope = self._global_scope()
        convention = self._convention()
        root = self._root_logging()
        if root is not None:
            # moonraker's modules log through logging.info() (317 calls); three of them
            # name loggers of their own, which made "names of their own" the convention
            return root
        if convention.argument == OWN_NAMES:
            return NoLogger(
                'the project\'s modules give their loggers names of their own (getLogger("...")),'
                " none shared: name one for this module, and log the exception with it"
            )
        if convention.facility:
            return NoLogger(
                f"the project's modules log through {convention.logging_module}, not the"
                " logging module: log the exception that way by hand"
            )
        if convention.factory:
            return NoLogger(
                f"the project's modules make their loggers with {convention.logging_module}()"
                ": add one here that way, and log the exception with it"
            )
        function = _logging_function(self._module)
        if function is not None:
            return NoLogger(
                f"the module logs with the logging module's own {function}() (from logging "
                f"import {function}): log the exception with it by hand"
            )
        if scope.assignments[convention.name]:
            return NoLogger(
                f"{convention.name} is bound to something that is not known to be a logger"
            )
        # pbr's ``from distutils import log``: a second logger beside it would be churn. Not
        # a function the module defines (comet-ml's ``def log(experiment, ...)``).
        other = next(
            (
                name
                for name in LOGGER_NAMES
                if scope.assignments[name]
                and not all(
                    isinstance(assignment.node, (cst.FunctionDef, cst.ClassDef))
                    for assignment in scope.assignments[name]
                )
            ),
            None,
        )
        if other is not None:
            return NoLogger(
                f"the module logs through {other}, which is not known to be a logger: "
                "log the exception with it by hand"
            )
        body = self._module.body
        insert_at = end_of_import_block(body)
        imported = imported_logging_modules(
            body, (STDLIB_LOGGING, OSLO_LOG, convention.logging_module)
        )
        alias, index = imported.get(convention.logging_module) or next(
            iter(imported.values()), (None, -1)
        )
        if alias is not None:
            if len(scope.assignments[alias]) != 1:
                return NoLogger(
                    f"the name {alias} is bound more than once; "
                    "cannot tell which logging module it is"
                )
            # After the whole run of imports the logging import is in: a logger line
            # between imports would put the ones below it after code (E402; IPython's
            # autoreload imports after a __skip_doctest__ line).
            insert_at = max(insert_at, end_of_import_block(body, start=index))
            import_needed = False
        elif scope.assignments[convention.alias]:
            source = _imported_from_elsewhere(
                scope.assignments[convention.alias], convention.alias, self.module_path
            )
            if source is not None:
                # wapiti3's modules: from wapitiCore.main.log import logging (loguru's logger)
                return NoLogger(
                    f"the module imports {convention.alias} from {source}, not the logging"
                    " module: log the exception through it by hand"
                )
            if all(
                isinstance(assignment, ImportAssignment) and assignment.name == "logging"
                for assignment in scope.assignments[convention.alias]
            ):
                # spyne's examples/log.py: import logging under if __name__ == "__main__":
                return NoLogger(
                    "the module imports logging only inside a block (`if __name__ =="
                    ' "__main__":`, a try): log the exception with it there by hand'
                )
            return NoLogger(
                f"the module has no logger and the name {convention.alias} is taken by "
                "something else"
            )
        elif imports_after_code(body):
            return NoLogger(
                "the module imports after other code, so where a new logging import and "
                "logger would go is not clear: log the exception by hand"
            )
        else:
            alias, import_needed = convention.alias, True
        ready_line = self.lines_of(body[insert_at - 1])[1] + 1 if insert_at else 0
        return LoggerPlan(
            convention.name,
            exists=False,
            ready_after_line=ready_line,
            module_alias=alias,
            import_needed=import_needed,
            logging_module=convention.logging_module,
            insert_at=insert_at,
            argument=self._argument_here(convention),
        )

    def _argument_here(self, convention: LoggerConvention) -> str:
        """What this module's new logger is given: the shared name, but ``__name__`` outside
        the folder the name is that of (pywb's 'warcserver', made in pywb/warcserver/)."""
        folder = convention.argument_folder
        if folder and folder not in self.module_path.split("/")[:-1]:
            return "__name__"
        return convention.argument

    def _root_logging(self) -> LoggerPlan | None:
        """The logging module itself, where the module logs through its functions
        (impacket's scripts call ``logging.info(...)``, the root logger)."""
        alias = module_binding(self._module, STDLIB_LOGGING)
        if alias is None or len(self._global_scope().assignments[alias]) != 1:
            return None
        calls = nodes_of_type(self._module, cst.Call)
        if not any(self._qualified(call.func) & _ROOT_LOGGING for call in calls):
            return None
        [assignment] = self._global_scope().assignments[alias]
        return LoggerPlan(alias, exists=True, ready_after_line=self.lines_of(assignment.node)[1])

    def _binds_a_logger(
        self, name: str, values: list[cst.BaseExpression | None], factories: frozenset[str]
    ) -> bool:
        """Is every value bound to the module-level ``name`` a logger the module logs with?

        A conventional name may hold the project's own ``get_logger()``'s; any other one
        a logging module's, when its name says log (volatility3's ``vollog``, in 227
        modules) or it is made for the module's own name (angr's ``_l`` and ``l``), not
        another library's it sets up.
        """
        if name in LOGGER_NAMES:
            return all(
                self._calls_one_of(value, factories)
                or self._calls_own_get_logger(value)
                or self._calls_the_modules_factory(value, factories)
                for value in values
            )
        return all(self._calls_one_of(value, factories) for value in values) and (
            "log" in name.lower() or all(map(_named_for_the_module, values))
        )

    def _calls_own_get_logger(self, value: cst.BaseExpression | None) -> bool:
        """``get_logger(__name__)`` of a module of the project's own, reached as an attribute
        (papis's ``logger = papis.logging.get_logger(__name__)``, in 69 modules)."""
        if not (isinstance(value, cst.Call) and value.args):
            return False
        top = dotted_module(self.module_path).partition(".")[0]
        return any(
            name.partition(".")[0] == top and name.rpartition(".")[2] in ("get_logger", "getLogger")
            for name in self._qualified(value.func)
        )

    def _calls_the_modules_factory(
        self, value: cst.BaseExpression | None, factories: frozenset[str]
    ) -> bool:
        """``get_logger_and_init_null(__name__)``: a call, given the module's name, of a
        function of the module's top level that returns a logger it makes (impyla's util.py:
        ``logger = logging.getLogger(logger_name)``, a NullHandler added, ``return logger``)."""
        if not isinstance(value, cst.Call) or not isinstance(value.func, cst.Name):
            return False
        if not _named_for_the_module(value):
            return False
        name = value.func.value
        [*bound] = self._global_scope().assignments[name]
        function = bound[0].node if len(bound) == 1 else None
        if not isinstance(function, cst.FunctionDef):
            return False
        made: dict[str, bool] = {}  # each local bound -> is every value bound to it a logger?
        for assign in m.findall(function.body, m.Assign([m.AssignTarget(m.Name())])):
            local = assign.targets[0].target.value  # type: ignore[attr-defined]
            logger = self._calls_one_of(assign.value, factories)  # type: ignore[attr-defined]
            made[local] = made.get(local, True) and logger
        returns = m.findall(function.body, m.Return())
        returned = [node.value for node in returns]  # type: ignore[attr-defined]
        return bool(returned) and all(
            self._calls_one_of(value, factories)
            or isinstance(value, cst.Name)
            and made.get(value.value, False)
            for value in returned
        )

    def _calls_one_of(self, value: cst.BaseExpression | None, functions: frozenset[str]) -> bool:
        """A call of one of ``functions`` that makes a named logger: ``getLogger()`` without
        an argument gives the root logger, which spyder sets up (to ERROR), never logs with."""
        if not isinstance(value, cst.Call):
            return False
        called = self._qualified(value.func) & functions
        root = not value.args and all(name.endswith(".getLogger") for name in called)
        return bool(called) and not root

    def _logger_refusal(self, handler: cst.ExceptHandler, plan: LoggerPlan) -> str | None:
        if plan.name.startswith("self."):
            return None  # the instance's: bound before any method that logs with it runs
        scope = self.get_metadata(ScopeProvider, handler, None)
        local_scope = scope is not None and not isinstance(scope, GlobalScope)
        if local_scope and any(not isinstance(a.scope, GlobalScope) for a in scope[plan.name]):
            return f"{plan.name} is rebound locally, so it may not be the module logger here"
        runs_at_import = self.innermost_function() is None
        if runs_at_import and self.lines_of(handler)[0] <= plan.ready_after_line:
            return f"runs at import time, before {plan.name} is defined"
        if self.options["log-level"] != "debug":
            return None
        function = self.innermost_function()
        return debug_level_refusal(self._module, function, plan.name, self.parent_of)

    @property
    def line_limit(self) -> int:
        return int(self.options["line-length"]) or self.project.line_length

    # -- the new code ----------------------------------------------------

    def _log_statement(
        self, handler: cst.ExceptHandler, logger: str
    ) -> cst.SimpleStatementLine | None:
        """The most precise log call that fits the line length (wrapped after ``(`` if need be)."""
        column = self._body_column(handler)
        limit = self.line_limit
        then_continue = isinstance(silent_statement(handler.body), cst.Continue)
        calls = [self._log_call(logger, text) for text in messages(self._where(), then_continue)]
        candidates = [form for call in calls for form in self._layouts(call)]
        # the comment after a lone ``pass`` stays at the end of the line that replaces it
        comment = _comment_after_pass(handler.body)
        fitting = next(
            (
                call
                for call in candidates
                if fits(self._module, _line_of(call, comment), column, limit)
            ),
            None,
        )
        return None if fitting is None else cst.SimpleStatementLine([cst.Expr(fitting)])

    def _layouts(self, call: cst.Call) -> Iterable[cst.Call]:
        """``call`` on one line, else as the project's formatter breaks it (black's and ruff
        format's ``LOG.debug(\\n    "message", exc_info=True\\n)``, or one argument per line
        with the magic comma), else without one, its second argument aligned under the first,
        or wrapped after the bracket: the arguments on one line, else one per line
        (cloudkitty-dashboard's ``LOG.debug(\\n    'Ignoring exception in
        IndexView._get_rating_rules()',\\n    exc_info=True)``), before a shorter message."""
        indent = self._module.default_indent
        if self.project.formatter is not None:
            broken = (
                broken_after_the_bracket(call, "", indent, one, True) for one in (False, True)
            )
            return (call, *broken)
        # pypykatz indents with tabs: spaces after them to align under the bracket are E101
        aligned = aligned_keyword(call) if "\t" not in indent else call
        wrapped = (wrapped_after_paren(call, indent, one) for one in (False, True))
        return dict.fromkeys((call, aligned, *wrapped))

    def _log_with_helper(
        self, handler: cst.ExceptHandler, updated: cst.ExceptHandler, helper: str
    ) -> cst.ExceptHandler:
        """``log_exception_info()``: the project's helper, as the module's other handlers
        log the exception they handle."""
        call = cst.Call(func=dotted_expression(helper))
        line = _line_of(call, _comment_after_pass(handler.body))
        if not fits(self._module, line, self._body_column(handler), self.line_limit):
            self.refuse(
                handler,
                RefusalKind.NOT_APPLICABLE,
                "no log line fits the project's line length here",
            )
            return updated
        reason = (
            f"exception was swallowed without a trace; now logged with {helper}(), as the"
            " module's other handlers log theirs: check this failure is not routine here"
        )
        if not self.accept_fix(handler, Applicability.REVIEW, reason):
            return updated
        statement = cst.SimpleStatementLine([cst.Expr(call)])
        return updated.with_changes(body=with_log_line(updated.body, statement))

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
        A decorator's wrapper is named for the decorator: ``the log_call()
        wrapper``, not kobo's ``_new_function()``.
        """
        functions = [
            i for i, node in enumerate(self.enclosing) if isinstance(node, cst.FunctionDef)
        ]
        if not functions:
            return [""]
        decorator = decorator_index(self.enclosing, functions[-1])
        index = functions[-1] if decorator is None else decorator
        named, owner = self.enclosing[index], self.enclosing[index - 1] if index else None
        function = f"{named.name.value}()"  # type: ignore[attr-defined]
        names = [function]
        if isinstance(owner, cst.ClassDef):
            names.insert(0, f"{owner.name.value}.{function}")
        if decorator is not None:
            names = [f"the {name} wrapper" for name in names]
        return [*names, ""]

    def _quote_char(self) -> str:
        """The module's prevailing quote, so the new line looks like its neighbours."""
        if self._quote is None:
            self._quote = prevailing_quote(self._module)
        return self._quote

    def _fix_reason(self, plan: LoggerPlan) -> str:
        level = self.options["log-level"]
        if plan.exists:
            return (
                f"exception was swallowed without a trace; now logged at {level} level with "
                f"{plan.name}: check this failure is not routine here (a line on every call)"
            )
        return (
            f"exception was swallowed without a trace; adds a module logger {plan.name}: "
            "check it fits the project's logging setup"
        )

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


def _comment_after_pass(body: cst.BaseSuite) -> cst.TrailingWhitespace | None:
    """The comment after a lone ``pass`` on its own line (``pass  # pylint: disable=...``),
    which its replacement keeps at its end; None where there is none."""
    if not (isinstance(body, cst.IndentedBlock) and isinstance(silent_statement(body), cst.Pass)):
        return None
    line = body.body[0]
    assert isinstance(line, cst.SimpleStatementLine)  # silent_statement() says so
    return line.trailing_whitespace if line.trailing_whitespace.comment is not None else None


def _line_of(call: cst.Call, comment: cst.TrailingWhitespace | None) -> cst.CSTNode:
    """What a log call's line is measured as: the call, and the comment it will end with."""
    if comment is None:
        return call
    return cst.SimpleStatementLine([cst.Expr(call)], trailing_whitespace=comment)


def _named_for_the_module(call: cst.BaseExpression | None) -> bool:
    """``getLogger(__name__)``, or ``getLogger(name=__name__)``."""
    return (
        isinstance(call, cst.Call)
        and len(call.args) == 1
        and m.matches(call.args[0].value, m.Name("__name__"))
    )


def _imported_modules(tree: ast.Module) -> list[str | None]:
    """The modules the top-level imports of ``tree`` import (from)."""
    return [
        name
        for node in tree.body
        for name in (
            [alias.name for alias in node.names]
            if isinstance(node, ast.Import)
            else [node.module]
            if isinstance(node, ast.ImportFrom)
            else []
        )
    ]


def _swallows(handler: ast.ExceptHandler) -> bool:
    """Is the handler's whole body ``pass`` or ``continue`` (``silent_statement`` on ``ast``)?"""
    return len(handler.body) == 1 and isinstance(handler.body[0], (ast.Pass, ast.Continue))


def _builtin_broad(caught: ast.expr | None, bound: set[str]) -> bool | None:
    """Does ``except <caught>`` catch everything, read without scopes? None: cannot tell.

    Only bare names the module never binds are read (they are builtins);
    any other shape is left to ``_catches_everything``.
    """
    if caught is None:
        return True
    names = caught.elts if isinstance(caught, ast.Tuple) else [caught]
    if not all(isinstance(name, ast.Name) and name.id not in bound for name in names):
        return None
    broad = {name.rpartition(".")[2] for name in BROAD_EXCEPTIONS}
    return any(name.id in broad for name in names)  # type: ignore[attr-defined]


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


_LEVELS = ("debug", "info", "warning", "error", "exception", "critical")
_ROOT_LOGGING = frozenset(f"logging.{level}" for level in _LEVELS)


# ``self.log_debug(`` (a class's own logging methods), or ``self.pyload.log.debug(`` (a
# logger reached through another object: ``self.log.debug`` alone is the instance's own).
_INSTANCE_LOGGING = re.compile(
    r"\bself\.(?:log_(?:debug|info|warning|error)|\w+\.(?:log|logger)\.(?:debug|info|warning|error|exception))\("
)


def _logs_through_the_instance(code: str) -> str | None:
    """What the module's methods log through, where it is no logger of the module's."""
    found = _INSTANCE_LOGGING.search(code) if "self." in code else None
    return found[0].removesuffix("(") if found else None


def _logging_function(module: cst.Module) -> str | None:
    """The name a module-level ``from logging import debug`` (or another level) binds."""
    bound = (module_binding(module, f"logging.{level}") for level in _LEVELS)
    return next((name for name in bound if name is not None), None)


def _imported_from_elsewhere(
    assignments: Collection[BaseAssignment], name: str, module_path: str
) -> str | None:
    """The module other than the logging module a ``from ... import`` among ``assignments``
    imports ``name`` from (wapiti3's ``from wapitiCore.main.log import logging``), else None."""
    for assignment in assignments:
        node = assignment.node if isinstance(assignment, ImportAssignment) else None
        if not isinstance(node, cst.ImportFrom) or isinstance(node.names, cst.ImportStar):
            continue
        module_name = get_full_name_for_node(node.module) if node.module else ""
        source = absolute_name("." * len(node.relative) + (module_name or ""), module_path)
        bound = {
            get_full_name_for_node(alias.asname.name if alias.asname else alias.name)
            for alias in node.names
        }
        if name in bound and source != STDLIB_LOGGING:
            return source
    return None


def _imported_logger(
    module: cst.Module, module_path: str, convention: LoggerConvention | None
) -> tuple[str, cst.SimpleStatementLine] | None:
    """A name the module imports that is one of the project's loggers (tornado's ``gen_log``),
    and the import's line. Imported from another module of the project under the same name,
    it is that logger re-exported (nikola's ``from .utils import LOGGER``, made in log.py)."""
    if convention is None or not convention.project_loggers:
        return None
    # sqlmap's lib/core/data.py: logger = LOGGER, made in lib/core/log.py
    logger_names = {name.rpartition(".")[2].lower() for name in convention.project_loggers}
    top_packages = {name.partition(".")[0] for name in convention.project_loggers}
    for statement in module.body:
        if not isinstance(statement, cst.SimpleStatementLine):
            continue
        for small in statement.body:
            if not isinstance(small, cst.ImportFrom) or isinstance(small.names, cst.ImportStar):
                continue
            module_name = get_full_name_for_node(small.module) if small.module else ""
            written = "." * len(small.relative) + (module_name or "")
            source = absolute_name(written, module_path)
            for alias in small.names:
                name = get_full_name_for_node(alias.name)
                if f"{source}.{name}" in convention.project_loggers or (
                    name.lower() in logger_names and source.partition(".")[0] in top_packages
                ):
                    bound = alias.asname.name if alias.asname else alias.name
                    return get_full_name_for_node(bound), statement
    return None


# Methods that make the object's text, called wherever it is shown.
_SHOWING = frozenset({"__str__", "__repr__", "__format__"})
_STREAM_METHODS = frozenset({"write", "writelines", "flush"})


def _names_cancellation(handler: cst.ExceptHandler) -> bool:
    """Does the handler name ``CancelledError`` beside what else it catches?"""
    if not isinstance(handler.type, cst.Tuple):
        return False
    names = (code_of(element.value).rpartition(".")[2] for element in handler.type.elements)
    return "CancelledError" in names
