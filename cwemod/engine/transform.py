"""Run codemods over one file's source: one parse, codemods in sequence."""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path
from typing import Any, TypeVar

import libcst as cst

from cwemod.codemods import Fix, LineRange, Refusal, RefusalKind, RunState, get_codemod
from cwemod.codemods.base import Codemod
from cwemod.codemods.kit.lint_excludes import LINT_CONFIG, VENDORED_FOLDER, left_out_reason
from cwemod.codemods.kit.metadata import MetadataWrapper
from cwemod.codemods.kit.project import Project
from cwemod.codemods.kit.source import code_lines, remember_code
from cwemod.codemods.records import CreatedModule
from cwemod.engine.generated import generated_header, generated_twin
from cwemod.engine.hunks import split_lines
from cwemod.engine.linemap import LineMap, follow_ranges
from cwemod.engine.parse import TOO_DEEP, ParseError, parse_module, stdlib_tree
from cwemod.engine.source import Source, decode_source

CodemodSpec = tuple[str, Mapping[str, Any]]  # codemod id and its options
Wanted = list[tuple[type[Codemod], Mapping[str, Any]]]


class TransformError(Exception):
    """The file cannot be transformed (unparsable source or a codemod bug)."""


@dataclass
class Outcome:
    text: str
    fixes: list[Fix] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    skipped_review: list[Fix] = field(default_factory=list)
    created: list[CreatedModule] = field(default_factory=list)  # new modules the fixes need
    uses: list[tuple[str, str]] = field(default_factory=list)  # see RunState.uses


@dataclass
class ParsedFile:
    """A file read and parsed once, for every stage of a run to share.

    :meth:`transform` remembers its outcomes, so the fix reuses the run that
    triage made when both ask for the same codemods, options and ranges, and
    joins the runs triage made of each codemod alone when none changed the file.
    """

    source: Source
    module: cst.Module  # the LibCST tree of ``source.text``; trees are immutable, so shareable
    project: Project = field(default_factory=Project)
    module_path: str = ""  # relative to the project root
    path: Path | None = None  # the file on disk, when it is one
    _outcomes: dict[tuple, Outcome] = field(default_factory=dict, repr=False, compare=False)
    # One wrapper for every run on this tree, so its metadata (positions, scopes) is computed once.
    _wrapper: MetadataWrapper | None = field(default=None, repr=False, compare=False)

    @property
    def wrapper(self) -> MetadataWrapper:
        if self._wrapper is None:
            # A freshly parsed tree has each node once, so it needs no defensive copy.
            self._wrapper = MetadataWrapper(self.module, unsafe_skip_copy=True)
        return self._wrapper

    def transform(
        self,
        codemods: Sequence[CodemodSpec],
        targets: Mapping[str, Sequence[LineRange]],
        *,
        allow_review: bool,
        filename: str,
    ) -> Outcome:
        """:func:`transform_source` over this tree, restricted to ``targets``; callers only read it.

        ``filename`` is not part of what is remembered: it only names the
        file in messages.
        """
        run = _run_key(codemods, targets)
        if (run, allow_review) not in self._outcomes:
            outcome = self._joined(run, allow_review) or transform_source(
                self.source.text,
                codemods,
                filename=filename,
                allow_review=allow_review,
                targets=targets,
                wrapper=self.wrapper,
                project=self.project,
                module_path=self.module_path,
                path=self.path,
            )
            self._outcomes[run, allow_review] = outcome
            if not allow_review and not outcome.skipped_review:
                # Review-level fixes are allowed or not only in ``permits``: a run that
                # skipped none is also the run that allows them.
                self._outcomes.setdefault((run, True), outcome)
        return self._outcomes[run, allow_review]

    def _joined(self, run: tuple, allow_review: bool) -> Outcome | None:
        """``run``'s outcome made of its codemods' runs alone, when none of them changed the text.

        In a run each codemod works on the text the one before it left: when
        every one, run alone on this tree (as triage runs them), fixed nothing,
        each would see this same tree in the run too, so the run records what
        they recorded, in their order. None: the run must be made.
        """
        alone = [self._outcomes.get(((part,), allow_review)) for part in run]
        if len(run) < 2 or any(
            outcome is None or outcome.fixes or outcome.text != self.source.text
            for outcome in alone
        ):
            return None
        joined = Outcome(self.source.text)
        for outcome in alone:
            joined.refusals += outcome.refusals
            joined.skipped_review += outcome.skipped_review
            joined.created += outcome.created
            joined.uses += outcome.uses
        return joined


def _run_key(codemods: Sequence[CodemodSpec], targets: Mapping[str, Sequence[LineRange]]) -> tuple:
    """What decides a restricted run: each codemod that has ranges, its options and ranges."""
    return tuple(
        (codemod_id, repr(sorted(options.items())), tuple(targets[codemod_id]))
        for codemod_id, options in codemods
        if targets.get(codemod_id)
    )


@dataclass(frozen=True)
class _File:
    name: str  # as diffs show it
    project: Project
    module_path: str  # relative to the project root
    path: Path | None  # the file on disk, when it is one

    @cached_property
    def twin(self) -> str | None:
        """A module generated from this one: :func:`generated_twin`."""
        return generated_twin(self.path)


def parse_file(
    raw: bytes, project: Project | None = None, module_path: str = "", path: Path | None = None
) -> ParsedFile:
    """Decode and parse ``raw`` (read from ``path``); raises :class:`SourceError` or
    :class:`ParseError`."""
    source = decode_source(raw)
    try:
        tree = parse_module(source.text)
        return ParsedFile(source, tree, project or Project(), module_path, path=path)
    except RecursionError:
        raise ParseError(TOO_DEEP) from None


def in_tests_shortcut(project: Project, module_path: str, text: str) -> bool:
    """Is the module test code, so that codemods which leave tests alone need not run?"""
    return project.is_test_module(module_path, text)


def transform_source(
    text: str,
    codemods: Sequence[CodemodSpec],
    *,
    filename: str = "<string>",
    allow_review: bool = False,
    targets: Mapping[str, Sequence[LineRange]] | None = None,
    project: Project | None = None,
    module_path: str = "",
    wrapper: MetadataWrapper | None = None,
    path: Path | None = None,
) -> Outcome:
    """Apply ``codemods`` to ``text`` and return the new text and the records.

    With ``targets`` (from a report) a codemod runs only where a finding
    points; ranges are in the lines of ``text`` and are followed across the
    edits of codemods that ran before. ``wrapper``, the tree of ``text``
    wrapped when the caller already parsed it, saves parsing it again and
    the metadata earlier runs computed on it. ``path``, the file on disk,
    is where a twin generated from it is looked for.
    """
    wanted = [
        (get_codemod(codemod_id), options)
        for codemod_id, options in codemods
        if targets is None or targets.get(codemod_id)
    ]
    excluded = _lint_excluded(project, module_path, text, wanted, targets)
    if excluded is not None:
        return Outcome(text, refusals=excluded)
    in_tests = targets is None and in_tests_shortcut(project or Project(), module_path, text)
    wanted = [
        (cls, options)
        for cls, options in wanted
        if not (in_tests and cls.leaves_tests_alone)
        and _wants(cls, text, cls.resolve_options(options), whole_tree=targets is None)
    ]
    file = _File(filename, project or Project(), module_path, path)
    gate = _Gate(wanted)
    try:
        if targets is None:
            # With a report, each codemod runs where a finding points: its refusals are verdicts.
            gate = _syntactic_gate(text, wanted, file)
        if all(cls.id in gate.decided for cls, _ in gate.wanted):
            return Outcome(
                text, refusals=[r for cls, _ in gate.wanted for r in gate.decided[cls.id]]
            )
        if wrapper is None:
            # A freshly parsed tree has each node once, so it needs no defensive copy.
            wrapper = MetadataWrapper(parse_module(text), unsafe_skip_copy=True)
        return _run_codemods(wrapper, gate, text, file, allow_review, targets)
    except ParseError as error:
        raise TransformError(str(error)) from None
    except RecursionError:
        # LibCST's visitors recurse per level of nesting: a few hundred levels exhaust the stack.
        raise TransformError(TOO_DEEP) from None


_LINT_EXCLUDED = {
    LINT_CONFIG: "the project's flake8, ruff, black or pre-commit configuration excludes the"
    " file (vendored, generated or sample code): not the project's code to patch",
    VENDORED_FOLDER: "the file is in a folder named for vendored code and imports nothing of"
    " its host package, as a copy of another project does: not the project's code to patch",
}


def _lint_excluded(
    project: Project | None,
    module_path: str,
    text: str,
    wanted: Sequence[tuple[type[Codemod], Mapping[str, Any]]],
    targets: Mapping[str, Sequence[LineRange]] | None,
) -> list[Refusal] | None:
    """The refusals of a file the project's linters leave out (PyInstaller's vendored waf),
    or a copy in a folder named for vendored code; None for any other. Said only where a
    report points."""
    why = None if project is None else left_out_reason(project.lint_excludes, module_path, text)
    if why is None:
        return None
    return [
        Refusal(cls.id, target.start, RefusalKind.NOT_APPLICABLE, _LINT_EXCLUDED[why],
                (target.finding,) if target.finding else ())
        for cls, _ in wanted
        for target in (targets or {}).get(cls.id, ())
    ]  # fmt: skip


def _wants(cls: type[Codemod], text: str, options: Mapping[str, Any], whole_tree: bool) -> bool:
    """The text tests: :meth:`Codemod.wants`, and in a whole-tree run the narrower one too."""
    with _codemod_bug(cls):
        return cls.wants(text, options) and (not whole_tree or narrower_test(cls, text, options))


@contextmanager
def _codemod_bug(cls: type[Codemod]) -> Iterator[None]:
    """An exception a codemod's hook raises fails this file only, in one line: a codemod
    bug must not stop the whole run. Not RecursionError: a tree too deep for any codemod."""
    try:
        yield
    except (RecursionError, TransformError):
        raise
    except Exception as error:
        raise TransformError(f"codemod {cls.id} failed: {_one_line(error)}") from error


def narrower_test(cls: type[Codemod], text: str, options: Mapping[str, Any]) -> bool:
    """:meth:`Codemod.may_have_candidates`, asked of ASCII sources only.

    NFKC may spell a name with other characters that mean the same
    (``ｓｙｓｔｅｍ`` is ``system``), which no text search for the name finds:
    a source that is not ASCII may always hold a candidate.
    """
    return not text.isascii() or cls.may_have_candidates(text, options)


def _run_codemods(
    wrapper: MetadataWrapper,
    gate: _Gate,
    text: str,
    file: _File,
    allow_review: bool,
    targets: Mapping[str, Sequence[LineRange]] | None,
) -> Outcome:
    """Run the codemods the gate passed in turn, each on the tree the previous fixes left.

    ``targets`` and the gate's candidates are in the lines of ``text``: each
    codemod gets them in the lines of the tree it runs on. A codemod whose
    records the gate decided on ``text`` is not run while ``text`` is unchanged.
    """
    outcome = Outcome(text)
    module = wrapper.module
    current = text  # the code of ``module``: LibCST gives back a tree's text unchanged
    remember_code(module, text)
    candidates = gate.candidates
    for cls, options in gate.wanted:
        if cls.id in gate.decided and current is text:
            outcome.refusals += gate.decided[cls.id]
            continue
        ran_on = current
        state = RunState(
            allow_review=allow_review,
            finding_ranges=follow_ranges(targets[cls.id], text, current)
            if targets is not None
            else None,
            candidate_ranges=follow_ranges(candidates[cls.id], text, current)
            if cls.id in candidates
            else None,
            project=file.project,
            module_path=file.module_path,
        )
        codemod = cls(None, state, options, filename=file.name)
        codemod.shared_wrapper = wrapper
        try:
            transformed = codemod.transform_module(wrapper.module)
        except RecursionError:
            raise  # the tree is too deep for any codemod, not a bug of this one
        except Exception as error:  # a codemod bug must not stop the whole run
            if not _is_skip_file(error):
                raise TransformError(f"codemod {cls.id} failed: {_one_line(error)}") from error
            reason = str(error) or "skipped"
            state.refusals.append(Refusal(cls.id, 1, RefusalKind.NOT_APPLICABLE, reason))
        else:
            # read only where a codemod would change the file: most files get no fix
            if state.fixes or state.skipped_review:
                _refuse_if_generated(state, text, file)
            code = transformed.code if state.fixes else current
            if code is not current and _breaks_syntax(ran_on, code):
                _refuse_fixes(state, _NO_LONGER_PARSES)
            elif code is not current and _adds_a_long_line(ran_on, code, codemod.line_limit):
                _refuse_too_long(state, codemod.line_limit)
            # Only a recorded fix changes the file: every edit has a stated reason,
            # and the next codemod can reuse this tree's metadata.
            if state.fixes:
                module = transformed
                current = code
                # A transformed tree may hold a node twice; let LibCST copy it.
                wrapper = MetadataWrapper(module)
                remember_code(wrapper.module, current)
        to_file = _lines_of_file(ran_on, text) if ran_on is not text else None
        outcome.fixes += _in_file_lines(state.fixes, to_file)
        outcome.refusals += _in_file_lines(state.refusals, to_file)
        outcome.skipped_review += _in_file_lines(state.skipped_review, to_file)
        outcome.created += state.created
        outcome.uses += state.uses

    outcome.text = current
    return outcome


def _adds_a_long_line(old: str, new: str, limit: int) -> bool:
    """Does ``new`` hold more lines longer than ``limit`` than ``old`` (an E501 it adds)?

    A line that was too long already may grow: flake8 reports it once either
    way (impacket's 140-column password lines get their secrets draw).
    """
    return _lines_over(new, limit) > _lines_over(old, limit)


def _lines_over(text: str, limit: int) -> int:
    return sum(len(line) > limit for line in code_lines(text))


def _breaks_syntax(old: str, new: str) -> bool:
    """Does this Python parse ``old`` but not ``new``?

    LibCST parses what a newer Python does (a quote of the f-string's own
    kind inside its field, as 3.12 allows): a fix put there would not run
    on the Python in hand.
    """
    return not _parses(new) and _parses(old)


def _parses(text: str) -> bool:
    try:
        ast.parse(text)
    except (SyntaxError, ValueError, MemoryError, RecursionError):
        return False
    return True


_NO_LONGER_PARSES = (
    "the fixed code would not parse on this Python (a shape the codemod does not lay out):"
    " make the fix by hand"
)


def _refuse_too_long(state: RunState, limit: int) -> None:
    """Turn a codemod's fixes in a file into refusals: together they run past ``limit``.

    A backstop: each codemod keeps its fixes within the line length itself;
    one that missed a shape gets none of its fixes in this file, each
    refused with a reason, rather than a patch the project's gate rejects.
    """
    _refuse_fixes(
        state,
        f"the codemod's fixes in this file would run past {limit} columns, this one or"
        " another (a shape the codemod does not lay out): make them by hand",
    )


def _refuse_if_generated(state: RunState, text: str, file: _File) -> None:
    """Turn a codemod's fixes into refusals, those ``--unsafe`` adds too, in a generated file
    or one a generated twin is made from.

    The next generation would undo them (cvat-sdk's ``api_client/``, written by
    openapi-generator from a template its repository holds instead); a fix
    made in jupytext's ``async_contentsmanager.py`` alone leaves its generated
    ``sync_contentsmanager.py`` out of step, which a test of jupytext checks.
    """
    header = generated_header(text)
    if header is not None:
        said = header if len(header) <= 80 else header[:77] + "..."
        reason = f"generated code (its header says {said!r}): change the generator or its template"
        _refuse_all(state, reason + " instead", RefusalKind.NOT_APPLICABLE)
    elif (twin := file.twin) is not None:
        reason = f"{twin} is generated from this module: make the change here and regenerate it"
        _refuse_all(state, reason, RefusalKind.ADVICE_ONLY)


def _refuse_all(state: RunState, reason: str, kind: RefusalKind) -> None:
    """Every fix of a codemod's run on a file refused, those ``--unsafe`` adds too."""
    state.fixes += state.skipped_review
    state.skipped_review.clear()
    _refuse_fixes(state, reason, kind)


def _refuse_fixes(
    state: RunState, reason: str, kind: RefusalKind = RefusalKind.ADVICE_ONLY
) -> None:
    """Turn every fix of a codemod's run on a file into a refusal for ``reason``."""
    state.refusals += [
        Refusal(fix.codemod, fix.line, kind, reason, fix.findings) for fix in state.fixes
    ]
    state.fixes.clear()
    state.created.clear()
    state.uses.clear()


def _lines_of_file(ran_on: str, text: str) -> LineMap:
    """Lines of the text a later codemod ran on (after earlier fixes), back to ``text``'s."""
    return LineMap(split_lines(ran_on), split_lines(text))


RecordT = TypeVar("RecordT", Fix, Refusal)


def _in_file_lines(records: list[RecordT], to_file: LineMap | None) -> list[RecordT]:
    """``records`` with lines of the file as it was, so all codemods' records agree."""
    if to_file is None:
        return records
    return [replace(record, line=to_file(record.line)) for record in records]


@dataclass
class _Gate:
    """What the ``ast`` tree of a file says before LibCST: which codemods to run, and where."""

    wanted: Wanted  # the codemods that passed
    candidates: dict[str, list[LineRange]] = field(default_factory=dict)  # by codemod id
    decided: dict[str, list[Refusal]] = field(default_factory=dict)  # records without LibCST


def _syntactic_gate(text: str, wanted: Wanted, file: _File) -> _Gate:
    """What the stdlib ``ast`` tree of ``text`` says: the codemods it passes, where, and what it decides.

    A codemod passes when its :meth:`Codemod.candidates` finds one, or
    its :meth:`Codemod.might_change` says yes. CPython's parser is many
    times faster than LibCST's, so a file no codemod can touch is never
    parsed by LibCST nor analysed; nor is one whose records the codemods
    that passed can tell from the ``ast`` tree (:meth:`Codemod.refusals_by_syntax`).
    """
    if all(_has_no_gate(cls) for cls, _ in wanted):
        return _Gate(wanted)
    tree = stdlib_tree(text)  # ParseError when nested too deeply for LibCST
    if tree is None:
        return _Gate(wanted)  # LibCST decides, and reports the error if it cannot parse either
    gate = _Gate([])
    for cls, options in wanted:
        with _codemod_bug(cls):
            _open_gate(gate, cls, options, tree, file)
    return gate


def _open_gate(
    gate: _Gate, cls: type[Codemod], options: Mapping[str, Any], tree: ast.Module, file: _File
) -> None:
    """Let ``cls`` through ``gate`` where its ``ast`` gate opens on ``tree``, with its
    candidates and the records it can tell from the tree alone."""
    resolved = cls.resolve_options(options)
    opens, found = gate_of(cls, tree, resolved)
    if not opens:
        return
    if found is not None:
        gate.candidates[cls.id] = [_lines_of(node) for node in found]
    gate.wanted.append((cls, options))
    decided = cls.refusals_by_syntax(tree, resolved, file.project, file.module_path)
    if decided is not None:
        gate.decided[cls.id] = decided


def gate_of(
    cls: type[Codemod], tree: ast.Module, options: Mapping[str, Any]
) -> tuple[bool, list[ast.AST] | None]:
    """Does the codemod's ``ast`` gate open on ``tree``, and around which candidates?

    Its :meth:`Codemod.candidates` when it finds them (it opens where one is
    found), else its :meth:`Codemod.might_change` (None: no candidates).
    ``options`` are resolved.
    """
    found = cls.candidates(tree, options)
    if found is not None:
        found = list(found)
        return bool(found), found
    return cls.might_change(tree, options), None


def _lines_of(node: ast.AST) -> LineRange:
    start = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
    return LineRange(start, node.end_lineno or node.lineno)


def _has_no_gate(cls: type[Codemod]) -> bool:
    return all(
        getattr(cls, hook).__func__ is getattr(Codemod, hook).__func__
        for hook in ("might_change", "candidates", "refusals_by_syntax")
    )


def _is_skip_file(error: Exception) -> bool:
    """Is ``error`` LibCST's ``SkipFile``? Only a codemod that imported ``libcst.codemod`` raises it."""
    codemods = sys.modules.get("libcst.codemod")
    return codemods is not None and isinstance(error, codemods.SkipFile)


def _one_line(error: BaseException) -> str:
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return lines[0] if lines else type(error).__name__
