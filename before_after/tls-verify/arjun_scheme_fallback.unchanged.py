# case: unsafe
# case: refuses verifying here makes a certificate failure fall back to http://, a downgrade
"""Shaped like arjun's stable_request() (arjun/core/utils.py): https first, then http where
the request fails, the user's headers sent along."""
import requests


def stable_request(url, headers):
    parsed = url.split('://', 1)
    scheme, rest = parsed if len(parsed) == 2 else ('https', url)
    schemes = (['https', 'http'] if scheme == 'https' else ['http', 'https'])
    for scheme in schemes:
        try:
            response = requests.get(scheme + '://' + rest, headers=headers,
                                    verify=False, timeout=10)
            return response.url
        except Exception as e:
            if 'ConnectionError' not in str(e):
                continue
        return None
