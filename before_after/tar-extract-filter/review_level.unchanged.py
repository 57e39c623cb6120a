# case: refuses the data filter refuses them
import tarfile


def unpack(archive, destination):
    with tarfile.open(archive) as tar:
        tar.extractall(destination)
