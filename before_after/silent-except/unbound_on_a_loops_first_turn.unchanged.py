# case: unsafe
# case: refuses the handler leaves r unbound on the loop's first turn
"""Shaped like changedetection.io's version check: a failed first post leaves r unbound,
and a later turn keeps the turn before's response."""
import logging

LOG = logging.getLogger(__name__)


def check_for_new_version(session, stop, flag):
    while not stop.is_set():
        try:
            r = session.post("https://example.com/check-ver.php")
        except Exception:
            pass
        if "new_version" in r.text:
            flag.set()
        stop.wait(86400)
