# case: refuses a configuration default under a shared directory
# case: refuses state kept across runs
# case: refuses sqlite3.connect
# case: refuses a planted file runs code as the service when it is loaded (pickle.loads
"""Shaped like sushy-tools 2.2.0's sushy_tools/emulator/memoize.py: DBPATH is the default
of the SUSHY_EMULATOR_STATE_DIR setting its callers pass (``dbpath or self.DBPATH``); an
sqlite database under it keeps the emulator's state across restarts, and every value read
back is unpickled: another user who makes /tmp/sushy-emulator first plants code."""
import contextlib
import os
import pickle
import sqlite3
import tempfile
from collections.abc import MutableMapping


class PersistentDict(MutableMapping):
    DBPATH = os.path.join(tempfile.gettempdir(), 'sushy-emulator')

    _dbpath = None

    def make_permanent(self, dbpath, dbfile):
        dbpath = dbpath or self.DBPATH
        os.makedirs(dbpath, exist_ok=True)

        self._dbpath = os.path.join(dbpath, dbfile) + '.sqlite'

        with self.connection() as cursor:
            cursor.execute(
                'create table if not exists cache '
                '(key blob primary key not null, value blob not null)'
            )

    @staticmethod
    def encode(obj):
        return pickle.dumps(obj)

    @staticmethod
    def decode(blob):
        return pickle.loads(blob)

    @contextlib.contextmanager
    def connection(self):
        if not self._dbpath:
            raise TypeError('Dict is not yet persistent')

        with sqlite3.connect(self._dbpath) as connection:
            connection.execute("pragma journal_mode=wal")
            yield connection.cursor()

    def __getitem__(self, key):
        with self.connection() as cursor:
            cursor.execute('select value from cache where key=?', (self.encode(key),))
            value = cursor.fetchone()
        if value is None:
            raise KeyError(key)
        return self.decode(value[0])

    def __setitem__(self, key, value):
        with self.connection() as cursor:
            cursor.execute(
                'insert or replace into cache values (?, ?)',
                (self.encode(key), self.encode(value)),
            )

    def __delitem__(self, key):
        raise NotImplementedError

    def __iter__(self):
        return iter(())

    def __len__(self):
        return 0
