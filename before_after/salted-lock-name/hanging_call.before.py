from oslo_concurrency import lockutils


class Cli:
    def create_snapshot(self, system_id, part_id):
        @lockutils.synchronized(
            '%s-connection' % system_id, 'infortrend-', True)
        def lock_initialize_conn():
            return part_id
        return lock_initialize_conn()
