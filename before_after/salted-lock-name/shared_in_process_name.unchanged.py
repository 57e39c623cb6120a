# case: refuses the same name is also taken as an in-process lock in this module
from oslo_concurrency import lockutils


def external(router_id):
    with lockutils.lock('router-%s' % router_id, external=True):
        pass


def local(router_id):
    with lockutils.lock('router-%s' % router_id):
        pass
