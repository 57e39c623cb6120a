# case: unsafe
# case: refuses marked # nosec
import requests


def stream_forever(url):
    return requests.get(url, stream=True)  # nosec B113
