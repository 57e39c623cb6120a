# case: unsafe
# case: refuses Root.delete() needs context, instance_id: whether the ones create() is given here are the ones to undo it with cannot be checked; decide the cleanup by hand
"""Shaped like trove's extensions/common/models.py."""


class Root(object):

    @classmethod
    def create(cls, context, instance_id, password, members=None):
        return context.enable_root(instance_id, password)

    @classmethod
    def delete(cls, context, instance_id):
        context.disable_root(instance_id)


class ClusterRoot(Root):

    @classmethod
    def create(cls, context, instance_id, password, members=None):
        user = super(ClusterRoot, cls).create(context, instance_id, password)
        for member in members or ():
            context.record(member)
        return user
