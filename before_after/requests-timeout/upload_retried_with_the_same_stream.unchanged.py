# case: unsafe
# case: refuses the call uploads file_handle (files=), a stream that _read_file_remotely_with_retries()'s retry (backoff.on_exception) sends again read to its end
"""Shaped like airbyte-cdk's unstructured parser: the Unstructured API answers once it has
processed the document (hi-res OCR of a large PDF outlasts 60 s), and a ReadTimeout there
would be retried by backoff with the same handle, already read: an empty file."""
from io import IOBase

import backoff
import requests


class UnstructuredParser:
    @backoff.on_exception(backoff.expo, requests.exceptions.RequestException, max_tries=5)
    def _read_file_remotely_with_retries(self, file_handle: IOBase, api_url: str) -> str:
        return self._read_file_remotely(file_handle, api_url)

    def _read_file_remotely(self, file_handle: IOBase, api_url: str) -> str:
        file_data = {"files": ("filename", file_handle, "application/pdf")}
        response = requests.post(f"{api_url}/general/v0/general", files=file_data)
        response.raise_for_status()
        return response.text
