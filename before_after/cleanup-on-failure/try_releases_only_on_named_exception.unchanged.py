# case: unsafe
# case: refuses releases it only on exception.ImageExtractionFailed (a failure of another kind
"""Shaped like proliantutils 2.16.3's ilo/firmware_controller.py: extract(). The try's handler
names one exception: an OSError from the extraction leaks the directory too."""
import os
import shutil
import tempfile

from proliantutils import exception


def extract(self, target_file, find_firmware):
    temp_dir = tempfile.mkdtemp()
    extract_path = os.path.join(temp_dir, self.fw_filename)

    try:
        self._do_extract(target_file, extract_path)
    except exception.ImageExtractionFailed:
        shutil.rmtree(temp_dir, ignore_errors=True)
        raise

    firmware_file_path = find_firmware(extract_path)
    shutil.rmtree(temp_dir, ignore_errors=True)
    return firmware_file_path
