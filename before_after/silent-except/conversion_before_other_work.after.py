# case: unsafe
"""A conversion whose result is discarded, then a call that does the work: no type test, the
try guards the call as well."""
import logging

LOG = logging.getLogger(__name__)


def connect(client, host, port):
    try:
        int(port)
        client.connect(host, port)
    except Exception:
        LOG.debug("Ignoring exception in connect()", exc_info=True)
