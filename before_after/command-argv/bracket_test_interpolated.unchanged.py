# case: unsafe
# case: refuses '[' is the shell's test command (os.path or os.access tests the same in Python)
"""A shell test with a value interpolated: as an argument list it would run /usr/bin/[,
which works, but no reviewer would take `['[', '-d', path, ']']` for os.path.isdir(path)."""
import subprocess


def is_dir(path):
    return subprocess.call('[ -d %s ]' % path, shell=True) == 0


def exists(path):
    return subprocess.call('test -e %s' % path, shell=True) == 0
