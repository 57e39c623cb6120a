# case: unsafe
# case: refuses the call uploads stream (data=), a stream that send()'s retry (retrying.retry) sends again read to its end
"""A retried function given an open file to send as the body: each try reads it from where
the last one stopped."""
from typing import BinaryIO

import requests
from retrying import retry


@retry(stop_max_attempt_number=3)
def send(url, stream: BinaryIO):
    return requests.put(url, data=stream).status_code
