# case: unsafe
"""Shaped like solum's common/urlfetch.py: a size-capped download whose iter_content() is
bound to a local name and iterated in the same function is read there: a stalled download
should fail."""
import requests


def get(url, max_size, chunk_size):
    resp = requests.get(url, stream=True)
    resp.raise_for_status()
    reader = resp.iter_content(chunk_size=chunk_size)
    result = ""
    for chunk in reader:
        result += chunk
        if len(result) > max_size:
            raise IOError("File exceeds maximum allowed size (%s bytes)" % max_size)
    return result
