"""Shell command strings -> argument lists (CWE-78, CWE-707).

The codemod first plans every call site of the module (a command variable is
assigned before the call that runs it, so both edits must be known before the
transformer reaches the assignment), then applies the planned edits while
leaving nodes.

Beside it: ``_command_apis`` (the process APIs it knows), ``_command_gates``
(the cheap look before any metadata), ``_command_trace`` (where a command
string comes from), ``_command_callers`` (what the module's calls pass for a
command parameter), ``_command_plan`` (the plan, its reasons, the new argv),
``_command_docs``, and the ``_shell_*`` modules that read, split and render
the command template.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider, ScopeProvider

from cwemod.codemods._command_apis import (
    EXECUTE_NAMES,
    LIST_TAKING,
    PROCESSUTILS_EXECUTE,
    PYTHON2_ONLY,
    QUOTE_FUNCTIONS,
    SHELL_ONLY,
    SUBPROCESS_FUNCTIONS,
    converted_text,
    is_split_call,
)
from cwemod.codemods._command_docs import DOCS, EXAMPLE
from cwemod.codemods._command_fit import Fitter
from cwemod.codemods._command_gates import (
    calls_from,
    candidate_calls_ast,
    has_candidate_calls,
    may_hold_candidate_calls,
    may_run_a_shell,
)
from cwemod.codemods._command_plan import (
    ALREADY_A_LIST,
    CONSTANT_REASON,
    SPLIT_CHURN_REASON,
    SPLIT_NO_SHELL,
    WAIT_STATUS_REASON,
    Command,
    Plan,
    Refused,
    argv_list,
    argv_value,
    plan_applicability,
    refusal_for,
    replace_value,
    spliced_args,
)
from cwemod.codemods._command_survey import CommandFacts
from cwemod.codemods._command_trace import CommandSources, literal_list
from cwemod.codemods._command_words import WordShapes, settle_words
from cwemod.codemods._http_mappings import mapping_values
from cwemod.codemods._shell_read import read_template
from cwemod.codemods._shell_render import render_word
from cwemod.codemods._shell_split import (
    SHELL_SYNTAX,
    TEMPLATE_REASONS,
    check_program,
    split_shell,
    split_whitespace,
)
from cwemod.codemods._shell_template import Piece, TemplateError, Word
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.bindings import Bindings, values_assigned
from cwemod.codemods.kit.calls import (
    argument,
    called_name,
    has_unpacking,
    keyword_arg,
    keyword_argument,
    positional_arg,
    positional_args,
    without_keyword,
)
from cwemod.codemods.kit.names import QualifiedNames, dotted_expression
from cwemod.codemods.kit.parents import ParentProvider
from cwemod.codemods.kit.platforms import only_on_windows
from cwemod.codemods.kit.project import dotted_module
from cwemod.codemods.kit.source import code_of
from cwemod.codemods.records import Applicability, RefusalKind

Edit = Callable[[cst.Call], cst.BaseExpression]
Splitter = Callable[[Sequence[Piece]], list[Word]]


_WINDOWS_SHELL_CHOSEN = (
    "Windows-only code: a program gets one command line there whatever its form (a list is "
    "joined by subprocess.list2cmdline), so an argument list would change nothing; where "
    "the line runs cmd.exe itself (cmd /c), quote what goes into it by hand"
)
_WINDOWS_LIST = (
    "Windows-only code: there a list given shell=True is joined into one command line "
    "(subprocess.list2cmdline), so every item runs; cmd.exe is what opens files by type"
)


# What a keyword that comes through **mapping does to the command string.
_SETS = {
    "executable": "too, the program that runs the command string in place of /bin/sh",
    "shell": "too, which decides whether a shell runs the command",
    "args": "too, which competes with the command given here",
}

_SUBSTITUTED = m.Call(
    func=m.Attribute(value=m.Call(), attr=m.Name("substitute") | m.Name("safe_substitute"))
)


class CommandArgv(Codemod):
    id = "command-argv"
    title = "Run commands as argument lists, not shell strings"
    cwe = ("CWE-78", "CWE-77", "CWE-707")
    rules = ("B602", "B604", "B605", "B607", "B609")
    # The argv list runs through subprocess without a shell: Bandit's reminders of that.
    successor_rules = ("B603", "B404")
    # B603 ("without a shell") on a call whose shell= is no false constant (doit's
    # Popen(action, shell=self.shell)): whether a shell runs is this codemod's question.
    site_rules = ("B603",)
    applicability = Applicability.SAFE
    leaves_tests_alone = True  # a test's own command line is no attack surface: churn
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
    docs = DOCS
    example = EXAMPLE

    # Qualified names are asked of the scope node by node (what QualifiedNameProvider
    # does), sparing the provider's own pass over the whole tree.
    METADATA_DEPENDENCIES = (
        PositionProvider,
        ScopeProvider,
        ParentProvider,
    )

    def __init__(self, *args, **kwargs) -> None:  # type: ignore[no-untyped-def]
        super().__init__(*args, **kwargs)
        self._call_edits: dict[cst.Call, tuple[Edit, cst.BaseExpression]] = {}
        self._assignment_edits: dict[cst.Assign, cst.Assign] = {}
        self._verdicts: dict[cst.Call, tuple[Applicability, str]] = {}
        self._names = QualifiedNames(self)
        self._sources = CommandSources(self)
        self._shapes = WordShapes(self)
        self._needed_modules: set[str] = set()

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        return may_hold_candidate_calls(source)

    @classmethod
    def candidates(cls, tree: ast.Module, options: Mapping[str, Any]) -> list[ast.Call]:
        return candidate_calls_ast(tree)

    @classmethod
    def answers_at(cls, rule: str, tree: ast.Module, lines: Sequence[tuple[int, int]]) -> bool:
        return rule == "B603" and any(may_run_a_shell(call) for call in calls_from(tree, lines))

    def rules_at(self, node: cst.CSTNode) -> tuple[str, ...]:
        """The rule of the shell that may run at ``node``: the configuration's S603 (a call
        without a shell) or S607 (a partial path) turned off accepts no shell (tmt's)."""
        if not isinstance(node, cst.Call):
            return self.rules
        if self._qualified(node.func) & SUBPROCESS_FUNCTIONS:
            return ("B602",)
        return ("B604",) if keyword_arg(node, "shell") is not None else ("B605",)

    def transform_module(self, tree: cst.Module) -> cst.Module:
        # Scope and name metadata cost seconds on a big module; most modules
        # that pass the text prefilter only mention "execute" or "call". The
        # ``ast`` gate of a whole-tree run has found candidates already.
        if self.state.candidate_ranges is None and not has_candidate_calls(tree):
            return tree
        return super().transform_module(tree)

    # -- planning -------------------------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        self._fitter = Fitter(node, self.project.line_length)
        self._bindings = Bindings(self, node)
        for call in nodes_of_type(node, cst.Call):
            if not self.targeted(call):
                continue  # a report points elsewhere: planning would record nothing
            try:
                self._plan_call(call)
            except Refused as refused:
                record = self.note if refused.quiet else self.refuse
                record(call, refused.kind, refused.reason)

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
            self._refuse_a_constant_command(call)
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"{SHELL_ONLY[function]} and has no list form: {self._run_advice(capture=True)}",
            )
        elif names & PYTHON2_ONLY:
            self._refuse_a_constant_command(call)
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "a Python 2 shell API: port it to subprocess with an argument list",
            )
        elif PROCESSUTILS_EXECUTE in names or called_name(call) in EXECUTE_NAMES:
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
        if shell_arg is None:
            self._refuse_shell_unpacked(call, command_arg)
        if shell_arg is None or not self._shell_enabled(shell_arg, command_arg, call):
            self._note_already_a_list(call, command_arg)
            return
        self._refuse_list_with_shell(call, command_arg)
        if len([arg for arg in call.args if arg.keyword is None]) > 1 or has_unpacking(call):
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "positional or unpacked arguments after the command are not understood",
            )
        self._refuse_substituted_template(call, command_arg)
        self._refuse_executable(call)
        command = self._command(call, command_arg)
        plan = self._permitted_plan(call, command)
        if plan is None:
            return

        command_index = list(call.args).index(command_arg)

        def edit(updated: cst.Call) -> cst.BaseExpression:
            args = replace_value(updated.args, command_index, argv_value(command, plan))
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
        applicability, reason = plan_applicability(plan)
        if not isinstance(self.get_metadata(ParentProvider, call), cst.Expr):
            applicability, reason = (
                Applicability.REVIEW,
                f"{WAIT_STATUS_REASON}; {reason}",
            )
        if not self._permitted(call, applicability, reason):
            return

        def edit(updated: cst.Call) -> cst.BaseExpression:
            argument = updated.args[0].with_changes(value=argv_value(command, plan))
            return updated.with_changes(func=dotted_expression("subprocess.call"), args=[argument])

        if not self._schedule(call, edit, command, plan):
            return
        self._needed_modules.add("subprocess")
        self.remove_import_of(call.func)

    def _refuse_a_constant_command(self, call: cst.Call) -> None:
        """A command of literals only (cherrypy's ``os.popen('apache -k stop')``, setuptools'
        ``subprocess.getoutput('rpm --eval ...')``, atomic-reactor's ``cmd``, an rpm format
        joined from literal tags, a private function's parameter its every call gives a literal):
        nothing to inject, whatever runs it."""
        command_arg = positional_arg(call, 0, unpacked_ok=True)
        if (
            command_arg is not None
            and not command_arg.star
            and self._sources.constant_command(command_arg.value)
        ):
            raise Refused(RefusalKind.NOT_APPLICABLE, CONSTANT_REASON, quiet=True)

    def _plan_os_popen(self, call: cst.Call) -> None:
        reader = self._sources.read_call_around(call)
        command_arg = positional_arg(call, 0, unpacked_ok=True)
        self._refuse_a_constant_command(call)
        if isinstance(self.get_metadata(ParentProvider, call, None), cst.Expr):
            # flask-appbuilder's babel commands: os.popen("pybabel extract ...") alone
            waiting = "subprocess.run([...], check=True)"
            if self.project.python_before((3, 5)) is not None:
                waiting = "subprocess.check_call([...])"  # no subprocess.run() before 3.5
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "os.popen() runs a shell, and with its pipe never read nothing waits for the"
                f" command: use {waiting}, which waits, by hand",
            )
        mode = argument(call, "mode", 1)
        if mode is not None and _is_write_mode(mode.value):
            # avocado's pager: os.popen(paginator, "w") takes the output to show
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "os.popen(cmd, 'w') runs a shell to write to: use subprocess.Popen([...],"
                f" stdin=subprocess.PIPE, {self._text_switch()}) by hand, and close its stdin"
                " and wait for it",
            )
        if self.project.python_before((3, 5)) is not None:
            # netifaces' setup.py runs on 2.7 and 3.4: no subprocess.run()
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"os.popen() always runs a shell; {self._run_advice()} by hand",
            )
        if reader is None or command_arg is None or len(call.args) != 1:
            if command_arg is not None:
                self._refuse_shell_syntax(call, command_arg)
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "os.popen() always runs a shell; only os.popen(cmd).read() is rewritten, "
                f"{self._run_advice()} by hand",
            )
        command = self._command(call, command_arg)
        plan = self._permitted_plan(call, command)
        if plan is None:
            return

        text = self._text_switch().partition("=")[0]

        def edit(updated: cst.Call) -> cst.BaseExpression:
            run = cst.Call(
                dotted_expression("subprocess.run"),
                [
                    cst.Arg(argv_value(command, plan)),
                    keyword_argument("stdout", dotted_expression("subprocess.PIPE")),
                    keyword_argument(text, cst.Name("True")),
                ],
            )
            return cst.Attribute(run, cst.Name("stdout"))

        if not self._schedule(call, edit, command, plan, edited=reader):
            return
        self._needed_modules.add("subprocess")
        self.remove_import_of(call.func)

    def _text_switch(self) -> str:
        """``text=True``, spelled ``universal_newlines=True`` (the same switch) where the
        project supports a Python before 3.7, which has no ``text=`` (Kallithea 0.7.0: 3.6)."""
        if self.project.python_before((3, 7)) is None:
            return "text=True"
        return "universal_newlines=True"

    def _run_advice(self, capture: bool = False) -> str:
        """``use subprocess.run([...], ...)`` reading text output, as the project's oldest
        Python spells it: before 3.5 there is no ``subprocess.run()``, and before 3.7 no
        ``capture_output=`` or ``text=``."""
        supports = self.project.supports_before((3, 5))
        if supports is not None:
            return (
                f"{supports}, which has no subprocess.run(): use"
                " subprocess.Popen([...], stdout=subprocess.PIPE, universal_newlines=True)"
                " and its communicate() and returncode"
            )
        switch = self._text_switch()
        pipe = (
            "capture_output=True" if capture and switch == "text=True" else "stdout=subprocess.PIPE"
        )
        return f"use subprocess.run([...], {pipe}, {switch})"

    def _refuse_shell_syntax(
        self, call: cst.Call, command_arg: cst.Arg, reasons: tuple[str, ...] = (SHELL_SYNTAX,)
    ) -> None:
        """Raise the refusal of a command written in shell syntax (pyvisa's ``if type gcc
        ...; then CC=gcc; ...``), which says more than that the call is no read(); or of
        another of ``reasons`` (how its refusal starts)."""
        try:
            self._plan(call, self._command(call, command_arg), split_shell, True)
        except Refused as refused:
            if refused.reason.startswith(reasons):
                raise

    def _command(self, call: cst.Call, command_arg: cst.Arg) -> Command:
        """Where the shell command of the call comes from. Where it cannot be traced to one
        template, but the one the call gets is written in shell syntax, that refusal says
        more (atomic-reactor's ``cmd``, bound again in an ``except`` block); of a variable
        bound more than once, any refusal of that template does (glean's ``cmd``)."""
        try:
            return self._sources.command(call, command_arg)
        except Refused as refused:
            value = command_arg.value
            converted = converted_text(value)
            if isinstance(value, cst.Call) and converted is not None:
                self._refuse_converted(call, value, converted)
            reaching = (
                self._sources.reaching_template(call, value)
                if isinstance(value, cst.Name)
                else None
            )
            if reaching is not None and refused.kind is RefusalKind.ADVICE_ONLY:
                self._refuse_rebound(call, value, reaching)  # type: ignore[arg-type]
            if reaching is not None:
                self._refuse_shell_syntax(call, cst.Arg(reaching))
            if isinstance(value, cst.Name):  # Kallithea's cmd += ' | gzip -9'
                for extended in self._sources.appended_templates(call, value):
                    self._refuse_shell_syntax(call, cst.Arg(extended), TEMPLATE_REASONS)
            raise

    def _refuse_rebound(self, call: cst.Call, name: cst.Name, template: cst.BaseExpression) -> None:
        """Where the function binds ``name`` more than once (glean's install(): ``cmd``, an
        install line in a ``with`` block, then a sed line in a loop), raise the refusal of
        the template bound just before the call, which is what it runs: that template's own
        reason, else that such a variable is not rewritten."""
        lines = self._sources.binding_lines(name)
        if len(lines) < 2:
            return
        self._plan(call, Command(template), split_shell, True)
        spelled = ", ".join(str(line) for line in lines)
        raise Refused(
            RefusalKind.ADVICE_ONLY,
            f"the command string {name.value!r} is bound more than once in this function"
            f" (lines {spelled}), which the tool does not rewrite; the template of line"
            f" {self.lines_of(template)[0]} would run as an argument list: write it there by"
            " hand",
        )

    def _refuse_converted(
        self, call: cst.Call, value: cst.Call, converted: cst.BaseExpression
    ) -> None:
        """Raise the refusal of the command inside a call that only converts it (hg-git's
        ``procutil.tonativestr(cmd)``, ``str(cmd)``): what stops its rewrite, or else the
        conversion itself, which the tool does not rewrite through."""
        command = self._command(call, cst.Arg(converted))
        self._plan(call, command, split_shell, True)
        raise Refused(
            RefusalKind.ADVICE_ONLY,
            f"the command goes through {code_of(value.func)}() at the call, which the tool"
            " does not rewrite through: build the argument list by hand",
        )

    def _plan_create_subprocess_shell(self, call: cst.Call) -> None:
        command_arg = positional_arg(call, 0, unpacked_ok=True)
        if (
            command_arg is None
            or any(arg.star == "*" for arg in call.args)
            or len(positional_args(call)) != 1
        ):
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "create_subprocess_shell() is called in a way the tool does not understand",
            )
        self._refuse_executable(call)
        self._refuse_keyword_mappings(call, command_arg)
        command = self._command(call, command_arg)
        plan = self._permitted_plan(call, command)
        if plan is None:
            return

        def edit(updated: cst.Call) -> cst.BaseExpression:
            func = updated.func
            if isinstance(func, cst.Attribute):
                func = func.with_changes(attr=cst.Name("create_subprocess_exec"))
            else:
                func = cst.Name("create_subprocess_exec")
            keywords = [arg for arg in updated.args if arg.keyword is not None]
            return updated.with_changes(func=func, args=spliced_args(command, plan) + keywords)

        if not self._schedule(call, edit, command, plan, spliced=True):
            return
        if isinstance(call.func, cst.Name):
            self.add_import("asyncio", "create_subprocess_exec")
            self.remove_import_of(call.func)

    def _plan_execute(self, call: cst.Call, varargs: bool) -> None:
        """``processutils.execute(cmd, shell=True)`` and ``execute(('...' % x).split())``."""
        first = positional_arg(call, 0, unpacked_ok=True)
        if first is None:
            return
        shell_arg = keyword_arg(call, "shell")
        if shell_arg is not None and self._shell_enabled(shell_arg):
            self._plan_execute_shell(call, first, varargs)
        elif is_split_call(first.value):
            self._plan_execute_split(call, first, varargs)
        elif m.matches(first.value, m.Call()) and "shlex.split" in self._qualified(
            first.value.func  # type: ignore[attr-defined]
        ):
            raise Refused(RefusalKind.NOT_APPLICABLE, SPLIT_NO_SHELL.format("shlex"), quiet=True)
        elif not first.star:
            self._note_already_a_list(call, first)

    def _plan_execute_shell(self, call: cst.Call, first: cst.Arg, varargs: bool) -> None:
        self._refuse_list_with_shell(call, first)
        if not varargs:
            if not first.star:  # what stops the command's rewrite comes first (zun's pipeline)
                self._plan(call, self._command(call, first), split_shell, False)
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
            return updated.with_changes(args=spliced_args(command, plan) + keywords)

        self._schedule(call, edit, command, plan, spliced=True)

    def _plan_execute_split(self, call: cst.Call, first: cst.Arg, varargs: bool) -> None:
        split = first.value
        assert isinstance(split, cst.Call) and isinstance(split.func, cst.Attribute)
        try:
            command = self._sources.command(call, cst.Arg(split.func.value))
        except Refused as refused:
            if refused.kind is not RefusalKind.ADVICE_ONLY:
                raise
            # manila's execute(*(mount_command.split())): a template from the driver's info
            reason = f"{SPLIT_NO_SHELL.format('str')} (whether a value holds blanks"
            reason += " that cut it into more arguments is for its template, not traced here)"
            raise Refused(RefusalKind.NOT_APPLICABLE, reason, quiet=True) from None
        # str.split() gave strings; only processutils is known to convert arguments itself.
        plan = self._plan(call, command, split_whitespace, stringify=not varargs)
        if not plan.template.placeholders:
            return  # constant text: nothing can be injected, and the list would only be churn
        # Every value left is one word or meant as several, so str.split() cut it as a list would.
        self.note(call, RefusalKind.NOT_APPLICABLE, SPLIT_CHURN_REASON)

    def _plan(self, call: cst.Call, command: Command, splitter: Splitter, stringify: bool) -> Plan:
        try:
            template = read_template(command.expression, self._is_quote_call)
        except TemplateError as error:
            raise Refused(RefusalKind.ADVICE_ONLY, f"{error}; rewrite it by hand") from None
        placeholders = template.placeholders
        if (
            splitter is split_shell
            and placeholders
            and all(
                isinstance(p.value, cst.Name) and self._sources.module_constant_string(p.value)
                for p in placeholders
            )
        ):  # buildbot's "svn log ... " + svnurl; offlineimap's "{} x.py".format(EDITOR)
            raise Refused(RefusalKind.NOT_APPLICABLE, CONSTANT_REASON, quiet=True)
        try:
            words = splitter(template.pieces)
            check_program(words)
            for word in words:
                render_word(word, template.quote, stringify)  # every word must be renderable
        except TemplateError as error:
            quoted = bool(placeholders) and all(p.quoted_by_call for p in placeholders)
            if command.held_in is not None:  # monasca-agent's _POSTFIX_CHECK_COMMAND
                holder = code_of(command.held_in.targets[0].target)
                where = f"the template is {holder}, line {self.lines_of(command.held_in)[0]}"
                error = TemplateError(f"{error} ({where})", error.expands_file_names)
            raise refusal_for(error, not placeholders, all_quoted=quoted) from None
        if splitter is split_shell and not placeholders:
            raise Refused(RefusalKind.NOT_APPLICABLE, CONSTANT_REASON, quiet=True)
        self._refuse_status_127(call)
        if command.held_in is not None:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"the template is held in a variable (line {self.lines_of(command.held_in)[0]})"
                " and formatted at the call: write the argument list there by hand",
            )
        settle_words(words, self._shapes, shell=splitter is split_shell)
        python2 = self.project.python_before((3, 0)) is not None
        return Plan(template, words, stringify, python2)

    def _permitted_plan(
        self, call: cst.Call, command: Command, stringify: bool = True
    ) -> Plan | None:
        """The argv plan of a shell command, or None when the fix may not be applied here."""
        plan = self._plan(call, command, split_shell, stringify=stringify)
        self._refuse_asserted(call)
        applicability, reason = plan_applicability(plan)
        return plan if self._permitted(call, applicability, reason) else None

    def _refuse_asserted(self, call: cst.Call) -> None:
        """Advice where the tests of the module assert the exact arguments of the subprocess
        function ``call`` calls (tripleo-ansible's ``mock_run.assert_called_once_with('tar xvz
        -C / -f foo', check=True, shell=True, ...)``): the fix would break them."""
        functions = self._qualified(call.func) & SUBPROCESS_FUNCTIONS
        facts = self.facts if isinstance(self.facts, CommandFacts) else CommandFacts()
        module = dotted_module(self.module_path)
        found = next(filter(None, (facts.assertions(module, f) for f in sorted(functions))), "")
        if found:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"the tests assert the exact arguments of this call ({found}): convert them"
                " together with the call",
            )

    def _permitted(self, call: cst.Call, applicability: Applicability, reason: str) -> bool:
        if not self.permits(call, applicability, reason):
            return False
        self._verdicts[call] = (applicability, reason)  # recorded once the edit fits
        return True

    def _schedule(
        self,
        call: cst.Call,
        edit: Edit,
        command: Command,
        plan: Plan,
        edited: cst.Call | None = None,
        spliced: bool = False,
    ) -> bool:
        """Plan the edits of ``edited`` (default: ``call``) and the command's assignment.

        Records the fix, or refuses it when a changed line cannot fit the line length.
        """
        edited = edited or call
        applicability, reason = self._verdicts.pop(call)
        new_call = self._fitted(edited, edit(edited), spliced)
        new_assignment = None
        if command.assignment is not None:
            assignment = command.assignment
            new_assignment = self._fitted(
                assignment, assignment.with_changes(value=argv_list(plan)), spliced=False
            )
        if new_call is None or (command.assignment is not None and new_assignment is None):
            limit = self.project.line_length
            self.refuse(
                call,
                RefusalKind.ADVICE_ONLY,
                f"the argument list cannot be wrapped to fit in {limit} columns without "
                "shifting an aligned continuation line; write it by hand",
            )
            return False
        self.record_fix(call, applicability, reason)
        self._call_edits[edited] = (edit, new_call)
        if command.assignment is not None:
            self._assignment_edits[command.assignment] = new_assignment
        if any(word.splits for word in plan.words):
            self._needed_modules.add("shlex")
        for quote_call in plan.template.quote_calls:
            self.remove_import_of(quote_call.func)
        return True

    def _fitted(self, old: cst.CSTNode, new: cst.CSTNode, spliced: bool) -> Any:
        """``new`` wrapped to fit the project's line length, or None when it cannot be."""
        statement = old
        while not isinstance(statement, (cst.SimpleStatementLine, cst.BaseCompoundStatement)):
            statement = self.get_metadata(ParentProvider, statement)
        indent = " " * self.get_metadata(PositionProvider, statement).start.column
        return self._fitter.fit(statement, indent, old, new, spliced)

    # -- refusals ---------------------------------------------------------------

    def _shell_enabled(
        self, shell_arg: cst.Arg, command_arg: cst.Arg | None = None, call: cst.Call | None = None
    ) -> bool:
        try:
            return bool(ast.literal_eval(code_of(shell_arg.value)))
        except (ValueError, SyntaxError):
            value = shell_arg.value
            if isinstance(value, cst.Name) and self._sources.always_a_windows_test(value):
                # flit's shell = (os.name == 'nt'): a shell runs on Windows only
                raise Refused(RefusalKind.NOT_APPLICABLE, _WINDOWS_LIST, quiet=True) from None
            if call is not None and only_on_windows(call, self.parent_of, self.module_path):
                # scikit-build's windows.py: shell=sys.platform.startswith("cygwin")
                raise Refused(RefusalKind.NOT_APPLICABLE, _WINDOWS_SHELL_CHOSEN) from None
            if command_arg is not None and self._sources.constant_list(command_arg.value):
                # beets' run(["ffprobe", "-version"], shell=shell), jupyterhub's
                # args = ['npm', 'run', 'css'] then check_call(args, shell=shell):
                # nothing to inject either way
                raise Refused(RefusalKind.NOT_APPLICABLE, CONSTANT_REASON, quiet=True) from None
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "shell= is not a constant, so the tool cannot tell whether a shell runs",
            ) from None

    def _refuse_shell_unpacked(self, call: cst.Call, command_arg: cst.Arg) -> None:
        """Advice where ``shell`` comes in a ``**options`` dict the function binds once
        (gitlint's ``popen_kwargs = {"stdout": pipe, "shell": ...}``), unless it is false:
        what else stops the rewrite of a command string (murano-agent's ``app``, bound again
        under an ``if``), else to pass it as a keyword and rerun."""
        for arg in call.args:
            if arg.star != "**" or not isinstance(arg.value, cst.Name):
                continue
            bound = self._bindings.of(arg.value)
            value = _shell_entry(bound[0]) if bound is not None and len(bound) == 1 else None
            if value is None or m.matches(value, m.Name("False")):
                continue
            through = f"shell={code_of(value)} comes through **{arg.value.value}"
            if self._maybe_a_list(command_arg.value):
                raise Refused(
                    RefusalKind.ADVICE_ONLY,
                    f"{through}, which the tool does not rewrite; with an argument list, a true"
                    " one runs only the list's first item as the command: drop it after"
                    " checking that item",
                )
            # what would still stop the rewrite once shell= is a keyword: a rerun is promised
            # only where it could reach a fix
            self._refuse_command(call, command_arg, lambda reason, why=through: f"{reason} ({why})")
            if not _is_constant(value):
                raise Refused(
                    RefusalKind.ADVICE_ONLY,
                    f"{through}, and is not a constant, so the tool cannot tell whether a"
                    " shell runs",
                )
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"{through}, which the tool does not rewrite: write the keywords of"
                f" **{arg.value.value} out at the call (shell= among them) and rerun",
            )

    def _a_list(self, value: cst.BaseExpression) -> bool:
        """A list or tuple display, or a name only ever bound to one."""
        return isinstance(value, (cst.List, cst.Tuple)) or (
            isinstance(value, cst.Name) and self._sources.always_a_list(value)
        )

    def _maybe_a_list(self, value: cst.BaseExpression) -> bool:
        """:meth:`_a_list`, or a ``*args`` parameter."""
        if self._a_list(value):
            return True
        origin = self._sources.origin(value) if isinstance(value, cst.Name) else None
        return isinstance(origin, cst.Param) and origin.star == "*"

    def _refuse_command(
        self, call: cst.Call, command_arg: cst.Arg, said: Callable[[str], str]
    ) -> None:
        """Raise what stops the rewrite of the command string (its template, ``executable=``,
        its plan), the advice's reason as ``said`` words it."""
        try:
            self._refuse_substituted_template(call, command_arg)
            self._refuse_executable(call)
            self._plan(call, self._command(call, command_arg), split_shell, stringify=True)
        except Refused as refused:
            if refused.kind is not RefusalKind.ADVICE_ONLY:
                raise
            raise Refused(RefusalKind.ADVICE_ONLY, said(refused.reason)) from None

    def _refuse_list_with_shell(self, call: cst.Call, command_arg: cst.Arg) -> None:
        value = command_arg.value
        if m.matches(value, m.Call(func=m.Attribute(attr=m.Name("split")))):
            # pypiper's check_call("cat {} > {}".format(...).split(), shell=True): cat alone
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"shell=True with {code_of(value)}, a list, is a separate bug: only its first"
                " word runs as the shell command (redirections and the rest are lost); pass"
                " the string itself, or drop shell=True after checking the words",
            )
        if literal_list(value) and len(value.elements) == 1:  # type: ignore[attr-defined]
            # meson's call(['sudo rm -rf /var/cache/pbuilder/result/*'], shell=True):
            # the one item is the whole shell command, as a string would be
            raise Refused(RefusalKind.NOT_APPLICABLE, CONSTANT_REASON, quiet=True)
        if isinstance(value, (cst.List, cst.Tuple)) and len(value.elements) == 1:
            # cibuildwheel's shell(cmd): subprocess.run([cmd], shell=True), its callers' lines
            item = value.elements[0]
            if not isinstance(item, cst.StarredElement):
                raise Refused(
                    RefusalKind.ADVICE_ONLY,
                    f"the list's one item, {code_of(item.value)}, is the whole shell line, as "
                    f"a string would be, and it {self._one_item_origin(item.value)}",
                )
        if self._a_list(value):
            if only_on_windows(call, self.parent_of, self.module_path):
                # awscli's class Windows(System) installs an .msi through cmd.exe
                raise Refused(RefusalKind.NOT_APPLICABLE, _WINDOWS_LIST)
            globbed = ""
            strings = nodes_of_type(value, (cst.SimpleString, cst.FormattedString))
            if any("*" in code_of(string) or "?" in code_of(string) for string in strings):
                # cobbler's ["cp", "-al", "%s/*" % old_path, ...]: no shell expands the * then
                globbed = ", and expand the wildcards of the list with glob.glob(): no shell will"
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "shell=True with an argument list is a separate bug: only the first item runs as"
                f" the shell command; drop shell=True after checking that item{globbed}",
            )

    def _one_item_origin(self, item: cst.BaseExpression) -> str:
        """Where the one item of ``[item]`` run by a shell comes from, and what to check."""
        origin = self._sources.origin(item)
        if isinstance(origin, cst.Call):
            # tuir's command, entry = self.get_mailcap_entry(url): no caller passes it
            name = called_name(origin) or code_of(origin.func)
            return (
                f"comes from {name}(), a call: check that what it returns is quoted, or build"
                " an argument list there"
            )
        if isinstance(origin, cst.Param):
            return "cannot be traced to one template in this function: " + (
                self._sources.wrapper_advice(item)  # type: ignore[arg-type]
                or "check what its callers pass, or give them an argument list"
            )
        return (
            "cannot be traced to one template in this function: check where it is set, or"
            " build an argument list there"
        )

    def _refuse_substituted_template(self, call: cst.Call, command_arg: cst.Arg) -> None:
        """Refuse a command made by ``string.Template(...).substitute(...)`` with values
        (watchdog's shell-command trick puts event paths into the user's command line)."""
        value = command_arg.value
        scope = self._enclosing_function(call)
        made = [value] if isinstance(value, cst.Call) else []
        if isinstance(value, cst.Name):
            made = values_assigned(scope, value.value)
        for expression in made:
            if not m.matches(expression, _SUBSTITUTED) or not expression.args:  # type: ignore[attr-defined]
                continue
            if "string.Template" in self._qualified(expression.func.value.func):  # type: ignore[attr-defined]
                raise Refused(
                    RefusalKind.ADVICE_ONLY,
                    "the values a string.Template substitutes stand unquoted in the shell"
                    " line, where their shell syntax runs: quote each with shlex.quote()"
                    " before substituting (the template itself is a shell script by design)",
                )

    def _refuse_executable(self, call: cst.Call) -> None:
        if keyword_arg(call, "executable") is not None:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                "executable= replaces the shell, so the command string is its script",
            )

    def _refuse_keyword_mappings(self, call: cst.Call, command_arg: cst.Arg) -> None:
        """Advice where keywords come through ``**mapping`` (subprocess-tee's
        ``**platform_settings``, which may name the shell): the command's own reason, and what
        the mapping is known to set, or may."""
        mappings = [arg.value for arg in call.args if arg.star == "**"]
        if not mappings:
            return
        note = self._mapping_note(call, mappings)
        self._refuse_command(call, command_arg, lambda reason: f"{reason}; {note}")
        raise Refused(
            RefusalKind.ADVICE_ONLY,
            f"{note}, which the tool does not rewrite: write the argument list by hand",
        )

    def _mapping_note(self, call: cst.Call, mappings: list[cst.BaseExpression]) -> str:
        """``**settings sets executable= (line 61)``, or ``**options may carry ...``."""
        function = self._enclosing_function(call)
        for mapping in mappings:
            for key in ("executable", "shell", "args"):
                values = mapping_values(mapping, key, self._bindings.of, function, None)
                if values:
                    line = self.lines_of(values[0])[0]
                    return f"**{code_of(mapping)} sets {key}= (line {line}) {_SETS[key]}"
        spelled = ", ".join(f"**{code_of(mapping)}" for mapping in mappings)
        return f"{spelled} may carry executable= or other keywords the tool cannot see"

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
        if self._a_list(value):
            self.refuse(
                call,
                RefusalKind.NOT_APPLICABLE,
                f"{ALREADY_A_LIST}: no shell parses the command",
            )

    # -- helpers -------------------------------------------------------------------

    def _qualified(self, node: cst.CSTNode) -> set[str]:
        return self._names.of(node)

    def _is_quote_call(self, call: cst.Call) -> bool:
        return bool(self._qualified(call.func) & QUOTE_FUNCTIONS)

    def _enclosing_function(self, node: cst.CSTNode) -> cst.CSTNode:
        current = node
        while not isinstance(current, (cst.FunctionDef, cst.Module)):
            current = self.get_metadata(ParentProvider, current)
        return current

    # -- applying ------------------------------------------------------------------

    def leave_Call(self, original_node: cst.Call, updated_node: cst.Call) -> cst.BaseExpression:
        planned = self._call_edits.get(original_node)
        if planned is None:
            return updated_node
        edit, fitted = planned
        return fitted if updated_node.deep_equals(original_node) else edit(updated_node)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        if not self._needed_modules:
            return updated_node
        return self.add_stdlib_imports(updated_node, sorted(self._needed_modules))

    def leave_Assign(self, original_node: cst.Assign, updated_node: cst.Assign) -> cst.Assign:
        return self._assignment_edits.get(original_node, updated_node)


def _is_write_mode(mode: cst.BaseExpression) -> bool:
    return isinstance(mode, cst.SimpleString) and "w" in str(mode.evaluated_value)


def _is_constant(value: cst.BaseExpression) -> bool:
    try:
        ast.literal_eval(code_of(value))
    except (ValueError, SyntaxError):
        return False
    return True


def _shell_entry(options: cst.BaseExpression) -> cst.BaseExpression | None:
    """The value of a dict literal's ``"shell"`` key; None when it has none."""
    if not isinstance(options, cst.Dict):
        return None
    for element in options.elements:
        key = getattr(element, "key", None)
        if isinstance(key, cst.SimpleString) and key.evaluated_value == "shell":
            return element.value
    return None
