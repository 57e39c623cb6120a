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

    def _test_daemon_loop_stops(self, agent):
        agent.process_ports.side_effect = Exception("leave the loop")
        try:
            agent.daemon_loop()
        except Exception:
            pass
        agent.process_ports.assert_called_once_with()
