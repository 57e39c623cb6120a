import subprocess


def set_state(device, up=True):
    state = 'up'
    if not up:
        state = 'down'
    subprocess.check_call('ip link set "%s" %s' % (device, state), shell=True)
