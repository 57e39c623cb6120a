# case: refuses a comment documents that the exception is ignored on purpose
# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like hupper's worker_main(): "attempt to" says a failure is tolerated; and
planemo's shed error message ("Attempt to parse those."). Not toil's "nobody else should
be trying to join", which speaks of other processes."""
import json
import logging
import os

LOG = logging.getLogger(__name__)


def worker_main(func, poller):
    try:
        func()
    finally:
        try:
            # attempt to send imported paths to the reloader process prior to
            # closing
            poller.update_paths()
            poller.stop()
            poller.join()
        except Exception:  # pragma: no cover
            pass


def error_message(e):
    message = e.read()
    try:
        # Galaxy passes nice JSON messages as their errors. Attempt to parse those.
        message = json.loads(message)["err_msg"]
    except Exception:
        pass
    return message


class Arena:
    def leave(self):
        with self.mutex:
            # Now nobody else should also be trying to join or leave.

            # Take ourselves out.
            try:
                os.unlink(self.lockfile_name)
            except Exception:
                pass
            self.lockfile_name = None
