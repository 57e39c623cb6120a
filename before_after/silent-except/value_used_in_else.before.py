# case: unsafe
"""wfuzz's GUI: the value has no default; a failure skips what the else does."""
import logging

LOG = logging.getLogger(__name__)


def run_command(parser, command):
    try:
        options = parser.parse(command)
    except Exception:
        pass
    else:
        options.run()
