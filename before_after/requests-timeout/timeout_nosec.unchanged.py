# case: ignores the call passes a timeout: its nosec comment is about something else
import requests


def fetch(url):
    return requests.get(url, timeout=30, verify=False)  # nosec B501
