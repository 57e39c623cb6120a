# case: unsafe
# case: project borg_testsuite src/pkg/testsuite/helpers.py
# case: ignores test code: a test's digest is the fixed value it asserts, it guards nothing
"""Shaped like borgbackup 1.4.5's src/borg/testsuite/helpers.py: its tests ship inside the
package, in a testsuite/ folder; the digest is the one the test asserts."""
import hashlib

import pytest


class TestStableDict:
    def test(self):
        d = {'bar': 2, 'baz': 4}
        assert hashlib.md5(repr(d).encode()).hexdigest() == 'fc78df42cd60691b3ac3dd2a2b39903f'


def test_bin_to_hex():
    assert bytes.fromhex('00') == b'\x00'


@pytest.mark.parametrize('value', [1, 2])
def test_value(value):
    assert value
