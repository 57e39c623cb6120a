# case: unsafe
# case: oldest-python 3.12
"""An archive opened into an annotated name: a TarFile by its value as by its type."""
import tarfile


def unpack(path, dest):
    archive: tarfile.TarFile = tarfile.open(path)
    archive.extractall(dest)
