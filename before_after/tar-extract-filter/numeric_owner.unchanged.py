# case: unsafe
# case: refuses so numeric_owner= would do nothing
import tarfile


def safe_extract(archive, path, members=None, numeric_owner=False):
    # luigi's SafeExtractor: "If True, only the numeric owner will be used".
    with tarfile.open(archive) as tar:
        tar.extractall(path, members, numeric_owner=numeric_owner)
