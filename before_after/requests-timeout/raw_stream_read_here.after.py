# case: unsafe
"""Shaped like rpmdeplint's repodata download without its handler: the body read through
response.raw.stream() or .raw.read() in the function is a download read there, and a
stalled one should fail; where the try around it catches urllib3's error, or every
exception, the read timeout is caught."""
import requests
import urllib3


def download(url, f):
    response = requests.get(url, stream=True, timeout=60)
    for chunk in response.raw.stream(decode_content=False):
        f.write(chunk)


def fetch(url):
    response = requests.get(url, stream=True, timeout=60)
    return response.raw.read()


def download_or_log(url, f):
    try:
        response = requests.get(url, stream=True, timeout=60)
        for chunk in response.raw.stream(decode_content=False):
            f.write(chunk)
    except (OSError, urllib3.exceptions.ReadTimeoutError):
        return False
    return True
