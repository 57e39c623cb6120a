import logging
import subprocess

LOG = logging.getLogger(__name__)


def add_address(device, cidr):
    cmd = 'ip addr add "%s" dev "%s"' % (cidr, device)
    LOG.debug('Running %s', cmd)
    subprocess.check_call(cmd, shell=True, stderr=subprocess.STDOUT)
