# case: ignores thread locks, lock objects and unrelated external= keywords are not lock files
import threading


class Plugin:
    def __init__(self):
        self._lock = threading.Lock()
        self._block_size = 4096

    def create(self, name):
        with self._lock:
            return self.create_network(name, external=True)

    def create_network(self, name, external=False):
        with open('/etc/neutron/' + name) as handle:
            return handle.read(self._block_size), external

    def read_config(self, block_dir, name):
        return open(block_dir + name).read()
