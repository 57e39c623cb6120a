# case: unsafe
"""A retried upload that opens its file in each try (tenacity runs the function again):
every try sends the whole file, so the timeout's retry sends it again."""
import requests
from tenacity import retry, stop_after_attempt


@retry(stop=stop_after_attempt(3))
def upload(path, url):
    with open(path, "rb") as handle:
        return requests.post(url, files={"file": handle}, timeout=60).json()
