# case: refuses lock name salted with a per-process value (os.getpid)
# case: refuses lock name salted with a per-process value (uuid.uuid4)
# case: refuses lock name salted with a per-process value (time.time)
# case: refuses lock name salted with a per-process value (oslo_utils.uuidutils.generate_uuid)
import os
import time
import uuid

from oslo_concurrency import lockutils
from oslo_utils import uuidutils


def by_pid():
    with lockutils.lock('worker-%d' % os.getpid(), external=True):
        pass


def by_uuid():
    with lockutils.lock('job-' + str(uuid.uuid4()), external=True):
        pass


def by_time():
    with lockutils.lock(f'run-{time.time()}', external=True):
        pass


def by_oslo_uuid():
    with lockutils.lock('task-' + uuidutils.generate_uuid(), external=True):
        pass
