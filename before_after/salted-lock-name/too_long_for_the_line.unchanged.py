# case: refuses the keyed call does not fit in 79 columns
from oslo_concurrency import lockutils


class IpsetManager:
    def set_members(self, set_name, members):
        with lockutils.lock(
                'neutron-ipset-%s-%s' % (self.namespace_identifier, set_name),
                external=True):
            self.members[set_name] = members
