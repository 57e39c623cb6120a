"""OpenStack swift's swift/common/memcached.py: MemcacheRing._exception_occurred().

After a memcached connection failed, the fp and the socket are closed as best
effort and the names dropped with ``del``: a ``del`` of a name or attribute
after a teardown call is as harmless as ``x = None``.
"""
# case: refuses best-effort cleanup: ignoring a failed release or teardown is deliberate
# case: unsafe
import logging


class MemcacheRing:
    def __init__(self, logger=None):
        self.logger = logger or logging.getLogger(__name__)

    def _exception_occurred(self, server, e, sock=None, fp=None, got_connection=True):
        self.logger.error("Error talking to memcached: %s: %s", server, e)
        try:
            if fp:
                fp.close()
                del fp
        except Exception:
            pass
        try:
            if sock:
                sock.close()
                del sock
        except Exception:
            pass
        if got_connection:
            self._return_conn(server, None, None)

    def _drop(self):
        try:
            self._client.close()
            del self._client
        except Exception:
            pass
