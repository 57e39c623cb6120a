# case: unsafe
# case: project borg_testsuite src/pkg/testsuite/index_pytest.py
# case: ignores test code: random test data is not a secret
"""Shaped like borgbackup 1.4.5's src/borg/testsuite/hashindex_pytest.py: its tests ship
inside the package, in a testsuite/ folder, as top-level pytest functions."""
import os
import random

import pytest


def test_hashindex_stress():
    kv = {os.urandom(32): i for i in range(10)}
    delete_keys = random.sample(list(kv), k=random.randint(0, len(kv)))
    for k in delete_keys:
        kv.pop(k)
    assert len(kv) <= 10
