"""Brings a device up inside a network namespace."""

import shlex
import subprocess


def set_link_up(namespace, device):
    cmd = 'ip netns exec %s ip link set %s up' % (shlex.quote(namespace), shlex.quote(device))
    subprocess.check_call(cmd, shell=True)
