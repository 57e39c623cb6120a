"""Errors already phrased for the user: the CLI prints them on one line and exits 2.

This module imports nothing from cwemod, so every layer can raise these
errors and the CLI can catch them without an import pointing upwards.
"""

from __future__ import annotations

from collections.abc import Iterable


class UserError(Exception):
    """Base of every error whose message is meant for the user as it is."""


class InputError(UserError):
    """A path, option or report given by the user is unusable (exit code 2)."""


class UnknownCodemod(KeyError, UserError):
    """A codemod id that no codemod has; ``known`` lists the ids that exist."""

    def __init__(self, codemod_id: str, known: Iterable[str] = ()) -> None:
        super().__init__(codemod_id)
        self.known = tuple(known)

    def __str__(self) -> str:
        return f"unknown codemod {self.args[0]!r} (known: {', '.join(self.known)})"


class VcsError(UserError):
    """git, a patch series or Gerrit refused what was asked."""
