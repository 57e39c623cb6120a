# case: unsafe
# case: oldest-python 3.4
# case: refuses add filter='data' by hand if it is, only where hasattr(tarfile, 'data_filter'): the project supports Python 3.4, whose tarfile takes no filter=
"""Shaped like Cactus 3.3.3's bootstrap/archive.py (classifiers: Python 2.6,
2.7 and 3.4): the archive is a TarFile or a ZipFile, and on those Pythons
extractall(filter='data') raises TypeError."""
import os
import tarfile
import zipfile

SUPPORTED_ARCHIVES = [
    (tarfile.open, tarfile.is_tarfile),
    (zipfile.ZipFile, zipfile.is_zipfile),
]


def bootstrap_from_archive(path, skeleton_file):
    for opener, test in SUPPORTED_ARCHIVES:
        if test(skeleton_file):
            archive = opener(skeleton_file)
            break
    else:
        raise Exception("Unsupported skeleton file type.")

    os.mkdir(path)
    archive.extractall(path=path)
    archive.close()
