# case: refuses docstring says what it makes is public or shared, so mode 0o777 is meant
"""Shaped like toil's make_public_dir(): the directory is bind-mounted read-write into
a container whose user is another one, so the world-writable mode is the point."""
import os
import uuid


def make_public_dir(in_directory):
    """
    Make a publicly-accessible directory in the given directory.

    Try a short random name first.
    """
    path = os.path.join(in_directory, str(uuid.uuid4())[:4])
    os.mkdir(path)
    os.chmod(path, 0o777)
    return path
