# case: ignores shell= bound to a test for Windows runs a shell there only, where the list is joined (noted where a report asks)
"""Shaped like flit's install.py: a shell on Windows picks up the local PATH."""
import os
from subprocess import check_output


def python_paths(python, env):
    args = [python, '-c', 'import sys; print(sys.prefix)']
    # On Windows, shell needs to be True to pick up our local PATH
    # when finding the Python command.
    shell = (os.name == 'nt')
    return check_output(args, shell=shell, env=env).decode('utf-8')
