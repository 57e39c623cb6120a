from oslo_concurrency import lockutils


def migrate(resource_id):
    ext_lock = lockutils.external_lock('migrate-%s' % resource_id)
    with ext_lock:
        pass
    lockutils.remove_external_lock_file('migrate-%s' % resource_id)
