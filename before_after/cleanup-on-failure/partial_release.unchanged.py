# case: refuses is already released on some paths
import shutil
import tempfile


def unpack(archive):
    path = tempfile.mkdtemp()
    if not archive.valid():
        shutil.rmtree(path)
        raise ValueError('bad archive')
    archive.extract(path)
    return path
