"""Builds a report in a scratch directory handed to the caller."""

import os
import shutil
import tempfile


def prepare_workdir(files):
    workdir = tempfile.mkdtemp()
    for name, content in files.items():
        with open(os.path.join(workdir, name), 'w') as handle:
            handle.write(content)
    return workdir
