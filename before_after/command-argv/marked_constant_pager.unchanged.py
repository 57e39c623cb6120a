# case: unsafe
# case: refuses marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable): the project accepted
"""Shaped like dvc's pager.py: a shell command the project's ruff gate accepted."""
import os

DEFAULT_PAGER = "less"


def find_pager():
    return os.system(f"({DEFAULT_PAGER}) 2>{os.devnull}")  # noqa: S605
