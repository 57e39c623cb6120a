# case: unsafe
# case: refuses the try around it catches ConnectionError, which covers a connect timeout but not requests.ReadTimeout
"""Shaped like ephemeris's sleep.py, with its settings in a module: config.timeout is the
number of polling rounds the module's galaxy_wait() takes, which it only counts against."""
import time

import requests

from project import config


def galaxy_wait(url, timeout=0):
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


def main():
    return galaxy_wait(config.url, timeout=config.timeout)
