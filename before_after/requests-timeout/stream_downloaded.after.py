# case: unsafe
"""A streamed download read in the function that asks for it (iter_content(), .raw):
the timeout bounds each read, and a stalled download should fail."""
import shutil

import requests


def download(url, path):
    response = requests.get(url, stream=True, timeout=60)
    response.raise_for_status()
    with open(path, 'wb') as out:
        for chunk in response.iter_content(chunk_size=8192):
            out.write(chunk)
    return response.status_code


def copy(url, path):
    with requests.get(url, stream=True, timeout=60) as response:
        with open(path, 'wb') as out:
            shutil.copyfileobj(response.raw, out)
