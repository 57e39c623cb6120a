# case: refuses a name with a random part
"""Shaped like awxkit's upload_inventory(): an inventory file named with a random
title, copied to the target host."""
import random
import uuid


def random_title(num_words=2):
    return ''.join(random.choice(['alpha', 'beta', 'gamma']) for _ in range(num_words))


def upload_inventory(ansible_runner, content):
    copy_dest = '/tmp/inventory{}.ini'.format(random_title())
    ansible_runner.copy(dest=copy_dest, force=True, mode='0644', content=content)
    return copy_dest


def scratch_names():
    return ['/tmp/job_%s.log' % uuid.uuid4(), f"/tmp/job_{uuid.uuid4().hex}.out"]
