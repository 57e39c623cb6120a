# case: unsafe
import asyncio


# The protocol keeps its worker's logger, as gunicorn's ASGI protocol does.
class Protocol(asyncio.Protocol):
    def __init__(self, worker):
        self.worker = worker
        self.log = worker.log

    def connection_lost(self, exc):
        try:
            self.worker.forget(self)
        except Exception:
            self.log.debug("Ignoring exception in Protocol.connection_lost()",
                           exc_info=True)
