# case: unsafe
# case: refuses **kwargs, which may hold the timeout
import requests


def call(method, url, **options):
    return requests.request(method, url, **options)
