# case: unsafe
# case: ignores the session's own verify is set: leaving the keyword out keeps it
import requests


def fetch(url, ca_bundle):
    session = requests.Session()
    session.verify = ca_bundle or False
    return session.get(url, timeout=30, verify=False)
