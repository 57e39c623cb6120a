# case: unsafe
# case: refuses the try around its caller (`fetch`, line 16) catches HTTPError, not the requests.exceptions.Timeout
"""An HTTPError the codemod cannot tell for requests' (here urllib's, which stands for a failed
fetch beside requests' calls) is taken for a handler of network failures."""
from urllib.error import HTTPError

import requests


def _download(url):
    return requests.get(url).text


def fetch(url):
    try:
        return _download(url)
    except HTTPError:
        return None
