# case: unsafe
# case: formatter black
"""Shaped like moto's tests/test_core/test_instance_metadata.py: a black project (line
length 79), each call's URL alone on a line between its brackets. Where the keyword fits
on that line, black writes it there, no comma; where it does not, one per line with the
magic comma."""

import requests

BASE_URL = "http://169.254.169.254"


def test_latest_meta_data():
    res = requests.get(
        f"{BASE_URL}/latest/meta-data/iam/security-credentials/", timeout=60
    )
    assert res.status_code == 200


def test_meta_data_default_role():
    res = requests.get(
        f"{BASE_URL}/latest/meta-data/iam/security-credentials/default-role",
        timeout=60,
    )
    assert res.status_code == 200
