# case: unsafe
# case: refuses a lock file processes meet at: its fixed name is the point
"""Shaped like glean's cmd.main(): run as root at boot, it takes a lock on a fixed name
through the project's own systemlock.Lock, whose __enter__ opens the file and flocks it
(in another module). Every glean process must meet at the same name: mkstemp() would
give each one a lock of its own."""
from glean import systemlock


def main(args):
    with systemlock.Lock('/tmp/glean.lock'):
        configure(args)
