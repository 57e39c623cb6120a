# case: unsafe
# case: refuses the module has REQUEST_TIMEOUT, a timeout the project sets
"""Shaped like mlflow's scoring client: users raise the setting for slow models."""
import requests
from requests.exceptions import ReadTimeout

from project.environment_variables import REQUEST_TIMEOUT


def invoke(url, data):
    try:
        return requests.post(url, data=data)
    except ReadTimeout:
        raise


def wait(url):
    return requests.get(url, timeout=REQUEST_TIMEOUT.get())
