# case: refuses tempfile makes a random name in /dev/shm, a directory chosen on purpose
import os
import tempfile


def write_secret(data):
    # google-auth's _mtls_helper: RAM-backed /dev/shm keeps the key off the disk
    tmp_dir = (
        "/dev/shm"
        if os.path.isdir("/dev/shm") and os.access("/dev/shm", os.W_OK)
        else None
    )
    fd, path = tempfile.mkstemp(dir=tmp_dir)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    return path
