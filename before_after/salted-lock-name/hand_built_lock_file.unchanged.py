# case: refuses lock file built by hand
import fcntl
import os

import fasteners


def take(lock_dir, name):
    handle = open(lock_dir + '/' + name, 'w')
    fcntl.flock(handle, fcntl.LOCK_EX)
    return handle


def take_fd(name):
    return os.open(os.path.join(LOCK_PATH, name), os.O_CREAT | os.O_RDWR)


def take_fasteners(path):
    return fasteners.InterProcessLock(path)


LOCK_PATH = '/var/lib/neutron/lock'
