"""Brings a device up inside a network namespace."""

import subprocess


def set_link_up(namespace, device):
    cmd = ['ip', 'netns', 'exec', namespace, 'ip', 'link', 'set', device, 'up']
    subprocess.check_call(cmd)
