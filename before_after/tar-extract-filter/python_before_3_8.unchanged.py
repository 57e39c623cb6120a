# case: unsafe
# case: oldest-python 3.6
# case: refuses the project supports Python 3.6, whose tarfile takes no filter=
"""A project on Python 3.6: extractall(filter=...) would raise TypeError there."""

import tarfile


def unpack(archive, destination):
    with tarfile.open(archive) as tar:
        tar.extractall(destination)
