# case: unsafe
# case: refuses marked for its scanner (# nosec
import requests


def stream_forever(url):
    return requests.get(url, stream=True)  # nosec B113
