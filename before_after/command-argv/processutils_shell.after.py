from oslo_concurrency import processutils


def set_up(device):
    processutils.execute("ip", "link", "set", device, "up", run_as_root=True)
