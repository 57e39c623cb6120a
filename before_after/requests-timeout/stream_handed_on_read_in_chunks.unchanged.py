# case: unsafe
# case: refuses a streamed response handed on or read line by line (stream=True): how it is read is not seen here; one read in chunks
# case: refuses so a finite bound suits it, timeout=(10, 60)
"""Shaped like glance_store 5.7.0's HTTP store: the streamed response is handed on to
_query(), and an image download reads it in fixed-size chunks from .raw, where a read
timeout fires only if the server sends nothing for that long; the same call serves a
HEAD for the size. Not an event feed: the advice allows a finite read bound."""
import requests


def http_response_iterator(conn, response, size):
    try:
        chunk = response.read(size)
        while chunk:
            yield chunk
            chunk = response.read(size)
    finally:
        conn.close()


class Store:
    READ_CHUNKSIZE = 64 * 1024

    def get(self, uri):
        conn, resp = self._query(uri, "GET")
        return http_response_iterator(conn, resp, self.READ_CHUNKSIZE)

    def _query(self, uri, verb):
        conn = self._get_response(uri, verb)
        return conn, conn.raw

    def _get_response(self, uri, verb):
        if not hasattr(self, "session"):
            self.session = requests.Session()
        return self.session.request(verb, uri, stream=True, allow_redirects=False)
