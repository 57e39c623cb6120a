# case: refuses a yield after
"""A plain generator: code after its yield runs only if the consumer asks for more."""
import shutil
import tempfile


def scratch_dirs():
    path = tempfile.mkdtemp()
    prepare(path)
    yield path
    shutil.rmtree(path)
