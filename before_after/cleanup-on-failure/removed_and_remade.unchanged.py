# case: refuses os.rmdir() removes tmp_dir after tempfile.mkdtemp()
"""Tacker's: mkdtemp() only finds a free name, which copytree() then fills."""
import os
import shutil
import tempfile


def make_tmp_csar_dir(csar_dir):
    tmp_dir = tempfile.mkdtemp()
    os.rmdir(tmp_dir)
    shutil.copytree(csar_dir, tmp_dir)
    return tmp_dir
