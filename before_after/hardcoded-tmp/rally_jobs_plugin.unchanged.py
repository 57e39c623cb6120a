# case: project vpnaas_rally rally-jobs/plugins/vpn_base.py
# case: ignores test code: a top-level rally-jobs/ holds the gate's Rally plugins, not the service
"""Shaped like neutron-vpnaas 29.0.0's rally-jobs/plugins/vpn_base.py: a Rally scenario
the gate runs against a test cloud, which copies each keypair's private key to /tmp."""
import threading

from oslo_utils import uuidutils
from rally.plugins.openstack import scenario as rally_base

LOCK = threading.RLock()


class VpnBase(rally_base.OpenStackScenario):

    def setup(self, **kwargs):
        with LOCK:
            self.suffixes = [uuidutils.generate_uuid(),
                             uuidutils.generate_uuid()]
            self.remote_key_files = ['rally_keypair_' + x
                                     for x in self.suffixes]
            self.local_key_files = ['/tmp/' + x for x in self.remote_key_files]

    def dump_state(self, state):
        with open('/tmp/rally_vpn_state.txt', 'w') as stream:
            stream.write(state)
