# case: refuses COUNT stood unquoted, so the shell split it into words
"""Shaped like gpustat's setup.py: a module global computed at import, not a literal."""
import os

COUNT = int(os.environ.get('N', '3'))


def ping():
    os.system('ping -c %s localhost' % COUNT)
