# case: unsafe
"""Shaped like pulpcore's pytest plugin: TASK_TIMEOUT is how long a task is polled for."""
import requests

from tests.functional.utils import TASK_TIMEOUT


def wait_for(monitor, task_href):
    return monitor(task_href, timeout=TASK_TIMEOUT)


def schema(url):
    return requests.get(url, timeout=60).json()
