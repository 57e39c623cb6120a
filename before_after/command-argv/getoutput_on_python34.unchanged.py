# case: unsafe
# case: oldest-python 3.4
# case: refuses use subprocess.Popen([...], stdout=subprocess.PIPE, universal_newlines=True)
"""Shaped like a release script of a project on Python 3.4 and later: no subprocess.run()
before 3.5."""
import subprocess


def tags(repo):
    return subprocess.getoutput("git -C '%s' tag" % repo)
