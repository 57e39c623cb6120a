# case: unsafe
# case: oldest-python 3.9
# case: refuses so numeric_owner= would do nothing
"""A private helper's numeric_owner parameter that a call passes, by keyword or by position,
or that the helper rebinds: the owners matter somewhere."""
import tarfile


def _extract(archive, path, members=None, numeric_owner=False):
    with tarfile.open(archive) as tar:
        tar.extractall(path, members, numeric_owner=numeric_owner)


def _extract_too(archive, path, members=None, numeric_owner=False):
    with tarfile.open(archive) as tar:
        tar.extractall(path, members, numeric_owner=numeric_owner)


def _extract_rebound(archive, path, numeric_owner=False):
    if path == "/":
        numeric_owner = True
    with tarfile.open(archive) as tar:
        tar.extractall(path, numeric_owner=numeric_owner)


def restore(archive, path):
    _extract(archive, path, numeric_owner=True)
    _extract_too(archive, path, None, True)
    _extract_rebound(archive, path)
