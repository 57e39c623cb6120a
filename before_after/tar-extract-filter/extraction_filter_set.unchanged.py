# case: unsafe
# case: refuses the code sets the_tar.extraction_filter, an explicit choice that filter= would override
"""Shaped like conan's untargz(): the archive's filter is the user's setting."""
import tarfile


def untargz(filename, destination, extract_filter=None):
    with tarfile.TarFile.open(filename, 'r:*') as the_tar:
        the_tar.extraction_filter = extract_filter or (lambda member, path: member)
        the_tar.extractall(path=destination)
