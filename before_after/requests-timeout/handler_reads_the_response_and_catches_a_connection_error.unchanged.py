# case: unsafe
# case: refuses the try around it catches ConnectionError, which covers a connect timeout but not requests.ReadTimeout
"""A handler of the response's HTTPError beside one of network failures: a ReadTimeout would
escape the second, the one to add it to."""
import requests


def latest_version(url):
    try:
        response = requests.get(url)
        response.raise_for_status()
    except requests.exceptions.HTTPError as error:
        return f"HTTP {error.response.status_code}"
    except requests.exceptions.ConnectionError:
        return None
    return response.json()["version"]
