from oslo_concurrency import processutils


def set_up(device):
    processutils.execute("ip link set '%s' up" % device, shell=True, run_as_root=True)
