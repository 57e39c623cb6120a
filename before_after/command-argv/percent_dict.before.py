import subprocess


def route(cidr, gateway):
    subprocess.call('ip route replace "%(cidr)s" via "%(gw)s"' % {'cidr': cidr, 'gw': gateway}, shell=True)
