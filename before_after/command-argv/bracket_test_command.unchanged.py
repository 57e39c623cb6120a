# case: ignores a constant command whose [ and ] words are the test command, not globs (noted where a report asks)
"""Shaped like bifrost 21.1.0's bifrost/cli.py: check_for_root() asks for sudo unless root.
A word that is exactly [, [[, ] or ]] is no bracket expression, so nothing here expands
file names, and nothing is interpolated."""
import subprocess


def check_for_root():
    try:
        subprocess.check_call(
            '[ $(whoami) == root ] || sudo --non-interactive true',
            shell=True, stderr=subprocess.DEVNULL)
    except subprocess.CalledProcessError:
        return False
    return True


def has_config():
    return subprocess.call('[ -d /etc/bifrost ] && [[ -f /etc/bifrost/env ]]', shell=True)
