# case: unsafe
# case: refuses the try around it catches ConnectionError, InvalidURL, which covers a connect timeout but not requests.ReadTimeout
"""Shaped like sopel's url plugin: a timeout's ReadTimeout would escape the handler that
stands for a failed fetch, and reach the channel as an error."""
import requests


def find_title(url, headers):
    try:
        response = requests.get(url, stream=True, headers=headers)
    except (requests.exceptions.ConnectionError, requests.exceptions.InvalidURL):
        return None
    return response.text
