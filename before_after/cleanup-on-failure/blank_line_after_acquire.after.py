# case: unsafe
"""Shaped like enos's kolla.py: a blank line parts the acquire from its steps."""
import logging
import os
import shutil
import tempfile


def write_globals(render, values):
    fd, path = tempfile.mkstemp()

    try:
        render(path, values)
        return path
    finally:
        os.close(fd)


def build_images(build, images):
    workdir = tempfile.mkdtemp()

    try:
        # each image is built in the same directory
        build(workdir, images)
    finally:
        shutil.rmtree(workdir)


def open_inventory(path, flags, mode):
    fd = os.open(path, flags)

    try:
        os.chmod(path, mode)
    except BaseException:
        try:
            os.close(fd)
        except Exception:
            logging.getLogger(__name__).exception(
                'Cleanup after a failed open_inventory() failed')
        raise
    return fd
