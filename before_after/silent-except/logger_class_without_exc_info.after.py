# case: unsafe
"""Shaped like moonraker's SimplyPrint component: its ProtoLogger's debug() takes a
message only, so self._logger.debug(..., exc_info=True) would raise TypeError."""
import asyncio
import logging

LOG = logging.getLogger(__name__)


class ProtoLogger:
    def __init__(self):
        self._logger = logging.getLogger("proto")

    def debug(self, msg):
        self._logger.debug(msg)


class Client:
    def __init__(self):
        self._logger = ProtoLogger()
        self.event = asyncio.Event()

    async def wait_for_request(self):
        try:
            await asyncio.wait_for(self.event.wait(), 1.0)
        except Exception:
            LOG.debug("Ignoring exception in Client.wait_for_request()",
                      exc_info=True)

    def on_message(self, message):
        self._logger.debug(f"received: {message}")
