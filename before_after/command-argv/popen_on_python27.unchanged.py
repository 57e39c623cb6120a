# case: unsafe
# case: oldest-python 2.7
# case: refuses the project supports Python 2.7, which has no subprocess.run(): use subprocess.Popen(
"""Shaped like netifaces' setup.py: the build runs on 2.7 and 3.4 too."""
import os


def compiler_version(compiler):
    return os.popen("%s --version" % compiler).read().strip()
