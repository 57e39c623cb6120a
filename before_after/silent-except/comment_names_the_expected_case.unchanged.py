# case: unsafe
# case: refuses a comment documents that the exception is ignored on purpose
"""Shaped like mlrun's project loader: a detached HEAD in CI has no active branch."""
import logging

logger = logging.getLogger(__name__)


def branch_of(repo, url):
    try:
        # handle cases where active_branch is not set (e.g. in Gitlab CI)
        url = f"{url}#refs/heads/{repo.active_branch}"
    except Exception:
        pass
    return url
