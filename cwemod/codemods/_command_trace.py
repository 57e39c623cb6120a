"""Where the command string of a ``command-argv`` call comes from.

Either the call's argument is a template itself, or it names a variable
assigned one template, once, earlier in the same function, and used for
nothing but running it and logging it.
"""

from __future__ import annotations

import re
import shlex
from collections.abc import Callable

import libcst as cst
from libcst.metadata import (
    BaseAssignment,
    ComprehensionScope,
    FunctionScope,
    GlobalScope,
    Scope,
    ScopeProvider,
)

from cwemod.codemods._command_apis import LOGGING_METHODS
from cwemod.codemods._command_callers import (
    configured_callers,
    constant_callers,
    dropped_shell,
    is_private,
    string_wrapper,
)
from cwemod.codemods._command_plan import CONSTANT_REASON, Command, Refused
from cwemod.codemods._shell_read import is_template_expression
from cwemod.codemods.base import Codemod, nodes_of_type
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.calls import called_name
from cwemod.codemods.kit.parents import ParentProvider, statement_in_block
from cwemod.codemods.kit.platforms import tests_for_windows
from cwemod.codemods.records import RefusalKind


def _replaces_in(name: str) -> m.BaseMatcherNode:
    return m.Call(
        func=m.Attribute(value=m.Name(name), attr=m.Name("replace")),
        args=[m.Arg(m.SimpleString()), m.Arg()],
    )


# A function that quotes for a shell: shlex.quote, dulwich's _shell_quote.
_QUOTING = re.compile(r"(?:^|_)quote(?:$|_)")


GIT_CONFIG_REASON = (
    "a command line read from git config, which git itself runs through sh (a filter's or"
    " driver's command): the user's own shell command by design, so nothing to fix"
)


CONFIGURED_REASON = (
    "every call of {function}() in this module passes an option of the operator's"
    " configuration (CONF), a command line the operator writes for a shell: the shell is"
    " the operator's command by design, so nothing to fix"
)


# How far one module constant may be built of others before the search gives up.
_CONSTANT_DEPTH = 8


class CommandSources:
    """Traces command strings through the codemod's scope and parent metadata.

    The codemod must declare ``ScopeProvider`` and ``ParentProvider`` in
    its ``METADATA_DEPENDENCIES``.
    """

    def __init__(self, codemod: Codemod) -> None:
        self._codemod = codemod

    def command(self, call: cst.Call, command_arg: cst.Arg) -> Command:
        value = command_arg.value
        held = self._held_head(call, value)
        if held is not None:
            return held
        if is_template_expression(value):
            return Command(value)
        if isinstance(value, cst.Name):
            return self._traced_command(call, value)
        held = self._held_template(call, value)
        if held is not None:
            return held
        raise Refused(
            RefusalKind.ADVICE_ONLY,
            "the command string cannot be traced to one template in this function",
        )

    def _traced_command(self, call: cst.Call, name: cst.Name) -> Command:
        if self.constant_command(name):  # atomic-reactor's rpm format, joined from literal tags
            raise Refused(RefusalKind.NOT_APPLICABLE, CONSTANT_REASON, quiet=True)
        if self._read_from_git_config(name):  # nbdime's git filter's clean command
            raise Refused(RefusalKind.NOT_APPLICABLE, GIT_CONFIG_REASON, quiet=True)
        configured = self._configured_callers(name)
        if configured is not None:  # ironic-inspector's dnsmasq_start_command
            raise Refused(
                RefusalKind.NOT_APPLICABLE,
                CONFIGURED_REASON.format(function=configured.name.value),
                quiet=True,
            )
        found = self._single_assignment(name)
        if found is None:
            if self.always_a_string(name):  # detect-secrets' 'clear', or 'cls' on Windows
                raise Refused(RefusalKind.NOT_APPLICABLE, CONSTANT_REASON, quiet=True)
            quoting = self._quoted_replacements(name)
            if quoting is not None:
                raise Refused(
                    RefusalKind.NOT_APPLICABLE,
                    f"a configured command line whose every replaced value goes through"
                    f" {quoting}(): nothing can be injected",
                    quiet=True,
                )
            raise Refused(RefusalKind.ADVICE_ONLY, self._untraced_reason(name))
        assign, assignment = found
        # planemo's command = XMLLINT_COMMAND.format(schema_path, target_path)
        held = (
            None
            if is_template_expression(assign.value)
            else self._held_template(call, assign.value)
        )
        if (
            not (held or is_template_expression(assign.value))
            or self._codemod.lines_of(assign)[0] >= self._codemod.lines_of(call)[0]
        ):
            raise Refused(RefusalKind.ADVICE_ONLY, self._untraced_reason(name))
        other_use = self._other_use(assignment, name)
        if other_use is not None:
            raise Refused(
                RefusalKind.ADVICE_ONLY,
                f"the command string {name.value!r} is also used at line {self._codemod.lines_of(other_use)[0]}",
            )
        return held or self._held_head(call, assign.value) or Command(assign.value, assign, name)

    def _read_from_git_config(self, name: cst.Name) -> bool:
        """Is ``name`` bound once to what a ``git config`` subprocess prints, run there or in
        the module's function that the binding calls (nbdime's ``get_clean_filter_cmd()``)?"""
        origin = self.origin(name)
        if not isinstance(origin, cst.Call):
            return False
        if any(_runs_git_config(call) for call in nodes_of_type(origin, cst.Call)):
            return True
        scope = self._codemod.get_metadata(ScopeProvider, origin.func, None)
        if not isinstance(origin.func, cst.Name) or scope is None:
            return False
        bindings = scope[origin.func.value] if origin.func.value in scope else set()
        return len(bindings) == 1 and any(
            isinstance(binding.node, cst.FunctionDef)
            and any(_runs_git_config(call) for call in nodes_of_type(binding.node, cst.Call))
            for binding in bindings
        )

    def _held_template(self, call: cst.Call, value: cst.BaseExpression) -> Command | None:
        """``c % x`` or ``c.format(x)``, where ``c`` is a local bound once, before the call,
        to a string literal used only here (xonsh's ``c = "{0} {1}; exit 0"``), or a module
        constant bound only once, to a string literal (planemo's ``XMLLINT_COMMAND``): the
        template with the literal in place of ``c``."""
        if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Modulo):
            holder = value.left
        elif m.matches(value, m.Call(func=m.Attribute(value=m.Name(), attr=m.Name("format")))):
            holder = value.func.value  # type: ignore[attr-defined]
        else:
            return None
        held = self._held_literal(holder) if isinstance(holder, cst.Name) else None
        if held is None or self._codemod.lines_of(held[0])[0] >= self._codemod.lines_of(call)[0]:
            return None
        assign, literal = held
        if isinstance(value, cst.BinaryOperation):
            inlined: cst.BaseExpression = value.with_changes(left=literal)
        else:
            inlined = value.with_changes(func=value.func.with_changes(value=literal))  # type: ignore[attr-defined]
        return Command(inlined, held_in=assign)

    def _held_literal(self, name: cst.Name) -> tuple[cst.Assign, cst.BaseExpression] | None:
        """The ``name = <string literal>`` statement of a local bound once and used only
        here, or of a module constant bound only there, and the literal; for a module
        constant, text made of literals and such constants too (monasca-agent's
        ``_POSTFIX_CHECK_COMMAND = ('... %s/incoming ...' % _POSTFIX_DIRECTORY)``), as one
        literal of that text."""
        found = self._single_assignment(name)
        if found is not None:
            assign, assignment = found
            literal = _is_literal(assign.value) and len(assignment.references) == 1
            return (assign, assign.value) if literal else None
        statement = self._module_constant(name)
        if statement is None:
            return None
        if _is_literal(statement.value):
            return statement, statement.value
        text = self._text_of(statement.value, 0)
        return None if text is None else (statement, cst.SimpleString(repr(text)))

    def _module_constant(self, name: cst.Name) -> cst.Assign | None:
        """The one ``name = value`` statement of a module constant bound only there."""
        scope = self._binding_scope(name)
        if not isinstance(scope, GlobalScope) or len(scope.assignments[name.value]) != 1:
            return None
        statement = self._binding_statement(next(iter(scope.assignments[name.value])).node)
        return statement if isinstance(statement, cst.Assign) else None

    def _text_of(self, value: cst.BaseExpression, depth: int) -> str | None:
        """The text of ``value`` made only of string literals and module constants of such
        text, joined by ``+``, ``%`` or ``str.format()`` (positional); None for anything else."""
        if depth > _CONSTANT_DEPTH:
            return None
        if isinstance(value, (cst.SimpleString, cst.ConcatenatedString)):
            text = value.evaluated_value
            return text if isinstance(text, str) else None
        if isinstance(value, cst.Name):
            statement = self._module_constant(value)
            return None if statement is None else self._text_of(statement.value, depth + 1)
        parts: list[cst.BaseExpression] = []
        if isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add):
            parts = [value.left, value.right]
        elif isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Modulo):
            right = value.right
            values = [e.value for e in right.elements] if isinstance(right, cst.Tuple) else [right]
            parts = [value.left, *values]
        elif m.matches(value, m.Call(func=m.Attribute(attr=m.Name("format")))):
            args = value.args  # type: ignore[attr-defined]
            if any(arg.keyword is not None or arg.star for arg in args):
                return None
            parts = [value.func.value, *(arg.value for arg in args)]  # type: ignore[attr-defined]
        texts = [self._text_of(part, depth + 1) for part in parts]
        if not texts or None in texts:
            return None
        first, *rest = [text for text in texts if text is not None]
        try:
            if not isinstance(value, cst.BinaryOperation):
                return first.format(*rest)
            return first + rest[0] if isinstance(value.operator, cst.Add) else first % tuple(rest)
        except (TypeError, ValueError, KeyError, IndexError):
            return None

    def _held_head(
        self, call: cst.Call, value: cst.BaseExpression, depth: int = 0
    ) -> Command | None:
        """``cmd + " -l"``, where ``cmd`` is a local bound once, before the call, to a
        template used only here (zulip's git_p4: ``patchcmd = diffcmd + " | git apply "``):
        the whole template, read for what it runs, not rewritten."""
        if depth > _CONSTANT_DEPTH or not (
            isinstance(value, cst.BinaryOperation) and isinstance(value.operator, cst.Add)
        ):
            return None
        chain = [value]
        while isinstance(chain[-1].left, cst.BinaryOperation) and isinstance(
            chain[-1].left.operator, cst.Add
        ):
            chain.append(chain[-1].left)
        head = chain[-1].left
        found = self._single_assignment(head) if isinstance(head, cst.Name) else None
        if found is None:
            return None
        assign, assignment = found
        if (
            not is_template_expression(assign.value)
            or self._codemod.lines_of(assign)[0] >= self._codemod.lines_of(call)[0]
            or len(assignment.references) != 1
        ):
            return None
        inlined: cst.BaseExpression = assign.value
        for link in reversed(chain):
            inlined = link.with_changes(left=inlined)
        deeper = self._held_head(call, inlined, depth + 1)
        return deeper or Command(inlined, held_in=assign)

    def _quoted_replacements(self, name: cst.Name) -> str | None:
        """The quoting function, where ``name`` is bound once to a value, then only to
        itself with a placeholder replaced by a quoted value: dulwich's merge driver,
        ``cmd = self.command``, then ``cmd = cmd.replace("%A", _shell_quote(ours_path))``."""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        values = self._assigned_values(name, scope) if isinstance(scope, FunctionScope) else None
        if values is None:
            return None
        replaced = [value for value in values if m.matches(value, _replaces_in(name.value))]
        if len(values) - len(replaced) != 1 or not replaced:
            return None
        quoting = set()
        for value in replaced:
            new = value.args[1].value  # type: ignore[attr-defined]
            new = self._only_value(new) if isinstance(new, cst.Name) else new
            if not isinstance(new, cst.Call) or not _QUOTING.search(called_name(new) or ""):
                return None
            quoting.add(called_name(new))
        return min(quoting)  # type: ignore[type-var]

    def _only_value(self, name: cst.Name) -> cst.BaseExpression | None:
        found = self._single_assignment(name)
        return None if found is None else found[0].value

    def _single_assignment(self, name: cst.Name) -> tuple[cst.Assign, BaseAssignment] | None:
        """The one ``name = <value>`` statement of a function-local variable."""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        # A module or class attribute can be read or changed from elsewhere.
        if not isinstance(scope, FunctionScope) or name.value not in scope:
            return None
        assignments = list(scope.assignments[name.value])
        if len(assignments) != 1 or not isinstance(assignments[0].node, cst.Name):
            return None
        target = self._codemod.get_metadata(ParentProvider, assignments[0].node)
        statement = self._codemod.get_metadata(ParentProvider, target)
        if not isinstance(target, cst.AssignTarget) or not isinstance(statement, cst.Assign):
            return None
        if len(statement.targets) != 1:
            return None
        return statement, assignments[0]

    def reaching_template(self, call: cst.Call, name: cst.Name) -> cst.BaseExpression | None:
        """The template of the ``name = <template>`` statement before the call's own in the
        same block, with nothing between them that binds ``name`` (glean's ``log.info(cmd)``
        only reads it): the value the call gets, where the function binds ``name`` more than
        once (atomic-reactor's ``cmd``, made again in an ``except`` block)."""
        found = statement_in_block(
            call, lambda node: self._codemod.get_metadata(ParentProvider, node, None)
        )
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        if found is None or scope is None or name.value not in scope:
            return None
        bindings = {assignment.node for assignment in scope.assignments[name.value]}
        block, index = found
        for earlier in reversed(block.body[:index]):
            if m.matches(earlier, m.SimpleStatementLine([m.Assign([m.AssignTarget(m.Name())])])):
                assign = earlier.body[0]  # type: ignore[attr-defined]
                if assign.targets[0].target.value == name.value:
                    value = assign.value
                    return value if is_template_expression(value) else None
            named = [node for node in m.findall(earlier, m.Name()) if node.value == name.value]
            if any(node in bindings or not self._read_here(node, scope) for node in named):
                return None
        return None

    def _read_here(self, node: cst.Name, scope: Scope) -> bool:
        """Is ``node`` a read of the variable of ``scope`` (not a name in a nested scope that
        may bind it there, nor an attribute's or keyword's name)?"""
        return any(access.node is node for access in scope.accesses[node.value])

    def binding_lines(self, name: cst.Name) -> list[int]:
        """The lines where the function binds its local ``name``, in order; empty for a name
        it does not bind."""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        if not isinstance(scope, FunctionScope) or name.value not in scope:
            return []
        nodes = [assignment.node for assignment in scope.assignments[name.value]]
        return sorted(self._codemod.lines_of(node)[0] for node in nodes)

    def appended_templates(self, call: cst.Call, name: cst.Name) -> list[cst.BaseExpression]:
        """The template of a function's one ``name = <template>``, with each string literal
        the function then appends by ``name += <literal>`` (under an ``if`` or not), one at
        a time: Kallithea's ``cmd = 'git archive ...' % (...)``, then ``cmd += ' | gzip
        -9'``. Read for what the call runs, never rewritten. Empty where ``name`` is bound
        otherwise, after the call, or a literal's quotes do not pair (dropping the others
        would then change what is quoted)."""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        if not isinstance(scope, FunctionScope) or name.value not in scope:
            return []
        statements = [self._binding_statement(a.node) for a in scope.assignments[name.value]]
        assigns = [s for s in statements if isinstance(s, cst.Assign)]
        appends = [s for s in statements if isinstance(s, cst.AugAssign) and _appends_a_literal(s)]
        line = self._codemod.lines_of(call)[0]
        if (
            len(assigns) != 1
            or len(assigns) + len(appends) != len(statements)
            or not is_template_expression(assigns[0].value)
            or any(self._codemod.lines_of(s)[0] >= line for s in statements)
            or any(
                self._codemod.lines_of(s)[0] < self._codemod.lines_of(assigns[0])[0]
                for s in appends
            )
        ):
            return []
        return [
            cst.BinaryOperation(assigns[0].value, cst.Add(), append.value) for append in appends
        ]

    def _binding_statement(self, node: cst.CSTNode) -> cst.CSTNode | None:
        """The ``name = value`` (one target) or ``name += value`` statement binding ``node``."""
        parent = self._codemod.get_metadata(ParentProvider, node, None)
        if isinstance(parent, cst.AugAssign) and parent.target is node:
            return parent
        statement = self._codemod.get_metadata(ParentProvider, parent, None) if parent else None
        if isinstance(parent, cst.AssignTarget) and isinstance(statement, cst.Assign):
            return statement if len(statement.targets) == 1 else None
        return None

    def _other_use(self, assignment: BaseAssignment, name: cst.Name) -> cst.CSTNode | None:
        """A use of the command variable other than this call or a logging call, if any."""
        for access in sorted(
            assignment.references, key=lambda access: self._codemod.lines_of(access.node)
        ):
            if access.node is name:
                continue
            if not self._is_logged(access.node):
                return access.node
        return None

    def _is_logged(self, node: cst.CSTNode) -> bool:
        arg = self._codemod.get_metadata(ParentProvider, node)
        call = self._codemod.get_metadata(ParentProvider, arg) if isinstance(arg, cst.Arg) else None
        return isinstance(call, cst.Call) and called_name(call) in LOGGING_METHODS

    def constant_list(self, value: cst.BaseExpression) -> bool:
        """A list or tuple of string literals, given there or by a name only ever bound to
        one and never changed in place: a command nothing can be injected into."""
        if isinstance(value, cst.Name):
            return self._always(value, (cst.List, cst.Tuple), literal_list) and not (
                self._changed_in_place(value)
            )
        return literal_list(value)

    def _changed_in_place(self, name: cst.Name) -> bool:
        """Is ``name`` used other than as a whole value (``args.append(x)``, ``args[0] = x``)?"""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        if scope is None:
            return True
        for access in scope.accesses[name.value]:
            parent = self._codemod.get_metadata(ParentProvider, access.node, None)
            if isinstance(parent, (cst.Attribute, cst.Subscript, cst.AugAssign)):
                return True
        return False

    def always_a_list(self, name: cst.Name) -> bool:
        """Every assignment of ``name`` in its scope is a list or tuple display."""
        return self._always(name, (cst.List, cst.Tuple))

    def module_constant_string(self, name: cst.Name, depth: int = 0) -> bool:
        """Is ``name`` a module constant only ever assigned plain string (or number) literals
        (ipyparallel's benchmark ``n = 20``), or text made of them and of other such
        constants (offlineimap's ``EXCERPT = "{}/changelog.excerpt.md".format(CACHEDIR)``)?"""
        scope = self._binding_scope(name)
        return (
            isinstance(scope, GlobalScope)
            and depth < _CONSTANT_DEPTH
            and self._always(
                name,
                (cst.BaseExpression,),
                also=lambda value: self._constant_text(value, depth + 1),
                scope=scope,
            )
        )

    def constant_command(self, value: cst.BaseExpression) -> bool:
        """Is ``value`` constant text, or a parameter of a private function whose every call
        in the module passes a literal without shell syntax (shuup's ``snarf(cmd)``, made
        private: ``snarf("node --version")``), which no other module calls?"""
        if self.constant_text(value):
            return True
        function = self._constant_callers(value) if isinstance(value, cst.Name) else None
        return function is not None and is_private(function.name.value)

    def _configured_callers(self, name: cst.Name) -> cst.FunctionDef | None:
        """The private function whose parameter ``name`` is, where every call of it in the
        module passes an option of the operator's configuration (``CONF.<group>.<opt>``)."""
        param = self.origin(name)
        if not isinstance(param, cst.Param):
            return None
        function = configured_callers(self._codemod, param)
        return function if function is not None and is_private(function.name.value) else None

    def _constant_callers(self, name: cst.Name) -> cst.FunctionDef | None:
        """The function whose parameter ``name`` is, where every call of it in the module
        passes a literal without shell syntax for it."""
        param = self.origin(name)
        return constant_callers(self._codemod, param) if isinstance(param, cst.Param) else None

    def constant_text(self, value: cst.BaseExpression) -> bool:
        """Is ``value`` text made only of literals: through module constants, names its
        function binds only to such text, and ``join()`` of lists of it (atomic-reactor's
        ``fmt = sep.join(["%%{%s}" % tag for tag in tags])``, ``tags`` a list of literals)?"""
        return self._constant_text(value, 0)

    def _constant_text(self, value: cst.BaseExpression, depth: int) -> bool:
        """Is ``value`` a literal, or text made only of literals, constants and joins?"""
        if isinstance(value, (cst.SimpleString, cst.Integer, cst.Float)):
            return True
        if isinstance(value, cst.Name):
            return self._constant_name(value, depth)
        if m.matches(value, m.Call(func=m.Attribute(attr=m.Name("join")), args=[m.Arg(star="")])):
            receiver = value.func.value  # type: ignore[attr-defined]
            items = value.args[0].value  # type: ignore[attr-defined]
            return self._constant_text(receiver, depth) and self._constant_items(items, depth)
        if isinstance(value, cst.ConcatenatedString):
            return self._constant_text(value.left, depth) and self._constant_text(
                value.right, depth
            )
        if isinstance(value, cst.FormattedString):
            return all(
                self._constant_text(part.expression, depth)
                for part in value.parts
                if isinstance(part, cst.FormattedStringExpression)
            )
        if isinstance(value, cst.BinaryOperation) and isinstance(
            value.operator, (cst.Add, cst.Modulo)
        ):
            right = value.right
            parts = right.elements if isinstance(right, cst.Tuple) else [right]
            return self._constant_text(value.left, depth) and all(
                self._constant_text(part.value if isinstance(part, cst.Element) else part, depth)
                for part in parts
            )
        if m.matches(
            value, m.Call(func=m.Attribute(value=m.SimpleString(), attr=m.Name("format")))
        ):
            return all(
                arg.star == "" and self._constant_text(arg.value, depth)
                for arg in value.args  # type: ignore[attr-defined]
            )
        return False

    def _constant_name(self, name: cst.Name, depth: int) -> bool:
        """A module constant of text, a name its function binds only to constant text, or a
        comprehension's target over constant items."""
        if self.module_constant_string(name, depth):
            return True
        if depth >= _CONSTANT_DEPTH:
            return False
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        if isinstance(scope, ComprehensionScope):
            targets = [a.node for a in scope.assignments[name.value]]
            loop = self._codemod.get_metadata(ParentProvider, targets[0], None) if targets else None
            return (
                len(targets) == 1
                and isinstance(loop, cst.CompFor)
                and loop.target is targets[0]
                and self._constant_items(loop.iter, depth + 1)
            )
        return isinstance(self._binding_scope(name), FunctionScope) and self._always(
            name, (cst.BaseExpression,), also=lambda value: self._constant_text(value, depth + 1)
        )

    def _constant_items(self, value: cst.BaseExpression, depth: int) -> bool:
        """A list or tuple display of constant text, a comprehension making it, or a name
        only ever bound to such a list and never changed in place."""
        if isinstance(value, (cst.List, cst.Tuple)):
            return all(
                isinstance(element, cst.Element) and self._constant_text(element.value, depth)
                for element in value.elements
            )
        if isinstance(value, (cst.ListComp, cst.GeneratorExp)):
            return self._constant_text(value.elt, depth)  # its targets checked as names
        return (
            isinstance(value, cst.Name)
            and depth < _CONSTANT_DEPTH
            and self._binding_scope(value) is not None
            and self._always(
                value,
                (cst.List, cst.Tuple, cst.ListComp),
                also=lambda items: self._constant_items(items, depth + 1),
                scope=self._binding_scope(value),
            )
            and not self._changed_in_place(value)
        )

    def always_a_string(self, name: cst.Name) -> bool:
        """Is ``name``, local to its function or else a module constant (ncclient's
        ``NETCONF_SHELL = 'netconf'``), only ever assigned plain string literals?"""
        scope = self._binding_scope(name)
        return scope is not None and self._always(name, (cst.SimpleString,), scope=scope)

    def always_a_windows_test(self, name: cst.Name) -> bool:
        """Is ``name`` only ever bound to a test for Windows (flit's ``shell = (os.name ==
        'nt')``, commented "On Windows, shell needs to be True to pick up our local PATH")?"""
        scope = self._binding_scope(name)
        return scope is not None and self._always(
            name, (cst.Comparison,), also=lambda value: tests_for_windows(value) is True,
            scope=scope,
        )  # fmt: skip

    def _binding_scope(self, name: cst.Name) -> Scope | None:
        """The function's scope where it binds ``name``, else the module's; None elsewhere
        (an enclosing function's variable, read by a nested one)."""
        scope = self._codemod.get_metadata(ScopeProvider, name, None)
        if isinstance(scope, FunctionScope) and not scope.assignments[name.value]:
            bindings = scope[name.value]
            module = all(binding.scope is scope.globals for binding in bindings)
            return scope.globals if bindings and module else None
        return scope if isinstance(scope, (FunctionScope, GlobalScope)) else None

    def _always(
        self,
        name: cst.Name,
        kinds: tuple[type[cst.CSTNode], ...],
        also: Callable[[cst.BaseExpression], bool] = lambda value: True,
        scope: Scope | None = None,
    ) -> bool:
        """Every assignment of ``name`` in its scope (or ``scope``) is a plain
        ``name = <one of kinds>`` whose value is ``also``."""
        values = self._assigned_values(name, scope)
        return bool(values) and all(
            isinstance(value, kinds) and also(value)
            for value in values  # type: ignore[union-attr]
        )

    def _assigned_values(
        self, name: cst.Name, scope: Scope | None = None
    ) -> list[cst.BaseExpression] | None:
        """The value of each binding of ``name`` in its scope (or ``scope``); None where
        the scope does not hold it, or one binding is no plain ``name = value``."""
        scope = scope or self._codemod.get_metadata(ScopeProvider, name, None)
        if scope is None or name.value not in scope:
            return None
        values = []
        for assignment in scope.assignments[name.value]:
            target = (
                self._codemod.get_metadata(ParentProvider, assignment.node, None)
                if isinstance(assignment.node, cst.Name)
                else None
            )
            statement = (
                self._codemod.get_metadata(ParentProvider, target, None)
                if target is not None
                else None
            )
            if not (isinstance(target, cst.AssignTarget) and isinstance(statement, cst.Assign)):
                return None
            values.append(statement.value)
        return values

    def _untraced_reason(self, name: cst.Name) -> str:
        """Why the string ``name`` is no template here; of a parameter, what its callers must
        do (ec2instanceconnectcli's ``run_command(self, command)``)."""
        reason = (
            f"the command string {name.value!r} cannot be traced to one template in this function"
        )
        if self._constant_callers(name) is not None:  # shuup's snarf("node --version")
            reason += ": every call in this module passes a constant; check callers elsewhere,"
            reason += " that what they pass is quoted, or have them pass an argument list"
        elif isinstance(self.origin(name), cst.Param):
            reason += ": " + (
                self.wrapper_advice(name)
                or "check that what its callers pass is quoted, or have them pass an argument"
                " list to run without a shell"
            )
        elif len(lines := self.binding_lines(name)) > 1:  # murano-agent's app, again under an if
            reason += (
                f": it is bound more than once (lines {', '.join(map(str, lines))}); build an"
                " argument list where it is made, each value an item of its own (shlex.split()"
                " for a string meant as several arguments), and run it without a shell"
            )
        return reason

    def wrapper_advice(self, name: cst.Name) -> str | None:
        """Where a function uses the command its parameter ``name`` holds as a string
        (networking-bagpipe's run_command(): ``" ".join([root_helper, command])``), that it
        must take an argument list before its callers can pass one; else None."""
        found = string_wrapper(self._codemod, name)
        if found is None:
            return None
        function, use = found
        wrapper = f"{function.name.value}()"
        dropped = dropped_shell(function)
        drops = (
            f", and drops its callers' shell= (line {self._codemod.lines_of(dropped)[0]})"
            if dropped is not None
            else ""
        )
        return (
            f"{wrapper} uses the command as a string (line {self._codemod.lines_of(use)[0]}),"
            f" so an argument list from its callers would break it{drops}: {wrapper} itself"
            " must take an argument list before its callers can pass one; until then check"
            " that what they pass is quoted"
        )

    def origin(self, value: cst.BaseExpression) -> cst.Call | cst.Param | None:
        """Where the function gets ``value`` from: a call (made there, or the one call whose
        result, or a part of it unpacked, is the name's only binding in the function: tuir's
        ``command, entry = self.get_mailcap_entry(url)``), a parameter it never binds again,
        or None."""
        if isinstance(value, cst.Call):
            return value
        scope = self._codemod.get_metadata(ScopeProvider, value, None)
        if not isinstance(value, cst.Name) or not isinstance(scope, FunctionScope):
            return None
        bindings = scope[value.value] if value.value in scope else set()
        if len(bindings) != 1 or any(binding.scope is not scope for binding in bindings):
            return None
        bound = next(iter(bindings)).node
        # A parameter's binding is its Param node (LibCST's scope analysis)
        return bound if isinstance(bound, cst.Param) else self._unpacked_call(bound)

    def _unpacked_call(self, target: cst.CSTNode) -> cst.Call | None:
        """The call ``target = call(...)`` or ``target, other = call(...)`` assigns from."""
        parent = self._codemod.get_metadata(ParentProvider, target, None)
        while isinstance(parent, (cst.Element, cst.Tuple, cst.List)):
            parent = self._codemod.get_metadata(ParentProvider, parent, None)
        statement = (
            self._codemod.get_metadata(ParentProvider, parent, None)
            if isinstance(parent, cst.AssignTarget)
            else None
        )
        if isinstance(statement, cst.Assign) and isinstance(statement.value, cst.Call):
            return statement.value
        return None

    def read_call_around(self, call: cst.Call) -> cst.Call | None:
        """The ``os.popen(...).read()`` call around ``call``, if that is how it is used."""
        attribute = self._codemod.get_metadata(ParentProvider, call)
        if not (isinstance(attribute, cst.Attribute) and attribute.attr.value == "read"):
            return None
        outer = self._codemod.get_metadata(ParentProvider, attribute)
        if isinstance(outer, cst.Call) and outer.func is attribute and not outer.args:
            return outer
        return None


def _runs_git_config(call: cst.Call) -> bool:
    """Is the call's first argument a list or tuple that starts ``"git", "config"``?"""
    first = call.args[0].value if call.args and not call.args[0].star else None
    if not isinstance(first, (cst.List, cst.Tuple)) or len(first.elements) < 2:
        return False
    words = [element.value for element in first.elements[:2]]
    return all(isinstance(word, cst.SimpleString) for word in words) and [
        word.evaluated_value
        for word in words  # type: ignore[union-attr]
    ] == ["git", "config"]


def _is_literal(value: cst.BaseExpression) -> bool:
    return isinstance(value, (cst.SimpleString, cst.ConcatenatedString))


def _appends_a_literal(statement: cst.AugAssign) -> bool:
    """``name += '<text>'``, whose quotes pair as a shell reads them (``' | gzip -9'``)."""
    if not (
        isinstance(statement.operator, cst.AddAssign)
        and isinstance(statement.value, cst.SimpleString)
    ):
        return False
    text = statement.value.evaluated_value
    if not isinstance(text, str):
        return False
    try:
        shlex.split(text)
    except ValueError:  # an open quote, or a backslash at the end
        return False
    return True


def literal_list(value: cst.BaseExpression) -> bool:
    """A list or tuple of string literals only: a command nothing can be injected into."""
    return (
        isinstance(value, (cst.List, cst.Tuple))
        and bool(value.elements)
        and all(
            isinstance(element, cst.Element) and isinstance(element.value, cst.SimpleString)
            for element in value.elements
        )
    )
