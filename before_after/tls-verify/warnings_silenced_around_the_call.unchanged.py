# case: refuses the call runs with every warning silenced
"""Shaped like gradio's url_ok(): its own server, reached by address, perhaps with a
self-signed certificate its ssl_verify setting allows."""
import time
import warnings

import httpx


def url_ok(url):
    for _ in range(5):
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore")
            r = httpx.head(url, timeout=3, verify=False)
        if r.status_code in (200, 401, 302):
            return True
        time.sleep(0.5)
    return False
