"""One file's work, in whichever process runs it: read, transform, verify.

Kept apart from the plan (:mod:`cwemod.engine.run`) because it loads LibCST:
a run whose every file is answered from the cache never imports it.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

from cwemod.codemods.kit.compiled import compile_error
from cwemod.codemods.kit.lint_excludes import left_out_reason
from cwemod.engine.files import NotRegularFile, read_regular
from cwemod.engine.hunks import split_lines
from cwemod.engine.linemap import LineMap, follow_ranges
from cwemod.engine.parse import TOO_DEEP
from cwemod.engine.results import FileResult
from cwemod.engine.run import FileJob
from cwemod.engine.source import Source, SourceError, decode_source
from cwemod.engine.transform import Outcome, TransformError, transform_source


def process_file(job: FileJob) -> FileResult:
    """Read, transform and verify one file. Never raises for bad input."""
    result = FileResult(job.path, job.display)
    try:
        # Never a blocking open: a FIFO put in place of the file must not stall the run.
        result.old = _read(job)
        if job.targets is None:
            # not the project's code (Bandit's broken samples, pip's _vendor)
            excludes = job.project.lint_excludes
            result.left_out = left_out_reason(excludes, job.module_path, result.old)
            if result.left_out:
                return result
        source = job.parsed.source if job.parsed else decode_source(result.old)
        result.encoding = source.encoding
        if job.parsed and job.targets is not None:
            # The tree triage parsed, and its run when it asked for the same one.
            outcome = job.parsed.transform(
                job.codemods, job.targets, allow_review=job.allow_review, filename=job.display
            )
        else:
            outcome = transform_source(
                source.text,
                job.codemods,
                filename=job.display,
                allow_review=job.allow_review,
                targets=job.targets,
                project=job.project,
                module_path=job.module_path,
                path=job.path,
            )
        if outcome.text != source.text:
            _check_compiles_before(job, result.old)
            outcome = _verified(job, source, outcome)
            result.new = source.encode(outcome.text)
        result.fixes, result.refusals = list(outcome.fixes), list(outcome.refusals)
        result.skipped_review = list(outcome.skipped_review)
        if job.project.root is not None:
            root = Path(job.project.root)
            result.needs = [(root / module.path, module) for module in outcome.created]
            result.uses = [(root / path, name) for path, name in outcome.uses]
    except OSError as error:
        result.error = f"cannot read: {error.strerror or error}"
    except NotRegularFile as error:
        result.error = str(error)
    except (SourceError, TransformError) as error:
        result.error = str(error)
    except UnicodeEncodeError as error:
        result.error = f"the fix cannot be encoded as {error.encoding}"
    except RecursionError:
        result.error = TOO_DEEP
    return result


def _read(job: FileJob) -> bytes:
    if job.parsed:
        return job.parsed.source.raw
    if job.content is not None:
        return job.content
    return read_regular(job.path)


def _check_compiles_before(job: FileJob, old: bytes) -> None:
    """A fix is verified by compiling it, so the file must compile before it.

    LibCST parses syntax newer than the running Python (``type X = int``,
    ``def f[T]()``, PEP 701 f-strings): such a file is reported for what it is,
    never as a codemod whose output does not compile.
    """
    try:
        error = compile_error(old, job.display)
    except (RecursionError, MemoryError):
        raise TransformError(TOO_DEEP) from None
    if error is not None:
        version = ".".join(map(str, sys.version_info[:2]))
        raise TransformError(
            f"does not compile on the running Python {version} ({_one_line(error)}),"
            " so no fix can be verified; file left as it was"
        )


def _one_line(error: BaseException) -> str:
    return " ".join(str(error).split())


def _verified(job: FileJob, source: Source, outcome: Outcome) -> Outcome:
    """Black's promise: the output compiles and a second run changes nothing.

    One exception: a site a codemod refused because its fix did not fit may
    fit once another codemod's fix lands after it (tls-verify drops
    ``verify=False``, then requests-timeout's ``timeout=60`` fits). When every
    change of the second run is such a site's fix, the second run's output
    is the outcome, verified in turn.
    """
    again = _run_again(job, source, outcome.text)
    if again.text == outcome.text:
        return outcome
    settled = _with_refused_sites_fixed(source.text, outcome, again)
    if settled is None or _run_again(job, source, settled.text).text != settled.text:
        changed_by = ", ".join(sorted({fix.codemod for fix in again.fixes})) or "a codemod"
        raise TransformError(
            f"{changed_by} is not idempotent here (a second run changes the output);"
            " file left as it was"
        )
    return settled


def _run_again(job: FileJob, source: Source, new_text: str) -> Outcome:
    """The codemods run on their own output ``new_text``, once it is known to compile."""
    try:
        error = compile_error(source.encode(new_text), job.display)
    except (RecursionError, MemoryError):
        raise TransformError(TOO_DEEP) from None  # CPython's compiler: "too complex"
    if error is not None:
        raise TransformError(f"codemod output does not compile ({error}); file left as it was")
    targets = job.targets
    if targets is not None:
        targets = {
            codemod_id: follow_ranges(ranges, source.text, new_text)
            for codemod_id, ranges in targets.items()
        }
    return transform_source(
        new_text,
        job.codemods,
        filename=job.display,
        allow_review=job.allow_review,
        targets=targets,
        project=job.project,
        module_path=job.module_path,
    )


def _with_refused_sites_fixed(old_text: str, first: Outcome, again: Outcome) -> Outcome | None:
    """``first`` with the fixes of the run ``again``, when each is of a site ``first`` refused.

    Lines of ``again`` are mapped back to the file's. None when a fix of
    ``again`` is anything else: a codemod that changes its own output.
    """
    to_file = LineMap(split_lines(first.text), split_lines(old_text))
    fixes = [replace(fix, line=to_file(fix.line)) for fix in again.fixes]
    refused = {(refusal.codemod, refusal.line) for refusal in first.refusals}
    fixed_now = {(fix.codemod, fix.line) for fix in fixes}
    if not fixes or not fixed_now <= refused:
        return None
    return Outcome(
        again.text,
        fixes=first.fixes + fixes,
        refusals=[r for r in first.refusals if (r.codemod, r.line) not in fixed_now],
        skipped_review=first.skipped_review,
        created=first.created + again.created,
        uses=first.uses + again.uses,
    )
