# case: unsafe
"""Shaped like pyload's UnTar: the parameter is a TarFile, as tar.getmembers() says (a
ZipFile has no getmembers())."""
import tarfile


def extract_all(tar, path):
    names = [member.name for member in tar.getmembers()]
    tar.extractall(path)
    return names


def open_and_extract(archive, path):
    with tarfile.open(archive) as tar:
        return extract_all(tar, path)
