# case: refuses n stood unquoted, so the shell split it into words
"""Shaped like gpustat's setup.py: a nested function reads its enclosing function's parameter,
and the module binds the same name to a literal (which the call does not read)."""
import os

n = '3'


def wait(n):
    def go():
        os.system('sleep %s' % n)
    go()
