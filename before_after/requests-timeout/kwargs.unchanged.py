# case: unsafe
# case: refuses the call passes **options, which may hold the timeout
import requests


def call(method, url, **options):
    return requests.request(method, url, **options)
