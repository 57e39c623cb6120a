import subprocess


def enable_proxy_arp(name):
    subprocess.check_call(["sysctl", "-w",
                           "net.ipv4.conf.%s.proxy_arp=1" % name])


def set_delay(namespace, name):
    subprocess.check_call(
        ['ip', 'netns', 'exec', str(namespace), 'sysctl', '-w',
         'net.ipv4.neigh.%s.proxy_delay=1' % (name,)],
    )
