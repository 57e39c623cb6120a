# case: unsafe
# case: ignores a directory a helper named clean_*() is handed to is released that way; with a report it says to check that call
"""Shaped like z/VM's smtclient._replace_user_direct()."""
import os
import tempfile


class Client(object):
    def replace(self, userid, entry):
        tmp_folder = tempfile.mkdtemp()
        path = os.path.join(tmp_folder, userid)
        with open(path, 'w') as f:
            f.write(entry)
        try:
            self._request('replace -f %s' % path)
        finally:
            self._pathutils.clean_temp_folder(tmp_folder)
