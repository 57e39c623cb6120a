"""``cwemod fix --lint``: keep only the hunks that add no violation under the project's linters.

The project's own flake8 runs on each changed file before and after the fix,
from the directory holding its ``[flake8]`` configuration and with the source
on stdin under its project-relative name, so the configuration, per-file
ignores, local plugins and filename-based checks apply as in the project's
gate, and nothing is written to the project tree. Where the project
configures ruff (``[tool.ruff]``, a ruff.toml), ``ruff check`` runs the same
way under that configuration, in flake8's place when the project has no
``[flake8]`` section and beside it when it has both. A hunk that adds a
violation is dropped, and the file is linted again: dropping one hunk can
leave another one wrong (an import no longer used, a name no longer defined).
Each fix in a dropped hunk becomes a refusal that says which violation it
would add.
"""

from __future__ import annotations

import functools
import json
import re
import shlex
import shutil
import subprocess
import tempfile
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from cwemod.codemods import Fix, Refusal, RefusalKind
from cwemod.codemods.kit.compiled import compile_error
from cwemod.codemods.kit.formatters import configures_ruff, project_line_length
from cwemod.engine.hunks import Hunk, hunks, split_lines
from cwemod.engine.results import FileResult, settle_created_files
from cwemod.engine.run import Progress
from cwemod.engine.tools import for_each_changed, tool_command, why_it_failed
from cwemod.errors import InputError

CONFIG_FILES = ("setup.cfg", "tox.ini", ".flake8")  # flake8's own search order
_FLAKE8_SECTION = re.compile(r"^\[flake8\]", re.MULTILINE)
# A format of our own, so that a project's ``format =`` or ``show-source`` cannot change it.
_MARK = "cwemod-lint"
_FORMAT = f"{_MARK}:%(row)d:%(col)d:%(code)s:%(text)s"
_OUTPUT_LINE = re.compile(rf"^{_MARK}:(\d+):\d+:(\w+):(.*)$")
_TIMEOUT = 300  # seconds for one flake8 run
# What every line of a file has when the file is written that way, by the style each says:
# W191 (indentation contains tabs) in pypykatz's tab-indented modules; E111 and E114
# (indentation, of a comment, is not a multiple of 4) on each line at an odd depth of
# gsutil's and PyDrive's two-space code, E117 (over-indented) on each block's first line
# of eight-space code; E101 (mixed spaces and tabs) on each tab-indented line of msldap's
# msldapclient.py, whose first indented line, a continuation, is aligned with spaces. A new
# line there, indented as the file is, has it too.
_FILE_STYLES = {
    "W191": "tabs",
    "E101": "mixed",
    "E111": "unit",
    "E114": "unit",
    "E117": "over-four",
}
DROPPED = "dropped by --"  # how the reason of a refusal made from a dropped fix starts


@dataclass(frozen=True)
class _Plugin:
    """A flake8 plugin that reports its codes wherever it is installed.

    cwemod's test extra installs hacking and flake8-import-order for the
    projects that use them, and a project's tox environment may hold
    plugins of its own; a project that neither configures a plugin nor
    requires it does not run it in its gate, so its codes are not held
    against a fix there (exchangelib's H306, whose message names the first
    imports out of hacking's order, changed when a fix dropped one).
    """

    codes: re.Pattern[str]
    setting: re.Pattern[str]
    package: re.Pattern[str]

    def runs_in(self, texts: Iterable[str]) -> bool:
        return any(self.setting.search(text) or self.package.search(text) for text in texts)


_PLUGINS = (
    _Plugin(  # flake8-import-order
        re.compile(r"I[12]\d\d$"),
        re.compile(
            r"^\s*(import[-_]order[-_]style|application[-_]import[-_]names)\s*[=:]", re.MULTILINE
        ),
        re.compile(r"flake8[-_]import[-_]order", re.IGNORECASE),
    ),
    _Plugin(  # hacking, OpenStack's
        re.compile(r"H\d{3}$"),
        re.compile(r"^\s*(\[hacking\]|local-check(-factory)?\s*[=:])", re.MULTILINE),
        re.compile(r"^\s*[\"']?hacking\b", re.MULTILINE | re.IGNORECASE),
    ),
)
_REQUIREMENT_FILES = ("test-requirements.txt", "requirements.txt", "pyproject.toml")
# The package of each frame of a traceback in site-packages (or a distribution's dist-packages).
_TRACEBACK_PACKAGE = re.compile(r'^\s*File ".*[/\\](?:site|dist)-packages[/\\](\w+)', re.MULTILINE)
_FLAKE8_ITSELF = frozenset({"flake8", "pycodestyle", "pyflakes", "mccabe"})


class LintError(Exception):
    """flake8 could not lint a file (a broken configuration, a missing plugin, a crash)."""


@dataclass(frozen=True)
class Violation:
    line: int
    code: str
    text: str

    @property
    def key(self) -> tuple[str, str]:
        """What makes two violations the same one when lines move: numbers are left out."""
        return self.code, re.sub(r"\d+", "N", self.text)

    def __str__(self) -> str:
        return f"{self.code} {self.text}"


def lint_command(command: str | None = None) -> tuple[str, ...]:
    """The flake8 to run: ``command``, else ``flake8`` on PATH, else this Python's flake8.

    Raises :class:`InputError` when there is none.
    """
    if command is not None:
        argv = tuple(shlex.split(command))
        if not argv or shutil.which(argv[0]) is None:
            raise InputError(f"--lint-cmd: cannot run {command!r}: program not found")
        return argv
    found = tool_command("flake8")
    if found is not None:
        return found
    raise InputError(
        "--lint needs flake8: put the project's flake8 on PATH, install it beside cwemod,"
        " or name it with --lint-cmd"
    )


def linter(lint_cmd: str | None = None) -> Linter:
    """The linters ``--lint`` runs: flake8 (:func:`lint_command`), and ruff where installed."""
    return Linter(lint_command(lint_cmd), tool_command("ruff"))


def lint_root(path: Path) -> Path | None:
    """The nearest directory above ``path`` with a ``[flake8]`` section in one of CONFIG_FILES."""
    for directory in path.absolute().parents:
        for name in CONFIG_FILES:
            config = directory / name
            try:
                text = config.read_text(encoding="utf-8", errors="replace")
            except OSError:
                continue
            if _FLAKE8_SECTION.search(text):
                return directory
    return None


def plugins_run(root: Path) -> list[_Plugin]:
    """The plugins of :data:`_PLUGINS` that the project at ``root`` configures or requires."""
    texts = []
    for name in (*CONFIG_FILES, *_REQUIREMENT_FILES):
        try:
            texts.append((root / name).read_text(encoding="utf-8", errors="replace"))
        except OSError:
            continue
    return [plugin for plugin in _PLUGINS if plugin.runs_in(texts)]


@dataclass(frozen=True)
class Linter:
    """Runs the project's linters over sources that are not on disk: one flake8 command,
    and ``ruff`` (None when it is not installed) where the project configures ruff."""

    command: tuple[str, ...]
    ruff: tuple[str, ...] | None = None

    def violations(self, data: bytes, path: Path) -> list[Violation]:
        """The violations in ``data`` as the content of ``path``; raises :class:`LintError`."""
        if not data:
            # flake8 reads an empty stdin's file from disk instead, where a module a fix
            # creates is not yet: and an empty file has nothing to report.
            return []
        root = lint_root(path)
        ruff = self.ruff if configures_ruff(path.absolute().parent) else None
        found = [] if ruff is None else _ruff_violations(ruff, data, path)
        if root is not None:
            return found + self._run(data, path.absolute().relative_to(root).as_posix(), root, root)
        if ruff is not None:
            return found  # the project's gate is ruff
        # No flake8 configuration anywhere above, and no ruff to run: the project's gate
        # is ruff (not installed here) or a formatter (black), whose line length it
        # keeps to. flake8 runs in an empty directory, as ``python -m flake8`` puts its
        # directory first on sys.path, where a module of the project's
        # (community.docker's selectors.py) would stand for the standard library's.
        told = any(word.startswith("--max-line-length") for word in self.command)
        length = () if told else (f"--max-line-length={project_line_length(path)}",)
        with tempfile.TemporaryDirectory(prefix="cwemod-lint-") as empty:
            return self._run(data, path.name, path.absolute().parent, Path(empty), *length)

    def _run(self, data: bytes, name: str, root: Path, cwd: Path, *options: str) -> list[Violation]:
        """flake8 on ``data`` named ``name``, run in ``cwd``, for the project files in ``root``."""
        argv = [
            *self.command,
            *options,
            f"--format={_FORMAT}",
            "--no-show-source",
            f"--stdin-display-name={name}",
            "-",
        ]
        try:
            run = subprocess.run(
                argv, cwd=cwd, input=data, capture_output=True, timeout=_TIMEOUT, check=False
            )
        except (OSError, subprocess.TimeoutExpired) as error:
            raise LintError(f"{self.command[0]} could not run ({error})") from None
        found = _parse(run.stdout.decode("utf-8", "replace"))
        if run.returncode == 0 or (run.returncode == 1 and found):
            return _without_plugins_not_run(found, root)
        raise LintError(_failure(run, root))


def _ruff_violations(command: tuple[str, ...], data: bytes, path: Path) -> list[Violation]:
    """``ruff check`` of ``data`` as ``path``, under the configuration ruff finds for it.

    Nothing is fixed or cached; a file the configuration excludes has no violation, as in
    the project's gate. ruff exits 0 with violations (``--exit-zero``), 2 when it cannot
    lint (an unknown rule in the configuration, for one).
    """
    argv = [
        *command,
        "check",
        "--no-fix",
        "--no-cache",
        "--exit-zero",
        "--force-exclude",
        "--output-format=json",
        f"--stdin-filename={path.absolute()}",
        "-",
    ]
    try:
        # In an empty directory, as flake8: ``python -m ruff`` puts its directory first on
        # sys.path, where a module of the project's (localstack's collections.py) would
        # stand for the standard library's. ruff finds the configuration by the file's name.
        with tempfile.TemporaryDirectory(prefix="cwemod-lint-") as empty:
            run = subprocess.run(
                argv, cwd=empty, input=data, capture_output=True, timeout=_TIMEOUT, check=False
            )
    except (OSError, subprocess.TimeoutExpired) as error:
        raise LintError(f"ruff could not run ({error})") from None
    try:
        items = json.loads(run.stdout) if run.returncode == 0 else None
    except ValueError:
        items = None
    if not isinstance(items, list):
        raise LintError(f"ruff failed for {path.name} ({why_it_failed(run)})")
    return [
        # A syntax error has no rule code.
        Violation(item["location"]["row"], item["code"] or "syntax-error", item["message"])
        for item in items
    ]


def _without_plugins_not_run(found: list[Violation], root: Path) -> list[Violation]:
    """``found`` without the codes of plugins the project does not run."""
    plugins = [plugin for plugin in _PLUGINS if any(plugin.codes.match(v.code) for v in found)]
    if not plugins:
        return found  # the project's files are read only when a plugin reported something
    run = plugins_run(root)
    dropped = [plugin for plugin in plugins if plugin not in run]
    return [v for v in found if not any(plugin.codes.match(v.code) for plugin in dropped)]


def _failure(run: subprocess.CompletedProcess[bytes], root: Path) -> str:
    """Why flake8 failed, naming the plugin that raised when its traceback ends in one.

    flake8 has no switch to leave an installed plugin out, so a plugin the
    project does not run that crashes on its code (hacking's i18n check
    evaluates f-strings) needs another flake8, named with ``--lint-cmd``.
    """
    why = why_it_failed(run)
    frames = _TRACEBACK_PACKAGE.findall(run.stderr.decode("utf-8", "replace"))
    if not frames or frames[-1] in _FLAKE8_ITSELF:
        return f"flake8 failed in {root} ({why})"
    plugin = frames[-1]
    said = f"flake8 failed in {root}: its plugin {plugin} crashed ({why})"
    known = [known for known in _PLUGINS if known.package.search(plugin)]
    if known and known[0] not in plugins_run(root):
        said += "; this project does not run it: name a flake8 without it with --lint-cmd"
    return said


def _parse(output: str) -> list[Violation]:
    found = []
    for line in output.splitlines():
        match = _OUTPUT_LINE.match(line)
        if match:
            # "C309: text" from a local check reaches us as code "C309" and text ":text".
            found.append(Violation(int(match[1]), match[2], match[3].lstrip(":").strip()))
    return found


def lint_results(
    results: Sequence[FileResult],
    linter: Linter,
    jobs: int | None = None,
    progress: Progress | None = None,
) -> None:
    """Lint every changed result, a few at a time, and drop what adds a violation."""
    for_each_changed(results, functools.partial(lint_result, linter=linter), jobs, progress)
    settle_created_files(results)  # a new module goes with the last file that needed it


def lint_result(result: FileResult, linter: Linter) -> FileResult:
    """Drop the hunks of ``result`` that add a violation; its fixes become refusals.

    The result stays consistent: ``new`` holds the kept hunks only (None
    when none is left), ``fixes`` the fixes in them. When flake8 cannot run,
    the file fails with the reason and is left as it was.
    """
    return drop_adding_hunks(result, linter, "lint")


class Checker(Protocol):
    """What finds violations in a source that is not on disk: flake8, or a security scanner."""

    def violations(self, data: bytes, path: Path) -> list[Violation]: ...


def drop_adding_hunks(result: FileResult, checker: Checker, option: str) -> FileResult:
    """:func:`lint_result` with any checker; refusals say "dropped by --``option``"."""
    if not result.changed or result.error is not None:
        return result
    change = _Change(result, option)
    try:
        dropped = change.drop_violating_hunks(checker)
    except LintError as error:
        result.new, result.error = None, f"--{option}: {error}; file left as it was"
        return result
    return _keep_the_rest(result, change, dropped)


def drop_fixes(result: FileResult, reasons: Mapping[Fix, str], option: str) -> FileResult:
    """Drop the hunks holding the fixes in ``reasons`` (fix -> why); they become refusals.

    What is left must compile, else the whole change goes.
    """
    if not reasons or not result.changed or result.error is not None:
        return result
    change = _Change(result, option)
    change.reasons = reasons
    dropped = {index: reasons[fix] for fix, index in change.fix_hunks if fix in reasons}
    change.kept -= set(dropped)
    if change.kept and compile_error(change.encoded(), result.display) is not None:
        why = "the hunks left would not compile without the dropped ones"
        dropped.update({index: why for index in change.kept})
        change.kept.clear()
    return _keep_the_rest(result, change, dropped)


def _keep_the_rest(result: FileResult, change: _Change, dropped: dict[int, str]) -> FileResult:
    if not dropped:
        return result  # every hunk is clean: the bytes stay exactly as planned
    kept_fixes, refused = change.split_fixes(dropped)
    result.refusals += refused
    result.fixes = kept_fixes
    result.new = change.encoded() if kept_fixes else None
    return result


class _Change:
    """One file's change as hunks, of which a subset is kept."""

    def __init__(self, result: FileResult, option: str = "lint") -> None:
        self.result = result
        self.option = option  # the flag that drops hunks, named in the refusals
        self.reasons: Mapping[Fix, str] = {}  # why a fix goes, where it has its own reason
        self.old, self.new = split_lines(result.old_text), split_lines(result.new_text)
        self.hunks: list[Hunk] = hunks(self.old, self.new)
        self.kept = set(range(len(self.hunks)))
        self.fix_hunks = [(fix, self._hunk_of(fix.line)) for fix in result.fixes]

    def drop_violating_hunks(self, linter: Checker) -> dict[int, str]:
        """Drop hunks until none adds a violation; return why each dropped hunk went."""
        before = linter.violations(self.result.old, self.result.path)
        dropped: dict[int, str] = {}
        while self.kept:
            blamed = self._blame(before, linter)
            if not blamed:
                break
            for index, why in blamed.items():
                dropped[index] = why
                self.kept.discard(index)
        if not dropped:
            return dropped
        if self.kept:
            self._drop_unneeded_support(before, linter)
        if self.kept and compile_error(self.encoded(), self.result.display) is not None:
            why = "the hunks left would not compile without the dropped ones"
            dropped.update({index: why for index in self.kept})
            self.kept.clear()
        return dropped

    def split_fixes(self, dropped: dict[int, str]) -> tuple[list[Fix], list[Refusal]]:
        kept: list[Fix] = []
        refused: list[Refusal] = []
        for fix, index in self.fix_hunks:
            if index in self.kept:
                kept.append(fix)
                continue
            # A fix in a hunk kept only to support others goes with the whole change.
            why = self.reasons.get(fix) or dropped.get(index, "the rest of its change was dropped")
            reason = f"{DROPPED}{self.option}: {why}"
            refused.append(
                Refusal(fix.codemod, fix.line, RefusalKind.ADVICE_ONLY, reason, fix.findings)
            )
        if not kept:  # nothing the fixes asked for is left: the file stays as it was
            self.kept.clear()
        return kept, refused

    def encoded(self) -> bytes:
        return self._assemble(self.kept)[0].encode(self.result.encoding)

    def _blame(self, before: list[Violation], linter: Checker) -> dict[int, str]:
        """The kept hunks that add a violation, each with the first one it adds."""
        text, spans = self._assemble(self.kept)
        after = linter.violations(text.encode(self.result.encoding), self.result.path)
        new = _new_violations(before, after, spans, self.kept)
        blamed: dict[int, list[Violation]] = {}
        for violation in new:
            blamed.setdefault(_nearest(violation.line, spans, self.kept), []).append(violation)
        return {index: _describe(found) for index, found in blamed.items()}

    def _drop_unneeded_support(self, before: list[Violation], linter: Checker) -> None:
        """Drop each kept hunk that holds no kept fix (an import, a helper) unless one needs it.

        A hunk is needed when the file does not compile or adds a violation
        without it (``F821 undefined name``).
        """
        fixed = {index for _, index in self.fix_hunks if index in self.kept}
        for index in sorted(self.kept - fixed, reverse=True):
            trial = self.kept - {index}
            text, spans = self._assemble(trial)
            data = text.encode(self.result.encoding)
            if compile_error(data, self.result.display) is not None:
                continue
            after = linter.violations(data, self.result.path)
            if not _new_violations(before, after, spans, trial):
                self.kept = trial

    def _assemble(self, kept: Iterable[int]) -> tuple[str, list[tuple[int, int]]]:
        """The old text with the ``kept`` hunks applied, and each hunk's 0-based line span in it."""
        kept = set(kept)
        out: list[str] = []
        spans: list[tuple[int, int]] = []
        index = 0
        for number, hunk in enumerate(self.hunks):
            out += self.old[index : hunk.old_start]
            start = len(out)
            end = hunk.old_start + hunk.old_count
            if number in kept:
                for tag, i1, i2, j1, j2 in hunk.opcodes:
                    out += self.old[i1:i2] if tag == "equal" else self.new[j1:j2]
            else:
                out += self.old[hunk.old_start : end]
            spans.append((start, len(out)))
            index = end
        out += self.old[index:]
        return "".join(out), spans

    def _hunk_of(self, line: int) -> int:
        """The hunk of a fix recorded at ``line`` of the old text: the one around it, or nearest."""
        spans = [(hunk.old_start, hunk.old_start + hunk.old_count) for hunk in self.hunks]
        return _nearest(line, spans, range(len(self.hunks)))


def is_dropped(refusal: Refusal) -> bool:
    """The refusal stands for a fix that was planned, then dropped from the change."""
    return refusal.reason.startswith(DROPPED)


def _new_violations(
    before: list[Violation],
    after: list[Violation],
    spans: Sequence[tuple[int, int]],
    kept: set[int],
) -> list[Violation]:
    """The violations of ``after`` that ``before`` does not have, compared as multisets (a
    style the file is written in, such as tab or two-space indentation, is no new violation).

    When a violation occurs more often after than before, the extra ones are
    taken from the lines the kept hunks changed.
    """
    allowed = Counter(violation.key for violation in before)
    styles = {
        _FILE_STYLES[violation.code] for violation in before if violation.code in _FILE_STYLES
    }
    by_key: dict[tuple[str, str], list[Violation]] = {}
    for violation in after:
        if _FILE_STYLES.get(violation.code) not in styles:
            by_key.setdefault(violation.key, []).append(violation)
    new = []
    for key, found in by_key.items():
        extra = len(found) - allowed[key]
        if extra > 0:
            found.sort(
                key=lambda violation: (not _in_spans(violation.line, spans, kept), violation.line)
            )
            new += found[:extra]
    return sorted(new, key=lambda violation: violation.line)


def _in_spans(line: int, spans: Sequence[tuple[int, int]], kept: Iterable[int]) -> bool:
    return any(spans[index][0] <= line - 1 < spans[index][1] for index in kept)


def _nearest(line: int, spans: Sequence[tuple[int, int]], candidates: Iterable[int]) -> int:
    """The candidate whose 0-based span holds 1-based ``line``, else the closest one."""
    index = line - 1

    def distance(number: int) -> int:
        start, end = spans[number]
        return 0 if start <= index < end else min(abs(index - start), abs(index - (end - 1)))

    return min(candidates, key=lambda number: (distance(number), number))


def _describe(violations: list[Violation]) -> str:
    first = f"adds {violations[0]}"
    more = [violation.code for violation in violations[1:]]
    return f"{first} (and {', '.join(more)})" if more else first
