# case: unsafe
# case: oldest-python 3.8
# case: refuses the body is read through .raw, whose read timeout raises urllib3.exceptions.ReadTimeoutError, which the except OSError around it misses
"""Shaped like rpmdeplint's repodata download: the body read through response.raw.stream()
under `except OSError`, which tries the next mirror. iter_content() would turn a read
timeout into requests' ConnectionError (an OSError); .raw gives urllib3's
ReadTimeoutError, which is none."""
import requests


def download(urls, f):
    for index, url in enumerate(urls):
        try:
            response = requests.get(url, stream=True)
            response.raise_for_status()
            for chunk in response.raw.stream(decode_content=False):
                f.write(chunk)
            response.close()
            break
        except OSError as e:
            if index == len(urls) - 1:
                raise RuntimeError(f"Failed to download {url}") from e
    f.flush()
