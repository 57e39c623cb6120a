import subprocess


def bring_up(namespace, device):
    subprocess.check_call(["ip", "netns", "exec", str(namespace), "ip", "link",
                           "set", str(device), "up"])
