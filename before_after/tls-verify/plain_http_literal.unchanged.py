# case: refuses the URL is plain http://
import requests


def status(host, port):
    url = "http://%s:%d/status" % (host, port)
    return requests.get(url, verify=False, timeout=10).json()


def version(host):
    return requests.get(f"http://{host}/version", verify=False, timeout=10).text
