"""Git, patch series and Gerrit: turning a planned run into commits others review.

Everything here runs the real ``git`` binary and never checks anything out:
commits are built with plumbing on a temporary index (see :mod:`series`).
Every error raised for the user is a :class:`cwemod.errors.VcsError`.
"""

from cwemod.errors import VcsError
from cwemod.vcs.gerrit import GerritError
from cwemod.vcs.git import GitError
from cwemod.vcs.gitreview import GitReviewError
from cwemod.vcs.groups import SeriesError, Split

# Errors already phrased for the user: the CLI prints them in one line, exit 2.
USER_ERRORS = (VcsError,)

__all__ = [
    "USER_ERRORS",
    "GerritError",
    "GitError",
    "GitReviewError",
    "SeriesError",
    "Split",
    "VcsError",
]
