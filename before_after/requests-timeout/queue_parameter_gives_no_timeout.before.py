# case: unsafe
"""A parameter's get(timeout=1) counts only where the module's calls of its function hand it
a Session the module makes: a queue's one second is no request's timeout."""
import queue

import requests


def drain(jobs):
    return jobs.get(timeout=1)


def fetch(url):
    drain(queue.Queue())
    return requests.get(url).json()
