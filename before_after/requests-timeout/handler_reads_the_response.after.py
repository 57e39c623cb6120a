# case: unsafe
"""Shaped like airbyte-cdk's SessionTokenAuthenticator.is_valid_session_token(): the handler
reads the HTTPError's response, which a Timeout has not (response=None), and it catches no
network failure: a Timeout escapes it as a ConnectionError already does."""
import requests


def is_valid_session_token(url, token):
    try:
        response = requests.get(url, headers={"X-Session": token}, timeout=60)
        response.raise_for_status()
    except requests.exceptions.HTTPError as e:
        if e.response.status_code == requests.codes["unauthorized"]:
            return False
        raise ConnectionError(f"Error while validating session token: {e}")
    return response.ok
