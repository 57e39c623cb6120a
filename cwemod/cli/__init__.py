"""The ``cwemod`` command line: parse arguments, call the library, print, exit.

A command's module is imported only when that command runs: the engine
loads LibCST, which costs most of a second, and ``cwemod --help`` needs none
of it.
"""

from __future__ import annotations

import importlib

import click

from cwemod import __version__
from cwemod.runtime import collect_less_often, no_collection_at_exit

# Each command: the module that defines it (as a function of the same name), and the first
# paragraph of its help, which ``cwemod --help`` shows without importing the module.
# tests/test_startup.py checks both against the commands themselves.
COMMANDS = {
    "codemods": ("cwemod.cli.catalog", "List every codemod: id, CWE ids, applicability, title."),
    "explain": (
        "cwemod.cli.catalog",
        "What CODEMOD changes, why, what it refuses, and an example diff.",
    ),
    "findings": (
        "cwemod.cli.findings",
        "Triage REPORT's findings against PATHS: where each is now, and what cwemod can do.",
    ),
    "fix": ("cwemod.cli.fix", "Run codemods over PATHS (default: the current directory)."),
    "gerrit": ("cwemod.cli.gerrit", "Upload the fixes for PATHS to Gerrit for review."),
    "patch": (
        "cwemod.cli.patch",
        "Write the fixes for PATHS as a patch series that `git am` applies.",
    ),
}


class LazyGroup(click.Group):
    """A group whose commands are imported when they are invoked, not when it is listed."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        module, _ = COMMANDS[cmd_name]
        return getattr(importlib.import_module(module), cmd_name)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """As click lists commands, from the summaries above instead of the imported commands."""
        limit = formatter.width - 6 - max(len(name) for name in COMMANDS)
        rows = [
            (name, click.Command(name, help=COMMANDS[name][1]).get_short_help_str(limit))
            for name in self.list_commands(ctx)
        ]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="cwemod")
def main():
    """Turn security-review findings into reviewable code changes.

    Nothing is written unless you ask (--write). Exit codes: 0 nothing to
    change or all written, 1 changes pending with --check, 2 usage or input
    error.
    """
    collect_less_often()
    no_collection_at_exit()
