# case: unsafe
"""Shaped like flytekit's remote/remote.py: a gRPC deadline is no HTTP timeout."""
from datetime import timedelta

import requests

DEFAULT_SYNC_EXECUTION_RPC_TIMEOUT = timedelta(seconds=60)


def upload(signed_url, local_file):
    return requests.put(signed_url, data=local_file)
