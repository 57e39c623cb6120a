# case: unsafe
"""Shaped like blivet's blivet.py: its handlers log what they ignore with the project's
log_exception_info() (storage_log), which prefixes IGNORED and writes the traceback."""
import logging
import shelve

from .storage_log import log_exception_info, log_method_call

log = logging.getLogger("blivet")


class Blivet:
    def __init__(self):
        log_method_call(self)
        try:
            out = capture_output(["lsblk", "--bytes", "-a"])
        except Exception:
            log_exception_info()
        else:
            log.debug("lsblk output:\n%s", out)

    def dump_state(self, key):
        with shelve.open(self._dump_file) as shelf:
            try:
                shelf[key] = [d.dict for d in self.devices]
            except AttributeError:
                log_exception_info()


def capture_output(argv):
    return argv
