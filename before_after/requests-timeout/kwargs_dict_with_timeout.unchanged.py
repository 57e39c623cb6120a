# case: unsafe
# case: refuses the call's **params is a dict given a timeout where it is made
"""Shaped like octoprint's webcam snapshot and its test request: the options dict is made
with a timeout, which the call's **params passes."""
import requests


def snapshot(settings, url, auth):
    params = {
        "timeout": settings.get_int(["snapshotTimeout"]),
        "verify": settings.get_boolean(["snapshotSslValidation"]),
    }
    if auth == "bearer":
        params["headers"] = {"Authorization": "Bearer " + settings.get(["token"])}
    return requests.get(url, **params).content


def test_request(data):
    params = {"method": data["method"], "url": data["url"], "timeout": 3.0}
    if "timeout" in data:
        params["timeout"] = float(data["timeout"])
    return requests.request(**params).status_code
