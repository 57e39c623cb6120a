# case: ignores no tarfile import: a zipfile or another library's extractall
import zipfile


def unzip(path, destination):
    with zipfile.ZipFile(path) as bundle:
        bundle.extractall(destination)
