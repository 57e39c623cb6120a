# case: unsafe
# case: oldest-python 3.6
# case: refuses use subprocess.run([...], stdout=subprocess.PIPE, universal_newlines=True) by hand
"""Shaped like Kallithea 0.7.0's scripts/shortlog.py (Python 3.6 and later): the lines of
os.popen() are read, which is not rewritten; subprocess.run() is there since 3.5, and
universal_newlines= is what 3.7 calls text=."""
import os


def authors(revset):
    return os.popen("hg log -r '%s' -T '{author}\\n'" % revset).readlines()
