# case: unsafe
# case: refuses shell syntax outside quotes
"""Shaped like hg-git 1.2.0's hggit/_ssh.py, whose procutil.tonativestr(cmd) converts the
command line it built for Popen."""
import subprocess

from mercurial.utils import procutil


def fetch(host, path):
    cmd = "ssh '%s' cat '%s' | tar -x" % (host, path)
    return subprocess.Popen(procutil.tonativestr(cmd), shell=True)
