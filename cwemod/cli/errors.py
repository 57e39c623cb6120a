"""Bad input ends with one line on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import functools
import sys
from collections.abc import Callable

import click

from cwemod.errors import UserError
from cwemod.render.text import one_line

EXIT_OK, EXIT_CHANGES, EXIT_ERROR = 0, 1, 2


class Failure(click.ClickException):
    """An error already phrased for the user."""

    exit_code = EXIT_ERROR

    def show(self, file=None) -> None:
        # One line, whatever a report or a file name put in the message.
        click.echo(f"cwemod: error: {one_line(self.format_message())}", err=True)


def user_errors(command: Callable) -> Callable:
    """Turn the library's input, codemod, git and Gerrit errors into :class:`Failure`."""

    @functools.wraps(command)
    def wrapper(*args, **kwargs):
        try:
            return command(*args, **kwargs)
        except UserError as error:
            raise Failure(str(error)) from None
        except KeyboardInterrupt:
            click.echo("cwemod: interrupted; nothing more was written", err=True)
            sys.exit(130)

    return wrapper
