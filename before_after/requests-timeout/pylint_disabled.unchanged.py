# case: refuses marked for its scanner (# nosec, # noqa, # ruff:ignore or # pylint: disable)
"""tobiko's image download (tobiko/openstack/glance/_image.py): pylint runs in its
pre-commit, and the project turned its missing-timeout check off for this call."""
import requests


def download(image_url):
    # pylint: disable=missing-timeout
    http_request = requests.get(image_url, stream=True)
    with open("image", "wb") as image:
        for chunk in http_request.iter_content(chunk_size=1024 * 1024):
            image.write(chunk)


def status(url):
    return requests.get(url).status_code  # pylint: disable=missing-timeout
