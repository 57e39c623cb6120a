# case: unsafe
# case: refuses a fixed name in the shared temporary directory, which another user can create first
"""Shaped like blivet's Blivet.__init__: a shelve of the storage state dumped to a
fixed name under tempfile.gettempdir(), and its other spellings."""
import shelve
import tempfile


class Blivet:
    def __init__(self):
        self._dump_file = "%s/storage.state" % tempfile.gettempdir()

    def dump_state(self, state):
        with shelve.open(self._dump_file) as shelf:
            shelf["state"] = state


def formatted():
    return "{}/storage.state".format(tempfile.gettempdir())


def added():
    return tempfile.gettempdir() + "/storage.state"
