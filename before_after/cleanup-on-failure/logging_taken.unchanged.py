# case: refuses cannot log a failing cleanup
import tempfile

logging = None


def unpack(archive):
    path = tempfile.mkdtemp()
    archive.extractall(path)
    return path
