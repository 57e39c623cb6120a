# case: unsafe
"""Shaped like bleak's BlueZ client: the TODO is about a type checker's ignore."""
import logging

LOG = logging.getLogger(__name__)


async def send_request(bus, message):
    # TODO: remove the cast once the stubs are fixed, so we can remove the pyright ignore
    try:
        await bus.call(message)
    except Exception:
        LOG.debug("Ignoring exception in send_request()", exc_info=True)
