# case: unsafe
# case: refuses a fallback follows: when the try fails, `if not ioc:` right after it gives ioc
"""Shaped like gsutil's GetTermLines() (gslib/utils/system_util.py): the try asks the
controlling terminal for its size, and the `if not ioc:` right after it gives ioc another
way (the LINES variable, a default) when that fails."""
import fcntl
import logging
import os
import struct
import termios

logger = logging.getLogger(__name__)

_DEFAULT_NUM_TERM_LINES = 25


def GetTermLines():
  """Returns number of terminal lines."""

  def ioctl_GWINSZ(fd):
    return struct.unpack('hh', fcntl.ioctl(fd, termios.TIOCGWINSZ, '1234'))[0]

  ioc = 0
  try:
    fd = os.open(os.ctermid(), os.O_RDONLY)
    ioc = ioctl_GWINSZ(fd)
    os.close(fd)
  except:  # pylint: disable=bare-except
    pass
  if not ioc:
    ioc = os.environ.get('LINES', _DEFAULT_NUM_TERM_LINES)
  return int(ioc)
