# case: unsafe
"""A module-level timeout read from the environment is a string, which requests rejects as
a timeout: no setting to pass as it is; the call gets the fix."""
import os

import requests

HTTP_TIMEOUT = os.environ.get("HTTP_TIMEOUT", "10")


def send(url, data):
    return requests.post(url, data=data)
