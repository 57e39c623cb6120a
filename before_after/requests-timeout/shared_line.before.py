# case: unsafe
# case: refuses timeout=60 would shift an aligned continuation line
import requests


def fetch(url, other):
    # Each call fits alone; the second does not once the first has its timeout:
    # it breaks after its argument, the timeout aligned under it.
    return requests.get(url).ok and requests.get(other).ok


def fetch_json(url, key, default):
    # A timeout would push the bracket that the next line is aligned under.
    return requests.get(url).json().get(key, [default,
                                              None])
