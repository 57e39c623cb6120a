import logging
import shutil
import tempfile


def make_workspace(files):
    # A comment that was already longer than the project's line length, and that the fix does not move.
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
