# case: unsafe
"""Shaped like pycti's connector helper: two linters' directives in a row document
nothing."""
import json
import logging

LOG = logging.getLogger(__name__)


def get_state(text):
    try:
        return json.loads(text)
    except:  # pylint: disable=bare-except  # noqa: E722
        pass
    return None
