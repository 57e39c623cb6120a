# case: ignores the descriptor is returned to the caller, who releases it
import os
import tempfile


def scratch_file(text):
    fd, path = tempfile.mkstemp()
    os.write(fd, text)
    return fd, path
