# case: unsafe
# case: refuses `flist` from tempfile.NamedTemporaryFile() comes after `tmpdir` from tempfile.mkdtemp(), whose cleanup now holds it in its try
"""Shaped like duplicity's idrived backend: a download directory, then a file list."""
import os
import shutil
import tempfile


def get(client, remote_path, local_path):
    tmpdir = tempfile.mkdtemp()
    try:
        flist = tempfile.NamedTemporaryFile("w")
        flist.write(remote_path)
        flist.flush()
        client.download(flist.name, tmpdir)
        shutil.copy(os.path.join(tmpdir, os.path.basename(remote_path)), local_path)
        flist.close()
    finally:
        shutil.rmtree(tmpdir)
