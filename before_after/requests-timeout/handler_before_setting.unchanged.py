# case: unsafe
# case: refuses the try around it catches ConnectionError, which covers a connect timeout but not requests.ReadTimeout
# case: refuses the module has REQUEST_TIMEOUT, a timeout the project sets
"""Shaped like ephemeris's sleep.py, with a request timeout of the project's at hand: the
handler that would let a ReadTimeout escape the retry is said too."""
import time

import requests

from project.settings import REQUEST_TIMEOUT


def wait(url, rounds=0):
    for _ in range(rounds):
        try:
            return requests.get(url).ok
        except requests.exceptions.ConnectionError:
            time.sleep(1)
    return False
