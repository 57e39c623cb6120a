import logging
import subprocess

LOG = logging.getLogger(__name__)


def add_address(device, cidr):
    cmd = ['ip', 'addr', 'add', str(cidr), 'dev', str(device)]
    LOG.debug('Running %s', cmd)
    subprocess.check_call(cmd, stderr=subprocess.STDOUT)
