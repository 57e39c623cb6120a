# case: unsafe
# case: refuses a health check: it probes a service, often by address
import requests


def check_health(address, port):
    url = 'https://%s:%d/' % (address, port)
    return requests.get(url, timeout=10, verify=False).status_code == 200
