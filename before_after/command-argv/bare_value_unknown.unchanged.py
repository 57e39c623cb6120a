# case: refuses device stood unquoted, so the shell split it into words and expanded globs
# case: unsafe
import subprocess


def bring_up(device):
    subprocess.check_call('ip link set %s up' % device, shell=True)
