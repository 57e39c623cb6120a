# case: refuses tempfile makes a random name in /tmp/, a directory chosen on purpose
"""Shaped like mistral's utils: dir= given to mkdtemp() through a dictionary."""
import contextlib
import shutil
import tempfile


@contextlib.contextmanager
def tempdir(**kwargs):
    argdict = kwargs.copy()
    if 'dir' not in argdict:
        argdict['dir'] = '/tmp/'
    tmpdir = tempfile.mkdtemp(**argdict)
    try:
        yield tmpdir
    finally:
        shutil.rmtree(tmpdir)
