# case: unsafe
# case: ignores the project's fopen() takes the descriptor over and closes it: a release after it would close it twice
"""Shaped like salt's modules/tls.py: salt.utils.files.fopen() is open() and more."""
import os

import salt.utils.files


def write_certificate(certp, data, database):
    fp = os.open(certp, os.O_CREAT | os.O_RDWR, 0o644)
    with salt.utils.files.fopen(fp, "wb") as ca_crt:
        ca_crt.write(data)
    database.record(certp)
    return "created"
