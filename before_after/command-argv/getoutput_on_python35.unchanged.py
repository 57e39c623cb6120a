# case: unsafe
# case: oldest-python 3.5
# case: refuses use subprocess.run([...], stdout=subprocess.PIPE, universal_newlines=True)
"""Shaped like a release script of a project on Python 3.5 and later: capture_output= and
text= came with 3.7, subprocess.run() with 3.5."""
import subprocess


def tags(repo):
    return subprocess.getoutput("git -C '%s' tag" % repo)
