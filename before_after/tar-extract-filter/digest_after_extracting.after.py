# case: unsafe
"""A digest that checks no archive before it is extracted: compared after extracting (a
file the archive held), or no digest at all before: the archives come from elsewhere."""
import hashlib
import tarfile


def unpack(path, destination, expected):
    with tarfile.open(path) as tar:
        tar.extractall(destination, filter="data")
    with open(f"{destination}/payload.bin", "rb") as f:
        if hashlib.sha256(f.read()).hexdigest() != expected:
            raise ValueError("payload digest mismatch")


def unpack_named(path, destination, name):
    if name == "latest":
        name = "current"
    with tarfile.open(path) as tar:
        tar.extractall(f"{destination}/{name}", filter="data")
