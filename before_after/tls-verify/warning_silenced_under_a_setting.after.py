# case: unsafe
"""pymisp's cytomic_orion.py: the warning is silenced when the MISP setting turns
verification off; the token call to another host hard-codes verify=False."""
import requests
import urllib3

misp_verifycert = False


def token(url, user, password):
    return requests.post(url, data={"user": user, "password": password})


def servers(url, key):
    return requests.get(url + "servers/", headers={"Authorization": key}, verify=misp_verifycert)


if misp_verifycert is False:
    urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
