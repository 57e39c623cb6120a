# case: refuses a VAR=value prefix sets the environment through the shell
"""Shaped like gpustat's setup.py: the first word assigns an interpolated value to a variable
for the program after it (sh), so no program name is interpolated."""
import os
import sys


def build_sdist(version):
    os.system("GPUSTAT_VERSION='{}' sh -c '{} setup.py sdist'".format(
        version, sys.executable))
