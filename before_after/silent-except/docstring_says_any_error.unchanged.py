# case: unsafe
# case: refuses the function's docstring says it swallows failures on purpose
"""Shaped like avocado's genio.read_all_lines()."""
import logging

LOG = logging.getLogger(__name__)


def read_all_lines(filename):
    """Return all lines of a given file

    This utility method returns an empty list in any error scenario,
    that is, it doesn't attempt to identify error paths and raise
    appropriate exceptions.
    """
    contents = []
    try:
        with open(filename, "r", encoding="utf-8") as file_obj:
            contents = [line.rstrip("\n") for line in file_obj.readlines()]
    except Exception:  # pylint: disable=W0703
        pass
    return contents
