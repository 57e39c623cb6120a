# case: unsafe
# case: refuses already extracts with the data filter
# case: refuses filter='tar' is an explicit choice
import tarfile


def unpack(archive, destination):
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter="data")


def unpack_trusted(archive, destination):
    with tarfile.open(archive) as tar:
        tar.extractall(destination, filter='tar')
