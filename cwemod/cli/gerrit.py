"""``cwemod gerrit``: the planned fixes as Gerrit changes, one per group."""

from __future__ import annotations

import click

from cwemod.cli.errors import user_errors
from cwemod.cli.options import fix_options, reformat_option, request_from, verify_option
from cwemod.cli.patch import lint_options, plan_linted, split_option
from cwemod.vcs import Split
from cwemod.vcs.gerrit import PushOptions, show_command
from cwemod.vcs.workflow import Submission, plan_submission, submit


@click.command()
@fix_options
@split_option
@click.option(
    "--remote", help="Remote name or URL (default: from .gitreview, else gerrit, else origin)."
)
@click.option(
    "--branch",
    help="Target branch (default: .gitreview's defaultbranch, else the upstream branch).",
)
@click.option("--topic", help="Gerrit topic for the changes.")
@click.option(
    "--hashtag", "hashtags", multiple=True, metavar="TAG", help="Gerrit hashtag (repeatable)."
)
@click.option(
    "--reviewer",
    "reviewers",
    multiple=True,
    metavar="WHO",
    help="Reviewer, account or email (repeatable).",
)
@click.option("--wip", is_flag=True, help="Upload as work in progress.")
@lint_options
@reformat_option
@verify_option
@click.option(
    "--dry-run",
    is_flag=True,
    help="Print the commit messages and the push command; change nothing.",
)
@user_errors
def gerrit(
    split,
    remote,
    branch,
    topic,
    hashtags,
    reviewers,
    wip,
    lint,
    lint_cmd,
    reformat,
    verify,
    dry_run,
    **fix_args,
):
    """Upload the fixes for PATHS to Gerrit for review.

    Builds one commit per group on top of HEAD (OpenStack-style message,
    stable Change-Id), keeps them on the local branch cwemod/<topic or
    branch>, and pushes it to refs/for/<branch>. The working tree and the
    current branch are not touched; if the push fails the local branch is
    put back as it was.
    """
    request = request_from(**fix_args)
    results = plan_linted(request, lint, lint_cmd, verify, reformat)
    options = PushOptions(topic, tuple(hashtags), tuple(reviewers), wip)
    submission = plan_submission(results, request, Split(split), options, remote, branch)
    if not submission.series.groups:
        click.echo("cwemod: nothing to change; nothing pushed", err=True)
        return
    if dry_run:
        show_dry_run(submission)
        return
    urls = submit(submission)
    for url in urls:
        click.echo(url)
    count = len(submission.series.groups)
    click.echo(
        f"cwemod: pushed {count} commit{'s' if count != 1 else ''} from {submission.local} "
        f"to {submission.target.remote} for review on {submission.target.branch}",
        err=True,
    )


def show_dry_run(submission: Submission) -> None:
    messages = submission.series.messages
    for number, (group, message) in enumerate(zip(submission.series.groups, messages), start=1):
        click.echo(f"# commit {number}/{len(messages)}: {', '.join(group.displays)}")
        click.echo(message.text())
    click.echo(
        f"# the series would be kept on the local branch {submission.local} and pushed with:"
    )
    click.echo(show_command(submission.command))
    click.echo("cwemod: dry run; nothing was committed or pushed", err=True)
