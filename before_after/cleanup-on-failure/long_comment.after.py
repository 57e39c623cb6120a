# case: unsafe
import logging

from example.agent import namespaces
from example.agent import netlib


class HaNamespace(namespaces.Namespace):

    def create(self):
        super().create(ipv6_forwarding=False)
        try:
            # Linux should not automatically assign link-local addr for HA
            # routers
            # They are managed by keepalived
            netlib.sysctl(['net.ipv6.conf.all.addr_gen_mode=1'], self.name)
        except BaseException:
            try:
                super().delete()
            except Exception:
                logging.getLogger(__name__).exception(
                    'Cleanup after a failed create() failed')
            raise
