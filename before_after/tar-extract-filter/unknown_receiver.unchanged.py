# case: unsafe
# case: refuses cannot tell that archive is a TarFile
import tarfile
import zipfile


def unpack(archive, destination):
    archive.extractall(destination)


def unzip(path, destination):
    with zipfile.ZipFile(path) as bundle:
        bundle.extractall(destination)
