# case: refuses self.src_file goes into the module's list _tmp_files, which clean_up_temp_files() releases: a failure before it is appended leaks it
# case: refuses self.dst_file goes into the module's list _tmp_files, which clean_up_temp_files() releases: a failure after that is released only where a caller calls clean_up_temp_files() in a finally
"""gsutil's rsync: _DiffIterator's __init__() opens its sorted listings and appends them to
the module's _tmp_files, which CleanUpTempFiles() closes and deletes; RunCommand() makes
the iterator before the try whose finally calls it."""
import os

_tmp_files = []


def clean_up_temp_files():
    for fileobj in _tmp_files:
        if not fileobj.closed:
            fileobj.close()
    for fileobj in _tmp_files:
        if os.path.isfile(fileobj.name):
            os.unlink(fileobj.name)


class DiffIterator:
    def __init__(self, src_name, dst_name, check):
        self.src_file = open(src_name, "r")
        self.dst_file = open(dst_name, "r")
        _tmp_files.append(self.src_file)
        _tmp_files.append(self.dst_file)
        check(self.src_file)
        self.src_it = iter(self.src_file)
