"""Shaped like searchlight 9.0.0's searchlight/common/utils.py: the try asks the terminal
for its size with an ioctl, and the `if not height_width:` right after it asks `stty size`
when that fails: a fallback, no optional value. The stty try is the last way, and is logged."""

# case: unsafe
# case: refuses a fallback follows: when the try fails, `if not height_width:` right after it gives height_width another way
import logging
import os
import subprocess
import sys

LOG = logging.getLogger(__name__)


def _get_terminal_size_posix():
    import fcntl
    import struct
    import termios

    height_width = None

    try:
        height_width = struct.unpack('hh', fcntl.ioctl(sys.stderr.fileno(),
                                     termios.TIOCGWINSZ,
                                     struct.pack('HH', 0, 0)))
    except Exception:
        pass

    if not height_width:
        try:
            p = subprocess.Popen(['stty', 'size'],
                                 shell=False,
                                 stdout=subprocess.PIPE,
                                 stderr=open(os.devnull, 'w'))
            result = p.communicate()
            if p.returncode == 0:
                return tuple(int(x) for x in result[0].split())
        except Exception:
            LOG.debug('Ignoring exception in _get_terminal_size_posix()',
                      exc_info=True)

    return height_width
