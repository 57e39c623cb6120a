# case: refuses what super().create(...) did
"""Shaped like openstacksdk's baremetal Node.create(): super().create() with its arguments on
lines of their own, quoted in the reason on one line."""
from openstack import _common


class Node(_common.Resource):
    def create(self, session, *args, **params):
        super().create(
            session,
            prepend_key=True,
            base_path=None,
            microversion=self.microversion,
            **params,
        )
        self.set_provision_state(session, "manage", wait=True)
        return self
