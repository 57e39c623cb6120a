"""``cwemod fix``: preview (default), check, write, or walk hunks interactively."""

from __future__ import annotations

import sys

import click

from cwemod.cli.errors import EXIT_CHANGES, EXIT_ERROR, EXIT_OK, Failure, user_errors
from cwemod.cli.options import (
    fix_options,
    project_formatters,
    reformat_option,
    request_from,
    verify_option,
    verify_scanner,
)
from cwemod.cli.progress import planned
from cwemod.cli.terminal import is_terminal
from cwemod.engine.results import FileResult
from cwemod.render.diff import diff_bytes
from cwemod.render.json_out import results_json
from cwemod.render.summary import report_line, summary_line, verify_line
from cwemod.render.text import one_line

FORMATS = ("pretty", "diff", "json")


@click.command()
@fix_options
@click.option(
    "--format",
    "output_format",
    type=click.Choice(FORMATS),
    default=None,
    help="pretty (default on a terminal), diff (default on a pipe; git apply accepts it) or json.",
)
@click.option("--write", is_flag=True, help="Write the changes (default: only show them).")
@click.option("--check", is_flag=True, help="Write nothing; exit 1 if anything would change.")
@click.option(
    "-i",
    "--interactive",
    is_flag=True,
    help="Ask about each hunk, like git add -p, and write the accepted ones.",
)
@click.option(
    "--lint",
    is_flag=True,
    help="Run the project's flake8 (and ruff, where it configures ruff) on each changed"
    " file before and after the fix; drop every hunk that adds a violation.",
)
@click.option(
    "--lint-cmd",
    metavar="CMD",
    default=None,
    help="The flake8 command for --lint, which it implies"
    " (default: flake8 on PATH, else python -m flake8).",
)
@reformat_option
@verify_option
@user_errors
def fix(
    paths,
    codemods,
    excludes,
    jobs,
    unsafe,
    reports,
    paths_from,
    executor,
    scheduler,
    no_cache,
    output_format,
    write,
    check,
    interactive,
    lint,
    lint_cmd,
    reformat,
    verify,
):
    """Run codemods over PATHS (default: the current directory).

    Shows the changes as a diff and writes nothing unless --write is given.
    """
    if sum((write, check, interactive)) > 1:
        raise Failure("--write, --check and --interactive exclude each other")
    linter = _linter(lint_cmd) if lint or lint_cmd else None
    request = request_from(
        paths, codemods, excludes, jobs, unsafe, reports, paths_from, executor, scheduler, no_cache
    )
    scanner = verify_scanner(verify, request)
    results = planned(request, linter, scanner, project_formatters(reformat))
    if interactive:
        from cwemod.cli.interactive import walk_hunks

        sys.exit(walk_hunks(results))
    if write:
        from cwemod.engine.apply import write_results

        write_results(results)  # a file that cannot be written gets its error
    show(results, output_format, written=write, findings=request.findings)
    if reports:
        line = report_line(request.triaged, results, request.allow_review)
        click.echo(one_line(line), err=True)
    if verify:
        click.echo(one_line(verify_line(results)), err=True)
    if not reformat:
        _suggest_reformat(results)
    sys.exit(exit_code(results, check))


def _suggest_reformat(results: list[FileResult]) -> None:
    """Say so when a changed file's project is gated by a formatter ``--reformat`` would run."""
    changed = [result.path for result in results if result.counts_as_changed]
    if not changed:
        return
    from cwemod.codemods.kit.formatters import formatters_of

    for name in formatters_of(changed):
        click.echo(
            f"cwemod: the project formats with {name}: --reformat lays the fixes out its way",
            err=True,
        )


def show(
    results: list[FileResult], output_format: str | None, written: bool, findings=None
) -> None:
    output_format = output_format or ("pretty" if is_terminal() else "diff")
    if output_format == "json":
        click.echo(results_json(results, written=written), nl=False)
    elif output_format == "diff":
        if not written:
            sys.stdout.buffer.write(diff_bytes(results))
            sys.stdout.flush()
    else:
        from rich.console import Console

        from cwemod.render.pretty import print_left_alone, print_results

        console = Console()
        print_results(console, results, findings)
        print_left_alone(console, results)
    report_errors(results)
    click.echo(summary_line(results, written), err=True)


def _linter(lint_cmd: str | None):
    from cwemod.engine.lint import linter

    return linter(lint_cmd)


def report_errors(results: list[FileResult]) -> None:
    for result in results:
        if result.error is not None:
            click.echo(one_line(f"cwemod: {result.display}: {result.error}"), err=True)


def exit_code(results: list[FileResult], check: bool) -> int:
    if any(result.error is not None for result in results):
        return EXIT_ERROR
    if check and any(result.changed for result in results):
        return EXIT_CHANGES
    return EXIT_OK
