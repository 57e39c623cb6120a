# case: refuses subprocess.getoutput() always runs a shell and has no list form
# case: refuses only os.popen(cmd).read() is rewritten
import os
import subprocess


def status(path):
    text = subprocess.getoutput('ls %s' % path)
    pipe = os.popen('ls %s' % path)
    return text, pipe.readlines()
