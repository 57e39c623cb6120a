# case: unsafe
# case: refuses the code tests whether tarfile has the data filter and extracts accordingly
"""Shaped like buildbot's remotetransfer: the else branch runs where filter= does not exist."""

import tarfile


def unpack(fileobj, destination):
    with tarfile.open(fileobj=fileobj) as archive:
        if hasattr(tarfile, "data_filter"):
            archive.extractall(path=destination, filter="data")
        else:
            archive.extractall(path=destination)
