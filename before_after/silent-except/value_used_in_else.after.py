# case: unsafe
"""wfuzz's GUI: the value has no default; a failure skips what the else does."""
import logging

LOG = logging.getLogger(__name__)


def run_command(parser, command):
    try:
        options = parser.parse(command)
    except Exception:
        LOG.debug("Ignoring exception in run_command()", exc_info=True)
    else:
        options.run()
