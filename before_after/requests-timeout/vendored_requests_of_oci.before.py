# case: unsafe
"""Shaped like oci-cli's cli_root.py and cli_session.py: requests vendored in the oci SDK,
imported from it, waits forever as requests does."""
import json

from oci._vendor import requests


def find_latest_release_version(url):
    try:
        response = requests.get(url)
        response.raise_for_status()
    except requests.exceptions.ConnectionError:
        return None
    except requests.exceptions.Timeout:
        return None
    return response.json()["info"]["version"]


def refresh(refresh_url, token, auth):
    return requests.post(
        refresh_url,
        headers={"content-type": "application/json"},
        data=json.dumps({"currentToken": token}),
        auth=auth,
    )
