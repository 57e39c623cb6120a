# case: unsafe
# case: refuses marked for its scanner (# nosec
import requests


def reachable(url):
    # Disable SSL verification for reachability testing only
    response = requests.get(
        url, timeout=10, verify=False
    )  # nosec
    return response.ok
