# case: unsafe
# case: refuses would run past 79 columns or shift an aligned continuation line
import requests


def fetch(url, other):
    # Each call fits alone; the second does not once the first has its timeout.
    return requests.get(url, timeout=60).ok and requests.get(other).ok


def fetch_json(url, key, default):
    # A timeout would push the bracket that the next line is aligned under.
    return requests.get(url).json().get(key, [default,
                                              None])
