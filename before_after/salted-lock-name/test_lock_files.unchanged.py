# case: ignores test code: its locks are not where other users share the lock_path, and the test checks the file by name
import os

from oslo_concurrency import lockutils


def test_lock_file_is_named_after_the_lock(lock_dir):
    with lockutils.lock('lock-file', external=True, lock_path=lock_dir):
        assert os.path.exists(os.path.join(lock_dir, 'lock-file'))
