"""Shaped like ironic 39.0.0's console/container/systemd.py: _start() and _stop() both log
the unit's status, as best they can, in a handler that re-raises. The try in _stop() only
queries: the teardown by the function's name is not what it swallows."""

# case: unsafe
import logging

LOG = logging.getLogger(__name__)


class SystemdConsoleContainer:
    def _start(self, unit):
        try:
            execute("systemctl", "--user", "start", unit)
        except ProcessExecutionError as e:
            LOG.exception("Problem calling systemctl start")
            try:
                out, _ = execute("systemctl", "--user", "status", unit, check_exit_code=False)
                LOG.error(out)
            except Exception:
                pass
            raise ConsoleContainerError(provider="systemd", reason=e)

    def _stop(self, unit):
        try:
            execute("systemctl", "--user", "stop", unit)
        except ProcessExecutionError as e:
            LOG.exception("Problem calling systemctl stop")
            try:
                out, _ = execute("systemctl", "--user", "status", unit, check_exit_code=False)
                LOG.error(out)
            except Exception:
                pass
            raise ConsoleContainerError(provider="systemd", reason=e)
