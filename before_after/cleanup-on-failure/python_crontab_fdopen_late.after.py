# case: refuses os.fdopen() takes filed over and releases it, so a release after it would release it twice; the steps before it can fail
"""python-crontab's crontab.py, with a step that can fail between mkstemp() and
os.fdopen(): the file object gets its with, the descriptor advice."""
import os
import tempfile


def write2(text, log):
    filed, path = tempfile.mkstemp()
    os.chmod(path, 0o600)
    with os.fdopen(filed, 'wb') as fileh:
        fileh.write(text.encode('utf-8'))
    return path
