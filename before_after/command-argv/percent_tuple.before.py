import subprocess


def bring_up(namespace, device):
    subprocess.check_call("ip netns exec '%s' ip link set '%s' up" % (namespace, device), shell=True)
