# case: ignores a constant command: nothing can be injected (noted where a report asks)
"""Shaped like beets' extension probe: a literal argument list, shell= from a variable."""
import subprocess
import sys


def ffprobe_available():
    shell = sys.platform == "win32"
    return subprocess.run(["ffprobe", "-version"], capture_output=True, shell=shell)
