# case: unsafe
# case: refuses would push a line past 79 columns
"""Shaped like enos's kolla.py: a comment with an indented line stays."""
import os
import tempfile


def write_globals(render, values):
    fd, path = tempfile.mkstemp()
    # Kolla reads its globals from this file, written as the user passed them:
    #     kolla_internal_vip_address: 10.0.0.1
    render(path, values)
    return path
