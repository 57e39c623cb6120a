# case: unsafe
# case: refuses runs in write() of a class, the method of a stream a log handler may write through
"""Shaped like sopel's OutputRedirect: it stands in for sys.stderr, where a console
handler writes; a log line in write() would come back through write()."""
import logging
import sys

LOGGER = logging.getLogger(__name__)


class OutputRedirect:
    def __init__(self, logpath, stderr=False):
        self.logpath = logpath
        self.stderr = stderr

    def write(self, string):
        try:
            if self.stderr:
                sys.__stderr__.write(string)
            else:
                sys.__stdout__.write(string)
        except Exception:  # TODO: Be specific
            pass
        with open(self.logpath, 'a') as logfile:
            logfile.write(string)
