# case: refuses shell syntax outside quotes: a pipe
"""Shaped like zulip's vendored git_p4: a diff piped into git apply, built in steps."""
import os


def piped(d):
    base = 'ls "%s"' % d
    cmd = base + " | wc"
    cmd2 = cmd + " -l"
    os.system(cmd2)
