# case: unsafe
# case: ignores `self._salt` is written into lock_filename(), a file name the class lists; with a report it says so
"""Shaped like mlem's utils/fslock.py: a random tie-breaker written into the lock file's name,
which every process reads back by listing the directory."""
import posixpath
import random

LOCK_EXT = "lock"


class FSLock:
    def __init__(self, fs, dirpath, name):
        self.fs = fs
        self.dirpath = dirpath
        self.name = name
        self._salt = None
        self._timestamp = None

    @property
    def salt(self):
        if self._salt is None:
            self._salt = random.randint(10**3, 10**4)
        return self._salt

    @property
    def lock_filename(self):
        return f"{self.name}.{self._timestamp}.{self.salt}.{LOCK_EXT}"

    @property
    def lock_path(self):
        return posixpath.join(self.dirpath, self.lock_filename)

    def _list_locks(self):
        return [posixpath.basename(f) for f in self.fs.listdir(self.dirpath, detail=False)]
