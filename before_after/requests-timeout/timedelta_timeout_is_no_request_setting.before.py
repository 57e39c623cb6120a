# case: unsafe
"""Shaped like flytekit's remote.py: a timedelta, which requests rejects."""
from datetime import timedelta

import requests

WAIT_TIMEOUT = timedelta(seconds=60)


def upload(signed_url, local_file):
    return requests.put(signed_url, data=local_file)
