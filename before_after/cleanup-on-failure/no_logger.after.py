import logging
import shutil
import tempfile


def make_workspace(files):
    path = tempfile.mkdtemp()
    try:
        for name, text in files.items():
            write(path, name, text)
    except BaseException:
        try:
            shutil.rmtree(path)
        except Exception:
            logging.getLogger(__name__).exception(
                'Cleanup after a failed make_workspace() failed')
        raise
    return path
