# case: unsafe
# case: refuses the try around it catches ConnectionError, which covers a connect timeout but not requests.ReadTimeout
"""Shaped like ephemeris's sleep.py: main()'s options.timeout is the number of polling
rounds galaxy_wait() waits for Galaxy to start (0 waits forever), no request's timeout,
and main()'s own name, which wait() cannot read."""
import time

import requests


def wait(url, timeout=0):
    count = 0
    while True:
        try:
            requests.get(url)
            break
        except requests.exceptions.ConnectionError:
            pass
        count += 1
        if timeout and count > timeout:
            return False
        time.sleep(1)


def version(url):
    return requests.get(url + "/api/version", timeout=60).json()


def main(options):
    return wait(options.url, timeout=options.timeout)
