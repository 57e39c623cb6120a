"""horizon's horizon/utils/secret_key.py: the lock of the secret key file lies beside it.

The lock file is created in the directory of the very file it guards:
whoever can create the lock file there first can just as well create the
key file itself (mode 0600), which is then read as the key. Keying the
lock's name changes nothing, so no helper module is made for it either.
"""
# case: refuses the lock file lives in the directory of the file it guards (key_file): whoever can create it first can create key_file itself
# case: refuses the lock file lives in the directory of the file it guards (path)
# case: refuses the lock file lives in the directory of the file it guards (self.path)
import os

from oslo_concurrency import lockutils


def generate_or_read_from_file(key_file='.secret_key', key_length=64):
    abspath = os.path.abspath(key_file)
    if os.path.exists(key_file):
        return read_from_file(key_file)

    lock = lockutils.external_lock(key_file + ".lock",
                                   lock_path=os.path.dirname(abspath))
    with lock:
        if not os.path.exists(key_file):
            key = generate_key(key_length)
            with open(key_file, 'w', encoding="utf-8") as f:
                f.write(key)
        else:
            key = read_from_file(key_file)
        return key


def forget(path):
    lockutils.remove_external_lock_file(
        '%s.lock' % path, lock_path=os.path.dirname(os.path.realpath(path)))


class Store(object):
    def __init__(self, path):
        self.path = path

    def save(self, data):
        lock_dir = os.path.dirname(self.path)
        with lockutils.lock(f"{self.path}.lock", external=True, lock_path=lock_dir):
            with open(self.path, 'w') as f:
                f.write(data)


def read_from_file(key_file):
    with open(key_file, 'r') as f:
        return f.read()


def generate_key(key_length):
    return os.urandom(key_length).hex()
