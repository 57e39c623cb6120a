# case: unsafe
# case: refuses a streamed response handed on or read line by line
"""The stream iter_content() gives, bound to a local name and returned for the caller to
read as long as it lasts, is handed on: a read timeout would end it after a quiet spell."""
import requests


def chunks(url, chunk_size):
    resp = requests.get(url, stream=True)
    reader = resp.iter_content(chunk_size=chunk_size)
    return reader
