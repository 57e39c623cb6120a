# case: refuses which is given verify=False only when `insecure` is true (line 9, false by default): an operator's choice
"""Shaped like sewer's Client._request() (sewer/client.py), with the setting a
parameter of the function: 'verify': False only when the caller asks for it."""
import requests


def fetch(url, timeout=7, insecure=False):
    kwargs = {"timeout": timeout}
    if insecure:
        kwargs["verify"] = False
    return requests.get(url, **kwargs)
