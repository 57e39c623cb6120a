# case: refuses call shape not understood
from oslo_concurrency import lockutils


def take(*args, **kwargs):
    with lockutils.lock(*args, external=True):
        pass
    with lockutils.lock('x', **kwargs):
        pass
