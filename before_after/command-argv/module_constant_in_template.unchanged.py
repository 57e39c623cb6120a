# case: ignores the command is built from literals and a module constant: nothing can be injected
"""Shaped like buildbot's contrib/svnpoller.py: a URL set once at the top of the script."""
import subprocess

svnurl = "https://svn.example.org/svn/project/trunk"


def latest_log():
    return subprocess.check_output(
        "svn log --non-interactive --xml --limit=1 " + svnurl, shell=True
    )
