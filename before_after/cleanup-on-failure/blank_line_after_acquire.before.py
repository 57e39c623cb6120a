# case: unsafe
"""Shaped like enos's kolla.py: a blank line parts the acquire from its steps."""
import os
import shutil
import tempfile


def write_globals(render, values):
    fd, path = tempfile.mkstemp()

    render(path, values)
    return path


def build_images(build, images):
    workdir = tempfile.mkdtemp()

    # each image is built in the same directory
    build(workdir, images)
    shutil.rmtree(workdir)


def open_inventory(path, flags, mode):
    fd = os.open(path, flags)

    os.chmod(path, mode)
    return fd
