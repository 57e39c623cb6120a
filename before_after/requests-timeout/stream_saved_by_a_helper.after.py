# case: unsafe
"""Shaped like orange3's fasterrisk utils.download_file_from_google_drive(): the streamed
response is handed to save_response_content(), a function of the module that only loops
over iter_content(). It is a download read one function away, no feed: a stalled one
should fail."""
import requests

URL = "https://docs.google.com/uc?export=download"


def download_file_from_google_drive(id, destination):
    session = requests.Session()

    response = session.get(URL, params = { 'id' : id , 'confirm': 1 }, stream = True, timeout = 60)
    token = get_confirm_token(response)

    if token:
        params = { 'id' : id, 'confirm' : token }
        response = session.get(URL, params=params, stream=True, timeout=60)

    save_response_content(response, destination)


def fetch(url, dest):
    r = requests.get(url, stream=True, timeout=60)
    save(dest=dest, response=r)


def get_confirm_token(response):
    for key, value in response.cookies.items():
        if key.startswith('download_warning'):
            return value

    return None


def save_response_content(response, destination):
    CHUNK_SIZE = 32768

    with open(destination, "wb") as f:
        for chunk in response.iter_content(CHUNK_SIZE):
            if chunk: # filter out keep-alive new chunks
                f.write(chunk)


def save(response, dest):
    response.raise_for_status()
    with open(dest, "wb") as f:
        for chunk in response.iter_content(8192):
            f.write(chunk)
