# case: refuses a yield after
import contextlib
import shutil
import tempfile


@contextlib.contextmanager
def scratch_dir():
    path = tempfile.mkdtemp()
    prepare(path)
    yield path
    shutil.rmtree(path)
