# case: ignores the object initialize_fd() makes closes the descriptor when unbound (noted where a report asks)
"""Shaped like python-ldap's test_simple_bind_fileno_invalid: LDAPObject takes the
descriptor over, so a close after it would close it twice."""
import os

import _ldap


def bind_on_devnull(uri):
    fd = os.open(os.devnull, os.O_RDWR)
    conn = _ldap.initialize_fd(fd, uri)
    conn.simple_bind("", "")
    conn.unbind_ext()
