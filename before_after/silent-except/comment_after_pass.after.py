# case: unsafe
"""The comment after pass stays at the end of the log line: the line is laid out with
it, and the other handler of the module is fixed as it would be alone."""
import json
import logging

LOG = logging.getLogger(__name__)


def f4(s):
    try:
        print(json.loads(s))
    except Exception:
        LOG.debug("Ignoring exception in f4()", exc_info=True)


def f5(s):
    try:
        print(json.loads(s))
    except Exception:
        LOG.debug("Ignoring exception in f5()",
                  exc_info=True)  # pylint: disable=W0703
