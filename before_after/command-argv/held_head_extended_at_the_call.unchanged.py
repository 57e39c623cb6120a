# case: refuses the template is held in a variable
"""Shaped like zulip's vendored git_p4: a command built in a local, then extended at
the call; the program is literal."""
import os


def listing(d):
    cmd = 'ls "%s"' % d
    os.system(cmd + " -l")
