# case: unsafe
import requests


def _url(host):
    if host.startswith("["):
        return "http://" + host
    return "https://" + host


def fetch(host):
    # one of the helper's URLs is https: the check is off there
    return requests.get(_url(host), verify=False, timeout=10).text
