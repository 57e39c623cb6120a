"""Release what a function acquired when a later step fails (CWE-664, CWE-703)."""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import libcst as cst
import libcst.matchers as m
from libcst.metadata import PositionProvider

from cwemod.codemods._cleanup_pairs import BUILTIN_PAIRS, Pair, parse_pairs
from cwemod.codemods._cleanup_scan import (
    MAX_LINE,
    FlowScan,
    first_comment_kept,
    fits_line_limit,
    is_trivial_return,
    lines_over,
    module_facts,
    teardown_calls,
    wrap_long_comments,
)
from cwemod.codemods.base import Applicability, Codemod, RefusalKind, imported_tails
from cwemod.codemods.kit.imports import add_stdlib_imports
from cwemod.codemods.kit.names import dotted_name
from cwemod.codemods.kit.quotes import SINGLE, prevailing_quote, string_literal
from cwemod.codemods.kit.source import code_of

# Every built-in acquire's source text contains one of these.
_BUILTIN_ACQUIRE_TEXT = ("mkdtemp", "open(", "socket", "Temporary", "create(")


@dataclass(frozen=True)
class Acquire:
    """One acquisition statement at the top level of a function body."""

    index: int
    pair: Pair
    call: cst.Call
    resource: cst.BaseExpression  # the assigned name/attribute, or the receiver of a method pair

    @property
    def resource_code(self) -> str:
        return code_of(self.resource)

    @property
    def is_local_name(self) -> bool:
        return isinstance(self.resource, cst.Name)

    @property
    def on_super(self) -> bool:
        return m.matches(self.resource, m.Call(func=m.Name("super")))


@dataclass(frozen=True)
class Candidate:
    """A rewrite of one site, not yet applied."""

    replacement: list[cst.BaseStatement]
    consumed: int  # how many original statements, from the acquire on, it replaces
    applicability: Applicability
    reason: str
    imports: frozenset[str] | set[str] = frozenset()


class CleanupOnFailure(Codemod):
    id = "cleanup-on-failure"
    title = "Release resources when a later step fails"
    cwe = ("CWE-664", "CWE-703", "CWE-404", "CWE-459", "CWE-772")
    applicability = Applicability.REVIEW
    # Configured pairs can name any call, so the class-level text test is empty
    # (every file is parsed); ``wants`` narrows it when it is given the options.
    prefilter = ()
    default_options = {"pairs": ()}
    docs = """\
## What it does
Finds a resource acquired at the top level of a function (a temporary
directory, a file, a socket, `super().create()` …) followed by steps that can
fail, and makes those steps release it on failure:

- **scoped** (the function releases it itself later): the steps between the
  acquire and the release go into `try:` … `finally: <release>`, or into
  `with open(...) as f:` when the object is its own context manager and the
  release is a plain `.close()`;
- **escaping** (the function hands the resource to its caller: a local that
  is returned, or the object itself, as in an overriding `create()` that
  calls `super().create()`): the remaining steps go into `try:` and the
  handler releases the resource and re-raises the original error. Where the
  module already imports `oslo_utils.excutils` the handler is
  `except Exception:` + `with excutils.save_and_reraise_exception():`,
  otherwise `except BaseException:` … `raise`. A release that fails itself
  is logged with `.exception()` on the module's logger (a module-level
  `X = ….getLogger(...)`; without one, `logging.getLogger(__name__)` and
  `import logging`) and never replaces the original error. It is logged, not
  swallowed silently: the leftover resource needs an operator's attention;
- **multi-step acquire**: the `try` starts right after the first acquire, so
  later steps of the acquisition are protected too.

Moved lines are re-indented; whole-line comments that would pass 79 columns
are re-wrapped, and a needed import is put in the standard-library group.

## Why is this bad?
If a step after the acquisition raises, the resource is left behind: a
half-configured network namespace, a temporary directory, an open file
descriptor (CWE-664, improper control of a resource through its lifetime;
CWE-703, improper handling of exceptional conditions).

## Fix safety
Safe only when the acquisition certainly creates a new resource
(`tempfile.mkdtemp`, `open`, `socket.socket`, `tempfile.*TemporaryFile`,
`os.open`), so releasing it cannot remove anything that existed before the
call. Everything else is review-level and the reason says what to check:
`super().create()` of a namespace is exists-ok (Neutron's
`Namespace.create()` uses `ensure_namespace`), so cleanup on failure could
delete a namespace that existed before the call; `ensure_*()` calls and
`exist_ok=True` are treated the same, and so are configured pairs not marked
`(new)`. In the scoped `try/finally` shape a release that fails while an
error propagates raises its own error, with the original attached as
`__context__` (standard Python chaining); the success path is unchanged.

## Refuses
- a resource that is a parameter (the caller owns it): not-applicable;
- a `return` between the acquire and a later release (the early return would
  now release too: the success path would change), or a `yield` anywhere
  after the acquire: not-applicable;
- a resource name that is rebound before its release, or released on only
  some paths already: advice only;
- `self.create()` without a later `self.delete()` (that release tears down
  the whole object, not only what this call made): advice only;
- a resource kept in an attribute (`self.sock = socket.socket()`): releasing
  it on failure leaves a released object on `self`, a design decision:
  advice only (not-applicable when another method of the class releases it);
- code already protected (the acquire is followed by a `try` whose handler
  or `finally` releases it, or the release is registered as a cleanup:
  `self.addCleanup(shutil.rmtree, d)`, `atexit.register(sock.close)`):
  already-fixed;
- a rewrite that would push a code line past 79 columns in a file that keeps
  to 79: advice only.

Method pairs apply to `super()` and `self`; `x.create()` on other objects
(database objects, whose transaction rolls back, or helpers) is left alone.
Only acquisitions at the top level of a function body are rewritten.

With a report pointing at the function it also says when an acquisition
sits inside a nested block, when a local resource is neither released nor
handed back, when the function has no pair at all, and, for teardown loops
like Neutron's `FipNamespace._delete()` (one failing unplug aborts the
remaining steps and the final `super().delete()`), gives advice only:
continuing the teardown and raising the first error changes error handling
and needs a reviewer.

## Options
`pairs`: extra acquire/release pairs, tried before the built-in ones. A list
of strings, or one string with entries separated by `;`:

```toml
[tool.cwemod.cleanup-on-failure]
pairs = ["mylib.make_scratch -> mylib.drop_scratch (new)", ".start -> .stop"]
```

`module.function -> module.function` releases with `function(resource)`;
`... -> .method` with `resource.method()`; `.method -> .method` applies to
`super().method()` and `self.method()`. `(new)` marks a call that always
creates a new resource (safe fix); without it fixes are review-level.
Built in: `tempfile.mkdtemp -> shutil.rmtree`, `open`/`io.open`/
`socket.socket`/`socket.create_connection`/`tempfile.NamedTemporaryFile`/
`tempfile.TemporaryFile -> .close`, `tempfile.TemporaryDirectory -> .cleanup`,
`os.open -> os.close` (all new), and `.create -> .delete` (review).
"""
    example = """\
import shutil
import tempfile


def render(template, values):
    workdir = tempfile.mkdtemp()
    output = write_files(workdir, template, values)
    data = read_result(output)
    shutil.rmtree(workdir)
    return data
"""

    @classmethod
    def wants(cls, source: str, options: Mapping[str, Any] | None = None) -> bool:
        """Can ``source`` hold an acquire of a built-in or configured pair?

        Without the options (today's engine calls ``wants(source)``) any file
        can, since a configured pair may name anything.
        """
        if options is None:
            return True
        configured = [
            pair.acquire_name.rpartition(".")[2] for pair in parse_pairs(options.get("pairs"))
        ]
        return any(name in source for name in (*_BUILTIN_ACQUIRE_TEXT, *configured))

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        """Only an acquire directly in a function body (one call, assigned or not) can be fixed."""
        pairs = [*parse_pairs(options.get("pairs")), *BUILTIN_PAIRS]
        function_tails = {pair.acquire.rpartition(".")[2] for pair in pairs if not pair.is_method}
        method_names = {pair.acquire_name for pair in pairs if pair.is_method}
        imported = imported_tails(tree)
        for function in ast.walk(tree):
            if not isinstance(function, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            for statement in function.body:
                assigned = isinstance(statement, ast.Assign) and len(statement.targets) == 1
                if not (assigned or isinstance(statement, ast.Expr)) or not isinstance(
                    statement.value, ast.Call
                ):
                    continue
                func = statement.value.func
                if isinstance(func, ast.Attribute) and func.attr in method_names:
                    return True
                if assigned and _may_name(func, function_tails, imported):
                    return True
        return False

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        parse_pairs(options["pairs"])  # raises ValueError naming the bad entry

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self._classes: list[cst.ClassDef] = []
        self._function: cst.FunctionDef | None = None
        self._function_locals: set[str] | None = None

    # -- module and class context -------------------------------------------

    def visit_Module(self, node: cst.Module) -> None:
        self._pairs = [*parse_pairs(self.options["pairs"]), *BUILTIN_PAIRS]
        self._facts = module_facts(node)
        self._config = node.config_for_parsing
        self._module = node
        self._acquire_tails = {
            pair.acquire.rpartition(".")[2] for pair in self._pairs if not pair.is_method
        }
        self._needed_imports: set[str] = set()

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        return add_stdlib_imports(updated_node, sorted(self._needed_imports), self.context)

    def visit_ClassDef(self, node: cst.ClassDef) -> None:
        self._classes.append(node)

    def leave_ClassDef(
        self, original_node: cst.ClassDef, updated_node: cst.ClassDef
    ) -> cst.ClassDef:
        self._classes.pop()
        return updated_node

    # -- one function at a time ----------------------------------------------

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        if not isinstance(original_node.body, cst.IndentedBlock) or not self.targeted(
            original_node
        ):
            return updated_node
        self._function, self._function_locals = original_node, None
        recorded = self._record_count()
        new_body = self._rewrite_body(
            original_node, list(original_node.body.body), list(updated_node.body.body)
        )
        if self.asked_about(original_node):
            self._advise(original_node)
            if self._record_count() == recorded:
                self.refuse(
                    original_node,
                    RefusalKind.NOT_APPLICABLE,
                    "no acquire/release pair from the table in this function",
                )
        if new_body is None:
            return updated_node
        return updated_node.with_changes(body=updated_node.body.with_changes(body=new_body))

    def _record_count(self) -> int:
        return len(self.state.fixes) + len(self.state.refusals) + len(self.state.skipped_review)

    def _rewrite_body(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        updated: list[cst.BaseStatement],
    ) -> list[cst.BaseStatement] | None:
        """The new top-level statements, or None when nothing changes.

        ``original`` (with metadata) and ``updated`` (with nested functions
        already rewritten) are parallel lists: only this level is edited here.
        """
        result: list[cst.BaseStatement] = []
        changed = False
        index = 0
        while index < len(original):
            acquire = self._acquire_at(original, index)
            if acquire is None:
                result.append(updated[index])
                index += 1
                continue
            replacement, consumed = self._handle(function, original, updated, acquire)
            if replacement is None:
                result.extend(updated[index:consumed])
            else:
                result.extend(replacement)
                changed = True
            index = consumed
        return result if changed else None

    # -- finding acquisitions ------------------------------------------------

    def _acquire_at(self, body: list[cst.BaseStatement], index: int) -> Acquire | None:
        statement = body[index]
        if not isinstance(statement, cst.SimpleStatementLine) or len(statement.body) != 1:
            return None
        small = statement.body[0]
        if (
            isinstance(small, cst.Assign)
            and isinstance(small.value, cst.Call)
            and len(small.targets) == 1
        ):
            target = small.targets[0].target
            pair = self._function_pair(small.value)
            if pair is not None and isinstance(target, (cst.Name, cst.Attribute)):
                return Acquire(index, pair, small.value, target)
            return self._method_acquire(index, small.value)
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            return self._method_acquire(index, small.value)
        return None

    def _function_pair(self, call: cst.Call) -> Pair | None:
        if not self._may_name(call.func, self._acquire_tails):
            return None
        name = self._qualified(call.func)
        return next(
            (pair for pair in self._pairs if not pair.is_method and pair.acquire == name), None
        )

    def _method_acquire(self, index: int, call: cst.Call) -> Acquire | None:
        if not isinstance(call.func, cst.Attribute):
            return None
        method = call.func.attr.value
        pair = next(
            (pair for pair in self._pairs if pair.is_method and pair.acquire_name == method), None
        )
        if pair is None:
            return None
        return Acquire(index, pair, call, call.func.value)

    def _locals(self) -> set[str]:
        """Names the current function binds (computed once, and only when a call looks like an acquire)."""
        if self._function_locals is None:
            function = self._function
            assert function is not None and isinstance(function.body, cst.IndentedBlock)
            self._function_locals = _parameters(function) | FlowScan.of(function.body.body).rebound
        return self._function_locals

    def _may_name(self, node: cst.CSTNode, tails: set[str]) -> bool:
        """A cheap first test before :meth:`_qualified`: the name ends in ``tails`` or is an imported alias."""
        name = dotted_name(node)
        parts = name.split(".") if name else None
        return bool(parts) and (
            parts[-1] in tails or (len(parts) == 1 and parts[0] in self._facts.imports)
        )

    def _qualified(self, node: cst.CSTNode) -> str | None:
        """The dotted name ``node`` stands for, through the module's imports.

        A cheap stand-in for LibCST's QualifiedNameProvider (whose scope
        analysis would cost every file several parses' worth of time, and this
        codemod looks at every file): names bound in the current function or
        defined by the module are not builtins; anything else unresolved is
        None.
        """
        name = dotted_name(node)
        parts = name.split(".") if name else None
        if not parts or parts[0] in self._locals():
            return None
        head, rest = parts[0], parts[1:]
        if head in self._facts.imports:
            return ".".join([self._facts.imports[head], *rest])
        if head in self._facts.module_names or rest:
            return None
        return f"builtins.{head}"

    # -- deciding one site ---------------------------------------------------

    def _handle(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        updated: list[cst.BaseStatement],
        acquire: Acquire,
    ) -> tuple[list[cst.BaseStatement] | None, int]:
        """(replacement statements or None, index of the first statement not consumed)."""
        start = acquire.index
        described = self._described(acquire)
        rest = original[start + 1 :]
        receiver = acquire.resource_code if acquire.pair.is_method else None
        if receiver is not None and receiver != "self" and not acquire.on_super:
            if self._is_parameter(function, original[:start], receiver) and _can_fail(rest):
                self.refuse(
                    function,
                    RefusalKind.NOT_APPLICABLE,
                    f"{receiver} is a parameter: the caller owns it and decides when to release it",
                )
            return (
                None,
                start + 1,
            )  # other receivers (database objects, helpers) have owners we cannot see
        if rest and isinstance(rest[0], cst.Try) and self._try_releases(rest[0], acquire):
            self.refuse(
                function,
                RefusalKind.ALREADY_FIXED,
                f"a failure after {described} already releases it (try at the next statement)",
            )
            return None, start + 2
        registration = self._registered_release(rest, acquire)
        if registration is not None:
            self.refuse(
                function,
                RefusalKind.ALREADY_FIXED,
                f"the release of {acquire.resource_code} is registered as a cleanup ({registration})",
            )
            return None, start + 1
        release_at = self._release_index(original, acquire)
        if release_at is not None:
            candidate = self._scoped(function, original, updated, acquire, release_at)
            return self._commit(function, original, acquire, candidate), release_at + 1
        if receiver == "self":
            if _can_fail(rest):
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"self.{acquire.pair.release_name}() would tear down the whole object, not only what"
                    f" {described} made; decide the cleanup by hand",
                )
            return None, start + 1
        candidate = self._escaping(function, original, updated, acquire)
        return self._commit(function, original, acquire, candidate), len(original)

    def _column_of(self, statement: cst.BaseStatement) -> int:
        return self.get_metadata(PositionProvider, statement).start.column

    def _is_parameter(
        self, function: cst.FunctionDef, before: Sequence[cst.BaseStatement], name: str
    ) -> bool:
        return name in _parameters(function) and name not in FlowScan.of(before).rebound

    def _commit(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        acquire: Acquire,
        candidate: Candidate | None,
    ) -> list[cst.BaseStatement] | None:
        """Apply a candidate when the run allows it and the result stays as readable as the original."""
        if candidate is None:
            return None
        replacement = candidate.replacement
        if fits_line_limit(self._module):
            column = self._column_of(original[acquire.index])
            width = len(self._config.default_indent.expandtabs(8))
            replacement = wrap_long_comments(replacement, column, width, MAX_LINE)
            old = original[acquire.index : acquire.index + candidate.consumed]
            if lines_over(replacement, column, MAX_LINE) > lines_over(old, column, MAX_LINE):
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"indenting the steps after {self._described(acquire)} would push a line past {MAX_LINE}"
                    " columns; wrap it by hand",
                )
                return None
        if not self.permits(function, candidate.applicability, candidate.reason):
            return None
        self.record_fix(function, candidate.applicability, candidate.reason)
        self._needed_imports |= candidate.imports
        return replacement

    def _scoped(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        updated: list[cst.BaseStatement],
        acquire: Acquire,
        release_at: int,
    ) -> Candidate | None:
        work = original[acquire.index + 1 : release_at]
        if not _can_fail(work):
            return None
        described = self._described(acquire)
        scan = FlowScan.of(work)
        if scan.yields:
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"a yield after {described}: the release would run when the generator is closed, not where it runs now",
            )
            return None
        if scan.returns:
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"a return between {described} and its release would now release too: the success path would change",
            )
            return None
        if self._blocked_by_rebinding_or_partial_release(function, acquire, work, scan):
            return None
        applicability, caveat = self._applicability(acquire)
        reason = (
            f"{described} is now released in a finally, so a failing step no longer leaks it"
            + caveat
        )
        acquire_statement = updated[acquire.index]
        work_updated = _without_leading_blank_lines(updated[acquire.index + 1 : release_at])
        consumed = release_at + 1 - acquire.index
        if self._can_use_with(acquire, original[release_at]):
            return Candidate(
                [_with_statement(acquire_statement, work_updated)], consumed, applicability, reason
            )
        replacement = [acquire_statement, self._try_finally(work_updated, updated[release_at])]
        return Candidate(replacement, consumed, applicability, reason)

    def _escaping(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        updated: list[cst.BaseStatement],
        acquire: Acquire,
    ) -> Candidate | None:
        start = acquire.index
        end = len(original)
        if end > start + 1 and is_trivial_return(original[-1]):
            end -= 1
        work = original[start + 1 : end]
        if not _can_fail(work):
            return None
        described = self._described(acquire)
        if acquire.is_local_name and not _returns_name(
            original[start + 1 :], acquire.resource_code
        ):
            self.note(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{described} is neither released nor returned here; who releases it?",
            )
            return None
        if isinstance(acquire.resource, cst.Attribute):
            self._refuse_attribute(function, acquire)
            return None
        scan = FlowScan.of(work)
        if scan.yields:
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"a yield after {described}: a handler around it would also run when the generator is closed or thrown into",
            )
            return None
        if self._blocked_by_rebinding_or_partial_release(function, acquire, work, scan):
            return None
        logger = self._logger_reference()
        if logger is None:
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                "no module logger, and the name 'logging' is taken: cannot log a failing cleanup",
            )
            return None
        applicability, caveat = self._applicability(acquire)
        reason = (
            f"{described} is now released if a later step fails, and the original error is re-raised"
            + caveat
        )
        release, release_imports = self._release_code(acquire)
        handler_try = self._release_on_failure(
            _without_leading_blank_lines(updated[start + 1 : end]),
            release,
            logger[0],
            function.name.value,
            self._column_of(original[start]),
        )
        replacement = [updated[start], handler_try, *updated[end:]]
        return Candidate(
            replacement, len(original) - start, applicability, reason, release_imports | logger[1]
        )

    def _refuse_attribute(self, function: cst.FunctionDef, acquire: Acquire) -> None:
        resource = acquire.resource_code
        if self._class_releases(acquire):
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"{resource} is released by another method of the class: the object's teardown owns it",
            )
        else:
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{resource} stays on the object after a failure; whether to release it there (and reset"
                " the attribute) is the object's design, decide by hand",
            )

    def _blocked_by_rebinding_or_partial_release(
        self,
        function: cst.FunctionDef,
        acquire: Acquire,
        work: Sequence[cst.BaseStatement],
        scan: FlowScan,
    ) -> bool:
        resource = acquire.resource_code
        if resource in scan.rebound:
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{resource} is rebound before it is released; release the right object by hand",
            )
            return True
        if any(
            self._is_release(call, acquire, tolerant=True)
            for statement in work
            for call in m.findall(statement, m.Call())
        ):
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{resource} is already released on some paths after {code_of(acquire.call)}; check those paths by hand",
            )
            return True
        return False

    # -- applicability and wording --------------------------------------------

    def _described(self, acquire: Acquire) -> str:
        if acquire.pair.is_method:
            return code_of(acquire.call)
        return f"{acquire.resource_code} from {code_of(acquire.call.func)}()"

    def _applicability(self, acquire: Acquire) -> tuple[Applicability, str]:
        """The site's applicability and, for review, the sentence saying why."""
        release = self._release_code(acquire, for_wording=True)[0]
        exists_ok = _exists_ok(acquire.call)
        if exists_ok:
            return Applicability.REVIEW, (
                f"; review: {exists_ok} is exists-ok, so cleanup on failure ({release}) could delete"
                " a resource that existed before the call"
            )
        if acquire.pair.is_method and self._about_namespaces(acquire):
            return Applicability.REVIEW, (
                f"; review: namespace creation is exists-ok ({code_of(acquire.call)} may find the namespace"
                f" already there), so cleanup on failure ({release}) could delete a namespace that existed before the call"
            )
        if not acquire.pair.certainly_new:
            return Applicability.REVIEW, (
                f"; review: {code_of(acquire.call)} may return something that existed before the call,"
                f" so cleanup on failure ({release}) could delete what this call did not create"
            )
        return Applicability.SAFE, ""

    def _about_namespaces(self, acquire: Acquire) -> bool:
        words = [code_of(acquire.call)]
        if self._classes:
            cls = self._classes[-1]
            words += [cls.name.value, *(code_of(base.value) for base in cls.bases)]
        return any("namespace" in word.lower() or "netns" in word.lower() for word in words)

    # -- release calls ----------------------------------------------------------

    def _release_index(self, body: list[cst.BaseStatement], acquire: Acquire) -> int | None:
        for index in range(acquire.index + 1, len(body)):
            call = _lone_call(body[index])
            if call is not None and self._is_release(call, acquire):
                return index
        return None

    def _is_release(self, call: cst.Call, acquire: Acquire, tolerant: bool = False) -> bool:
        pair, resource = acquire.pair, acquire.resource_code
        if pair.release_is_method:
            receivers = {resource, "self", "super()"} if tolerant and pair.is_method else {resource}
            return any(
                code_of(call.func) == f"{receiver}.{pair.release_name}" for receiver in receivers
            )
        if not call.args or code_of(call.args[0].value) != resource:
            return False
        tail = pair.release.rpartition(".")[2]
        return self._may_name(call.func, {tail}) and self._qualified(call.func) == pair.release

    def _registered_release(
        self, statements: Sequence[cst.BaseStatement], acquire: Acquire
    ) -> str | None:
        """``addCleanup(...)``-style text when the release is handed to a cleanup registry
        (``self.addCleanup(shutil.rmtree, d)``, ``atexit.register(sock.close)``, ``stack.callback(...)``)."""
        pair, resource = acquire.pair, acquire.resource_code
        for statement in statements:
            for call in m.findall(statement, m.Call()):
                assert isinstance(call, cst.Call)
                values = [arg.value for arg in call.args]
                codes = [code_of(value) for value in values]
                if pair.release_is_method:
                    registered = f"{resource}.{pair.release_name}" in codes
                else:
                    registered = resource in codes and any(
                        self._qualified(value) == pair.release for value in values
                    )
                if registered:
                    return f"{code_of(call.func)}(...)"
        return None

    def _try_releases(self, node: cst.Try, acquire: Acquire) -> bool:
        cleanup: list[cst.CSTNode] = [*node.handlers]
        if node.finalbody is not None:
            cleanup.append(node.finalbody)
        return any(
            self._is_release(call, acquire, tolerant=True)
            for part in cleanup
            for call in m.findall(part, m.Call())
        )

    def _class_releases(self, acquire: Acquire) -> bool:
        if not self._classes:
            return False
        calls = m.findall(self._classes[-1], m.Call())
        return any(self._is_release(call, acquire) for call in calls)

    def _release_code(self, acquire: Acquire, for_wording: bool = False) -> tuple[str, set[str]]:
        """The release call's text and the modules it needs imported."""
        pair, resource = acquire.pair, acquire.resource_code
        if pair.release_is_method:
            return f"{resource}.{pair.release_name}()", set()
        if for_wording:
            return f"{pair.release}({resource})", set()
        function, imports = self._reference(pair.release)
        return f"{function}({resource})", imports

    def _reference(self, qualified: str) -> tuple[str, set[str]]:
        """How this module names ``qualified``, and the import it needs when it does not."""
        module, _, name = qualified.rpartition(".")
        if module == "builtins":
            return name, set()
        for local, target in self._facts.imports.items():
            if target == qualified:
                return local, set()
        for local, target in self._facts.imports.items():
            if target == module:
                return f"{local}.{name}", set()
        return qualified, {module}

    def _logger_reference(self) -> tuple[str, set[str]] | None:
        """The logger expression and the imports it needs, or None when none can be used."""
        if self._facts.logger is not None:
            return self._facts.logger, set()
        bound = self._facts.imports.get("logging")
        if bound in ("logging", "oslo_log.log"):
            return "logging.getLogger(__name__)", set()
        if "logging" in self._facts.module_names:
            return None  # the name is taken by something that may not be a logging module
        return "logging.getLogger(__name__)", {"logging"}

    # -- building the new code -------------------------------------------------

    def _can_use_with(self, acquire: Acquire, release: cst.BaseStatement) -> bool:
        return (
            acquire.pair.context_manager
            and acquire.is_local_name
            and isinstance(release, cst.SimpleStatementLine)
            and not any(line.comment for line in release.leading_lines)
            and release.trailing_whitespace.comment is None
            and m.matches(_lone_call(release), m.Call(args=()))
        )

    def _log_lines(self, logger: str, message: str, depth: int, column: int) -> list[str]:
        """The logging call, wrapped after its parenthesis when one line would pass 79 columns."""
        prefix = "    " * depth
        one_line = f"{logger}.exception({message})"
        width = len(self._config.default_indent.expandtabs(8))
        if column + width * depth + len(one_line) <= MAX_LINE:
            return [prefix + one_line]
        return [f"{prefix}{logger}.exception(", f"{prefix}    {message})"]

    def _block_text(self, lines: list[str]) -> str:
        indent, newline = self._config.default_indent, self._config.default_newline
        return "".join(line.replace("    ", indent) + newline for line in lines)

    def _parse(self, lines: list[str]) -> cst.BaseStatement:
        return cst.parse_statement(self._block_text(lines), config=self._config)

    def _try_finally(self, work: list[cst.BaseStatement], release: cst.BaseStatement) -> cst.Try:
        node = self._parse(["try:", "    pass", "finally:", "    pass"])
        assert isinstance(node, cst.Try) and node.finalbody is not None
        release = _without_leading_blank_lines([release])[0]
        return node.with_changes(
            body=node.body.with_changes(body=work),
            finalbody=node.finalbody.with_changes(
                body=node.finalbody.body.with_changes(body=[release])
            ),
        )

    def _release_on_failure(
        self, work: list[cst.BaseStatement], release: str, logger: str, function: str, column: int
    ) -> cst.Try:
        text = f"Cleanup after a failed {function}() failed"
        message = code_of(string_literal(text, prevailing_quote(self._module, default=SINGLE)))
        if self._facts.excutils is not None:
            head = [
                "try:",
                "    pass",
                "except Exception:",
                f"    with {self._facts.excutils}():",
                "        try:",
                f"            {release}",
                "        except Exception:",
            ]
            lines = head + self._log_lines(logger, message, 3, column)
        else:
            head = [
                "try:",
                "    pass",
                "except BaseException:",
                "    try:",
                f"        {release}",
                "    except Exception:",
            ]
            lines = [*head, *self._log_lines(logger, message, 2, column), "    raise"]
        node = self._parse(lines)
        assert isinstance(node, cst.Try)
        return node.with_changes(body=node.body.with_changes(body=work))

    # -- advice with a report --------------------------------------------------

    def _advise(self, function: cst.FunctionDef) -> None:
        loop_call, later_call = teardown_calls(function)
        if loop_call is not None:
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"teardown loop: if {code_of(loop_call.func)}() fails, the remaining steps"
                f"{f' and {code_of(later_call)}' if later_call is not None else ''} are skipped;"
                " continuing the teardown and raising the first error changes error handling, so it is left to a reviewer",
            )
        for statement in _nested_statements(function):
            acquire = self._acquire_at([statement], 0)
            if acquire is not None and (not acquire.pair.is_method or acquire.on_super):
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"{self._described(acquire)} is inside a nested block; only acquisitions at the top level of a function are rewritten",
                )
                return


def _lone_call(statement: cst.BaseStatement) -> cst.Call | None:
    if isinstance(statement, cst.SimpleStatementLine) and len(statement.body) == 1:
        small = statement.body[0]
        if isinstance(small, cst.Expr) and isinstance(small.value, cst.Call):
            return small.value
    return None


def _can_fail(statements: Sequence[cst.BaseStatement]) -> bool:
    risky = m.Call() | m.Raise() | m.Assert() | m.Subscript()
    return any(m.findall(statement, risky) for statement in statements)


def _returns_name(statements: Sequence[cst.BaseStatement], name: str) -> bool:
    returns = (node for statement in statements for node in m.findall(statement, m.Return()))
    return any(node.value is not None and code_of(node.value) == name for node in returns)


def _parameters(function: cst.FunctionDef) -> set[str]:
    params = function.params
    every = [*params.posonly_params, *params.params, *params.kwonly_params]
    for star in (params.star_arg, params.star_kwarg):
        if isinstance(star, cst.Param):
            every.append(star)
    return {param.name.value for param in every}


def _exists_ok(call: cst.Call) -> str | None:
    """``name()`` when the call may find the resource already there."""
    name = code_of(call.func).rpartition(".")[2]
    if name.startswith("ensure_"):
        return f"{name}()"
    for arg in call.args:
        if (
            arg.keyword is not None
            and arg.keyword.value in ("exist_ok", "exists_ok")
            and not m.matches(arg.value, m.Name("False"))
        ):
            return f"{name}({arg.keyword.value}=...)"
    return None


def _without_leading_blank_lines(statements: list[cst.BaseStatement]) -> list[cst.BaseStatement]:
    """The block's first statement without the blank lines above it (comments stay)."""
    if not statements:
        return statements
    first = statements[0]
    return [
        first.with_changes(leading_lines=first_comment_kept(first.leading_lines)),
        *statements[1:],
    ]


def _with_statement(
    acquire_statement: cst.BaseStatement, work: list[cst.BaseStatement]
) -> cst.With:
    assert isinstance(acquire_statement, cst.SimpleStatementLine)
    assign = acquire_statement.body[0]
    assert isinstance(assign, cst.Assign)
    item = cst.WithItem(item=assign.value, asname=cst.AsName(name=assign.targets[0].target))
    return cst.With(
        items=[item],
        body=cst.IndentedBlock(body=work, header=acquire_statement.trailing_whitespace),
        leading_lines=acquire_statement.leading_lines,
    )


def _nested_statements(function: cst.FunctionDef) -> list[cst.BaseStatement]:
    """Simple statements below the top level of ``function`` (not in nested functions or classes)."""
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


def _may_name(func: ast.expr, function_tails: set[str], imported: Mapping[str, set[str]]) -> bool:
    if isinstance(func, ast.Attribute):
        return func.attr in function_tails
    return isinstance(func, ast.Name) and (func.id in function_tails or func.id in imported)
