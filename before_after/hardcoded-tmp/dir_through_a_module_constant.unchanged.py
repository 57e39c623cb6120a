# case: refuses tempfile makes a random name in /var/tmp, a directory chosen on purpose
"""rpmdeplint's repodata.py: a module constant whose only use in the module is
mkdtemp's dir=, a cache that survives reboots on purpose."""
from tempfile import mkdtemp

REPO_CACHE_DIR = "/var/tmp"
REPO_CACHE_NAME_PREFIX = "rpmdeplint-"


class Repo:
    def __init__(self, name):
        self.name = name

    def download_repodata(self):
        return mkdtemp(self.name, prefix=REPO_CACHE_NAME_PREFIX, dir=REPO_CACHE_DIR)
