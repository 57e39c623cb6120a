# case: unsafe
# case: project cinderclient_version cinderclient/client.py
"""Shaped like python-cinderclient 9.10.0's client.py, its tests patching requests.request
(the package's attribute, which requests.get does not call) and keystoneauth1's
LegacyJsonAdapter.request: neither pins the requests.get."""
import requests


def get_server_version(url, insecure=False, cacert=None, cert=None):
    verify_cert = not insecure
    response = requests.get(url, verify=verify_cert, cert=cert, timeout=60)
    return response.text
