"""Release what a function acquired when a later step fails (CWE-664, CWE-703)."""

from __future__ import annotations

import ast
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import libcst as cst
from libcst.metadata import PositionProvider

from cwemod.codemods._cleanup_advice import AdviceMixin, is_the_class
from cwemod.codemods._cleanup_build import (
    CodeBuilder,
    below_blank_lines,
    can_use_with,
    with_statement,
    without_leading_blank_lines,
)
from cwemod.codemods._cleanup_docs import DOCS, EXAMPLE
from cwemod.codemods._cleanup_gates import (
    functions_with_top_level_acquire,
    may_hold_acquire,
    may_hold_site,
)
from cwemod.codemods._cleanup_methods import Judgement, row_saver_reason, self_release_signature
from cwemod.codemods._cleanup_names import ModuleNames
from cwemod.codemods._cleanup_pairs import BUILTIN_PAIRS, Pair, parse_pairs
from cwemod.codemods._cleanup_releases import Releases
from cwemod.codemods._cleanup_safety import judge
from cwemod.codemods._cleanup_scan import (
    FlowScan,
    can_fail,
    can_fail_but_paths,
    handles_every_failure,
    is_trivial_return,
    lone_call,
    module_facts,
    parameters,
    registers_a_cleanup,
    returns_name,
    starts_concurrent_work,
)
from cwemod.codemods._cleanup_sites import Acquire, AcquireFinder, Candidate
from cwemod.codemods._cleanup_survey import (
    CleanupFacts,
    may_be_patched,
    plainly_patched_open,
)
from cwemod.codemods._cleanup_unreleased import (
    closed_only_on_success,
    escape_of,
    has_fresh_name,
    other_release,
    used_as_object,
)
from cwemod.codemods._cleanup_width import lines_over, wrap_long_comments
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit import match as m
from cwemod.codemods.kit.enclosing import EnclosingDefinitions
from cwemod.codemods.kit.project import dotted_module
from cwemod.codemods.kit.python_versions import lacks_with_statement
from cwemod.codemods.kit.source import code_of, module_code
from cwemod.codemods.records import Applicability, RefusalKind

# A file object or socket closes itself once the error that skipped its close() is handled:
# a ``with`` for it is worth a short diff, not the re-indentation of a long body.
MOST_LINES_MOVED_FOR_COLLECTED = 15

# Bases that give a class no methods of a release (a metaclass's are not the objects').
_BARE_BASES = frozenset(
    f"{module}.{name}"
    for module, names in (
        ("builtins", ("object",)),
        ("abc", ("ABC",)),
        ("typing", ("Generic", "Protocol")),
        ("typing_extensions", ("Generic", "Protocol")),
    )
    for name in names
)


class CleanupOnFailure(AdviceMixin, EnclosingDefinitions, Codemod):
    id = "cleanup-on-failure"
    title = "Release resources when a later step fails"
    cwe = ("CWE-664", "CWE-703", "CWE-404", "CWE-459", "CWE-772")
    applicability = Applicability.REVIEW
    leaves_tests_alone = True
    # Configured pairs can name any call, so the class-level text test is empty
    # (every file is parsed); ``wants`` narrows it when it is given the options.
    prefilter = ()
    default_options = {"pairs": ()}
    docs = DOCS
    example = EXAMPLE

    @classmethod
    def wants(cls, source: str, options: Mapping[str, Any] | None = None) -> bool:
        """Can ``source`` hold an acquire of a built-in or configured pair?

        Without the options (today's engine calls ``wants(source)``) any file
        can, since a configured pair may name anything.
        """
        return may_hold_acquire(source, options)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        return may_hold_site(source, options)

    @classmethod
    def candidates(cls, tree: ast.Module, options: Mapping[str, Any]) -> Iterable[ast.AST]:
        """Only an acquire directly in a function body (one call, assigned or not) can be fixed."""
        return functions_with_top_level_acquire(tree, options)

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        parse_pairs(options["pairs"])  # raises ValueError naming the bad entry

    # -- module and class context -------------------------------------------

    def _cleanup_facts(self) -> CleanupFacts:
        """The survey's facts; none seen where it has no survey (no project)."""
        facts = self.facts
        return facts if isinstance(facts, CleanupFacts) else CleanupFacts()

    def _project_loggers(self) -> tuple[frozenset[str], frozenset[str]]:
        facts = self._cleanup_facts()
        return facts.logger_factories, facts.loggers

    def visit_Module(self, node: cst.Module) -> None:
        facts = module_facts(node)
        self._names = ModuleNames(facts)
        self._acquires = AcquireFinder(
            [*parse_pairs(self.options["pairs"]), *BUILTIN_PAIRS], self._names
        )
        self._releases = Releases(self._names)
        self._builder = CodeBuilder(node, facts.excutils, self.project.line_length)
        self._config = node.config_for_parsing
        self._module = node
        self._needed_imports: set[str] = set()
        oldest = self.project.oldest_python
        self._with_statement = not lacks_with_statement(module_code(node), oldest)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        return self.add_stdlib_imports(updated_node, sorted(self._needed_imports))

    # -- one function at a time ----------------------------------------------

    def leave_FunctionDef(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.BaseStatement:
        fixed = self._fixed_function(original_node, updated_node)
        return super().leave_FunctionDef(original_node, fixed)

    def _fixed_function(
        self, original_node: cst.FunctionDef, updated_node: cst.FunctionDef
    ) -> cst.FunctionDef:
        if not isinstance(original_node.body, cst.IndentedBlock) or not self.targeted(
            original_node
        ):
            return updated_node
        if self.in_tests:
            self.note(
                original_node,
                RefusalKind.NOT_APPLICABLE,
                "test code: a resource a failing test leaks harms nothing, so it is left alone",
            )
            return updated_node
        self._names.enter_function(original_node)
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
            acquire = self._acquires.acquire_at(original, index)
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
                self._refuse_swallowed(function, original, acquire, consumed)
            index = consumed
        return result if changed else None

    def _refuse_a_partial_fix(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        acquire: Acquire,
        consumed: int,
    ) -> bool:
        """Advice instead of a fix for ``acquire`` alone, where its ``try`` would take in more
        acquires of the same kind (koji's daemonize() opens fd0, fd1 and fd2): one of three
        protected is a patch a reviewer sends back."""
        later = [
            found.resource_code
            for found in self._taken_in(original, acquire, consumed)
            if found.pair == acquire.pair
        ]
        beside = _released_beside(original, acquire, consumed, later)
        if not later and not beside:
            return False
        how = "made the same way" if later else "released beside it"
        others = ", ".join(f"`{name}`" for name in later or beside)
        self.refuse(
            function,
            RefusalKind.ADVICE_ONLY,
            f"{acquire.described} is followed by {others}, {how}, before"
            " any is released: a fix for the first alone would leave the others; protect"
            " them together by hand (a try/finally each, or contextlib.ExitStack)",
            at=acquire.call,
        )
        return True

    def _refuse_swallowed(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        acquire: Acquire,
        consumed: int,
    ) -> None:
        """Advice for each acquire the rewrite of ``acquire`` moved into its ``try``.

        duplicity's idrived ``_get()`` makes a directory, then a temporary
        file: the directory's cleanup takes the file's statement in, where
        no run reaches it (only the top level of a function is rewritten).
        """
        for later in self._taken_in(original, acquire, consumed):
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{later.described} comes after {acquire.described}, whose cleanup now"
                " holds it in its try: release it on failure by hand",
                at=later.call,
            )

    def _taken_in(
        self, original: list[cst.BaseStatement], acquire: Acquire, consumed: int
    ) -> list[Acquire]:
        """The acquires among the statements after ``acquire`` up to ``consumed``: those
        its rewrite takes into its ``try``."""
        found = (self._acquires.acquire_at(original, i) for i in range(acquire.index + 1, consumed))
        return [later for later in found if later is not None]

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
        described = acquire.described
        rest = original[start + 1 :]
        receiver = acquire.receiver_code if acquire.pair.is_method else None
        if acquire.pair.by_argument:
            if not self._is_local_object(function, original[:start], receiver or ""):
                return None, start + 1  # a device made through someone else's wrapper
        elif receiver is not None and receiver != "self" and not acquire.on_super:
            if is_the_class(function, receiver) and can_fail(rest):
                self._refuse_class_acquire(function, acquire, receiver)
            elif self._is_parameter(function, original[:start], receiver) and can_fail(rest):
                self._refuse_parameter(function, acquire, receiver, rest)
            return (
                None,
                start + 1,
            )  # other receivers (database objects, helpers) have owners we cannot see
        # barman's copy(): ``pool = None`` between the acquire and the try that releases it;
        # atomic-reactor's _build(): a path joined onto the directory
        tried = next((i for i, statement in enumerate(rest) if isinstance(statement, cst.Try)), 0)
        lead = 0 if can_fail_but_paths(rest[:tried], self._names.qualified) else tried
        # openshift-client's TempFile: `except Exception: self.destroy(); raise`
        releasers = self._releasing_calls(function, acquire)
        if (
            rest[lead:]
            and isinstance(rest[lead], cst.Try)
            and self._releases.try_releases(rest[lead], acquire, releasers)
        ):
            attempt, rest = rest[lead], rest[lead:]
            where = "at the next statement" if lead == 0 else "after steps that cannot fail"
            if (
                self._releases.finally_releases(attempt, acquire, releasers)
                or self._covered(rest[1:], acquire, releasers)
                or _detached_next(rest[1:], acquire.resource_code)
            ):
                self.refuse(
                    function,
                    RefusalKind.ALREADY_FIXED,
                    f"a failure after {described} already releases it (try {where})",
                    at=acquire.call,
                )
            elif not self._taken_over_in_the_try(function, acquire, attempt, rest[1:]):
                # salt's debuild: only make_src_pkg() is in the try; later raises leak it
                when = _when_released(self._releases.releasing_catches(attempt, acquire, releasers))
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"the try after {described} releases it {when}, but a failure after that"
                    " try leaks it: widen the cleanup by hand",
                    at=acquire.call,
                )
            return None, start + 2 + lead
        if self._guarded(rest, acquire, releasers):
            # openshift-client's TempFile.__enter__(): `if self.content: try: ...`
            self.refuse(
                function,
                RefusalKind.ALREADY_FIXED,
                f"a failure after {described} already releases it (each step that can fail"
                " is in a try that releases it)",
                at=acquire.call,
            )
            return None, start + 1
        registration = self._releases.registered_release(rest, acquire)
        if registration is not None:
            self.refuse(
                function,
                RefusalKind.ALREADY_FIXED,
                f"the release of {acquire.resource_code} is registered as a cleanup"
                f" ({registration})",
                at=acquire.call,
            )
            return None, start + 1
        release_at = self._releases.release_index(original, acquire)
        if release_at is not None:
            candidate = self._scoped(function, original, updated, acquire, release_at)
            return self._commit(function, original, acquire, candidate), release_at + 1
        if lead != tried and self._releases.try_releases(rest[tried], acquire, releasers):
            # heat-agents' hook-puppet: a second open() between the first and their try
            step = next(s for s in rest if can_fail_but_paths([s], self._names.qualified))
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"the try at line {self.lines_of(rest[tried])[0]} releases {described}, but"
                f" the step at line {self.lines_of(step)[0]}, before it, can fail and leak it:"
                f" start the try right after {described}, by hand",
                at=acquire.call,
            )
            return None, start + 1
        if receiver == "self":
            if can_fail(rest):
                self._refuse_self_release(function, acquire, described)
            return None, start + 1
        candidate = self._escaping(function, original, updated, acquire)
        replacement = self._commit(function, original, acquire, candidate)
        # left alone, it leaves the acquires after it to be judged each on its own
        return replacement, len(original) if replacement is not None else start + 1

    def _refuse_parameter(
        self,
        function: cst.FunctionDef,
        acquire: Acquire,
        receiver: str,
        rest: Sequence[cst.BaseStatement],
    ) -> None:
        """A method acquire on a parameter: the caller's object, unless the call returns a new
        one the function uses or stores (nova's ``vol = volume_api.create(...)``, a new Cinder
        volume; ``s.details = client_factory.create('ns0:...')``, a SOAP data object), which
        no pair releases: ``receiver``'s release is not its."""
        bound, pair = acquire.bound, acquire.pair
        if isinstance(bound, (cst.Attribute, cst.Subscript)):
            made, kept = code_of(bound), None  # stored where the target says
        elif isinstance(bound, cst.Name) and used_as_object(rest, bound.value):
            made, kept = bound.value, escape_of(rest, bound.value)
        else:
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"{receiver} is a parameter: the caller owns it and decides when to release it",
                at=acquire.call,
            )
            return
        self.note(
            function,
            RefusalKind.NOT_APPLICABLE,
            f"`{made}` is a new object {receiver}.{pair.acquire_name}() returns, not the"
            f" parameter {receiver}: no pair releases it ({pair.describe()} is for the object"
            f" {pair.acquire_name}() is called on){f', and {kept}' if kept else ''}",
            at=acquire.call,
        )

    def _refuse_class_acquire(
        self, function: cst.FunctionDef, acquire: Acquire, receiver: str
    ) -> None:
        """``cls.create(...)`` in a classmethod: a new object of the class (breezy's
        ``ControlDir.create_branch_and_repo()``: ``klass.create(base, format)``), rows of
        an ORM model (trytond's ``ModelButtonClick.register()``), or whatever the class's
        own ``create()`` returns where nothing gives it a ``delete()`` (label-studio-sdk's
        ``LabelInterface.create()``, a config string)."""
        pair, which = acquire.pair, f"{receiver} is the class this classmethod is called on"
        made = self._row_saver_reason(pair)
        if made is None and self._lacks_release(acquire):
            which += f", which defines no {pair.release_name}() and has no base that could"
            made = f"{receiver}.{pair.acquire_name}() is not the pair's"
        elif made is None:
            made = (
                f"{acquire.described} makes a new object of it, not a resource that"
                f" {receiver}{pair.release}() would release"
            )
        self.refuse(function, RefusalKind.NOT_APPLICABLE, f"{which}: {made}", at=acquire.call)

    def _refuse_self_release(
        self, function: cst.FunctionDef, acquire: Acquire, described: str
    ) -> None:
        pair = acquire.pair
        saved = self._row_saver_reason(pair)  # before: a Tryton pool model has no bases
        if saved is not None:
            self.refuse(function, RefusalKind.NOT_APPLICABLE, saved, at=acquire.call)
            return
        if self._lacks_release(acquire):
            # docutils' FormulaFactory.create(): a parse node, returned; no delete() exists
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"the class defines no {acquire.pair.release_name}() and has no base that"
                f" could: self.{acquire.pair.acquire_name}() is not the pair's",
                at=acquire.call,
            )
            return
        if self._release_defined_nowhere(pair):
            # cvat-sdk's ProjectsRepo: self.create() of its own ModelCreateMixin
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"no module of the project defines {pair.release_name}(), and the class's"
                f" bases are the project's: there is no self.{pair.release_name}() to release"
                f" what {described} made; release it another way by hand if it needs one",
                at=acquire.call,
            )
            return
        unresolved = self_release_signature(self.innermost_class(), acquire, self._module)
        if unresolved is not None:  # Kallithea's UserModel.delete(self, user, cur_user=None)
            self.refuse(function, RefusalKind.ADVICE_ONLY, unresolved, at=acquire.call)
            return
        self.refuse(
            function,
            RefusalKind.ADVICE_ONLY,
            f"a release by self.{acquire.pair.release_name}() would tear down the whole"
            f" object, not only what {described} made, and the object's caller may"
            " clean it up already; decide by hand",
            at=acquire.call,
        )

    def _row_saver_reason(self, pair: Pair) -> str | None:
        return row_saver_reason(
            self.innermost_class(),
            pair.acquire_name,
            pair.release_name,
            self._module,
            self.module_path,
        )

    def _release_defined_nowhere(self, pair: Pair) -> bool:
        """Does the survey say no module of the project defines ``delete()``, where every base
        of the enclosing class is the project's (none could bring one from a library)?"""
        owner = self.innermost_class()
        return (
            pair.release_name == "delete"
            and owner is not None
            and bool(owner.bases)
            and pair.release_name not in self._class_methods()  # neutron's FipNamespace
            and all(
                self._names.is_projects(base.value, self._module, self.module_path)
                for base in owner.bases
            )
            # asked last: the survey reads the whole project (neutron: 0.4 s)
            and not self._cleanup_facts().defines_delete
        )

    def _lacks_release(self, acquire: Acquire) -> bool:
        """Does the enclosing class, based on nothing that brings methods (``object``, ``ABC``,
        ``Generic[T]``, ``Protocol``: toga-core's ``Document(ABC)``), define no method of the
        release?"""
        owner = self.innermost_class()
        if owner is None or not all(self._is_bare_base(base.value) for base in owner.bases):
            return False
        return acquire.pair.release_name not in self._class_methods()

    def _is_bare_base(self, base: cst.BaseExpression) -> bool:
        if isinstance(base, cst.Subscript):  # Generic[T], Protocol[T]
            base = base.value
        return self._names.qualified(base) in _BARE_BASES

    def _column_of(self, statement: cst.BaseStatement) -> int:
        return self.get_metadata(PositionProvider, statement).start.column

    def _is_local_object(
        self, function: cst.FunctionDef, before: Sequence[cst.BaseStatement], name: str
    ) -> bool:
        """Is ``name`` a plain local this function made (not a parameter)?"""
        return name in FlowScan.of(before).rebound and name not in parameters(function)

    def _refuse_judged(
        self, function: cst.FunctionDef, acquire: Acquire, judgement: Judgement
    ) -> None:
        self.refuse(function, judgement.kind, judgement.text, at=acquire.call)

    def _is_parameter(
        self, function: cst.FunctionDef, before: Sequence[cst.BaseStatement], name: str
    ) -> bool:
        return name in parameters(function) and name not in FlowScan.of(before).rebound

    def _commit(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        acquire: Acquire,
        candidate: Candidate | None,
    ) -> list[cst.BaseStatement] | None:
        """Apply a candidate when the run allows it and the result reads as well as the original."""
        if candidate is None:
            return None
        limit = self.project.line_length
        column = self._column_of(original[acquire.index])
        width = len(self._config.default_indent.expandtabs(8))
        old = original[acquire.index : acquire.index + candidate.consumed]
        replacement = wrap_long_comments(candidate.replacement, old, column, width, limit)
        if lines_over(replacement, column, limit) > lines_over(old, column, limit):
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"indenting the steps after {acquire.described} would push a line"
                f" past {limit} columns; wrap it by hand{candidate.remedy}",
                at=acquire.call,
            )
            return None
        if self._refuse_a_partial_fix(
            function, original, acquire, acquire.index + candidate.consumed
        ) or not self.accept_fix(
            function, candidate.applicability, candidate.reason, at=acquire.call
        ):
            return None
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
        if not can_fail(work):
            return None
        described = acquire.described
        moved = self.lines_of(work[-1])[1] - self.lines_of(work[0])[0] + 1
        if acquire.pair.collected and moved > MOST_LINES_MOVED_FOR_COLLECTED:
            self.note(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"{described} closes itself when the last reference to it goes, so a failing"
                f" step leaks it only until the error is handled; re-indenting {moved} lines"
                " for that would be churn",
                at=acquire.call,
            )
            return None
        scan = FlowScan.of(work)
        if scan.yields and not _is_context_manager(function):
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"a yield after {described}: the release would run when the generator is closed,"
                " not where it runs now",
                at=acquire.call,
            )
            return None
        if (leaving := scan.leaking_return(acquire.resource_code)) is not None:
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"the return at line {self.lines_of(leaving)[0]} leaves without releasing"
                f" {described}: release it there too, by hand (a cleanup on failure would not"
                " cover it, and moving the release into a finally would change what that"
                " return does)",
                at=acquire.call,
            )
            return None
        if not scan.only_failures_return(acquire.resource_code):
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"a return between {described} and its release would now release too: the success"
                " path would change",
                at=acquire.call,
            )
            return None
        if handles_every_failure(work):
            self.note(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"the steps after {described} catch every exception and go on, so a failing"
                " step already reaches its release",
                at=acquire.call,
            )
            return None
        if self._blocked_by_the_steps(function, acquire, work, scan):
            return None
        judgement = self._judge(acquire, scoped=True)
        if judgement.applicability is None:
            self._refuse_judged(function, acquire, judgement)
            return None
        applicability = judgement.applicability
        reason = (
            f"{described} is now released in a finally, so a failing step no longer leaks it"
            + judgement.text
        )
        if scan.yields:  # a context manager's: its with block runs at the yield
            applicability = Applicability.REVIEW
            reason += "; review: it is now released when the with block raises, too"
        acquire_statement = updated[acquire.index]
        work_updated = without_leading_blank_lines(updated[acquire.index + 1 : release_at])
        consumed = release_at + 1 - acquire.index
        if self._may_use_with(acquire, original[acquire.index], original[release_at]):
            mocked = self._plainly_mocked_open(acquire)
            if mocked is None:
                reason = (
                    f"{described} is now used in a with statement, so a failing step no longer"
                    " leaks it" + judgement.text
                )
                return Candidate(
                    [with_statement(acquire_statement, work_updated)],
                    consumed,
                    applicability,
                    reason,
                )
            # droopescan's prepend_to_file(): its test sets up mo().write, not mo().__enter__()
            reason += (
                f"; not a with statement: the tests patch {mocked} with a plain mock, whose"
                " __enter__() returns another mock; with would bypass what the test sets up:"
                " convert it together with the test"
            )
        [attempt] = work_updated if len(work_updated) == 1 else [None]
        if isinstance(attempt, cst.Try) and attempt.finalbody is None:
            protected = self._builder.with_finally(attempt, updated[release_at])
        else:
            protected = self._builder.try_finally(work_updated, updated[release_at])
        protected = below_blank_lines(protected, updated[acquire.index + 1 : release_at])
        return Candidate([acquire_statement, protected], consumed, applicability, reason)

    def _plainly_mocked_open(self, acquire: Acquire) -> str | None:
        """The ``open`` the tests patch with a plain mock, which ``with`` would bypass."""
        return plainly_patched_open(
            acquire.pair.acquire, dotted_module(self.module_path), self._cleanup_facts()
        )

    def _may_use_with(
        self, acquire: Acquire, acquired: cst.BaseStatement, released: cst.BaseStatement
    ) -> bool:
        """Can a ``with`` hold the resource: the project's Pythons have it, the tests patch
        nothing a ``with`` would bypass, and the statements allow it."""
        with_since = acquire.pair.with_since
        return (
            self._with_statement
            and (with_since is None or self.project.python_before(with_since) is None)
            and not may_be_patched(acquire.pair.acquire, self._cleanup_facts())
            and can_use_with(acquire, acquired, released)
        )

    def _covered(
        self,
        statements: list[cst.BaseStatement],
        acquire: Acquire,
        releasers: frozenset[str] = frozenset(),
    ) -> bool:
        """After a ``try`` that releases the resource, can nothing fail unreleased?

        Nothing can fail up to a statement that holds another ``try`` releasing it
        (ironic-python-agent's configdrive file, closed in the ``finally`` of the
        copy that follows), or to the end.
        """
        # Weblate's start_connection(): `if error not in {...}: connection.close(); raise ...`
        statements = [s for s in statements if not self._releases_then_raises(s, acquire)]
        for index, statement in enumerate(statements):
            if any(
                self._releases.try_releases(node, acquire, releasers)
                for node in m.findall(statement, m.Try())
            ):
                return not can_fail_but_paths(statements[:index], self._names.qualified)
        return not can_fail_but_paths(statements, self._names.qualified)

    def _guarded(
        self,
        statements: Sequence[cst.BaseStatement],
        acquire: Acquire,
        releasers: frozenset[str],
    ) -> bool:
        """Can no step of ``statements`` fail unreleased: each that can fail is a ``try``
        whose handlers or ``finally`` release the resource (nothing in its ``else``), the
        release itself, or an ``if`` testing nothing that can fail whose branches are
        guarded the same way? False where nothing but the release can fail."""
        releases = [self._is_lone_release(statement, acquire) for statement in statements]
        if not can_fail([s for s, released in zip(statements, releases) if not released]):
            return False
        return self._steps_guarded(statements, acquire, releasers)

    def _steps_guarded(
        self,
        statements: Sequence[cst.BaseStatement],
        acquire: Acquire,
        releasers: frozenset[str],
    ) -> bool:
        for statement in statements:
            if isinstance(statement, cst.Try):
                guarded = self._releases.finally_releases(statement, acquire, releasers) or (
                    self._releases.try_releases(statement, acquire, releasers)
                    and not (statement.orelse and can_fail([statement.orelse]))
                )
            elif isinstance(statement, cst.If):
                guarded = not m.findall(statement.test, _RISKY_TEST) and all(
                    self._steps_guarded(branch, acquire, releasers)
                    for branch in _branches(statement)
                )
            else:
                guarded = not can_fail([statement]) or self._is_lone_release(statement, acquire)
            if not guarded:
                return False
        return True

    def _is_lone_release(self, statement: cst.BaseStatement, acquire: Acquire) -> bool:
        call = lone_call(statement)
        return call is not None and self._releases.is_release(call, acquire)

    def _releases_then_raises(self, statement: cst.BaseStatement, acquire: Acquire) -> bool:
        """An ``if`` (no ``else``) whose body releases the resource first and ends raising."""
        if not isinstance(statement, cst.If) or statement.orelse is not None:
            return False
        body = list(statement.body.body)
        first = lone_call(body[0]) if body else None
        return (
            first is not None
            and self._releases.is_release(first, acquire)
            and m.matches(body[-1], m.SimpleStatementLine([m.Raise()]))
        )

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
        described = acquire.described
        if acquire.is_local_name and not returns_name(original[start + 1 :], acquire.resource_code):
            return self._unreleased(function, original, updated, acquire)
        if not can_fail(work):
            return None
        if isinstance(acquire.resource, cst.Attribute):
            self._refuse_attribute(function, acquire)
            return None
        kept = (
            escape_of(work, acquire.resource_code, returned=True) if acquire.is_local_name else None
        )
        if kept is not None:
            self.note(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{described} is returned, but {kept} before, so what keeps it may release it"
                " too; decide the cleanup on failure by hand",
                at=acquire.call,
            )
            return None
        if acquire.pair.collected:
            self.note(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{described} closes itself when the last reference to it goes, so a failing"
                " step leaks it only until the error is handled; a handler would be churn",
                at=acquire.call,
            )
            return None
        scan = FlowScan.of(work)
        if scan.yields:
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"a yield after {described}: a handler around it would also run when the"
                " generator is closed or thrown into",
                at=acquire.call,
            )
            return None
        if self._blocked_by_the_steps(function, acquire, work, scan):
            return None
        judgement = self._judge(acquire, scoped=False)
        if judgement.applicability is None:
            self._refuse_judged(function, acquire, judgement)
            return None
        logger = self._names.logger_reference(self._project_loggers)
        if logger is None:
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                "no module logger, and the name 'logging' is taken: cannot log a failing cleanup",
                at=acquire.call,
            )
            return None
        applicability = judgement.applicability
        reason = (
            f"{described} is now released if a later step fails, and the original error is"
            " re-raised" + judgement.text
        )
        release, release_imports = self._releases.release_code(acquire)
        handler_try = self._builder.release_on_failure(
            without_leading_blank_lines(updated[start + 1 : end]),
            release,
            logger[0],
            function.name.value,
            self._column_of(original[start]),
        )
        handler_try = below_blank_lines(handler_try, updated[start + 1 : end])
        replacement = [updated[start], handler_try, *updated[end:]]
        return Candidate(
            replacement, len(original) - start, applicability, reason, release_imports | logger[1]
        )

    def _unreleased(
        self,
        function: cst.FunctionDef,
        original: list[cst.BaseStatement],
        updated: list[cst.BaseStatement],
        acquire: Acquire,
    ) -> Candidate | None:
        """A local resource never released nor returned: release it when the function ends."""
        start, described = acquire.index, acquire.described
        resource, work = acquire.resource_code, original[acquire.index + 1 :]
        fresh = not acquire.pair.by_argument or has_fresh_name(original[:start], resource)
        if acquire.pair.collected or not fresh or not work:
            self.note(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{described} is neither released nor returned here; who releases it?",
                at=acquire.call,
            )
            return None
        released_by = other_release(work, resource)
        if released_by is not None:
            self.note(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{described} is handed to {released_by}() here; check by hand that this"
                " releases it",
                at=acquire.call,
            )
            return None
        if self._taken_over(function, acquire, work):  # todoman's fd, given to os.fdopen()
            return None
        escape = escape_of(work, resource, path=acquire.pair.release == "shutil.rmtree")
        if escape is not None:
            self.note(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{described} is never released here, but {escape}, so it may be in use"
                f" after {function.name.value}() returns; decide the cleanup by hand",
                at=acquire.call,
            )
            return None
        scan = FlowScan.of(work)
        if scan.yields:
            self.refuse(
                function,
                RefusalKind.NOT_APPLICABLE,
                f"a yield after {described}: a finally would run when the generator is closed",
                at=acquire.call,
            )
            return None
        if self._blocked_by_the_steps(function, acquire, work, scan):
            return None
        judgement = self._judge(acquire, scoped=False)
        if judgement.applicability is None:
            self._refuse_judged(function, acquire, judgement)
            return None
        release, imports = self._releases.release_code(acquire)
        name, said = function.name.value, _in_prose(resource)
        protected, where = self._released_at_the_end(updated[start + 1 :], release, resource)
        reason = (
            f"{described} was never released; it is now released {where} when {name}()"
            f" ends; review: check that nothing uses {said} after {name}() returns"
        )
        remedy = (
            f": {said} is never released, even when {name}() succeeds, so it belongs in a"
            f" try/finally that calls {release}, not in a cleanup on failure only"
        )
        return Candidate(
            [updated[start], protected],
            len(original) - start,
            Applicability.REVIEW,
            reason,
            imports,
            remedy,
        )

    def _released_at_the_end(
        self, rest: list[cst.BaseStatement], release: str, resource: str
    ) -> tuple[cst.Try, str]:
        """``rest``, the steps after a never-released acquire, in a ``try`` whose ``finally``
        runs ``release``, and where the reason says it is. A ``try`` that is the only step
        takes the release itself, with no re-indentation: in a ``finally`` of its own where
        it has none, first in its ``finally`` (so a failing step there cannot skip it) where
        nothing there names the resource (enos's kolla.py: ``os.close(_)`` before the
        ``os.unlink()``)."""
        statement = self._builder.statement(release)
        [attempt] = rest if len(rest) == 1 else [None]
        if isinstance(attempt, cst.Try) and attempt.finalbody is None:
            return self._builder.with_finally(attempt, statement), "in a finally added to its try,"
        if isinstance(attempt, cst.Try) and _may_release_first(attempt, resource):
            protected = self._builder.with_release_first(attempt, statement)
            return protected, "first in the finally of its try,"
        protected = self._builder.try_finally(without_leading_blank_lines(rest), statement)
        return below_blank_lines(protected, rest), "in a finally"

    def _blocked_by_the_steps(
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
                at=acquire.call,
            )
            return True
        if self._taken_over(function, acquire, work):
            return True
        calls = [call for statement in work for call in m.findall(statement, m.Call())]
        remover = next(filter(None, (self._releases.remover(c, acquire) for c in calls)), None)
        last = _last_call_naming(work, resource) if remover is not None else None
        removed_last = self._releases.remover(last, acquire) if last is not None else None
        if removed_last is not None and work and m.findall(work[0], m.Call()) == [last]:
            # pipenv's dependencies.py: mkdtemp(), then os.rmdir() at once, then the name
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{removed_last}() removes {resource} right after it is made: only its name"
                " is kept, which another process can take before it is used (as with"
                " tempfile.mktemp()); make it where it is used instead",
                at=acquire.call,
            )
            return True
        if removed_last is not None:
            # radicale's probes: os.rmdir(base_dir) ends the function, on success only
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{removed_last}() removes {resource} only when every step before it succeeds: a"
                " failure leaves it behind, with what the steps made in it; remove it when a"
                " step fails, by hand",
                at=acquire.call,
            )
            return True
        if remover is not None:
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{remover}() removes {resource} after {code_of(acquire.call)}, so a cleanup"
                " on failure could not tell whether it is there to undo; decide it by hand",
                at=acquire.call,
            )
            return True
        if any(self._releases.is_release(call, acquire, tolerant=True) for call in calls):
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{resource} is already released on some paths after {code_of(acquire.call)};"
                " check those paths by hand",
                at=acquire.call,
            )
            return True
        started = next((call for call in calls if starts_concurrent_work(call)), None)
        if started is not None:
            self.refuse(
                function,
                RefusalKind.ADVICE_ONLY,
                f"{code_of(started.func)}() starts work that goes on beside this function: after"
                f" a failure it may still use {resource}, which a cleanup would release under"
                " it; decide by hand",
                at=acquire.call,
            )
            return True
        return False

    def _taken_over(
        self, function: cst.FunctionDef, acquire: Acquire, work: Sequence[cst.BaseStatement]
    ) -> bool:
        """Is the resource handed to a call that releases it itself (``os.fdopen(fd)``)?

        A release after that call would release it twice; the steps before it
        may still leak it, which is advice when one of them can fail.
        """
        resource = acquire.resource_code
        for index, statement in enumerate(work):
            takers = (
                (call, self._releases.taker(call, acquire))
                for call in m.findall(statement, m.Call())
            )
            call, taker = next(((c, t) for c, t in takers if t is not None), (None, None))
            if call is None:
                continue
            said = f"{taker}() takes {resource} over and releases it"
            # semgrep's write_shard(): exit_stack.callback(os.unlink, name) comes between
            steps = [step for step in work[:index] if not _only_registers_a_cleanup(step)]
            steps += _steps_inside(statement, call)  # in-toto's opens before os.fdopen()
            leak = self._owner_closed_on_success_only(statement, call, work[index + 1 :])
            if can_fail_but_paths(steps, self._names.qualified):  # meltano's Path(tmp_name)
                self.refuse(
                    function,
                    RefusalKind.ADVICE_ONLY,
                    f"{said}, so a release after it would release it twice; the steps before"
                    f" it can fail: release {resource} by hand if they do",
                    at=acquire.call,
                )
            elif leak:  # the file object closes itself when dropped: said where a report asks
                self.note(
                    function, RefusalKind.ADVICE_ONLY, f"{said} at once, {leak}", at=acquire.call
                )
            else:
                self.note(function, RefusalKind.NOT_APPLICABLE, f"{said} at once", at=acquire.call)
            return True
        return False

    def _taken_over_in_the_try(
        self,
        function: cst.FunctionDef,
        acquire: Acquire,
        attempt: cst.Try,
        after: Sequence[cst.BaseStatement],
    ) -> bool:
        """Does the body of ``attempt``, whose handler releases the resource, hand it to a
        call that takes it over (rpmdeplint's ``f = os.fdopen(fd)`` in a try of its own)?
        A failure before the hand-off is released there, and what the call makes owns the
        resource after it: that object is judged, not the resource."""
        body = list(attempt.body.body)
        for index, statement in enumerate(body):
            for call in m.findall(statement, m.Call()):
                taker = self._releases.taker(call, acquire)
                if taker is None:
                    continue
                said = (
                    f"{taker}() takes {acquire.resource_code} over in a try whose handler"
                    " releases it if a step before fails"
                )
                leak = self._owner_closed_on_success_only(
                    statement, call, [*body[index + 1 :], *after]
                )
                kind = RefusalKind.ADVICE_ONLY if leak else RefusalKind.NOT_APPLICABLE
                self.note(function, kind, f"{said}, {leak}" if leak else said, at=acquire.call)
                return True
        return False

    @staticmethod
    def _owner_closed_on_success_only(
        statement: cst.BaseStatement, call: cst.Call, after: Sequence[cst.BaseStatement]
    ) -> str:
        """Why the file object ``owner = call`` (``os.fdopen(fd)``) leaks the descriptor when
        a step fails: it is closed only when its ``try`` succeeds (todoman's
        ``atomic_write()``); "" otherwise."""
        bound = m.Assign(targets=[m.AssignTarget(target=m.Name())], value=call)
        if not m.matches(statement, m.SimpleStatementLine(body=[bound])):
            return ""
        owner = statement.body[0].targets[0].target.value  # type: ignore[attr-defined]
        if not closed_only_on_success(after, owner):
            return ""
        around = "the yield" if FlowScan.of(after).yields else "the steps"
        return (
            f"so the file object {owner} owns it, and {owner}.close() runs only when the try"
            f" succeeds: close {owner} in the except too, or open it with `with"
            f" {code_of(call.func)}(...) as {owner}:` around {around}, by hand"
        )

    # -- applicability and the enclosing class ------------------------------

    def _judge(self, acquire: Acquire, scoped: bool) -> Judgement:
        """The site's applicability and review caveat, or why no release may be written."""
        release = self._releases.release_code(acquire, for_wording=True)[0]
        owner = self.innermost_class()
        return judge(acquire, release, owner, self._module, self.module_path, scoped)


def _steps_inside(statement: cst.BaseStatement, call: cst.CSTNode) -> list[cst.BaseStatement]:
    """What runs inside ``statement`` before ``call``: the statements before it in the
    ``try`` and ``with`` blocks that hold it, and the ``with`` items before its own (each
    as a statement of its own)."""
    steps: list[cst.BaseStatement] = []
    node: cst.CSTNode = statement
    while isinstance(node, (cst.Try, cst.With)):
        if isinstance(node, cst.With):
            for item in node.items:
                if _holds(item, call):
                    return steps
                steps.append(cst.SimpleStatementLine([cst.Expr(item.item)]))
        block = list(node.body.body)
        inner = next((each for each in block if _holds(each, call)), None)
        if inner is None:
            return steps  # in a handler or a finally: not what the body runs first
        steps += block[: block.index(inner)]
        node = inner
    return steps


def _holds(node: cst.CSTNode, call: cst.CSTNode) -> bool:
    return any(found is call for found in m.findall(node, m.Call()))


def _when_released(caught: Sequence[str]) -> str:
    """When a try's handlers release the resource: when its own steps fail, or only when they
    raise the exceptions its handlers name (proliantutils' ``ImageExtractionFailed``: an
    ``OSError`` leaks it too)."""
    if not caught:
        return "when its own steps fail"
    return f"only on {' or '.join(caught)} (a failure of another kind there leaks it too)"


def _in_prose(name: str) -> str:
    """``name`` as a sentence says it: in backticks where it is no word (``_``)."""
    return name if any(character.isalnum() for character in name) else f"`{name}`"


def _may_release_first(attempt: cst.Try, resource: str) -> bool:
    """Can a release go first in ``attempt``'s ``finally``: an indented block that does not
    name ``resource`` (a step there using it would run after the release)?"""
    finalbody = attempt.finalbody
    return (
        finalbody is not None
        and isinstance(finalbody.body, cst.IndentedBlock)
        and not m.findall(finalbody, m.Name(resource))
    )


def _last_call_naming(work: Sequence[cst.BaseStatement], resource: str) -> cst.Call | None:
    """The call that is the last statement of ``work`` naming ``resource``, where that
    statement is a call alone (``os.rmdir(base_dir)``, ``shutil.move(tmp, dest)``)."""
    using = [s for s in work if resource in {code_of(n) for n in m.findall(s, m.Name())}]
    if not using or not m.matches(using[-1], m.SimpleStatementLine([m.Expr(m.Call())])):
        return None
    return using[-1].body[0].value  # type: ignore[attr-defined,no-any-return]


_CONTEXT_MANAGER_DECORATORS = frozenset({"contextmanager", "asynccontextmanager"})


def _is_context_manager(function: cst.FunctionDef) -> bool:
    """Is ``function`` a ``@contextlib.contextmanager`` generator? Its ``with`` block's
    exit resumes it, or throws into it, at the yield: a ``finally`` around the yield
    runs where the code after it does (ansible's ``file_lock()``)."""
    return any(
        code_of(decorator.decorator).rpartition(".")[2] in _CONTEXT_MANAGER_DECORATORS
        for decorator in function.decorators
    )


_RISKY_TEST = m.Call() | m.Subscript()


def _branches(statement: cst.If) -> list[Sequence[cst.BaseStatement]]:
    """The blocks an ``if`` runs: its body, each ``elif``'s, and its ``else``'s."""
    branches: list[Sequence[cst.BaseStatement]] = [statement.body.body]
    orelse = statement.orelse
    if isinstance(orelse, cst.If):
        branches += _branches(orelse)
    elif orelse is not None:
        branches.append(orelse.body.body)
    return branches


def _detached_next(rest: Sequence[cst.BaseStatement], resource: str) -> bool:
    """Does the statement after the try detach the resource (python-ldap's ``fd =
    sock.detach()`` once ``initialize_fd()`` holds the descriptor): nothing left to leak."""
    detach = m.Call(func=m.Attribute(attr=m.Name("detach")))
    return bool(rest) and any(
        code_of(call.func.value) == resource  # type: ignore[attr-defined]
        for call in m.findall(rest[0], detach)
    )


def _released_beside(
    original: list[cst.BaseStatement], acquire: Acquire, consumed: int, known: list[str]
) -> list[str]:
    """The names bound between ``acquire`` and its release, and released the same way right
    after it: limnoria's ``dstfd = open_mkdir(dst, 'wb')``, closed beside ``srcfd``, made by a
    function of the project that returns ``open(...)``."""
    if not acquire.pair.release_is_method:
        return []
    method = acquire.pair.release_name
    bound = {
        code_of(target.target)
        for statement in original[acquire.index + 1 : consumed]
        for assign in m.findall(statement, m.Assign(value=m.Call()))
        for target in assign.targets  # type: ignore[attr-defined]
        if isinstance(target.target, cst.Name)
    }
    released = {
        code_of(call.func.value)  # type: ignore[attr-defined]
        for statement in original[consumed : consumed + len(bound) + 1]
        for call in m.findall(statement, m.Call(func=m.Attribute(attr=m.Name(method))))
    }
    return sorted((bound & released) - {acquire.resource_code, *known})


def _only_registers_a_cleanup(statement: cst.BaseStatement) -> bool:
    """Is ``statement`` one call to register a cleanup (``exit_stack.callback(...)``), whatever
    its arguments? Narrower than the registries ``_cleanup_releases`` takes a release given to
    (``register_for_cleanup``)."""
    call = lone_call(statement)
    return call is not None and registers_a_cleanup(call)
