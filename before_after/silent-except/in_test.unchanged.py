# case: refuses inside a test
import logging
import unittest

LOG = logging.getLogger(__name__)


class TestFirewall(unittest.TestCase):
    def test_defer_apply_with_exception(self):
        try:
            with self.firewall.defer_apply():
                raise RuntimeError("same exception")
        except Exception:
            pass
        self.assertTrue(self.firewall.applied)
