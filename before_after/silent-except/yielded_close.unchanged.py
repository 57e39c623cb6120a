# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
"""Shaped like magic-wormhole's cmd_send.py: Twisted's inlineCallbacks yields the close."""
import logging

from twisted.internet import defer

LOG = logging.getLogger(__name__)


@defer.inlineCallbacks
def send(wormhole, args):
    try:
        yield wormhole.send(args)
    finally:
        try:
            yield wormhole.close()
        except Exception:
            pass
