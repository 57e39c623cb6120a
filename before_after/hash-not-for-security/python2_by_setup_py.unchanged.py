# case: unsafe
# case: oldest-python 2.7
# case: refuses the project supports Python 2.7, whose hashlib takes no usedforsecurity
"""Shaped like atomic-reactor 1.6.26.3's util.py: its setup.py adds requirements-py2.txt
when sys.version_info[0] < 3, so the project runs on Python 2 (oldest_python() reads that)."""

import hashlib


def get_checksums(path):
    md5 = hashlib.md5()
    with open(path, 'rb') as f:
        for chunk in iter(lambda: f.read(4096), b''):
            md5.update(chunk)
    return {'md5sum': md5.hexdigest()}
