# case: ignores a constant command: nothing can be injected (noted where a report asks)
"""Shaped like beets' extension probe: a literal argument list, shell= from a variable."""
import subprocess
import sys


def ffprobe_available():
    shell = sys.platform == "win32"
    return subprocess.run(["ffprobe", "-version"], capture_output=True, shell=shell)


def build_css(here):
    """jupyterhub's setup.py: the same list through a name bound once."""
    shell = sys.platform == "win32"
    args = ['npm', 'run', 'css']
    subprocess.check_call(args, cwd=here, shell=shell)
