# case: unsafe
import requests


def fetch_status(url):
    return requests.get(url).status_code


def upload(url, payload, token):
    response = requests.post(url,
                             json=payload,
                             headers={'X-Auth-Token': token})
    return response.json()


def delete(url):
    requests.request(
        'DELETE',
        url,
    )
