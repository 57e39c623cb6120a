# case: unsafe
"""Shaped like calibre-web's Goodreads support: _CACHE_TIMEOUT is how long an
author's details are kept (23 hours), no request's timeout."""
import requests

_CACHE_TIMEOUT = 23 * 60 * 60


def author_page(url):
    return requests.get(url, timeout=60).text
