# case: refuses would tear down the whole object
# case: refuses super().create() is exists-ok: it also runs on a namespace that already exists and carries traffic (on every agent restart), so super().delete() on failure could tear down a namespace in use; and it skips FloatingNamespace.delete(), which tears down what this class adds
# case: unsafe
"""A floating-IP namespace shaped like Neutron's FipNamespace."""

from oslo_log import log as logging
from oslo_utils import excutils

from example.agent import namespaces
from example.agent import netlib

LOG = logging.getLogger(__name__)

GW_DEV_PREFIX = 'gw-'
PEER_DEV_PREFIX = 'pr-'


class FloatingNamespace(namespaces.Namespace):

    def __init__(self, network_id, driver):
        super().__init__('fip-' + network_id)
        self.driver = driver
        self.firewall = netlib.Firewall(namespace=self.name)
        self.gateway_port = None

    def create_gateway(self, port, device):
        """Namespace first, then the gateway device."""
        self.create()
        self.driver.plug(port['id'], device, namespace=self.name)
        self.gateway_port = port

    def create(self):
        LOG.debug("add floating namespace: %s", self.name)
        # the parent makes sure the namespace exists
        super().create()
        netlib.set_nonlocal_bind(self.name, 1,
                                 root_namespace=True)

        # nothing to track in this namespace
        self.firewall.raw.add_rule('PREROUTING',
                                   '-j CT --notrack')
        self.firewall.apply()

    def delete(self):
        self._delete()
        self.gateway_port = None

    def _delete(self):
        ip = netlib.Wrapper(namespace=self.name)
        for device in ip.devices():
            if device.name.startswith(PEER_DEV_PREFIX):
                ip.del_veth(device.name)
            elif device.name.startswith(GW_DEV_PREFIX):
                self.driver.unplug(device.name, namespace=self.name)
        LOG.debug('destroy floating namespace: %s', self.name)
        super().delete()

    def update_gateway(self, port, device):
        try:
            self.driver.update(port, device)
        except Exception:
            with excutils.save_and_reraise_exception():
                self.delete()
