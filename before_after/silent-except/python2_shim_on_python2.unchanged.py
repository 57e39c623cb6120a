# case: unsafe
# case: oldest-python 2.6
# case: refuses sys.exc_clear() exists only in Python 2, and the project supports Python 2.6: there
"""Shaped like youtube-dl's YoutubeDL.print_debug_header(): a project that runs on Python
2.6 and 2.7, where the call runs and clears the exception; only in Python 3 does the
handler run every time."""
import logging
import subprocess
import sys

LOG = logging.getLogger(__name__)


def git_head():
    try:
        sp = subprocess.Popen(['git', 'rev-parse', '--short', 'HEAD'], stdout=subprocess.PIPE)
        out, err = sp.communicate()
        return out.decode().strip()
    except Exception:
        try:
            sys.exc_clear()
        except Exception:
            pass
