"""The codemod contract.

A codemod is one LibCST transformer class with metadata (id, title, CWE ids,
applicability, a text prefilter and its documentation). The engine parses a
file once and hands the tree to each selected codemod in turn. A codemod never
decides on its own whether a fix is applied: it asks :meth:`Codemod.permits`
with the applicability of that one site, and records what it did or refused
with :meth:`Codemod.record_fix` and :meth:`Codemod.refuse`. Those records
(:mod:`cwemod.codemods.records`) are data the engine turns into diff headers,
triage verdicts and JSON.
"""

from __future__ import annotations

import ast
import functools
import re
import types
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

import libcst as cst
from libcst.metadata import PositionProvider

from cwemod.codemods.kit.growth import moves_an_aligned_bracket
from cwemod.codemods.kit.imports import (
    add_stdlib_imports,
    heads_group,
    with_lines_of_removed,
    with_name_imported_beside,
)
from cwemod.codemods.kit.match import nodes_of_type
from cwemod.codemods.kit.metadata import MetadataWrapper
from cwemod.codemods.kit.parents import ParentProvider
from cwemod.codemods.kit.project import Project, absolute_name
from cwemod.codemods.kit.ruff_ignores import EVERY_FILE, ignoring_glob
from cwemod.codemods.kit.scanner_marks import MARKED, ruff_exempted, silenced
from cwemod.codemods.kit.source import code_of, module_code, module_lines
from cwemod.codemods.kit.syntax import nodes
from cwemod.codemods.records import (
    Applicability,
    CreatedModule,
    Fix,
    LineRange,
    Refusal,
    RefusalKind,
    RunState,
)
from cwemod.linediff import opcodes

if TYPE_CHECKING:
    from libcst.codemod import CodemodContext

__all__ = [
    "Codemod",
    "callee_tails",
    "imported_tails",
    "nodes_of_type",
]

_SCOPES = (cst.FunctionDef, cst.ClassDef)
SILENCED_REASON = (
    f"{MARKED}: the project accepted this line as it is; change it by hand if that no longer holds"
)
PER_FILE_IGNORED_REASON = (
    "the project's ruff configuration turns this scanner rule off for this file"
    " (per-file-ignores): it accepted the file as it is"
)
PROJECT_IGNORED_REASON = (
    "the project's ruff configuration turns this scanner rule off project-wide"
    " (ignore, extend-ignore): it accepted code like this in every file"
)
BANDIT_SKIPPED_REASON = (
    "the project's bandit configuration skips this test (-s, skips): it accepted code like"
    " this in every file it scans"
)
PYLINT_DISABLED_REASON = (
    "the project's pylint configuration turns this check off project-wide (disable=):"
    " it accepted code like this in every file"
)


class Codemod(cst.CSTTransformer):
    """Base class of every cwemod codemod.

    Subclasses set the class attributes below and implement LibCST
    ``visit_*``/``leave_*`` methods. ``docs`` is Markdown with the sections
    "What it does", "Why is this bad?", "Fix safety", "Refuses" and
    "Options"; ``example`` is a small module the codemod changes, shown by
    ``cwemod explain`` as a real diff.
    """

    id: ClassVar[str]
    title: ClassVar[str]
    cwe: ClassVar[tuple[str, ...]] = ()
    # Scanner rule ids this codemod answers: Bandit test ids such as "B602"
    # (ruff's "S602" twins are derived from them).
    rules: ClassVar[tuple[str, ...]] = ()
    # Rule ids a fix may bring in as the expected next step, which `--verify`
    # accepts as new findings: B603 after a B602 fix (the argv list replaces the shell).
    successor_rules: ClassVar[tuple[str, ...]] = ()
    # Rule ids (Bandit's) it answers only at some sites, which :meth:`answers_at` tells;
    # elsewhere they stay scanner_advice's: B603 where shell= is given and no false constant.
    site_rules: ClassVar[tuple[str, ...]] = ()
    applicability: ClassVar[Applicability] = Applicability.SAFE
    # Records nothing in test code unless a report points there: a whole-tree run
    # then skips test modules without parsing them.
    leaves_tests_alone: ClassVar[bool] = False
    # Fixes sites no finding points at, because one that does asks for them (an
    # import's finding, for every use of the import): a report's run visits it all.
    fixes_beyond_findings: ClassVar[bool] = False
    prefilter: ClassVar[tuple[str, ...]] = ()
    # What triage says where it records nothing at a finding its gates cannot rule out,
    # after "<id> recorded nothing at <where>: "; empty: "it can only <title>, and could not
    # judge this code".
    silence: ClassVar[str] = ""
    docs: ClassVar[str] = ""
    example: ClassVar[str] = ""
    default_options: ClassVar[Mapping[str, Any]] = {}

    METADATA_DEPENDENCIES = (PositionProvider,)

    def __init__(
        self,
        context: CodemodContext | None = None,
        state: RunState | None = None,
        options: Mapping[str, Any] | None = None,
        *,
        filename: str | None = None,
    ) -> None:
        super().__init__()
        self._context = context
        self._filename = filename if context is None else context.filename
        self._run_wrapper: MetadataWrapper | None = None  # the tree's, while this codemod runs
        self._names_to_import: list[tuple[str, str]] = []  # (module, name) by add_import
        self.state = state if state is not None else RunState()
        self.options = self.resolve_options(options or {})
        # Set by the engine: one wrapper per tree, so codemods that run on the
        # same tree share its metadata (scope analysis is the costly part).
        self.shared_wrapper: MetadataWrapper | None = None
        self._in_tests: bool | None = None  # by the module's text, once transform_module has it

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        decorated = [
            name
            for name, value in vars(cls).items()
            if isinstance(value, types.FunctionType)
            and any(hasattr(value, mark) for mark in _MATCHER_DECORATIONS)
        ]
        if decorated:
            raise TypeError(
                f"{cls.__name__}.{decorated[0]}: a cwemod codemod does not run LibCST's"
                " matcher decorators; write visit_<Node>/leave_<Node> methods and test"
                " nodes with m.matches()"
            )

    @property
    def context(self) -> CodemodContext:
        """LibCST's ``CodemodContext``, for its import visitors: made when first asked for.

        ``libcst.codemod`` imports ``libcst.matchers``, about 0.4 s: only a
        codemod that edits imports the LibCST way (:meth:`add_import`,
        :meth:`remove_import_of`) pays for it.
        """
        if self._context is None:
            from libcst.codemod import CodemodContext

            # The package resolves relative imports (``from .utils import Loader``) when an
            # import is removed.
            package = absolute_name(".", self.module_path) or None
            self._context = CodemodContext(
                filename=self._filename, full_package_name=package, wrapper=self._run_wrapper
            )
        return self._context

    @classmethod
    def resolve_options(cls, options: Mapping[str, Any]) -> dict[str, Any]:
        """Defaults plus ``options``; raises ValueError saying what is wrong.

        The engine calls this once before any file runs, so a bad option is
        one input error, not one failure per file. Subclasses that check
        values extend :meth:`check_options`.
        """
        unknown = set(options) - set(cls.default_options)
        if unknown:
            raise ValueError(f"{cls.id}: unknown option(s) {', '.join(sorted(unknown))}")
        resolved = {**cls.default_options, **options}
        cls.check_options(resolved)
        return resolved

    @classmethod
    def check_options(cls, options: Mapping[str, Any]) -> None:
        """Raise ValueError when an option value is unusable."""

    def transform_module(self, tree: cst.Module) -> cst.Module:
        """Run this codemod on ``tree``, then the import edits it scheduled.

        Codemods that run on the same tree share the wrapper the engine set
        as :attr:`shared_wrapper`, so its metadata (scope analysis is the
        costly part) is computed once; LibCST's ``CodemodCommand`` wraps
        (and deep-copies) the tree anew for every codemod. cwemod codemods
        make a single pass.
        """
        wrapper = self.shared_wrapper
        if wrapper is None or wrapper.module is not tree:
            wrapper = MetadataWrapper(tree)
        path = self.state.module_path
        # Only a module that is test code by its path may turn out not to be by its text. Its
        # text alone (read by patterns, docstrings and all) makes none: robot's model/testsuite.py
        # (class TestSuite, test_count()), mistral's std_actions.py (actions' test() methods).
        tests = self.project.is_test_module
        self._in_tests = tests(path) and tests(path, module_code(tree))
        outer = None if self._context is None else self._context.wrapper
        with self.resolve(wrapper):
            self._run_on(wrapper)
            try:
                transformed = self.transform_module_impl(wrapper.module)
            finally:
                self._run_on(outer)
        return self._apply_scheduled_imports(tree, transformed)

    def transform_module_impl(self, tree: cst.Module) -> cst.Module:
        """This codemod's one pass over ``tree``, its metadata resolved (LibCST's name for it).

        None in test code of a codemod that :attr:`leaves_tests_alone`, unless a
        report points there: whoever runs it, the engine's shortcut or not.
        """
        if self.leaves_tests_alone and self.in_tests and self.state.finding_ranges is None:
            return tree
        return tree.visit(self)

    def _run_on(self, wrapper: MetadataWrapper | None) -> None:
        """LibCST's import visitors read the tree's metadata from the context's wrapper."""
        self._run_wrapper = wrapper
        if self._context is not None:
            self._context = replace(self._context, wrapper=wrapper)

    def _apply_scheduled_imports(self, tree: cst.Module, transformed: cst.Module) -> cst.Module:
        """What :meth:`add_import` and :meth:`remove_import_of` scheduled, as LibCST runs it."""
        for module, name in self._names_to_import:
            beside = with_name_imported_beside(transformed, module, name, self.project.line_length)
            if beside is not None:
                transformed = beside
            else:
                from libcst.codemod.visitors import AddImportsVisitor

                AddImportsVisitor.add_needed_import(self.context, module, name)
        if self._context is None:
            return transformed  # nothing scheduled: scheduling makes the context
        from libcst.codemod.visitors import AddImportsVisitor, RemoveImportsVisitor

        if AddImportsVisitor.CONTEXT_KEY in self.context.scratch:
            transformed = AddImportsVisitor(self.context).transform_module(transformed)
        if RemoveImportsVisitor.CONTEXT_KEY in self.context.scratch:
            removing = transformed  # every edit made, but the imports' removal
            transformed = RemoveImportsVisitor(self.context).transform_module(transformed)
            transformed = _without_emptied_tries(removing, transformed)
            transformed = _keep_blank_lines_of_removed_lines(removing, transformed)
        return transformed

    @property
    def project(self) -> Project:
        return self.state.project

    @property
    def line_limit(self) -> int:
        """The line length this codemod's fixes keep to: the project's, unless an option says."""
        return self.project.line_length

    @property
    def module_path(self) -> str:
        return self.state.module_path

    @property
    def in_tests(self) -> bool:
        """Is the module test code (by its path, and its text once the run has the tree)?"""
        if self._in_tests is None:
            return self.project.is_test_module(self.state.module_path)
        return self._in_tests

    @property
    def facts(self) -> Any:
        """What its survey found in this project (``None`` when it has none; see ``surveys.py``)."""
        return self.state.project.facts.get(self.id)

    @classmethod
    def wants(cls, source: str, options: Mapping[str, Any] | None = None) -> bool:
        """Cheap text test: can this codemod possibly change ``source``?

        ``options`` are the resolved options of the run, for codemods whose
        targets are configurable.
        """
        return not cls.prefilter or any(needle in source for needle in cls.prefilter)

    @classmethod
    def may_have_candidates(cls, source: str, options: Mapping[str, Any]) -> bool:
        """A narrower text test, for a whole-tree run: may the ``ast`` gate pass?

        False spares the ``ast`` parse, so it must never be False where
        :meth:`candidates` finds a node (or, for a codemod without them,
        where :meth:`might_change` says yes). Asked only of an ASCII
        source (the engine lets any other through: NFKC may spell a name
        otherwise) that passed :meth:`wants`, and never in a report's run
        (a finding is answered where it points, candidate or not).
        """
        return True

    @classmethod
    def might_change(cls, tree: ast.Module, options: Mapping[str, Any]) -> bool:
        """Cheap syntactic test on the stdlib ``ast`` tree of a file that passed :meth:`wants`.

        Asked only in whole-tree runs (no report): can this codemod record
        a fix or a refusal in this module? False skips the LibCST parse and
        the metadata, so it must over-approximate: answer False only when
        the codemod certainly records nothing. By default: whether
        :meth:`candidates` finds one, when the codemod can tell.
        """
        found = cls.candidates(tree, options)
        return found is None or any(True for _ in found)

    @classmethod
    def answers_at(cls, rule: str, tree: ast.Module, lines: Sequence[tuple[int, int]]) -> bool:
        """Is a finding of ``rule`` (a Bandit id of :attr:`site_rules`) at ``lines`` its own?

        Asked by triage of the stdlib ``ast`` tree of the finding's file.
        """
        return False

    @classmethod
    def candidates(cls, tree: ast.Module, options: Mapping[str, Any]) -> Iterable[ast.AST] | None:
        """The nodes of ``tree`` around every site this codemod may fix or refuse; None: unknown.

        A gate finer than :meth:`might_change`, asked instead of it when a
        codemod defines it: no candidate skips the file, and functions and
        classes that hold none are not visited. It must over-approximate
        like :meth:`might_change`, and a codemod that defines it may record
        only within the function or class around a candidate: what it finds
        elsewhere is never visited.
        """
        return None

    @classmethod
    def refusals_by_syntax(
        cls, tree: ast.Module, options: Mapping[str, Any], project: Project, module_path: str
    ) -> list[Refusal] | None:
        """Every record of a whole-tree run on this module, when the ``ast`` tree decides them.

        For modules where the codemod changes nothing and only refuses, for a
        reason the module itself gives (test code, tooling): the engine then
        skips LibCST for this codemod. None (the default): LibCST decides.
        The list must equal what the codemod records, in its order.
        """
        return None

    def on_visit(self, node: cst.CSTNode) -> bool:
        """Visit as LibCST does, but skip functions and classes no finding or candidate is in.

        With a report, every fix and refusal is recorded only where a finding
        points (:meth:`permits`, :meth:`refuse`; unless the codemod
        :attr:`fixes_beyond_findings`); without, only around a
        :meth:`candidates` site. So their bodies could change nothing, and
        not visiting them spares LibCST rebuilding every node there.
        """
        if not super().on_visit(node):
            return False
        ranges = self.state.finding_ranges
        if ranges is None:
            ranges = self.state.candidate_ranges
        elif self.fixes_beyond_findings:
            return True
        if ranges is None or not isinstance(node, _SCOPES):
            return True
        start, end = self.lines_of(node)
        if node.decorators:  # a function's or class's position starts at ``def``/``class``
            start = self.lines_of(node.decorators[0])[0]
        return any(target.overlaps(start, end) for target in ranges)

    def on_visit_attribute(self, node: cst.CSTNode, attribute: str) -> None:
        if _has_attribute_hooks(type(self)):
            super().on_visit_attribute(node, attribute)

    def on_leave_attribute(self, original_node: cst.CSTNode, attribute: str) -> None:
        if _has_attribute_hooks(type(self)):
            super().on_leave_attribute(original_node, attribute)

    # -- helpers for subclasses -------------------------------------------

    def parent_of(self, node: cst.CSTNode) -> cst.CSTNode | None:
        """``node``'s parent; None at the module (declare ``kit.parents.ParentProvider``)."""
        return self.get_metadata(ParentProvider, node, None)

    def lines_of(self, node: cst.CSTNode) -> tuple[int, int]:
        position = self.get_metadata(PositionProvider, node)
        return position.start.line, position.end.line

    def growth_replacing(
        self, node: cst.CSTNode, replacement: cst.CSTNode | str
    ) -> tuple[int, int, int]:
        """(line, column, characters): ``replacement`` in place of ``node`` puts that many
        characters more where ``node`` ends, as :class:`~cwemod.codemods.kit.growth.LineGrowth`
        asks (fewer than none when it is shorter)."""
        end = self.get_metadata(PositionProvider, node).end
        new = replacement if isinstance(replacement, str) else code_of(replacement)
        return end.line, end.column, len(new) - len(code_of(node))

    def moves_an_aligned_bracket(self, original: cst.CSTNode, replacement: cst.CSTNode) -> bool:
        """Would ``replacement`` move what follows ``original`` on its last line, there a
        bracket that a continuation line is aligned under (pycodestyle's E127, E128)?"""
        position = self.get_metadata(PositionProvider, original)
        line = module_lines(self._run_wrapper.module)[position.end.line - 1]
        return moves_an_aligned_bracket(
            line,
            position.start.column,
            position.end.column,
            code_of(original),
            code_of(replacement),
        )

    def targeted(self, node: cst.CSTNode) -> bool:
        """Does a finding point at ``node`` (always true without a report)?"""
        return self.state.finding_ranges is None or bool(self._targets_of(node))

    def _targets_of(self, node: cst.CSTNode) -> list[LineRange]:
        start, end = self.lines_of(node)
        return [target for target in self.state.finding_ranges or () if target.overlaps(start, end)]

    def _findings_of(self, node: cst.CSTNode) -> tuple[str, ...]:
        return tuple(t.finding for t in self._targets_of(node) if t.finding is not None)

    def permits(
        self,
        node: cst.CSTNode,
        applicability: Applicability,
        reason: str,
        *,
        at: cst.CSTNode | None = None,
    ) -> bool:
        """May the site at ``node`` be rewritten with this applicability?

        Not where the project silenced its scanner (``# nosec``) on a codemod
        of a scanner's rule: that site is refused. Records a skipped
        review-level fix when it may not, so the user is told what
        ``--unsafe`` would add.
        """
        if not self.targeted(node):
            return False
        accepted = self._accepted_reason(node)
        if accepted is not None:
            self.refuse(node, RefusalKind.ADVICE_ONLY, accepted)
            return False
        if applicability is Applicability.REVIEW and not self.state.allow_review:
            line = self.lines_of(at or node)[0]
            findings = self._findings_of(node)
            self.state.skipped_review.append(Fix(self.id, line, applicability, reason, findings))
            return False
        return True

    def marked(self, node: cst.CSTNode) -> bool:
        """Did the project mark a line of ``node`` for the scanner of this codemod's rules?"""
        return bool(self.rules) and silenced(
            module_lines(self._run_wrapper.module), *self.lines_of(node), self.rules
        )

    def _accepted_reason(self, node: cst.CSTNode) -> str | None:
        """Why the project accepts ``node`` as it is: a scanner mark on its lines, a ruff
        comment that exempts the file or a range around it, a ruff per-file-ignores entry
        (or ``ignore``, project-wide) that turns a rule of ``node`` (:meth:`rules_at`) off
        for the file, the tests its bandit configuration skips, or its pylint configuration's
        ``disable=`` list; else None."""
        if self.marked(node):
            return SILENCED_REASON
        rules = self.rules_at(node)
        lines = module_lines(self._run_wrapper.module)
        if rules and ruff_exempted(lines, self.lines_of(node)[0], rules):
            return SILENCED_REASON
        glob = rules and ignoring_glob(self.project.ruff_per_file_ignores, self.module_path, rules)
        if glob:
            return PROJECT_IGNORED_REASON if glob == EVERY_FILE else PER_FILE_IGNORED_REASON
        if set(rules) & self.project.bandit_skipped:
            return BANDIT_SKIPPED_REASON
        return PYLINT_DISABLED_REASON if set(rules) & self.project.pylint_disabled else None

    def rules_at(self, node: cst.CSTNode) -> tuple[str, ...]:
        """The rules of :attr:`rules` a finding at ``node`` is of, which the project's ruff
        configuration must turn off to accept it; all of them unless a codemod says."""
        return self.rules

    def accept_fix(
        self,
        node: cst.CSTNode,
        applicability: Applicability,
        reason: str,
        *,
        at: cst.CSTNode | None = None,
    ) -> bool:
        """Record the fix at ``node`` when :meth:`permits` allows it; False when it does not.

        The codemod then makes the edit, or leaves the node as it was. The
        record gives the first line of ``at`` where given (a function's
        fix at the statement it is about), else of ``node``; findings are
        matched over the whole of ``node`` either way.
        """
        if not self.permits(node, applicability, reason, at=at):
            return False
        self.record_fix(node, applicability, reason, at=at)
        return True

    def record_fix(
        self,
        node: cst.CSTNode,
        applicability: Applicability,
        reason: str,
        *,
        at: cst.CSTNode | None = None,
    ) -> None:
        line = self.lines_of(at or node)[0]
        findings = self._findings_of(node)
        self.state.fixes.append(Fix(self.id, line, applicability, reason, findings))

    def create_module(
        self, path: str, text: str, applicability: Applicability, reason: str
    ) -> None:
        """Ask for a new module at ``path`` (relative to the project root) holding ``text``.

        Recorded like a fix: the engine shows it as a new file and writes it
        only if no file is at ``path``, once however many files ask for it.
        Ask from a file whose fix needs the module, after recording that fix.
        """
        self.state.created.append(CreatedModule(self.id, path, text, applicability, reason))

    def uses_definition(self, path: str, name: str) -> None:
        """Say that this file's fixes call ``name``, which this run's fix in the module at
        ``path`` (relative to the project root) defines: where that fix is dropped (``--lint``,
        ``--verify``), these are dropped too rather than left calling nothing."""
        self.state.uses.append((path, name))

    def refuse(
        self,
        node: cst.CSTNode,
        kind: RefusalKind,
        reason: str,
        *,
        at: cst.CSTNode | None = None,
    ) -> None:
        """Record why ``node`` is left alone, at the first line of ``at`` where given.

        Advice for a line the project marked for its scanner says so instead:
        the project has reviewed that line (dvc's ``"/var/tmp/..."  # noqa: S108``).
        """
        if not self.targeted(node):
            return
        if kind is RefusalKind.ADVICE_ONLY:
            reason = self._accepted_reason(node) or reason
        line = self.lines_of(at or node)[0]
        findings = self._findings_of(node)
        self.state.refusals.append(Refusal(self.id, line, kind, reason, findings))

    def refuse_before_python(self, node: cst.CSTNode, version: tuple[int, int], lacks: str) -> bool:
        """Refuse ``node`` with advice when the project supports a Python before ``version``.

        ``lacks`` says what that Python lacks and what to do instead; True when refused.
        """
        supports = self.project.supports_before(version)
        if supports is None:
            return False
        self.refuse(node, RefusalKind.ADVICE_ONLY, f"{supports}, {lacks}")
        return True

    def asked_about(self, node: cst.CSTNode, lines: tuple[int, int] | None = None) -> bool:
        """Does a report finding point at ``node`` (or at ``lines``)? Never without a report."""
        start, end = lines or self.lines_of(node)
        return any(target.overlaps(start, end) for target in self.state.finding_ranges or ())

    def note(
        self,
        node: cst.CSTNode,
        kind: RefusalKind,
        reason: str,
        lines: tuple[int, int] | None = None,
        *,
        at: cst.CSTNode | None = None,
    ) -> None:
        """Refuse only where a finding asks (at ``node``, or at ``lines`` of it).

        For sites that are not the codemod's business in a whole-tree run,
        which stays quiet about them, but which a report may point at.
        """
        if self.asked_about(node, lines):
            self.refuse(node, kind, reason, at=at)

    # -- import edits, made by LibCST's import visitors after the pass -----

    def add_stdlib_imports(self, module: cst.Module, names: Sequence[str]) -> cst.Module:
        """``module`` with ``names`` imported in its standard-library group, in the order the
        project sorts imports in (:func:`~cwemod.codemods.kit.imports.add_stdlib_imports`)."""
        return add_stdlib_imports(module, names, self.add_import, self.project.sorts_as_isort)

    def add_import(self, module: str, obj: str | None = None) -> None:
        """Have ``module`` (or ``obj`` from it) imported after this pass, unless it already is.

        ``obj`` goes on a line of its own beside the module's ``from module
        import ...`` (:func:`~cwemod.codemods.kit.imports.with_name_imported_beside`):
        joined to it, as LibCST's ``AddImportsVisitor`` would, it breaks
        hacking's H301. Else ``AddImportsVisitor`` puts it after the last
        import; a standard-library module goes where a reviewer expects it
        with :func:`~cwemod.codemods.kit.imports.add_stdlib_imports`.
        """
        if obj is not None:
            self._names_to_import.append((module, obj))
            return
        from libcst.codemod.visitors import AddImportsVisitor

        AddImportsVisitor.add_needed_import(self.context, module, obj)

    def remove_import(self, module: str, obj: str | None = None) -> None:
        """Have the import of ``module`` (or ``obj`` from it) removed after this pass, if unused."""
        from libcst.codemod.visitors import RemoveImportsVisitor

        RemoveImportsVisitor.remove_unused_import(self.context, module, obj)

    def remove_import_of(self, node: cst.CSTNode) -> None:
        """Have the imports ``node`` names removed after this pass, those no other code uses."""
        from libcst.codemod.visitors import RemoveImportsVisitor

        RemoveImportsVisitor.remove_unused_import_by_node(self.context, node)


@functools.cache
def _has_attribute_hooks(cls: type) -> bool:
    """Does ``cls`` define a ``visit_<Node>_<attribute>``/``leave_<Node>_<attribute>`` method?

    LibCST's own classes define them all as no-ops; only the others count.
    """
    return any(
        _ATTRIBUTE_HOOK.match(name)
        for klass in cls.__mro__
        if not klass.__module__.startswith("libcst")
        for name in vars(klass)
    )


# What LibCST's matcher decorators (``@m.visit``, ``@m.leave``, ``@m.call_if_inside``…) set.
_MATCHER_DECORATIONS = (
    "_visit_matcher",
    "_leave_matcher",
    "_call_if_inside_matcher",
    "_call_if_not_inside_matcher",
)
_ATTRIBUTE_HOOK = re.compile(r"(?:visit|leave)_[A-Z][A-Za-z]*_[a-z]\w*$")


def _keep_blank_lines_of_removed_lines(before: cst.Module, after: cst.Module) -> cst.Module:
    """Give what stays of the lines in front of a removed top-level statement to the next one.

    LibCST's ``RemoveImportsVisitor`` drops a whole import line together
    with the lines before it: blank lines, which would glue the next import
    to the module docstring, and comments. A comment about the removed line
    goes with it; a directive, or the heading of a group that goes on, stays
    (:func:`~cwemod.codemods.kit.imports.with_lines_of_removed`), unless the
    tree kept it elsewhere (:func:`_without_emptied_tries` moved it, or the
    statement was changed in place).
    """
    old = [_code_without_leading_lines(before, statement) for statement in before.body]
    new = [_code_without_leading_lines(after, statement) for statement in after.body]
    body = list(after.body)
    lost = Counter(_comments(before.body))
    lost.subtract(_comments(after.body))
    for tag, i1, i2, j1, _ in opcodes(old, new):
        if tag not in ("delete", "replace") or j1 >= len(body):
            continue
        removed = before.body[i1]
        # an import that lost names keeps its lines; another statement changed, not removed
        if tag == "replace" and not (_is_import(removed) and _is_import(body[j1])):
            continue
        gone = before.body[i1:i2] if tag == "delete" else [removed]
        lines = [line for s in gone for line in s.leading_lines if _was_lost(line, lost)]
        heads = heads_group(removed, before.body[i1 - 1] if i1 else None, body[j1])
        body[j1] = with_lines_of_removed(body[j1], lines, heads)
    return after.with_changes(body=body)


def _comments(body: Sequence[cst.BaseStatement]) -> list[str]:
    return [line.comment.value for s in body for line in s.leading_lines if line.comment]


def _was_lost(line: cst.EmptyLine, lost: Counter[str]) -> bool:
    """A blank line, or a comment the tree no longer has (counted off ``lost``)."""
    if line.comment is None:
        return True
    if lost[line.comment.value] <= 0:
        return False
    lost[line.comment.value] -= 1
    return True


def _is_import(statement: cst.BaseStatement) -> bool:
    return isinstance(statement, cst.SimpleStatementLine) and all(
        isinstance(small, (cst.Import, cst.ImportFrom)) for small in statement.body
    )


def _without_emptied_tries(before: cst.Module, after: cst.Module) -> cst.Module:
    """Drop the ``try`` statements, in any block, whose imports all went, leaving only ``pass``.

    LibCST's ``RemoveImportsVisitor`` leaves ``pass`` for an import that was a
    block's only statement: ``try: import xml.etree.cElementTree as ET``
    ``except ImportError: import xml.etree.ElementTree as ET`` would become a
    ``try`` that does nothing, at the top of the module or in a function (python-cas
    imports ElementTree so in its methods). ``before`` is the tree before the removal,
    which keeps every ``try`` (in the same order): one that did nothing there is the
    module's own, and stays. Its blank lines and directives go to the next statement
    (:func:`~cwemod.codemods.kit.imports.with_lines_of_removed`); a block it was
    all of keeps a ``pass``.
    """
    tries = nodes_of_type(after, cst.Try)
    if not any(map(_does_nothing, tries)):
        return after
    old = nodes_of_type(before, cst.Try)
    if len(old) != len(tries):
        return after  # not the same statements: leave them
    emptied = {new for was, new in zip(old, tries) if _does_nothing(new) and not _does_nothing(was)}
    return after.visit(_EmptiedTries(emptied)) if emptied else after


class _EmptiedTries(cst.CSTTransformer):
    """Takes the given ``try`` statements out of the blocks that hold them."""

    def __init__(self, emptied: set[cst.Try]) -> None:
        super().__init__()
        self.emptied = emptied

    def leave_IndentedBlock(
        self, original_node: cst.IndentedBlock, updated_node: cst.IndentedBlock
    ) -> cst.IndentedBlock:
        if not any(statement in self.emptied for statement in original_node.body):
            return updated_node
        body = self._kept(original_node.body, updated_node.body, in_block=True)
        return updated_node.with_changes(body=body)

    def leave_Module(self, original_node: cst.Module, updated_node: cst.Module) -> cst.Module:
        body = self._kept(original_node.body, updated_node.body, in_block=False)
        return updated_node.with_changes(body=body) if body else updated_node

    def _kept(
        self,
        original: Sequence[cst.BaseStatement],
        updated: Sequence[cst.BaseStatement],
        in_block: bool,
    ) -> list[cst.BaseStatement]:
        """``updated`` without the emptied tries; a block's first statement left keeps no
        blank line above it, and a block left empty holds a ``pass``."""
        body: list[cst.BaseStatement] = []
        removed: Sequence[cst.EmptyLine] | None = None
        for was, statement in zip(original, updated):
            if was in self.emptied:
                removed = removed or statement.leading_lines
                continue
            if removed is not None:
                if in_block and not body:
                    statement = statement.with_changes(leading_lines=_after_blanks(statement))
                statement = with_lines_of_removed(statement, removed, heads_group=False)
            removed = None
            body.append(statement)
        if in_block and not body:
            body.append(cst.SimpleStatementLine([cst.Pass()], leading_lines=removed or ()))
        return body


def _after_blanks(statement: cst.BaseStatement) -> list[cst.EmptyLine]:
    """The statement's leading lines from its first comment on."""
    lines = list(statement.leading_lines)
    while lines and lines[0].comment is None:
        lines.pop(0)
    return lines


def _does_nothing(statement: cst.BaseStatement) -> bool:
    """A ``try`` whose body and handlers are ``pass`` alone, with no ``else`` or ``finally``."""
    if not isinstance(statement, cst.Try) or statement.orelse or statement.finalbody:
        return False
    blocks = [statement.body, *(handler.body for handler in statement.handlers)]
    return all(
        isinstance(block, cst.IndentedBlock)
        and all(
            isinstance(line, cst.SimpleStatementLine)
            and all(isinstance(small, cst.Pass) for small in line.body)
            for line in block.body
        )
        for block in blocks
    )


def _code_without_leading_lines(module: cst.Module, statement: cst.BaseStatement) -> str:
    return module.code_for_node(statement.with_changes(leading_lines=()))


def imported_tails(tree: ast.Module) -> dict[str, set[str]]:
    """Local name -> last parts of the dotted names its imports (in any scope) refer to.

    ``from a import b as c`` maps ``c`` to ``{"b"}``; ``import a.b.c`` binds
    ``a`` and maps it to ``{"a", "c"}``. Used by the syntactic
    :meth:`Codemod.might_change` tests to follow import aliases the way
    LibCST's qualified names do, erring on the side of more names.
    """
    tails: dict[str, set[str]] = {}
    for node in nodes(tree, (ast.Import, ast.ImportFrom)):
        for alias in node.names:
            bound = alias.asname or alias.name.partition(".")[0]
            tails.setdefault(bound, set()).update({alias.name.rpartition(".")[2], bound})
    return tails


def callee_tails(func: ast.expr, imported: Mapping[str, set[str]]) -> set[str]:
    """The last parts the qualified name of ``func`` can have (see :func:`imported_tails`).

    Like LibCST's ``get_full_name_for_node``, a call or subscript is named
    after what it calls or subscripts: ``lock('x')(f)`` after ``lock``.
    """
    while isinstance(func, (ast.Call, ast.Subscript)):
        func = func.func if isinstance(func, ast.Call) else func.value
    if isinstance(func, ast.Attribute):
        return {func.attr}
    if isinstance(func, ast.Name):
        return {func.id, *imported.get(func.id, ())}
    return set()
