import copy

from oslo_concurrency import lockutils


class IpsetManager:
    def __init__(self, namespace):
        self.namespace = namespace
        self.sets = {}

    def set_members(self, set_name, members):
        with lockutils.lock('ipset-%s' % self.namespace,
                            external=True):
            self.sets[set_name] = copy.copy(members)

    def cache(self, set_name):
        # An in-process lock: left alone, and silent in a whole-tree run.
        with lockutils.lock('ipset-cache'):
            return self.sets.get(set_name)
