# case: unsafe
# case: oldest-python 3.8
# case: refuses the body is read through .raw, whose read timeout raises urllib3.exceptions.ReadTimeoutError, which the except OSError around it misses
"""A streamed response handed to a function of the module that reads it through
response.raw.stream() under `except OSError`: a read timeout there raises urllib3's
ReadTimeoutError, which is no OSError."""
import requests


def download(url, f):
    response = requests.get(url, stream=True)
    copy_body(response, f)


def copy_body(response, f):
    try:
        for chunk in response.raw.stream(decode_content=False):
            f.write(chunk)
    except OSError as e:
        raise RuntimeError("Failed to download") from e
