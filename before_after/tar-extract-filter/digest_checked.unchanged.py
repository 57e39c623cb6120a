# case: unsafe
# case: refuses the archive is checked against a digest first (line 18)
# case: refuses the archive is checked against a digest first (line 30)
"""Shaped like snakemake's api.py: workflow sources it packed and uploaded itself, fetched
back and checked against their SHA-256 before they are unpacked."""
import hashlib
import hmac
import tarfile


class ApiError(Exception):
    pass


def deploy_sources(local_path, checksum):
    with open(local_path, "rb") as f:
        obtained_checksum = hashlib.file_digest(f, "sha256").hexdigest()
    if obtained_checksum != checksum:
        raise ApiError(
            f"Checksum of retrieved sources ({obtained_checksum}) does not match "
            f"expected checksum ({checksum})."
        )
    with tarfile.open(local_path, "r") as tar:
        tar.extractall()


def unpack_signed(path, destination, expected):
    with open(path, "rb") as f:
        digest = hashlib.sha256(f.read()).digest()
    if not hmac.compare_digest(digest, expected):
        raise ApiError("bad digest")
    with tarfile.open(path) as tar:
        tar.extractall(destination)
