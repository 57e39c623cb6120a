# case: unsafe
# case: refuses is text to match or put in a string: no file is named
"""nuitka's test output cleaned of random temporary names: patterns and replacements,
no file; and /var/tmp chosen in a conditional that is the dir= of mkdtemp()."""
import os
import re
import tempfile

tempfile_posix_re = re.compile(r"/tmp/tmp[a-z0-9_]*")


def clean(line):
    line = tempfile_posix_re.sub(r"/tmp/tmpxxxxxxx", line)
    line = re.sub(r"/private/tmp/x", r"/tmp/x", line)
    return line.replace("/tmp/tmpabc", "/tmp/tmpxxxxxxx")


def work(flag):
    return tempfile.mkdtemp(prefix="t", dir=None if not (flag and os.path.exists("/var/tmp")) else "/var/tmp")

