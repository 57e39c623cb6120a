"""Shaped like karbor 1.6.0's karbor/service.py: Service.wait() waits for each of its
oslo.service looping calls in turn (LoopingCallBase logs a failure itself before wait()
raises it); one that ended in failure must not stop the wait for the others, as its twin
loop in stop() ignores a failed stop()."""

# case: unsafe
# case: refuses best-effort teardown: wait() waits for each of self.timers
import logging

from oslo_service import loopingcall
from oslo_service import service

LOG = logging.getLogger(__name__)


class Service(service.Service):
    def start(self):
        self.timers = []
        pulse = loopingcall.FixedIntervalLoopingCall(self.report_state)
        pulse.start(interval=self.report_interval)
        self.timers.append(pulse)

    def wait(self):
        for x in self.timers:
            try:
                x.wait()
            except Exception:
                pass
        if self.rpcserver:
            self.rpcserver.wait()

    def report_state(self):
        LOG.debug("reporting")
