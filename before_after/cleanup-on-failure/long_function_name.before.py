# case: unsafe
"""Shaped like mlflow's pyfunc: the cleanup's log line names no function that would not fit."""
import logging
import os
import shutil
import tempfile

_logger = logging.getLogger(__name__)


def _create_model_downloading_tmp_dir(root_model_cache_dir):
    tmp_model_dir = tempfile.mkdtemp(dir=root_model_cache_dir)
    os.chmod(tmp_model_dir, 0o750)
    return tmp_model_dir
