# case: ignores the steps catch every exception and go on, so a failing step
# already reaches the release (glances' port scan)
import logging
import os
import subprocess

LOG = logging.getLogger(__name__)


def port_open(cmd, port):
    fnull = open(os.devnull, 'w')
    try:
        ret = subprocess.check_call(cmd, stdout=fnull, stderr=fnull)
        port['status'] = ret == 0
    except subprocess.CalledProcessError:
        port['status'] = False
    except Exception as error:
        LOG.debug("cannot scan %s: %s", port['host'], error)
    fnull.close()
