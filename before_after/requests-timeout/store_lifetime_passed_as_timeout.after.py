# case: unsafe
"""Shaped like shuup's admin support module, with the cache kept under another name: the
store's set() takes how long the articles are kept, 15 minutes, as timeout=; no request's."""
import requests
from django.core.cache import caches

KEEP_ARTICLES = 15 * 60
store = caches["articles"]


def articles(url):
    found = store.get(url)
    if found is None:
        found = requests.get(url, timeout=60).json()
        store.set(url, found, timeout=KEEP_ARTICLES)
    return found
