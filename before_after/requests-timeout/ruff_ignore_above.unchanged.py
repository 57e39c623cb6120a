# case: unsafe
# case: refuses marked for its scanner (# nosec
import requests


def stream_forever(url):
    # ruff: ignore[request-without-timeout]
    # the stream ends when the server closes it
    return requests.get(url, stream=True)
