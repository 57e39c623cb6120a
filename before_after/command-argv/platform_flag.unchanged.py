# case: refuses Windows-only code: there a list given shell=True is joined
"""Shaped like poetry-core's vcs/git.py: cmd.exe expands %WINDIR% in where.exe's path."""
import subprocess
import sys

WINDOWS = sys.platform == "win32"


def git_executable():
    if WINDOWS:
        where = "%WINDIR%\\System32\\where.exe"
        paths = subprocess.check_output([where, "git"], shell=True, encoding="oem")
        return paths.splitlines()[0]
    return "git"
