# case: unsafe
# case: oldest-python 3.6
"""Shaped like a script of Kallithea 0.7.0 (Python 3.6 and later): subprocess.run() is
there since 3.5; text= is spelled universal_newlines= before 3.7."""
import subprocess


def owner(path):
    return subprocess.run(["stat", "-c", "%U", str(path)],
                          stdout=subprocess.PIPE,
                          universal_newlines=True).stdout
