# case: unsafe
# case: oldest-python 3.4
# case: refuses the project supports Python 3.4, which has no subprocess.run(): use subprocess.Popen([...], stdout=subprocess.PIPE, universal_newlines=True)
"""Shaped like netifaces' setup.py (Python 3.4 and later): subprocess.run() came with 3.5."""
import os


def compiler_version(compiler):
    return os.popen("%s --version" % compiler).read().strip()
