# case: unsafe
import requests


def fetch(session_url, identifier):
    return requests.get(f'{session_url}/resources/{identifier}/details',
                        timeout=60)
