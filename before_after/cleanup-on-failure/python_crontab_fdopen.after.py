"""python-crontab's crontab.py: the descriptor from mkstemp() goes to os.fdopen() at once,
and the file object is closed when every step succeeds."""
import os
import tempfile


def write2(text):
    filed, path = tempfile.mkstemp()
    with os.fdopen(filed, 'wb') as fileh:
        fileh.write(text.encode('utf-8'))
    return path
