import os
import shlex


def bring_up(namespace, device):
    os.system('ip netns exec %s ip link set %s up' % (shlex.quote(namespace), shlex.quote(device)))
