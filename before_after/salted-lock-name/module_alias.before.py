import logging

import oslo_concurrency.lockutils
from oslo_concurrency import lockutils as lu

LOG = logging.getLogger(__name__)


def refresh(network_id):
    with lu.lock(name='dhcp-%s' % network_id, external=True):
        LOG.debug('refreshing %s', network_id)
    with oslo_concurrency.lockutils.lock('dhcp-all', external=True):
        LOG.debug('refreshing all')
