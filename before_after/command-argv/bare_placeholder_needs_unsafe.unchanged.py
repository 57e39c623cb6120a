# case: refuses device stood unquoted in the shell string
import subprocess


def bring_up(device):
    subprocess.check_call('ip link set %s up' % device, shell=True)
