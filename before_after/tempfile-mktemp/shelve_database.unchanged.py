# case: unsafe
# case: refuses shelve.open() creates the database itself
"""angr's vaults: a shelve database at a mktemp() name. mkstemp() would leave an empty
file there, which dbm cannot tell the format of ("db type could not be determined")."""
import shelve
import tempfile


class VaultShelf:
    def __init__(self, path=None):
        self._path = tempfile.mktemp() if path is None else path
        self._shelve = shelve.open(self._path, protocol=-1)
