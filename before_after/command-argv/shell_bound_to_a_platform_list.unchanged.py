# case: ignores shell= bound to a test for Windows runs a shell there only, where the list is joined (noted where a report asks)
"""Shaped like lsassy's edrsandblast dumper: a shell on Windows locates the binary."""
import subprocess
import sys


def run(args, **kargs):
    # Windows needs shell to be True, to locate binary automatically
    # On Linux, shell needs to be False to manage lists in args
    shell = sys.platform in ["win32"]
    return subprocess.run(args, shell=shell, **kargs)
