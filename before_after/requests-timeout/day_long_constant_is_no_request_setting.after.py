# case: unsafe
"""Shaped like shuup's admin support module, with the articles kept by a helper of the
project's: ONE_DAY, passed to it as timeout=, is a day, which no request waits for."""
import requests

from project.storage import remember

ONE_DAY = 60 * 60 * 24


def articles(url):
    found = requests.get(url, timeout=60).json()
    remember(url, found, timeout=ONE_DAY)
    return found
