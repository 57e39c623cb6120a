# case: unsafe
# case: refuses removing verify=False would shift an aligned continuation line
import requests


def fetch(url, key):
    # The bracket the next line is aligned under would move left.
    return requests.get(url, verify=False).json().get(key, [None,
                                                            False])
