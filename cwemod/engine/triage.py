"""Triage: what cwemod can do about each finding of a report, and why.

For every finding: find its file among the given PATHs, read and parse
it once, locate the finding in today's code (symbol first, line second),
map its CWE or rule id to the codemods that declare them (each codemod's
``cwe`` and ``rules``: the engine names no codemod), run those codemods
on the parsed tree restricted to the located range with review-level
fixes allowed, and read the verdict off what they recorded:

- a fix -> ``fix`` or ``review`` by its applicability, with its reason;
- a refusal -> its kind (``not-applicable``, ``already-fixed``,
  ``advice-only``) with its reason;
- nothing, in test code a codemod leaves alone -> ``not-applicable``, as
  test code; where its gates see its kind of code in the finding's function
  or lines (an ``ast`` candidate there, or else its prefilter matching them)
  -> ``advice-only``: it could not judge the site, to check by hand; where
  they do not -> ``advice-only``: the finding is about something no codemod
  rewrites.

Findings the report itself calls non-defects are ``no-defect``; findings
whose code cannot be found are ``unlocated``; findings in a file that is not
Python source (a notebook, a .pyx) are ``not-applicable``. :func:`run_triage` also
hands back each parsed file, so that the fix reuses its tree.
"""

from __future__ import annotations

import ast
import functools
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cwemod.codemods import Applicability, Codemod, LineRange, RefusalKind, all_codemods
from cwemod.codemods.kit.scanner_marks import MARKED, silenced
from cwemod.codemods.kit.syntax import parse_ast
from cwemod.engine.config import Config
from cwemod.engine.files import NotRegularFile, Roots, Walk, read_regular, walk
from cwemod.engine.hunks import split_lines
from cwemod.engine.locate import SourceIndex, Unlocated, locate
from cwemod.engine.parse import ParseError
from cwemod.engine.projects import Projects
from cwemod.engine.source import SourceError
from cwemod.engine.transform import (
    Outcome,
    ParsedFile,
    TransformError,
    gate_of,
    parse_file,
)
from cwemod.errors import InputError
from cwemod.reports.gist import gist, label, no_defect_quote
from cwemod.reports.model import Finding, Location, Triaged, Verdict
from cwemod.reports.scanner_advice import advice_for


@dataclass(frozen=True)
class CodemodMapping:
    """What one registered codemod answers, as it declares it."""

    codemod: str
    cwe: frozenset[str] = frozenset()
    rules: frozenset[str] = frozenset()  # Bandit test ids and their ruff "S" twins

    @classmethod
    def of(cls, codemod: type[Codemod]) -> CodemodMapping:
        bandit = tuple(getattr(codemod, "rules", ()))
        # ruff's flake8-bandit rules keep Bandit's numbers: B602 is S602.
        ruff = tuple("S" + rule[1:] for rule in bandit if rule.startswith("B"))
        return cls(codemod.id, frozenset(codemod.cwe), frozenset(bandit + ruff))

    def keys(self) -> frozenset[str]:
        """Every CWE id and rule id this codemod answers."""
        return self.cwe | self.rules


def mapping() -> list[CodemodMapping]:
    """CWE or scanner rule -> codemod, from the codemods' own declarations, in id order."""
    return [CodemodMapping.of(codemod) for codemod in all_codemods().values()]


_SCANNER_RULE = re.compile(r"^[BS]\d{3}$")
# When one finding gets several kinds of refusal, the one that asks most of a person is shown.
_REFUSAL_ORDER = (RefusalKind.ADVICE_ONLY, RefusalKind.NOT_APPLICABLE, RefusalKind.ALREADY_FIXED)


def codemods_for(finding: Finding) -> list[str]:
    """Codemod ids for a finding: a Bandit/ruff rule id decides alone, else its CWE ids."""
    table = mapping()
    if finding.rule and _SCANNER_RULE.match(finding.rule):
        return [entry.codemod for entry in table if finding.rule in entry.rules]
    rule_matches = [
        entry.codemod for entry in table if finding.rule and finding.rule in entry.rules
    ]
    cwe_matches = [entry.codemod for entry in table if set(finding.cwe) & entry.cwe]
    return list(dict.fromkeys(rule_matches + cwe_matches))


# -- files ------------------------------------------------------------------------


class _Files:
    """Finds the file a finding names among the PATHs the user gave.

    A report is untrusted input: a named file that exists but lies outside
    the PATHs (through ``..``, an absolute path, a ``file://`` URI or a
    symbolic link) is rejected, never read for a fix. A found file is given
    by its real path, so a fix replaces the file itself and not a link.
    """

    def __init__(self, paths: Sequence[Path]) -> None:
        self.roots = Roots(paths)
        self.paths = self.roots.paths
        self._under: Walk | None = None

    def resolve(self, finding: Finding) -> Path | Unlocated | Rejected:
        if finding.path is None:
            return self._the_single_path(finding)
        named = Path(finding.path)
        existing = [candidate for candidate in self._candidates(named) if candidate.is_file()]
        inside = [candidate for candidate in existing if self.roots.contain(candidate)]
        if inside:
            return inside[0].resolve()
        if existing:
            return Rejected(self.roots.outside(existing[0], finding.path))
        return self._by_suffix(named)

    def _candidates(self, named: Path) -> list[Path]:
        """The file as named (absolute, or relative to the cwd), then below each PATH."""
        below = (
            [] if named.is_absolute() else [base / named for base in self.paths if base.is_dir()]
        )
        return [named, *below]

    def _the_single_path(self, finding: Finding) -> Path:
        report = finding.report or "the report"
        if len(self.paths) == 1 and self.paths[0].is_file():
            return self.paths[0].resolve()
        if len(self.paths) == 1:
            raise InputError(
                f"{report}: names no file, and {self.paths[0]} is not a file:"
                " give the one file it reviews as PATH"
            )
        raise InputError(
            f"{report}: names no file, so it needs exactly one PATH (got {len(self.paths)})"
        )

    def _walk(self) -> Walk:
        if self._under is None:
            self._under = walk(self.paths)
        return self._under

    def _by_suffix(self, named: Path) -> Path | Unlocated | Rejected:
        """The one file below the PATHs whose path ends like ``named``.

        A link that leads out of the PATHs competes too, so a report cannot
        reach outside through it, and is rejected when it is the match.
        """
        found = self._walk()
        refused = dict(found.problems)
        wanted = [part for part in named.parts if part not in (".", "..", "/")]
        best: list[Path] = []
        best_score = 0
        for candidate in [*found.files, *refused]:
            score = _common_tail(candidate.parts, wanted)
            if score > best_score:
                best, best_score = [candidate], score
            elif score == best_score and score:
                best.append(candidate)
        if len(best) == 1:
            return Rejected(refused[best[0]]) if best[0] in refused else best[0]
        if best:
            names = ", ".join(str(path) for path in best[:3])
            return Unlocated(f"{named} matches several files ({names})")
        return Unlocated(f"{named} is not among the given paths")


@dataclass(frozen=True)
class Rejected:
    reason: str  # why the report's path may not be used


def _common_tail(parts: Sequence[str], wanted: Sequence[str]) -> int:
    count = 0
    for have, want in zip(reversed(parts), reversed(wanted)):
        if have != want:
            break
        count += 1
    return count


# -- one file ---------------------------------------------------------------------


@dataclass
class _Located:
    finding: Finding
    location: Location
    codemods: list[str]


@dataclass
class _FileTriage:
    path: Path
    parsed: ParsedFile
    index: SourceIndex
    options: Mapping[str, Mapping[str, Any]]
    located: list[_Located] = field(default_factory=list)
    _gates: dict[str, tuple[bool, list[ast.AST] | None] | None] = field(default_factory=dict)

    def answering(self, finding: Finding, location: Location) -> list[str]:
        """The codemods that answer the finding's rule at this site only (``site_rules``)."""
        rule = finding.rule or ""
        bandit = "B" + rule[1:] if _SCANNER_RULE.match(rule) else ""
        asked = [codemod for codemod in all_codemods().values() if bandit in codemod.site_rules]
        tree = self._stdlib_tree if asked else None
        if tree is None:
            return []
        return [c.id for c in asked if c.answers_at(bandit, tree, location.fix_ranges)]

    @functools.cached_property
    def _stdlib_tree(self) -> ast.Module | None:
        try:
            return parse_ast(self.parsed.source.text)
        except (SyntaxError, ValueError, RecursionError, MemoryError):
            return None  # LibCST's grammar is not CPython's: no site is known then

    def verdicts(self) -> list[Triaged]:
        outcomes = self._run_codemods()
        return [self._verdict(item, outcomes) for item in self.located]

    def _run_codemods(self) -> dict[str, Outcome | str]:
        """One restricted run per codemod over this file's tree; a string is the error it raised.

        A verdict needs the run that allows review-level fixes. The run that
        does not is made first, as it is the one ``cwemod fix -r`` without
        ``--unsafe`` reuses; when it skipped no review-level fix, it is the same run.
        """
        ranges: dict[str, list[LineRange]] = defaultdict(list)
        for item in self.located:
            for codemod in item.codemods:
                ranges[codemod] += [
                    LineRange(start, end, item.finding.id)
                    for start, end in item.location.fix_ranges
                ]
        outcomes: dict[str, Outcome | str] = {}
        for codemod, codemod_ranges in ranges.items():
            run = ([(codemod, self.options.get(codemod, {}))], {codemod: codemod_ranges})
            try:
                self.parsed.transform(*run, allow_review=False, filename=str(self.path))
                outcomes[codemod] = self.parsed.transform(
                    *run, allow_review=True, filename=str(self.path)
                )
            except TransformError as error:
                outcomes[codemod] = str(error)
        return outcomes

    def _verdict(self, item: _Located, outcomes: Mapping[str, Outcome | str]) -> Triaged:
        finding, location = item.finding, item.location
        where = location.symbol or f"line {location.shown_line}"
        verdict = _from_fixes(item, outcomes) or _from_refusals(item, outcomes)
        if verdict is None:
            verdict = self._from_silence(item, outcomes, where)
        kind, reason, codemod, fixed_by = verdict
        return Triaged(finding, kind, reason, codemod, location, fixed_by)

    def _from_silence(self, item: _Located, outcomes: Mapping[str, Outcome | str], where: str):
        failed = [
            (codemod, outcomes[codemod])
            for codemod in item.codemods
            if isinstance(outcomes.get(codemod), str)
        ]
        if failed:
            codemod, error = failed[0]
            return (
                Verdict.ADVICE_ONLY,
                f"{codemod} could not run on this file ({error})",
                codemod,
                (),
            )
        judging = [codemod for codemod in item.codemods if not self._left_alone(codemod)]
        if not judging:
            return Verdict.NOT_APPLICABLE, _in_tests_reason(item), item.codemods[0], ()
        unsure = [codemod for codemod in judging if self._may_hold(codemod, item.location)]
        if unsure:
            return Verdict.ADVICE_ONLY, _unjudged_reason(item, unsure[0], where), unsure[0], ()
        return (
            Verdict.ADVICE_ONLY,
            _nothing_to_rewrite_reason(item.finding, judging, where),
            judging[0],
            (),
        )

    def _left_alone(self, codemod: str) -> bool:
        """Does ``codemod`` leave this module alone as test code, as the engine tells it?"""
        return all_codemods()[codemod].leaves_tests_alone and self._in_tests

    @functools.cached_property
    def _in_tests(self) -> bool:
        """Test code by its path and its text, as a codemod's run decides it."""
        tests, path = self.parsed.project.is_test_module, self.parsed.module_path
        return tests(path) and tests(path, self.parsed.source.text)

    def _may_hold(self, codemod: str, location: Location) -> bool:
        """May the finding's function (or lines) hold a site of ``codemod``, by its gates?

        Its ``ast`` candidates where it has them; else its text prefilter on that
        code, in a module its gates open on. A silent codemod there could not
        judge the site; elsewhere the code is none of its kind.
        """
        gate = self._gate(codemod)
        if gate is None:
            return True
        opens, found = gate
        spans = self._spans(location)
        if found is None:
            cls = all_codemods()[codemod]
            options = cls.resolve_options(self.options.get(codemod, {}))
            return opens and cls.wants(self._text_of_spans(spans), options)
        return any(_overlaps(node, spans) for node in found)

    def _gate(self, codemod: str) -> tuple[bool, list[ast.AST] | None] | None:
        """What the codemod's gates say of this file, as a whole-tree run asks them (once);
        None where they cannot tell (a tree CPython cannot parse, a hook that fails)."""
        if codemod not in self._gates:
            cls = all_codemods()[codemod]
            try:
                options = cls.resolve_options(self.options.get(codemod, {}))
                if not cls.wants(self.parsed.source.text, options):
                    self._gates[codemod] = (False, [])
                elif self._stdlib_tree is not None:
                    self._gates[codemod] = gate_of(cls, self._stdlib_tree, options)
            except Exception:  # a codemod's bug: its run is the place to report it
                pass
            self._gates.setdefault(codemod, None)
        return self._gates[codemod]

    def _spans(self, location: Location) -> list[tuple[int, int]]:
        """The finding's lines, and the function or class its reason names (its symbol)."""
        around = self.index.enclosing(location.start) if location.symbol else None
        return [*location.fix_ranges, *([(around.start, around.end)] if around else [])]

    def _text_of_spans(self, spans: Sequence[tuple[int, int]]) -> str:
        lines = split_lines(self.parsed.source.text)
        return "".join(line for start, end in spans for line in lines[start - 1 : end])


def _overlaps(node: ast.AST, spans: Sequence[tuple[int, int]]) -> bool:
    """Do the lines of ``node`` (a candidate of a codemod's gate) meet one of ``spans``?"""
    first = min([node.lineno, *(d.lineno for d in getattr(node, "decorator_list", ()))])
    last = node.end_lineno or node.lineno
    return any(start <= last and first <= end for start, end in spans)


def _records_for(finding_id: str, outcome: Outcome | str, kind: str) -> list:
    if isinstance(outcome, str):
        return []
    records = getattr(outcome, kind)
    # A record tied to no finding (a codemod skipping the whole file) concerns every finding.
    return [record for record in records if finding_id in record.findings or not record.findings]


def _records(item: _Located, outcomes: Mapping[str, Outcome | str], kind: str) -> list:
    """The ``kind`` records ("fixes" or "refusals") of the finding's codemods that concern it."""
    return [
        record
        for codemod in item.codemods
        if codemod in outcomes
        for record in _records_for(item.finding.id, outcomes[codemod], kind)
    ]


def _from_fixes(item: _Located, outcomes: Mapping[str, Outcome | str]):
    fixes = _records(item, outcomes, "fixes")
    if not fixes:
        return None
    review = [fix for fix in fixes if fix.applicability is Applicability.REVIEW]
    shown = review[0] if review else fixes[0]
    verdict = Verdict.REVIEW if review else Verdict.FIX
    fixed_by = tuple(dict.fromkeys(fix.codemod for fix in fixes))
    return verdict, shown.reason, shown.codemod, fixed_by


def _from_refusals(item: _Located, outcomes: Mapping[str, Outcome | str]):
    refusals = _records(item, outcomes, "refusals")
    if not refusals:
        return None
    # A record about the finding's own lines first: in-toto's two mkstemp() lines, each a
    # finding, share one function, whose records concern both.
    own = [refusal for refusal in refusals if _on_the_lines(refusal.line, item.location)]
    shown = min(own or refusals, key=lambda refusal: _REFUSAL_ORDER.index(refusal.kind))
    return Verdict(shown.kind.value), shown.reason, shown.codemod, ()


def _on_the_lines(line: int, location: Location) -> bool:
    return any(start <= line <= end for start, end in location.fix_ranges)


# -- all findings -------------------------------------------------------------------


@dataclass(frozen=True)
class TriageRun:
    """The verdicts, and every file triage read and parsed, for the plan to reuse."""

    triaged: list[Triaged]
    parsed: dict[Path, ParsedFile]


def triage(
    findings: Sequence[Finding],
    paths: Sequence[Path],
    config: Config | None = None,
) -> list[Triaged]:
    """One :class:`Triaged` per finding, in report order.

    Raises :class:`InputError` when a finding names no file and the PATHs do
    not say which one it is.
    """
    return run_triage(findings, paths, config).triaged


def run_triage(
    findings: Sequence[Finding],
    paths: Sequence[Path],
    config: Config | None = None,
) -> TriageRun:
    """:func:`triage`, keeping each file it parsed so that a fix does not parse it again."""
    config = config or Config()
    files = _Files(paths)
    done: dict[int, Triaged] = {}
    per_file: dict[Path, list[tuple[int, Finding]]] = defaultdict(list)
    for number, finding in enumerate(findings):
        if finding.states_no_defect and finding.path is None and not finding.symbols:
            done[number] = _unlocated(
                finding, ""
            )  # needs no file: nothing will be located or changed
            continue
        resolved = files.resolve(finding)
        if isinstance(resolved, Rejected):
            done[number] = Triaged(finding, Verdict.REJECTED, resolved.reason)
        elif isinstance(resolved, Unlocated):
            done[number] = _unlocated(finding, resolved.reason)
        elif (elsewhere := _not_python_source(resolved)) is not None:
            done[number] = _not_applicable(finding, elsewhere)
        else:
            per_file[resolved].append((number, finding))
    parsed: dict[Path, ParsedFile] = {}
    projects = Projects([(cid, config.codemod_options.get(cid, {})) for cid in all_codemods()])
    for path, numbered in per_file.items():
        try:
            project = projects.of(path)
            parsed_file = parse_file(read_regular(path), project, projects.module_path(path), path)
            index = SourceIndex(parsed_file.source.text, parsed_file.wrapper)
        except (OSError, NotRegularFile, SourceError, ParseError) as error:
            done.update(_unreadable(path, numbered, error))
            continue
        parsed[path] = parsed_file
        done.update(_triage_file(path, parsed_file, index, numbered, config))
    return TriageRun([done[number] for number in range(len(findings))], parsed)


# A file a scanner reports on with no suffix is a script (bin/tool): Python source too.
_PYTHON_SUFFIXES = frozenset({"", ".py", ".pyi", ".pyw"})


def _not_python_source(path: Path) -> str | None:
    """Why ``path`` is no file cwemod changes, or None when it is Python source.

    Its text may even parse as Python (a notebook's JSON does, a .pyx may), and
    a notebook's lines in a report are not its own: ruff counts its cells' code.
    """
    suffix = path.suffix.lower()
    if suffix in _PYTHON_SUFFIXES:
        return None
    if suffix == ".ipynb":
        return (
            "a Jupyter notebook: cwemod changes Python source files only,"
            " and the report's lines count the notebook's cells"
        )
    return f"not a Python source file ({suffix}): cwemod changes Python source files only"


def _not_applicable(finding: Finding, reason: str) -> Triaged:
    if finding.states_no_defect:
        return Triaged(finding, Verdict.NO_DEFECT, _no_defect_reason(finding))
    return Triaged(finding, Verdict.NOT_APPLICABLE, reason)


def _unreadable(
    path: Path, numbered: list[tuple[int, Finding]], error: Exception
) -> list[tuple[int, Triaged]]:
    if isinstance(error, OSError):
        return [
            (n, _unlocated(f, f"cannot read {path}: {error.strerror or error}"))
            for n, f in numbered
        ]
    return [(n, _unlocated(f, f"{path}: {error}")) for n, f in numbered]


def _triage_file(
    path: Path,
    parsed: ParsedFile,
    index: SourceIndex,
    numbered: list[tuple[int, Finding]],
    config: Config,
) -> list[tuple[int, Triaged]]:
    work = _FileTriage(path, parsed, index, config.codemod_options)
    results: list[tuple[int, Triaged]] = []
    waiting: list[int] = []
    for number, finding in numbered:
        found = locate(finding, path, index)
        if finding.states_no_defect:
            # Its old line numbers point at unrelated code today: show only a found symbol.
            location = found if isinstance(found, Location) and finding.symbols else None
            results.append(
                (
                    number,
                    Triaged(finding, Verdict.NO_DEFECT, _no_defect_reason(finding), None, location),
                )
            )
        elif isinstance(found, Unlocated):
            results.append((number, _unlocated(finding, found.reason)))
        elif not (codemods := codemods_for(finding) or work.answering(finding, found)):
            in_tests = parsed.project.is_test_module(parsed.module_path, parsed.source.text)
            verdict, reason = _marked(finding, found, parsed) or _unmapped(finding, in_tests)
            results.append((number, Triaged(finding, verdict, reason, None, found)))
        else:
            work.located.append(_Located(finding, found, codemods))
            waiting.append(number)
    results += zip(waiting, work.verdicts())
    return results


def _unlocated(finding: Finding, reason: str) -> Triaged:
    if finding.states_no_defect:
        return Triaged(finding, Verdict.NO_DEFECT, _no_defect_reason(finding))
    return Triaged(finding, Verdict.UNLOCATED, reason)


def _no_defect_reason(finding: Finding) -> str:
    quote = no_defect_quote(finding)
    if quote:
        return f'the report itself states no defect: "{quote}" ({label(finding)})'
    named = ", ".join(finding.cwe) or "this item"
    return f"the report itself states no defect for {named}"


def _marked(finding: Finding, location: Location, parsed: ParsedFile) -> tuple[Verdict, str] | None:
    """A scanner's finding no codemod answers, on a line the project marked for that rule
    (keystonemiddleware's ``_TOKEN_AUTH = 'keystone.token_auth'  # nosec``, which ruff's
    S105 reports too): reviewed, as a codemod's own finding there is."""
    rule = finding.rule or ""
    if len(rule) != 4 or rule[0] not in "BS" or not rule[1:].isdigit():
        return None
    lines = split_lines(parsed.source.text)
    bandit = "B" + rule[1:]
    if not any(silenced(lines, start, end, (bandit,)) for start, end in location.fix_ranges):
        return None
    own = f"# noqa: {rule}" if rule[0] == "S" else f"# nosec {rule}"
    return Verdict.NOT_APPLICABLE, (
        f"{MARKED}: the project reviewed this line ({rule}'s own scanner reads {own})"
    )


def _unmapped(finding: Finding, in_tests: bool) -> tuple[Verdict, str]:
    """A finding no codemod answers: advice, but a scanner's in test code is a fixture's
    (manilaclient's fake ``"dns_ip": '0.0.0.0'``)."""
    if in_tests and finding.rule and advice_for(finding.rule) is not None:
        return Verdict.NOT_APPLICABLE, (
            f"test code: {finding.rule} reports a test's own value or call, which no"
            f" service runs ({advice_for(finding.rule)})"
        )
    return Verdict.ADVICE_ONLY, _unmapped_reason(finding)


def _unmapped_reason(finding: Finding) -> str:
    advice = advice_for(finding.rule)
    if advice is not None:
        return f"{_what_it_asks(finding)}: {advice}"
    named = finding.rule or ", ".join(finding.cwe) or "this finding"
    return f"{_what_it_asks(finding)}: no codemod handles {named}; review by hand"


def _nothing_to_rewrite_reason(finding: Finding, codemods: Sequence[str], where: str) -> str:
    """Why the finding's own codemods cannot answer it: what it asks, and all they can do."""
    registry = all_codemods()
    answers = frozenset().union(*(CodemodMapping.of(registry[one]).keys() for one in codemods))
    named = ", ".join(key for key in (finding.rule, *finding.cwe) if key in answers) or "it"
    if len(codemods) == 1:
        who, skills = f"{codemods[0]}, the codemod for {named},", _skill(registry[codemods[0]])
    else:
        who = f"the codemods for {named}"
        skills = " or ".join(f"{_skill(registry[one])} ({one})" for one in codemods)
    return (
        f"{_what_it_asks(finding)}: no codemod fixes this;"
        f" {who} can only {skills}, and {where} has no such code"
    )


def _in_tests_reason(item: _Located) -> str:
    """A finding in test code its codemods leave alone, in the words of :func:`_unmapped`."""
    finding, codemod = item.finding, item.codemods[0]
    named = finding.rule or ", ".join(finding.cwe) or "the finding"
    return (
        f"test code: {named} reports a test's own value or call, which no service runs"
        f" ({codemod} leaves test code alone)"
    )


def _unjudged_reason(item: _Located, codemod: str, where: str) -> str:
    """A codemod silent where its gates see its kind of code: it could not judge the site."""
    cls = all_codemods()[codemod]
    could = cls.silence or f"it can only {_skill(cls)}, and could not judge this code"
    return (
        f"{_what_it_asks(item.finding)}: {codemod} recorded nothing at {where}: {could};"
        " check by hand"
    )


def _skill(codemod: type[Codemod]) -> str:
    """Its title as a verb phrase: "Key the names ..." -> "key the names ..."."""
    title = codemod.title
    return title if title[1:2].isupper() else title[:1].lower() + title[1:]


def _what_it_asks(finding: Finding) -> str:
    """The finding's own words about its place, and what kind of defect it names."""
    return f'"{gist(finding)}" ({label(finding)})'


# -- from triage to a fix request -------------------------------------------------------


def fix_targets(
    triaged: Iterable[Triaged],
    allow_review: bool,
    codemods: Iterable[str] | None = None,
) -> dict[Path, dict[str, list[LineRange]]]:
    """``FixRequest.targets`` for exactly the ``fix`` findings (and ``review`` ones if allowed)."""
    selected = set(codemods) if codemods is not None else None
    wanted = {Verdict.FIX, Verdict.REVIEW} if allow_review else {Verdict.FIX}
    targets: dict[Path, dict[str, list[LineRange]]] = {}
    for item in triaged:
        if item.verdict not in wanted or item.location is None:
            continue
        for codemod in item.fixed_by or ((item.codemod,) if item.codemod else ()):
            if selected is not None and codemod not in selected:
                continue
            ranges = targets.setdefault(item.location.path, {}).setdefault(codemod, [])
            ranges += [
                LineRange(start, end, item.finding.id) for start, end in item.location.fix_ranges
            ]
    return targets
