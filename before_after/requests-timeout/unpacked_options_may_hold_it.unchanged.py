# case: oldest-python 3.5
# case: refuses the call passes **req_options, which may hold the timeout
import requests


def deliver(uri, payload, extra):
    req_options = {'data': payload}
    req_options.update(extra)
    return requests.post(uri, **req_options)
