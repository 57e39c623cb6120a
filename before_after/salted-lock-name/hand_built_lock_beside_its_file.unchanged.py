"""A hand-built lock file beside the file it guards, as fasteners users write it.

Whoever can create ``<path>.lock`` first can create ``<path>`` itself: no
name keying helps. A lock file in a directory of locks is still advice.
"""
# case: refuses the lock file lives in the directory of the file it guards (path): whoever
# case: refuses the lock file lives in the directory of the file it guards (self._file)
# case: refuses lock file built by hand
import os

import fasteners


def write_state(path, data):
    with fasteners.InterProcessLock(path + '.lock'):
        with open(path, 'w') as f:
            f.write(data)


class Cache(object):
    def __init__(self, file):
        self._file = file

    def lock(self):
        lock_file = '%s.lock' % self._file
        return fasteners.InterProcessLock(lock_file)


def lock_in(lock_dir, name):
    return fasteners.InterProcessLock(os.path.join(lock_dir, name + '.lock'))


def lock_named(lock_dir, name):
    return fasteners.InterProcessLock(lock_dir + '/' + name + '.lock')


def lock_of(lock_file):
    return fasteners.InterProcessLock('%s.lock' % lock_file)
