"""What a run produces for each file, and the new files its fixes need."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from cwemod.codemods import Applicability, Fix, Refusal
from cwemod.codemods.kit.compiled import compile_error
from cwemod.codemods.records import CreatedModule

if TYPE_CHECKING:
    from cwemod.engine.reformat import Formatter

# What --verify says of a finding (:attr:`FileResult.verification`), and how the reason
# of a fix it dropped starts.
RESOLVED = "resolved"
STILL_PRESENT = "still-present"
NOT_REPRODUCED = "not-reproduced"
VERIFY_DROPPED = "dropped by --verify:"


@dataclass
class FileResult:
    path: Path  # where the file is on disk
    display: str  # its name in diffs and reports (a/ b/ relative)
    old: bytes = b""
    new: bytes | None = None  # None: unchanged or failed
    encoding: str = "utf-8"
    fixes: list[Fix] = field(default_factory=list)
    refusals: list[Refusal] = field(default_factory=list)
    skipped_review: list[Fix] = field(default_factory=list)
    error: str | None = None  # why it could not be read, parsed, changed or written
    # --verify: report finding id -> "resolved", "still-present" or "not-reproduced"
    verification: dict[str, str] = field(default_factory=dict)
    created: bool = False  # a new file: there is no old file, ``old`` is empty
    # The new modules this file's fixes need, each with where it goes on disk.
    needs: list[tuple[Path, CreatedModule]] = field(default_factory=list)
    # Definitions this run adds to other files that the fixes here call (see RunState.uses).
    uses: list[tuple[Path, str]] = field(default_factory=list)
    # --reformat: the formatter this file's project keeps it laid out with.
    laid_out_by: Formatter | None = None
    # Not run on, and why: LINT_CONFIG, the project's lint configuration excludes it
    # (generated code, samples), or VENDORED_FOLDER (kit.lint_excludes.left_out_reason).
    left_out: str | None = None

    @property
    def changed(self) -> bool:
        return self.new is not None and (self.created or self.new != self.old)

    @property
    def counts_as_changed(self) -> bool:
        """Changed and not failed: after ``write_results``, what was written."""
        return self.changed and self.error is None

    @property
    def old_text(self) -> str:
        return self.old.decode(self.encoding)

    @property
    def new_text(self) -> str:
        return (self.new if self.new is not None else self.old).decode(self.encoding)

    @property
    def applicability(self) -> Applicability:
        """The weakest applicability among the fixes: one review fix makes the file review."""
        if any(fix.applicability is Applicability.REVIEW for fix in self.fixes):
            return Applicability.REVIEW
        return Applicability.SAFE

    @property
    def codemods(self) -> list[str]:
        return sorted({fix.codemod for fix in self.fixes})


def drop_unchanged_bytes(result: FileResult) -> FileResult:
    """``result`` without the file's bytes when it does not change the file.

    Only a change needs them (a diff, a write); so an unchanged file's
    result never carries them, whichever process ran it or whether the
    cache answered it without reading the file.
    """
    if not result.changed:
        result.old, result.new = b"", None
    return result


def add_created_files(
    results: list[FileResult], may_write: Callable[[Path], bool], display: Callable[[Path], str]
) -> list[FileResult]:
    """``results`` with one created file per new module their changes need.

    Each created file comes just before the first file that needs it (a
    commit per file adds the module before its users). A module that cannot
    be created (a file is already there, its place is outside the run, the
    requests disagree or it does not compile) fails the files that need it:
    they are left as they were, with the reason.
    """
    fail_dangling_uses(results)  # first: a file failed here asks for no new module
    requests: dict[Path, list[tuple[FileResult, CreatedModule]]] = {}
    for result in results:
        if result.changed and result.error is None:
            for path, module in result.needs:
                requests.setdefault(path, []).append((result, module))
    created = {}
    for path, asked in requests.items():
        problem = _creation_problem(path, [module for _, module in asked], may_write)
        if problem is None:
            created[id(asked[0][0])] = _created_result(path, display(path), asked)
            continue
        for result, _ in asked:
            result.error = f"the fix needs a new module {display(path)}, which {problem}"
    with_created: list[FileResult] = []
    for result in results:
        if id(result) in created:
            with_created.append(created[id(result)])
        with_created.append(result)
    return with_created


def settle_created_files(results: Sequence[FileResult]) -> None:
    """Keep created files and the files that need them together after hunks were dropped.

    A file whose new module is no longer created fails (its import would be
    dangling); a created file that no changed file needs any more is not
    created. For ``--lint``, which drops hunks file by file.
    """
    fail_dangling_uses(results)
    creating = {r.path: r for r in results if r.created and r.changed and r.error is None}
    for result in results:
        if result.created or not result.changed or result.error is not None:
            continue
        missing = [path for path, _ in result.needs if path not in creating]
        if missing:
            result.error = (
                f"the new module it needs, {missing[0].name}, was dropped; left as it was"
            )
    needed = {
        path
        for result in results
        if result.changed and result.error is None and not result.created
        for path, _ in result.needs
    }
    for path, created in creating.items():
        if path not in needed:
            created.new = None


def fail_dangling_uses(results: Sequence[FileResult]) -> None:
    """Fail each changed file whose fixes call a definition its file will not get after all.

    Its home file failed, or lost the hunk that defines it: the calls would
    name nothing, so the file is left as it was, with the reason.
    """
    if not any(result.uses for result in results):
        return  # no fix calls a definition added elsewhere: none can dangle
    by_path = {result.path: result for result in results}

    def final_text(path: Path) -> str | None:  # None: not in this run, nothing of it dropped
        home = by_path.get(path)
        if home is None:
            return None
        return home.new_text if home.counts_as_changed else home.old_text

    for result in results:
        if not result.counts_as_changed:
            continue
        undefined = _undefined_use(result, final_text)
        if undefined is not None:
            path, name = undefined
            result.error = (
                f"the {name}() its fixes call was not added to {by_path[path].display} after "
                "all; left as it was"
            )


def _undefined_use(
    result: FileResult, text_of: Callable[[Path], str | None]
) -> tuple[Path, str] | None:
    """The first of ``result.uses`` whose file's text (``text_of``; None: unknown) lacks it."""
    for path, name in result.uses:
        text = text_of(path)
        if text is not None and not re.search(rf"^def {re.escape(name)}\(", text, re.MULTILINE):
            return path, name
    return None


def missing_support(
    result: FileResult, texts: Mapping[Path, str], results: Sequence[FileResult]
) -> str | None:
    """What ``result``'s fixes need from other files that ``texts`` (path -> text) lack.

    ``texts`` hold the files as they stand; a file of ``results`` not among
    them stands as it was. None when nothing is missing.
    """
    for path, _ in result.needs:
        if path not in texts:
            return f"the new module it needs, {path.name}, was not created"
    olds = {other.path: other.old_text for other in results}
    undefined = _undefined_use(result, lambda path: texts.get(path, olds.get(path)))
    if undefined is not None:
        path, name = undefined
        return f"the {name}() it calls was not added to {path.name}"
    return None


def _creation_problem(
    path: Path, modules: Sequence[CreatedModule], may_write: Callable[[Path], bool]
) -> str | None:
    if len({module.text for module in modules}) > 1:
        return "the fixes ask for with different contents; file left as it was"
    if os.path.lexists(path):
        return "cannot be created: a file is there already; file left as it was"
    if not path.parent.is_dir():
        return "would be in a directory that does not exist; file left as it was"
    if not may_write(path):
        return "would be outside the given paths; file left as it was"
    error = compile_error(modules[0].text.encode("utf-8"), str(path.name))
    if error is not None:
        return f"does not compile ({error}); file left as it was"
    return None


def _created_result(
    path: Path, display: str, asked: Sequence[tuple[FileResult, CreatedModule]]
) -> FileResult:
    """The new file; safe when one safe fix needs it (a review fix alone makes it review)."""
    modules = [module for _, module in asked]
    safe = [module for module in modules if module.applicability is Applicability.SAFE]
    module = (safe or modules)[0]
    fix = Fix(module.codemod, 1, module.applicability, module.reason)
    return FileResult(path, display, new=module.text.encode("utf-8"), created=True, fixes=[fix])
