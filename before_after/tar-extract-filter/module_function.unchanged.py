# case: unsafe
# case: refuses the tarfile module has no extractall()
import tarfile


def unpack(destination, tar):
    tarfile.extractall(path=destination, members=tar)
