# case: unsafe
# case: ignores a uuid4 name made by os.link(), which fails where the name is there (noted where a report asks)
"""Shaped like proliantutils' firmware_controller: the raw firmware file hard-linked into
the temporary directory under a uuid4 name. link(2) fails with EEXIST and follows no link
at the new name: the file is created exclusively, under a name no one can guess."""
import os
import tempfile
import uuid


def get_raw_firmware(firmware_file_path, file_name):
    new_firmware_file_path = os.path.join(
        tempfile.gettempdir(), str(uuid.uuid4())
        + '_' + file_name)

    # create a hard link to the raw firmware file
    os.link(firmware_file_path, new_firmware_file_path)
    return new_firmware_file_path


def symlink_it(target):
    link = '/tmp/firmware-%s' % uuid.uuid4().hex
    os.symlink(target, link)
    return link
