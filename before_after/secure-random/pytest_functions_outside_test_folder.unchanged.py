# case: unsafe
# case: project borg_testsuite src/pkg/index_pytest.py
# case: ignores test code: random test data is not a secret
"""borgbackup 1.4.5 names its pytest modules *_pytest.py (src/borg/testsuite/hashindex_pytest.py):
one outside a test folder is test code by its text in a whole-tree run, which imports pytest
and defines top-level test functions (no test class)."""
import random

import pytest


@pytest.fixture
def kv():
    return {i: i for i in range(10)}


def test_delete(kv):
    delete_keys = random.sample(list(kv), k=3)
    for k in delete_keys:
        kv.pop(k)
