# case: ignores certificates are already verified (True or a CA bundle)
import requests


def fetch(url):
    requests.get(url, timeout=30, verify=True)
    return requests.get(url, timeout=30, verify='/etc/ssl/certs/ca.pem')
