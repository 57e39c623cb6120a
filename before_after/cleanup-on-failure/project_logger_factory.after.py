# case: unsafe
"""Shaped like pwntools' adb.py: the module's log comes from pwnlib.log.getLogger, whose
exception() raises again; the cleanup's log line must not replace the first error."""
import logging
import os
import shutil
import tempfile

from pwnlib.log import getLogger

log = getLogger(__name__)


def generate_project(sources):
    root = tempfile.mkdtemp()
    try:
        jni = os.path.join(root, 'jni')
        os.mkdir(jni)
        for source in sources:
            shutil.copy(source, jni)
    except BaseException:
        try:
            shutil.rmtree(root)
        except Exception:
            logging.getLogger(__name__).exception(
                'Cleanup after a failed generate_project() failed')
        raise
    return root
