# case: unsafe
"""The request sends a password a command printed: the command's timeout=30 is how long it
may run, no client's, so the request gets the default."""
import subprocess

import requests


def fetch(url, user):
    secret = subprocess.run(["pass", "api"], capture_output=True, text=True, timeout=30)
    return requests.get(url, auth=secret.stdout, timeout=60)
