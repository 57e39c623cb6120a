# case: unsafe
# case: formatter black
"""Shaped like mlem's contrib/docker/utils.py: a black project, the call's bracket below its
argument; black writes the added keyword with its magic trailing comma."""

import requests


def image_exists_at_dockerhub(tag, library=False):
    repo, tag = tag.split(":")
    lib = "library/" if library else ""
    resp = requests.get(
        f"https://registry.hub.docker.com/v2/repositories/{lib}{repo}/tags/{tag}"
    )
    return resp.status_code == 200
