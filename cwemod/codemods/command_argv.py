"""Shell command strings -> argument lists (CWE-78, CWE-707).

The codemod first plans every call site of the module (a command variable is
assigned before the call that runs it, so both edits must be known before the
transformer reaches the assignment), then applies the planned edits while
leaving nodes.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import libcst as cst
import libcst.matchers as m
from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor
from libcst.metadata import (
    BaseAssignment,
    FunctionScope,
    ParentNodeProvider,
    PositionProvider,
    ScopeProvider,
)

from cwemod.codemods._shell_template import (
    Piece,
    Template,
    TemplateError,
    Word,
    check_program,
    is_template_expression,
    read_template,
    render_word,
    split_shell,
    split_whitespace,
)
from cwemod.codemods.base import Applicability, Codemod, RefusalKind, nodes_of_type
from cwemod.codemods.kit.calls import (
    has_unpacking,
    keyword_arg,
    keyword_argument,
    positional_arg,
    without_keyword,
)
from cwemod.codemods.kit.imports import add_stdlib_imports
from cwemod.codemods.kit.names import QualifiedNames, dotted_expression
from cwemod.codemods.kit.source import code_of

SUBPROCESS_FUNCTIONS = frozenset(
    f"subprocess.{name}" for name in ("run", "call", "check_call", "check_output", "Popen")
)
PROCESSUTILS_EXECUTE = "oslo_concurrency.processutils.execute"
LIST_TAKING = SUBPROCESS_FUNCTIONS | {
    "asyncio.create_subprocess_exec",
    PROCESSUTILS_EXECUTE,
}
EXECUTE_NAMES = frozenset({"execute", "trycmd"})  # oslo/neutron-style helpers, matched by name
SHELL_ONLY = {
    "subprocess.getoutput": "subprocess.getoutput() always runs a shell",
    "subprocess.getstatusoutput": "subprocess.getstatusoutput() always runs a shell",
}
PYTHON2_ONLY = frozenset(
    {
        "os.popen2",
        "os.popen3",
        "os.popen4",
        "commands.getoutput",
        "commands.getstatusoutput",
    }
    | {f"popen2.{name}" for name in ("popen2", "popen3", "popen4", "Popen3", "Popen4")}
)
QUOTE_FUNCTIONS = frozenset({"shlex.quote", "pipes.quote"})
LOGGING_METHODS = frozenset(
    {
        "debug",
        "info",
        "warning",
        "warn",
        "error",
        "exception",
        "critical",
        "log",
        "print",
    }
)

SAFE_REASON = "the command runs as an argument list, so no shell parses the interpolated values"
BARE_REASON = (
    "{names} stood unquoted in the shell string: the shell split {them} into words and expanded globs; "
    "now each is exactly one argument"
)
SPLIT_REASON = "str.split() cut {names} at whitespace; now each is exactly one argument"
WAIT_STATUS_REASON = "os.system() returned the wait status, subprocess.call() returns the exit code"
ALREADY_A_LIST = "already an argument list"

Edit = Callable[[cst.Call], cst.BaseExpression]
Splitter = Callable[[Sequence[Piece]], list[Word]]


class Refused(Exception):
    """A call site the codemod leaves alone: kind and one-line reason."""

    def __init__(self, kind: RefusalKind, reason: str) -> None:
        super().__init__(reason)
        self.kind = kind
        self.reason = reason


@dataclass
class Command:
    """Where a call's command string comes from."""

    expression: cst.BaseExpression  # the template itself
    assignment: cst.Assign | None = None  # set when the call names a variable
    variable: cst.Name | None = None


@dataclass
class Plan:
    template: Template
    words: list[Word]
    stringify: bool  # subprocess needs str arguments; processutils converts itself


class CommandArgv(Codemod):
    id = "command-argv"
    title = "Run commands as argument lists, not shell strings"
    cwe = ("CWE-78", "CWE-77", "CWE-707")
    rules = ("B602", "B604", "B605", "B607", "B609")
    applicability = Applicability.SAFE
    prefilter = (
        "subprocess",
        "system",
        "popen",
        "Popen",
        "shell=",
        "execute",
        "trycmd",
        "create_subprocess_shell",
        "commands",
    )
    docs = """\
## What it does
Turns a command built as one string and run through a shell into an argument
list run without one. Covers `subprocess.run/call/check_call/check_output/Popen`
with `shell=True`, `os.system(cmd)` (becomes `subprocess.call(argv)`),
`os.popen(cmd).read()` (becomes `subprocess.run(argv, stdout=subprocess.PIPE,
text=True).stdout`), `asyncio.create_subprocess_shell` (becomes
`create_subprocess_exec`), `processutils.execute(cmd, shell=True)` and
`execute(('...' % x).split())`. The template may be a `%` format (tuple,
single value or dict), `str.format`, an f-string or a `+` concatenation, used
directly or through a variable assigned once in the same function. It is split
with POSIX shell quoting rules; each placeholder stays one argument, and a
word mixing text and a placeholder stays one argument built the same way:
`'sysctl -w net.ipv4.conf.%s.proxy_arp=1' % dev` becomes
`['sysctl', '-w', 'net.ipv4.conf.%s.proxy_arp=1' % dev]`. `shlex.quote()`
around a placeholder is dropped (its quotes would become literal), and a value
that is not certainly a string is wrapped in `str()` as `%s` did.

## Why is this bad?
A value interpolated into a shell command can carry shell syntax: with
`name = "x; touch pwned"`, `os.system('ping -c1 %s' % name)` runs a second
command (CWE-78, OS command injection). In an argument list the value is one
argument and nothing parses it.

## Fix safety
Safe when the template is literal text plus placeholders that were quoted
(inside `'...'`/`"..."` in the template, or wrapped in `shlex.quote`): the
program receives the same arguments. Review when a placeholder stood bare in
the template: the shell split such a value into several words and expanded
globs in it, and the code may have relied on that. Review for `os.system()`
whose result is used: it returned the wait status, `subprocess.call()`
returns the exit code. In every case a missing program now raises
`FileNotFoundError` instead of a shell exit status 127.

## Refuses
- Shell syntax outside quotes: pipes, redirections, `;`, `&&`, subshells,
  `$`, backticks, backslashes, newlines, globs, braces, `~`, comments.
- `VAR=value cmd` prefixes, shell builtins and keywords (`cd`, `source`,
  `export`, `ulimit`, `umask`, ...), an interpolated program name.
- `%r`/`!r` conversions, `executable=`, code in the same function that tests
  for exit status 127, a command whose value cannot be traced to one
  template in the same function (or whose variable is used for more than
  running it and logging it).
- `shell=True` given a list: a separate bug (only the first item runs as the
  shell command), reported as advice.
- `subprocess.getoutput()`, other `os.popen()` uses and Python 2 APIs: no
  list form to switch to, reported as advice.
- With a report, a call that already gets an argument list is marked
  "already an argument list", and a `shell=` argument of a function that is
  not a known process API (Bandit B604) is advice.

## Options
None.
"""
    example = """\
import os
import shlex


def bring_up(namespace, device):
    os.system('ip netns exec %s ip link set %s up' % (shlex.quote(namespace), shlex.quote(device)))
"""

    # Qualified names are asked of the scope node by node (what QualifiedNameProvider
    # does), sparing the provider's own pass over the whole tree.
    METADATA_DEPENDENCIES = (
        PositionProvider,
        ScopeProvider,
        ParentNodeProvider,
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._call_edits: dict[cst.Call, Edit] = {}
        self._assignment_edits: dict[cst.Assign, cst.BaseExpression] = {}
        self._names = QualifiedNames(self)
        self._needs_subprocess = False

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        return _has_candidate_calls_ast(tree)

    def transform_module(self, tree: cst.Module) -> cst.Module:
        # Scope and name metadata cost seconds on a big module; most modules
        # that pass the text prefilter only mention "execute" or "call".
        if not _has_candidate_calls(tree):
            return tree
        return super().transform_module(tree)

    # -- planning -------------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        for call in nodes_of_type(node, cst.Call):
            try:
                self._plan_call(call)
            except Refused as refused:
                self.refuse(call, refused.kind, refused.reason)

    def _plan_call(self, call: cst.Call) -> None:
        names = self._qualified(call.func)
        if names & SUBPROCESS_FUNCTIONS:
            self._plan_subprocess(call)
        elif "os.system" in names:
            self._plan_os_system(call)
        elif "os.popen" in names:
            self._plan_os_popen(call)
        elif "asyncio.create_subprocess_shell" in names:
            self._plan_create_subprocess_shell(call)
        elif names & set(SHELL_ONLY):
            function = next(iter(names & set(SHELL_ONLY)))
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"{SHELL_ONLY[function]} and has no list form: use subprocess.run([...], capture_output=True, text=True)",
            )
        elif names & PYTHON2_ONLY:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "a Python 2 shell API: port it to subprocess with an argument list",
            )
        elif PROCESSUTILS_EXECUTE in names or _called_name(call) in EXECUTE_NAMES:
            self._plan_execute(call, varargs=PROCESSUTILS_EXECUTE in names)
        elif names & LIST_TAKING:
            self._note_already_a_list(call, positional_arg(call, 0, unpacked_ok=True))
        elif keyword_arg(call, "shell") is not None:
            # A scanner flags any shell= argument (Bandit B604); say why this one is not rewritten.
            self.note(
                call,
                RefusalKind.ADVICE_ONLY,
                f"{code_of(call.func)}() is not a process API the tool knows; check what its shell= argument does",
            )

    def _plan_subprocess(self, call: cst.Call) -> None:
        command_arg = positional_arg(call, 0, unpacked_ok=True) or keyword_arg(call, "args")
        shell_arg = keyword_arg(call, "shell")
        if command_arg is None:
            return
        if shell_arg is None or not self._shell_enabled(shell_arg):
            self._note_already_a_list(call, command_arg)
            return
        self._refuse_list_with_shell(call, command_arg)
        if len([arg for arg in call.args if arg.keyword is None]) > 1 or has_unpacking(call):
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "positional or unpacked arguments after the command are not understood",
            )
        self._refuse_executable(call)
        command = self._command(call, command_arg)
        plan = self._permitted_plan(call, command)
        if plan is None:
            return

        command_index = list(call.args).index(command_arg)

        def edit(updated: cst.Call) -> cst.BaseExpression:
            args = _replace_value(updated.args, command_index, self._argv_value(command, plan))
            return updated.with_changes(args=without_keyword(args, "shell"))

        self._schedule(call, edit, command, plan)

    def _plan_os_system(self, call: cst.Call) -> None:
        command_arg = positional_arg(call, 0, unpacked_ok=True)
        if command_arg is None or len(call.args) != 1:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "os.system() is called in a way the tool does not understand",
            )
        command = self._command(call, command_arg)
        plan = self._plan(call, command, split_shell, stringify=True)
        applicability, reason = self._applicability(plan)
        if not isinstance(self.get_metadata(ParentNodeProvider, call), cst.Expr):
            applicability, reason = (
                Applicability.REVIEW,
                f"{WAIT_STATUS_REASON}; {reason}",
            )
        if not self._permitted(call, applicability, reason):
            return
        self._needs_subprocess = True
        RemoveImportsVisitor.remove_unused_import_by_node(self.context, call.func)

        def edit(updated: cst.Call) -> cst.BaseExpression:
            argument = updated.args[0].with_changes(value=self._argv_value(command, plan))
            return updated.with_changes(func=dotted_expression("subprocess.call"), args=[argument])

        self._schedule(call, edit, command, plan)

    def _plan_os_popen(self, call: cst.Call) -> None:
        reader = self._read_call_around(call)
        command_arg = positional_arg(call, 0, unpacked_ok=True)
        if reader is None or command_arg is None or len(call.args) != 1:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "os.popen() always runs a shell; only os.popen(cmd).read() is rewritten, "
                "use subprocess.run([...], stdout=subprocess.PIPE, text=True) by hand",
            )
        command = self._command(call, command_arg)
        plan = self._permitted_plan(call, command)
        if plan is None:
            return
        self._needs_subprocess = True
        RemoveImportsVisitor.remove_unused_import_by_node(self.context, call.func)
        argv = self._argv_value(command, plan)

        def edit(updated: cst.Call) -> cst.BaseExpression:
            run = cst.Call(
                dotted_expression("subprocess.run"),
                [
                    cst.Arg(argv),
                    keyword_argument("stdout", dotted_expression("subprocess.PIPE")),
                    keyword_argument("text", cst.Name("True")),
                ],
            )
            return cst.Attribute(run, cst.Name("stdout"))

        self._schedule(reader, edit, command, plan)

    def _plan_create_subprocess_shell(self, call: cst.Call) -> None:
        command_arg = positional_arg(call, 0, unpacked_ok=True)
        if (
            command_arg is None
            or has_unpacking(call)
            or len([arg for arg in call.args if arg.keyword is None]) != 1
        ):
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "create_subprocess_shell() is called in a way the tool does not understand",
            )
        self._refuse_executable(call)
        command = self._command(call, command_arg)
        plan = self._permitted_plan(call, command)
        if plan is None:
            return
        if isinstance(call.func, cst.Name):
            AddImportsVisitor.add_needed_import(self.context, "asyncio", "create_subprocess_exec")
            RemoveImportsVisitor.remove_unused_import_by_node(self.context, call.func)

        def edit(updated: cst.Call) -> cst.BaseExpression:
            func = updated.func
            if isinstance(func, cst.Attribute):
                func = func.with_changes(attr=cst.Name("create_subprocess_exec"))
            else:
                func = cst.Name("create_subprocess_exec")
            keywords = [arg for arg in updated.args if arg.keyword is not None]
            return updated.with_changes(
                func=func, args=self._spliced_args(command, plan) + keywords
            )

        self._schedule(call, edit, command, plan)

    def _plan_execute(self, call: cst.Call, varargs: bool) -> None:
        """``processutils.execute(cmd, shell=True)`` and ``execute(('...' % x).split())``."""
        first = positional_arg(call, 0, unpacked_ok=True)
        if first is None:
            return
        shell_arg = keyword_arg(call, "shell")
        if shell_arg is not None and self._shell_enabled(shell_arg):
            self._plan_execute_shell(call, first, varargs)
        elif _is_split_call(first.value):
            self._plan_execute_split(call, first, varargs)
        elif not first.star:
            self._note_already_a_list(call, first)

    def _plan_execute_shell(self, call: cst.Call, first: cst.Arg, varargs: bool) -> None:
        self._refuse_list_with_shell(call, first)
        if not varargs:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "execute(..., shell=True) of an unknown helper: cannot tell whether it takes a list or *args",
            )
        if first.star or len([arg for arg in call.args if arg.keyword is None]) != 1:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "extra arguments after a shell command string are not understood",
            )
        command = self._command(call, first)
        plan = self._permitted_plan(call, command, stringify=False)
        if plan is None:
            return

        def edit(updated: cst.Call) -> cst.BaseExpression:
            keywords = [
                arg for arg in without_keyword(updated.args, "shell") if arg.keyword is not None
            ]
            return updated.with_changes(args=self._spliced_args(command, plan) + keywords)

        self._schedule(call, edit, command, plan)

    def _plan_execute_split(self, call: cst.Call, first: cst.Arg, varargs: bool) -> None:
        split = first.value
        assert isinstance(split, cst.Call) and isinstance(split.func, cst.Attribute)
        command = self._command(call, cst.Arg(split.func.value))
        # str.split() gave strings; only processutils is known to convert arguments itself.
        plan = self._plan(call, command, split_whitespace, stringify=not varargs)
        if not plan.template.placeholders:
            return  # constant text: nothing can be injected, and the list would only be churn
        applicability, reason = self._applicability(plan, SPLIT_REASON)
        if not self._permitted(call, applicability, reason):
            return

        first_index = list(call.args).index(first)

        def edit(updated: cst.Call) -> cst.BaseExpression:
            if first.star:
                rest = [arg for index, arg in enumerate(updated.args) if index != first_index]
                return updated.with_changes(args=self._spliced_args(command, plan) + rest)
            return updated.with_changes(
                args=_replace_value(updated.args, first_index, self._argv_value(command, plan))
            )

        self._schedule(call, edit, command, plan)

    # -- shared steps ------------------------------------------------------------

    def _command(self, call: cst.Call, command_arg: cst.Arg) -> Command:
        value = command_arg.value
        if is_template_expression(value):
            return Command(value)
        if isinstance(value, cst.Name):
            return self._traced_command(call, value)
        raise Refused(
            RefusalKind.ADVICE_ONLY,
            "the command string cannot be traced to one template in this function",
        )

    def _traced_command(self, call: cst.Call, name: cst.Name) -> Command:
        untraceable = Refused(
            RefusalKind.ADVICE_ONLY,
            f"the command string {name.value!r} cannot be traced to one template in this function",
        )
        found = self._single_assignment(name)
        if found is None:
            raise untraceable
        assign, assignment = found
        if (
            not is_template_expression(assign.value)
            or self.lines_of(assign)[0] >= self.lines_of(call)[0]
        ):
            raise untraceable
        other_use = self._other_use(assignment, name)
        if other_use is not None:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"the command string {name.value!r} is also used at line {self.lines_of(other_use)[0]}",
            )
        return Command(assign.value, assign, name)

    def _single_assignment(self, name: cst.Name) -> tuple[cst.Assign, BaseAssignment] | None:
        """The one ``name = <value>`` statement of a function-local variable."""
        scope = self.get_metadata(ScopeProvider, name, None)
        # A module or class attribute can be read or changed from elsewhere.
        if not isinstance(scope, FunctionScope) or name.value not in scope:
            return None
        assignments = list(scope.assignments[name.value])
        if len(assignments) != 1 or not isinstance(assignments[0].node, cst.Name):
            return None
        target = self.get_metadata(ParentNodeProvider, assignments[0].node)
        statement = self.get_metadata(ParentNodeProvider, target)
        if not isinstance(target, cst.AssignTarget) or not isinstance(statement, cst.Assign):
            return None
        if len(statement.targets) != 1:
            return None
        return statement, assignments[0]

    def _other_use(self, assignment: BaseAssignment, name: cst.Name) -> cst.CSTNode | None:
        """A use of the command variable other than this call or a logging call, if any."""
        for access in sorted(assignment.references, key=lambda access: self.lines_of(access.node)):
            if access.node is name:
                continue
            if not self._is_logged(access.node):
                return access.node
        return None

    def _is_logged(self, node: cst.CSTNode) -> bool:
        arg = self.get_metadata(ParentNodeProvider, node)
        call = self.get_metadata(ParentNodeProvider, arg) if isinstance(arg, cst.Arg) else None
        return isinstance(call, cst.Call) and _called_name(call) in LOGGING_METHODS

    def _plan(self, call: cst.Call, command: Command, splitter: Splitter, stringify: bool) -> Plan:
        try:
            template = read_template(command.expression, self._is_quote_call)
        except TemplateError as error:
            raise Refused(RefusalKind.ADVICE_ONLY, f"{error}; rewrite it by hand") from None
        try:
            words = splitter(template.pieces)
            check_program(words)
            for word in words:
                render_word(word, template.quote, stringify)  # every word must be renderable
        except TemplateError as error:
            raise _refusal_for(error, constant=not template.placeholders) from None
        self._refuse_status_127(call)
        return Plan(template, words, stringify)

    def _applicability(
        self, plan: Plan, bare_reason: str = BARE_REASON
    ) -> tuple[Applicability, str]:
        bare = [placeholder for word in plan.words for placeholder in word.bare]
        if not bare:
            return Applicability.SAFE, SAFE_REASON
        names = ", ".join(dict.fromkeys(code_of(placeholder.value) for placeholder in bare))
        them = "it" if len(bare) == 1 else "them"
        return Applicability.REVIEW, bare_reason.format(names=names, them=them)

    def _permitted_plan(
        self, call: cst.Call, command: Command, stringify: bool = True
    ) -> Plan | None:
        """The argv plan of a shell command, or None when the fix may not be applied here."""
        plan = self._plan(call, command, split_shell, stringify=stringify)
        applicability, reason = self._applicability(plan)
        return plan if self._permitted(call, applicability, reason) else None

    def _permitted(self, call: cst.Call, applicability: Applicability, reason: str) -> bool:
        if not self.permits(call, applicability, reason):
            return False
        self.record_fix(call, applicability, reason)
        return True

    def _schedule(self, call: cst.Call, edit: Edit, command: Command, plan: Plan) -> None:
        self._call_edits[call] = edit
        if command.assignment is not None:
            self._assignment_edits[command.assignment] = self._argv_list(plan)
        for quote_call in plan.template.quote_calls:
            RemoveImportsVisitor.remove_unused_import_by_node(self.context, quote_call.func)

    def _argv_list(self, plan: Plan) -> cst.List:
        return cst.List(
            [
                cst.Element(render_word(word, plan.template.quote, plan.stringify))
                for word in plan.words
            ]
        )

    def _argv_value(self, command: Command, plan: Plan) -> cst.BaseExpression:
        """The call's new argument: the rewritten variable, or the list itself."""
        if command.variable is not None:
            return cst.Name(command.variable.value)
        return self._argv_list(plan)

    def _spliced_args(self, command: Command, plan: Plan) -> list[cst.Arg]:
        """The argv as separate positional arguments, for ``*args`` APIs."""
        if command.variable is not None:
            return [cst.Arg(cst.Name(command.variable.value), star="*")]
        return [cst.Arg(element.value) for element in self._argv_list(plan).elements]

    # -- refusals ---------------------------------------------------------------

    def _shell_enabled(self, shell_arg: cst.Arg) -> bool:
        try:
            return bool(ast.literal_eval(code_of(shell_arg.value)))
        except (ValueError, SyntaxError):
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "shell= is not a constant, so the tool cannot tell whether a shell runs",
            ) from None

    def _refuse_list_with_shell(self, call: cst.Call, command_arg: cst.Arg) -> None:
        value = command_arg.value
        if isinstance(value, (cst.List, cst.Tuple)) or (
            isinstance(value, cst.Name) and self._always_a_list(value)
        ):
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "shell=True with an argument list is a separate bug: only the first item runs as the shell "
                "command; drop shell=True after checking that item",
            )

    def _refuse_executable(self, call: cst.Call) -> None:
        if keyword_arg(call, "executable") is not None:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "executable= replaces the shell, so the command string is its script",
            )

    def _refuse_status_127(self, call: cst.Call) -> None:
        scope_node = self._enclosing_function(call)
        if m.findall(scope_node, m.Integer(value="127")):
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "the code tests for exit status 127 (command not found in a shell); without a shell that raises instead",
            )

    def _note_already_a_list(self, call: cst.Call, command_arg: cst.Arg | None) -> None:
        # Only worth saying when a report points here; a whole-tree run stays quiet.
        if command_arg is None or command_arg.star or not self.asked_about(call):
            return
        value = command_arg.value
        if isinstance(value, (cst.List, cst.Tuple)) or (
            isinstance(value, cst.Name) and self._always_a_list(value)
        ):
            self.refuse(
                call,
                RefusalKind.ALREADY_FIXED,
                f"{ALREADY_A_LIST}: no shell parses the command",
            )

    def _always_a_list(self, name: cst.Name) -> bool:
        """Every assignment of ``name`` in its scope is a list or tuple display."""
        scope = self.get_metadata(ScopeProvider, name, None)
        if scope is None or name.value not in scope:
            return False
        assignments = list(scope.assignments[name.value])
        for assignment in assignments:
            target = (
                self.get_metadata(ParentNodeProvider, assignment.node, None)
                if isinstance(assignment.node, cst.Name)
                else None
            )
            statement = (
                self.get_metadata(ParentNodeProvider, target, None) if target is not None else None
            )
            if not (
                isinstance(target, cst.AssignTarget)
                and isinstance(statement, cst.Assign)
                and isinstance(statement.value, (cst.List, cst.Tuple))
            ):
                return False
        return bool(assignments)

    # -- helpers -------------------------------------------------------------------

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return self._names.of(node)

    def _is_quote_call(self, call: cst.Call) -> bool:
        return bool(self._qualified(call.func) & QUOTE_FUNCTIONS)

    def _enclosing_function(self, node: cst.CSTNode) -> cst.CSTNode:
        current = node
        while not isinstance(current, (cst.FunctionDef, cst.Module)):
            current = self.get_metadata(ParentNodeProvider, current)
        return current

    def _read_call_around(self, call: cst.Call) -> cst.Call | None:
        """The ``os.popen(...).read()`` call around ``call``, if that is how it is used."""
        attribute = self.get_metadata(ParentNodeProvider, call)
        if not (isinstance(attribute, cst.Attribute) and attribute.attr.value == "read"):
            return None
        outer = self.get_metadata(ParentNodeProvider, attribute)
        if isinstance(outer, cst.Call) and outer.func is attribute and not outer.args:
            return outer
        return None

    # -- applying ------------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        edit = self._call_edits.get(original_node)
        return edit(updated_node) if edit is not None else updated_node

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self._needs_subprocess:
            return updated_node
        return add_stdlib_imports(updated_node, ("subprocess",), self.context)

    def leave_Assign(self, original_node: cst.Assign, updated_node: cst.Assign) -> cst.Assign:
        value = self._assignment_edits.get(original_node)
        return updated_node.with_changes(value=value) if value is not None else updated_node


def _refusal_for(error: TemplateError, constant: bool) -> Refused:
    if error.expands_file_names:
        return Refused(
            RefusalKind.ADVICE_ONLY,
            f"{error}: file names it expands to can smuggle in options (wildcard injection); "
            "list the files in Python and pass them after '--'",
        )
    if constant:
        return Refused(
            RefusalKind.NOT_APPLICABLE,
            f"{error}; the command is constant text, so nothing can be injected",
        )
    return Refused(RefusalKind.ADVICE_ONLY, f"{error}; rewrite it by hand")


def _called_name(call: cst.Call) -> str | None:
    if isinstance(call.func, cst.Name):
        return call.func.value
    if isinstance(call.func, cst.Attribute):
        return call.func.attr.value
    return None


def _is_split_call(node: cst.BaseExpression) -> bool:
    """``<expr>.split()`` with no separator: splits on whitespace runs."""
    return (
        isinstance(node, cst.Call)
        and isinstance(node.func, cst.Attribute)
        and node.func.attr.value == "split"
        and not node.args
    )


def _replace_value(args: Sequence[cst.Arg], index: int, value: cst.BaseExpression) -> list[cst.Arg]:
    return [
        arg.with_changes(value=value) if position == index else arg
        for position, arg in enumerate(args)
    ]


# -- the cheap syntactic look before any metadata is computed -------------------

_COMMAND_MODULES = frozenset({"subprocess", "os", "asyncio", "commands", "popen2", "processutils"})
_COMMAND_FUNCTIONS = frozenset(
    name.rpartition(".")[2]
    for name in SUBPROCESS_FUNCTIONS
    | LIST_TAKING
    | set(SHELL_ONLY)
    | PYTHON2_ONLY
    | {"os.system", "os.popen", "asyncio.create_subprocess_shell"}
)


def _has_candidate_calls(tree: cst.Module) -> bool:
    """Could any call in ``tree`` be one this codemod handles or a report asks about?

    Over-approximates: whole-tree runs have already passed the narrower
    :func:`_has_candidate_calls_ast`.
    """
    module_names, function_names = _command_import_names(tree)
    for call in nodes_of_type(tree, cst.Call):
        func = call.func
        if keyword_arg(call, "shell") is not None:
            return True
        if isinstance(func, cst.Name) and func.value in function_names:
            return True
        if not isinstance(func, cst.Attribute):
            continue
        if func.attr.value in EXECUTE_NAMES:
            return True
        receiver = func.value
        receiver_name = (
            receiver.attr.value
            if isinstance(receiver, cst.Attribute)
            else getattr(receiver, "value", None)
        )
        if func.attr.value in _COMMAND_FUNCTIONS and receiver_name in module_names:
            return True
    return False


def _command_import_names(tree: cst.Module) -> tuple[set[str], set[str]]:
    """Local names bound to the command modules, and to functions imported from them."""
    module_names = set(_COMMAND_MODULES)
    function_names = set(EXECUTE_NAMES)
    for node in nodes_of_type(tree, (cst.Import, cst.ImportFrom)):
        if isinstance(node, cst.Import):
            for alias in node.names:
                if (
                    code_of(alias.name).rpartition(".")[2] in _COMMAND_MODULES
                    and alias.asname is not None
                ):
                    module_names.add(code_of(alias.asname.name))
        elif (
            isinstance(node, cst.ImportFrom)
            and node.module is not None
            and not isinstance(node.names, cst.ImportStar)
        ):
            from_commands = code_of(node.module).rpartition(".")[2] in _COMMAND_MODULES
            for alias in node.names:
                local = code_of(alias.asname.name) if alias.asname else code_of(alias.name)
                if from_commands or code_of(alias.name) in _COMMAND_MODULES:
                    (function_names if from_commands else module_names).add(local)
    return module_names, function_names


def _has_candidate_calls_ast(tree: ast.Module) -> bool:
    """:func:`_has_candidate_calls` of a whole-tree run, on the stdlib ``ast`` tree.

    It must answer True wherever the LibCST version does (over-approximating
    is fine): the engine skips the LibCST parse when it answers False.
    """
    module_names, function_names = _command_import_names_ast(tree)
    for call in ast.walk(tree):
        if not isinstance(call, ast.Call):
            continue
        func = call.func
        if isinstance(func, ast.Name) and func.id in function_names:
            return True
        if not isinstance(func, ast.Attribute):
            continue
        if func.attr in EXECUTE_NAMES and (
            any(keyword.arg == "shell" for keyword in call.keywords) or _split_first_ast(call)
        ):
            return True
        receiver = func.value
        receiver_name = (
            receiver.attr
            if isinstance(receiver, ast.Attribute)
            else receiver.id
            if isinstance(receiver, ast.Name)
            else None
        )
        if func.attr in _COMMAND_FUNCTIONS and receiver_name in module_names:
            return True
    return False


def _split_first_ast(call: ast.Call) -> bool:
    """The first positional argument may be ``<expr>.split()`` (``*`` and ``**`` unpacking count too)."""
    firsts = [*call.args[:1], *(keyword.value for keyword in call.keywords if keyword.arg is None)]
    for first in firsts:
        value = first.value if isinstance(first, ast.Starred) else first
        if (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr == "split"
            and not value.args
            and not value.keywords
        ):
            return True
    return False


def _command_import_names_ast(tree: ast.Module) -> tuple[set[str], set[str]]:
    """:func:`_command_import_names` on the stdlib ``ast`` tree."""
    module_names = set(_COMMAND_MODULES)
    function_names = set(EXECUTE_NAMES)
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.name.rpartition(".")[2] in _COMMAND_MODULES and alias.asname is not None:
                    module_names.add(alias.asname)
        elif isinstance(node, ast.ImportFrom) and node.module is not None:
            from_commands = node.module.rpartition(".")[2] in _COMMAND_MODULES
            for alias in node.names:
                if alias.name == "*":
                    continue
                local = alias.asname or alias.name
                if from_commands or alias.name in _COMMAND_MODULES:
                    (function_names if from_commands else module_names).add(local)
    return module_names, function_names
